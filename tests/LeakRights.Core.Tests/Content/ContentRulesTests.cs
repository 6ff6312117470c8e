using LeakRights.Core.Content;

namespace LeakRights.Core.Tests.Content;

public sealed class ContentRulesTests
{
    [Theory]
    [InlineData("pipl", true)]
    [InlineData("civil-code", true)]
    [InlineData("spb-12305", true)]
    [InlineData("pipl#4", false)]
    [InlineData("PIPL", false)]
    [InlineData("-pipl", false)]
    [InlineData("pipl--x", false)]
    [InlineData("pipl\n", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsValidId_Examples_MatchTheIdRule(string? id, bool expected) => Assert.Equal(expected, ContentRules.IsValidId(id));

    [Fact]
    public void IsValidId_LongerThanTheLimit_IsFalse()
    {
        Assert.True(ContentRules.IsValidId(new string('a', ContentRules.MaxIdLength)));
        Assert.False(ContentRules.IsValidId(new string('a', ContentRules.MaxIdLength + 1)));
    }

    [Theory]
    [InlineData("www.12377.cn", true)]
    [InlineData("fwpt.csrc12386.org.cn/path?a=1", true)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("https://www.12377.cn", false)]
    [InlineData("www.12377.cn\n", false)]
    [InlineData("www 12377.cn", false)]
    [InlineData("localhost", false)]
    public void IsValidWebsite_Examples_MatchTheEditorsRule(string website, bool expected) => Assert.Equal(expected, ContentRules.IsValidWebsite(website));

    [Theory]
    [InlineData("1038", "第一千零三十八条", true)]
    [InlineData("253-1", "第二百五十三条之一", true)]
    [InlineData("preamble", "序言", true)]
    [InlineData("4#7", "第四条", false)]
    [InlineData("47", "第一条", false)]
    [InlineData("47", null, false)]
    public void IsArticleNumberOf_Examples_NumberMustComeFromTheLabel(string number, string? label, bool expected) =>
        Assert.Equal(expected, ContentRules.IsArticleNumberOf(number, label));

    [Fact]
    public void CitationsIn_RealRules_ListsEveryCitedArticle()
    {
        var rules = TestContent.Bundle.Rules;

        var cited = ContentRules.CitationsIn(rules).Select(c => c.Ref).ToHashSet(StringComparer.Ordinal);

        Assert.Contains("pipl#57", cited);
        Assert.Contains(rules.Limitation.Cites[0], cited);
        Assert.Contains("court", ContentRules.AuthoritiesIn(rules).Select(a => a.Id));
    }
}
