using LeakRights.Core.Content;

namespace LeakRights.Core.Tests.Content;

public class SeedLoaderTests
{
    [Fact]
    public void Load_RealSeeds_HasNoErrors()
    {
        var (bundle, errors) = SeedLoader.TryLoad(TestContent.SeedsDirectory);

        Assert.Empty(errors);
        Assert.NotNull(bundle);
    }

    [Fact]
    public void TryLoad_DuplicateQuestionId_IsReportedNotThrown()
    {
        using var seeds = new SeedCopy();
        seeds.Replace("questionnaire.json", "\"id\": \"your-contact\"", "\"id\": \"your-name\"");

        var (bundle, errors) = SeedLoader.TryLoad(seeds.Path);

        Assert.Null(bundle);
        Assert.Contains(new SeedError("seeds/questionnaire.json", "question 'your-name'", "the id appears more than once"), errors);
    }
}
