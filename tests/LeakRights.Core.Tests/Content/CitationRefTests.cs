using LeakRights.Core.Content;

namespace LeakRights.Core.Tests.Content;

public class CitationRefTests
{
    [Fact]
    public void Format_JoinsLawAndArticleWithHash()
    {
        Assert.Equal("pipl#57", CitationRef.Format("pipl", "57"));
    }

    [Theory]
    [InlineData("pipl#57", "pipl", "57")]
    [InlineData("p#5", "p", "5")]
    [InlineData("criminal-law#253-1", "criminal-law", "253-1")]
    public void TryParse_LawHashArticle_SplitsIt(string text, string law, string article)
    {
        Assert.True(CitationRef.TryParse(text, out var lawId, out var number));
        Assert.Equal(law, lawId);
        Assert.Equal(article, number);
    }

    [Theory]
    [InlineData("pipl")]
    [InlineData("#57")]
    [InlineData("pipl#")]
    [InlineData("pipl#4#7")]
    [InlineData("pipl##7")]
    public void TryParse_Malformed_FailsWithEmptyParts(string text)
    {
        Assert.False(CitationRef.TryParse(text, out var lawId, out var number));
        Assert.Equal(string.Empty, lawId);
        Assert.Equal(string.Empty, number);
    }
}
