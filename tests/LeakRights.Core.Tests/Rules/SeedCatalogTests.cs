using LeakRights.Core.Rules;

namespace LeakRights.Core.Tests.Rules;

public class SeedCatalogTests
{
    private static readonly SeedCatalog Catalog = new(TestContent.Bundle);

    [Fact]
    public void FindArticle_SeededArticle_IsRevisionOneWithLawDates()
    {
        var law = TestContent.Bundle.Laws.Single(l => l.Id == "pipl");
        var article = law.Articles.Single(a => a.Number == "57");

        Assert.Equal(new CatalogArticle("pipl", law.Title, "57", article.Label, article.Text, 1, law.Effective, law.TextAsOf, false), Catalog.FindArticle("pipl", "57"));
    }

    [Theory]
    [InlineData("pipl", "9999")]
    [InlineData("no-law", "57")]
    public void FindArticle_Unknown_IsNull(string law, string number)
    {
        Assert.Null(Catalog.FindArticle(law, number));
    }

    [Fact]
    public void FindAuthority_KnownAndUnknown()
    {
        Assert.Same(TestContent.Bundle.Authorities.Single(a => a.Id == "court"), Catalog.FindAuthority("court"));
        Assert.Null(Catalog.FindAuthority("nobody"));
    }
}
