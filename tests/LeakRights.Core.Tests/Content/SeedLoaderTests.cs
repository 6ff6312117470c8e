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
}
