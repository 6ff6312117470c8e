using LeakRights.Core.Content;

namespace LeakRights.Core.Tests.Content;

public class StatuteSeedTests
{
    [Theory]
    [InlineData("第一千零三十八条", "1038")]
    [InlineData("第二百五十三条之一", "253-1")]
    [InlineData("第十条", "10")]
    [InlineData("第一百一十一条", "111")]
    [InlineData("第八项", "8")]
    [InlineData("第十二项", "12")]
    [InlineData("序言", "preamble")]
    public void TryParseArticleLabel_ChineseLabel_GivesCitationNumber(string label, string expected)
    {
        Assert.True(ChineseNumerals.TryParseArticleLabel(label, out var number));
        Assert.Equal(expected, number);
    }

    [Theory]
    [InlineData("Article 57")]
    [InlineData("第条")]
    [InlineData("第五十七章")]
    [InlineData("第五十七条之")]
    public void TryParseArticleLabel_NotAnArticle_Fails(string label)
    {
        Assert.False(ChineseNumerals.TryParseArticleLabel(label, out _));
    }

    [Fact]
    public void Laws_EveryLegalPackFile_IsSeeded()
    {
        var ids = TestContent.Bundle.Laws.Select(l => l.Id).ToHashSet();

        Assert.Superset(
            new HashSet<string> { "civil-code", "pipl", "consumer-protection-law", "criminal-law", "npc-decision-2012", "cybersecurity-law", "spc-spp-interpretation-2017", "spc-facial-recognition-2021", "public-security-admin-punishments-law", "cybersecurity-law-2016" },
            ids);
    }

    [Theory]
    [InlineData("civil-code", 24)]
    [InlineData("pipl", 24)]
    [InlineData("consumer-protection-law", 9)]
    [InlineData("criminal-law", 2)]
    [InlineData("npc-decision-2012", 13)]
    [InlineData("cybersecurity-law", 10)]
    [InlineData("spc-spp-interpretation-2017", 14)]
    [InlineData("spc-facial-recognition-2021", 17)]
    [InlineData("public-security-admin-punishments-law", 4)]
    [InlineData("cybersecurity-law-2016", 11)]
    public void Laws_ArticleCount_MatchesLegalPack(string law, int count)
    {
        Assert.Equal(count, TestContent.Bundle.Laws.Single(l => l.Id == law).Articles.Count);
    }

    [Fact]
    public void Article_Text_IsVerbatimAndHasNoProvenanceNotes()
    {
        var article = TestContent.Bundle.Laws.Single(l => l.Id == "civil-code").Articles.Single(a => a.Number == "1038");

        Assert.StartsWith("信息处理者不得泄露或者篡改其收集、存储的个人信息；", article.Text, StringComparison.Ordinal);
        Assert.All(TestContent.Bundle.Laws.SelectMany(l => l.Articles), a => Assert.DoesNotMatch("[A-Za-z]{4,}", a.Text));
    }

    [Fact]
    public void Cybersecurity2016_IsSupersededByCurrentText()
    {
        var old = TestContent.Bundle.Laws.Single(l => l.Id == "cybersecurity-law-2016");

        Assert.Equal(LawStatus.Superseded, old.Status);
        Assert.Equal("cybersecurity-law", old.SupersededBy);
        Assert.Equal(new DateOnly(2026, 1, 1), TestContent.Bundle.Laws.Single(l => l.Id == "cybersecurity-law").Effective);
    }
}
