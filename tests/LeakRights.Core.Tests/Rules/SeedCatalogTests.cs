using LeakRights.Core.Content;
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

        Assert.Equal(new CatalogArticle(new CitationRef("pipl", "57"), law.Title, article.Label, article.Text, 1, law.Effective, law.TextAsOf, false), Catalog.FindArticle(new CitationRef("pipl", "57")));
    }

    [Theory]
    [InlineData("pipl", "9999")]
    [InlineData("no-law", "57")]
    public void FindArticle_Unknown_IsNull(string law, string number)
    {
        Assert.Null(Catalog.FindArticle(new CitationRef(law, number)));
    }

    [Fact]
    public void FindAuthority_KnownAndUnknown()
    {
        Assert.Same(TestContent.Bundle.Authorities.Single(a => a.Id.Value == "court"), Catalog.FindAuthority(new AuthorityId("court")));
        Assert.Null(Catalog.FindAuthority(new AuthorityId("nobody")));
    }
}
