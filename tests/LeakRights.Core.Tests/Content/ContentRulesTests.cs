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
    [Fact]
    public void CitationsIn_RealRules_SaysWhereEachArticleIsCited()
    {
        var cited = ContentRules.CitationsIn(TestContent.Bundle.Rules).ToList();

        Assert.Contains(("期限 limitation", "civil-code#188"), cited);
        Assert.Contains(("刑事追诉标准", "criminal-law#253-1"), cited);
        Assert.Contains(("刑事追诉标准", "spc-spp-interpretation-2017#5"), cited);
        Assert.Contains(("诉讼时效", "civil-code#188"), cited);
        Assert.Contains(("步骤 send-deletion-request", "pipl#47"), cited);
        Assert.Contains(("步骤 civil-suit", "civil-code#1183"), cited);
        Assert.Contains(("提示 sensitive", "pipl#28"), cited);
        Assert.Equal(cited.Count, cited.Distinct().Count());
    }

    [Fact]
    public void AuthoritiesIn_RealRules_SaysWhereEachAuthorityIsNamed()
    {
        var named = ContentRules.AuthoritiesIn(TestContent.Bundle.Rules).ToList();

        Assert.Contains(("紧急事项 call-110-now", "police-110"), named);
        Assert.Contains(("步骤 civil-suit", "court"), named);
        Assert.Contains(("步骤 spam-report", "isc-12321"), named);
        Assert.Contains(("途径 complain", "spb-12305"), named);
        Assert.Contains(("途径 complain", "nfra-12378"), named);
        Assert.Equal(named.Count, named.Distinct().Count());
    }

    [Theory]
    [InlineData("2026-11-28", true)]
    [InlineData("2024-02-29", true)]
    [InlineData("2026-02-29", false)]
    [InlineData("2026-13-01", false)]
    [InlineData("2026/11/28", false)]
    [InlineData("2026-11-28T00:00", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsDate_Examples_OnlyRealIsoDates(string? value, bool expected) => Assert.Equal(expected, ContentRules.IsDate(value));

    [Theory]
    [InlineData(null, 3, false)]
    [InlineData("", 3, false)]
    [InlineData("   ", 3, false)]
    [InlineData("abc", 3, true)]
    [InlineData("abcd", 3, false)]
    [InlineData("个人信息", 4, true)]
    public void IsRequiredText_Examples_PresentNotBlankAndWithinTheLimit(string? value, int max, bool expected) =>
        Assert.Equal(expected, ContentRules.IsRequiredText(value, max));

    [Theory]
    [InlineData(null, 3, true)]
    [InlineData("", 3, true)]
    [InlineData("abc", 3, true)]
    [InlineData("abcd", 3, false)]
    public void IsOptionalText_Examples_AbsentOrWithinTheLimit(string? value, int max, bool expected) =>
        Assert.Equal(expected, ContentRules.IsOptionalText(value, max));

    [Fact]
    public void LengthLimits_AtAndPastTheLimit_AreEnforced()
    {
        Assert.False(ContentRules.IsValidId(string.Empty));
        Assert.False(ContentRules.IsValidWebsite(string.Empty));
        var site = "www.example.cn/" + new string('a', ContentRules.MaxAuthorityFieldLength - 15);
        Assert.True(ContentRules.IsValidWebsite(site));
        Assert.False(ContentRules.IsValidWebsite(site + "a"));
        Assert.False(ContentRules.IsArticleNumberOf("1", string.Empty));
        Assert.True(ContentRules.IsArticleNumberOf("1", "第一条"));
        Assert.False(ContentRules.IsArticleNumberOf("1", "第一条" + new string('　', ContentRules.MaxLabelLength)));
    }
}
