using LeakRights.Core.Pdf;

namespace LeakRights.Core.Tests.Pdf;

public class LineBreakerTests
{
    // Monospace measure: every character is 1 wide, so a width of N fits N characters.
    private static double One(char c) => 1;

    [Fact]
    public void Break_NumberBeforeAChineseUnit_StaysWithIt()
    {
        // "建议给对方15" / "日时间答复" was printed; 15 is one unit of width 2 here.
        Assert.Equal(["建议给对方", "15日时间答复"], LineBreaker.Break("建议给对方15日时间答复", 7, One));
    }

    [Fact]
    public void Break_FillInBlank_IsNotCutIntoTwoShortLines()
    {
        Assert.Equal(["具体为：", "＿＿＿＿＿＿", "（只写"], LineBreaker.Break("具体为：＿＿＿＿＿＿（只写", 7, One));
    }

    [Fact]
    public void Break_FieldLabelAfterALongValue_StaysWholeWithItsColon()
    {
        // 「被申请人：某某有限公司　　地」 / 「址：北京市…」 was printed for a long organisation name.
        Assert.Equal(["被申请人：某某有限公司", "地址：北京市"], LineBreaker.Break("被申请人：某某有限公司　　地址：北京市", 14, One));
        Assert.Equal(["申请人：王小明", "联系方式：138"], LineBreaker.Break("申请人：王小明　　联系方式：138", 12, One));
    }

    [Fact]
    public void Break_ColonInRunningText_DoesNotHoldTheWordsBeforeIt()
    {
        // Only a label after an ideographic space is held: a sentence with a colon breaks where it fills the line.
        Assert.Equal(["本人提出以下要", "求：删除"], LineBreaker.Break("本人提出以下要求：删除", 7, One));
    }

    [Fact]
    public void Break_BlankLongerThanTheLine_StillBreaks()
    {
        Assert.Equal(["＿＿＿＿", "＿＿"], LineBreaker.Break("＿＿＿＿＿＿", 4, One));
    }

    [Fact]
    public void Break_PlainChinese_FillsLinesToWidth()
    {
        Assert.Equal(["一二三四", "五六七八", "九"], LineBreaker.Break("一二三四五六七八九", 4, One));
    }

    [Theory]
    [InlineData('，')]
    [InlineData('。')]
    [InlineData('、')]
    [InlineData('；')]
    [InlineData('：')]
    [InlineData('？')]
    [InlineData('！')]
    [InlineData('）')]
    [InlineData('》')]
    [InlineData('」')]
    [InlineData('』')]
    [InlineData('】')]
    [InlineData('”')]
    [InlineData('’')]
    public void Break_ClosingPunctuationAtLineStart_PullsPreviousCharacterDown(char punctuation)
    {
        var lines = LineBreaker.Break($"一二三四{punctuation}五六", 4, One);

        Assert.All(lines.Skip(1), l => Assert.NotEqual(punctuation, l[0]));
        Assert.Equal($"一二三四{punctuation}五六", string.Concat(lines));
        Assert.Equal(["一二三", $"四{punctuation}五六"], lines);
    }

    [Theory]
    [InlineData('（')]
    [InlineData('《')]
    [InlineData('「')]
    [InlineData('『')]
    [InlineData('【')]
    [InlineData('“')]
    [InlineData('‘')]
    public void Break_OpeningPunctuationAtLineEnd_MovesToNextLine(char punctuation)
    {
        var lines = LineBreaker.Break($"一二三{punctuation}四五六", 4, One);

        Assert.All(lines, l => Assert.NotEqual(punctuation, l[^1]));
        Assert.Equal(["一二三", $"{punctuation}四五六"], lines);
    }

    [Fact]
    public void Break_MixedChineseAndLatin_KeepsWordsAndNumbersWhole()
    {
        var lines = LineBreaker.Break("拨打12378或访问www.12377.cn举报", 12, One);

        Assert.Contains(lines, l => l.Contains("12378", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("www.12377.cn", StringComparison.Ordinal));
        Assert.All(lines, l => Assert.True(l.Length <= 12));
        Assert.Equal("拨打12378或访问www.12377.cn举报", string.Concat(lines));
    }

    [Fact]
    public void Break_EnglishWords_BreakAtSpaces()
    {
        Assert.Equal(["hello", "world"], LineBreaker.Break("hello world", 7, One));
    }

    [Fact]
    public void Break_WordLongerThanLine_IsBrokenNotOverflowing()
    {
        var lines = LineBreaker.Break("abcdefghijklmnopqrstuvwxyz", 10, One);

        Assert.Equal(["abcdefghij", "klmnopqrst", "uvwxyz"], lines);
    }

    [Fact]
    public void Break_ProportionalWidths_NeverExceedWidth()
    {
        static double Width(char c) => c < 128 ? 0.55 : 1.0;
        var text = "个人信息处理者应当采取措施，确保个人信息处理活动符合法律、行政法规的规定（详见 PIPL Article 51），并防止未经授权的访问以及个人信息泄露、篡改、丢失。";

        var lines = LineBreaker.Break(text, 12, Width);

        Assert.Equal(text.Replace(" ", string.Empty, StringComparison.Ordinal), string.Concat(lines).Replace(" ", string.Empty, StringComparison.Ordinal));
        Assert.All(lines, l => Assert.True(l.Sum(Width) <= 12 + 1.0, l));
        Assert.All(lines.Skip(1), l => Assert.DoesNotContain(l[0], LineBreaker.NoLineStart));
        Assert.All(lines, l => Assert.DoesNotContain(l[^1], LineBreaker.NoLineEnd));
    }

    [Fact]
    public void Break_EmptyText_GivesOneEmptyLine()
    {
        Assert.Equal([string.Empty], LineBreaker.Break(string.Empty, 10, One));
    }
}
