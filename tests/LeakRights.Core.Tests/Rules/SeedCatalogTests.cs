using LeakRights.Core.Content;
using LeakRights.Core.Rules;

namespace LeakRights.Core.Tests.Rules;

public class SeedCatalogTests
{
    private static readonly SeedCatalog Catalog = new(TestContent.Bundle);

    [Fact]
    public void TryFindArticle_SeededArticle_IsRevisionOneWithLawDates()
    {
        var law = TestContent.Bundle.Laws.Single(l => l.Id == "pipl");
        var article = law.Articles.Single(a => a.Number == "57");

        Assert.True(Catalog.TryFindArticle(new CitationRef("pipl", "57"), out var foundLaw, out var found));
        Assert.Same(law, foundLaw);
        Assert.Equal(new Article("57", article.Label, article.Text, 1, law.Effective, law.TextAsOf, false), found);
    }

    [Theory]
    [InlineData("pipl", "9999")]
    [InlineData("no-law", "57")]
    public void TryFindArticle_Unknown_IsFalse(string law, string number)
    {
        Assert.False(Catalog.TryFindArticle(new CitationRef(law, number), out var foundLaw, out var found));
        Assert.Null(foundLaw);
        Assert.Null(found);
    }

    [Fact]
    public void FindAuthority_KnownAndUnknown()
    {
        Assert.Same(TestContent.Bundle.Authorities.Single(a => a.Id.Value == "court"), Catalog.FindAuthority(new AuthorityId("court")));
        Assert.Null(Catalog.FindAuthority(new AuthorityId("nobody")));
    }
}
