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

    [Theory]
    [InlineData("某某有限公司　　一二三四五六：北京", 9, new[] { "某某有限公司", "一二三四五六：北京" })] // six characters: a label, held
    [InlineData("某某有限公司　　一二三四五六七：北", 9, new[] { "某某有限公司　　一", "二三四五六七：北" })] // seven: a phrase, not held
    [InlineData("某某有限公司　　地址北京市海淀区", 9, new[] { "某某有限公司　　地", "址北京市海淀区" })] // no colon: not a label
    [InlineData("某某有限公司　　地址", 9, new[] { "某某有限公司　　地", "址" })] // the text ends before any colon
    [InlineData("某某有限公司地址：北京", 8, new[] { "某某有限公司地", "址：北京" })] // no ideographic space before it
    public void Break_FieldLabel_OnlyAShortRunAfterAnIdeographicSpaceAndBeforeAColon(string text, double width, string[] expected)
    {
        Assert.Equal(expected, LineBreaker.Break(text, width, One));
    }

    [Fact]
    public void Break_FieldLabelAtTheStartOfTheText_HasNothingToHoldItFrom()
    {
        // 「地址：」 opening a paragraph is not after an ideographic space: the colon only keeps 「址」 with it.
        Assert.Equal(["地", "址：", "北"], LineBreaker.Break("地址：北", 2, One));
    }

    [Fact]
    public void Break_CharactersBeyondTheBasicPlane_AreNeverSplitInHalf()
    {
        // 𠮷 (U+20BB7, a name character) is two UTF-16 units: a line break between them would print two broken halves.
        var lines = LineBreaker.Break("𠮷𠮷𠮷", 3, One);

        Assert.Equal(["𠮷", "𠮷", "𠮷"], lines);
    }

    [Theory]
    [InlineData("写信到wang.xm@example.com说明", "wang.xm@example.com")]
    [InlineData("访问www.example.cn/a-b_c说明", "www.example.cn/a-b_c")]
    [InlineData("工号A&B+C#12说明", "A&B+C#12")]
    [InlineData("收件人Müller-Lüdenscheidt说明", "Müller-Lüdenscheidt")]
    [InlineData("时间12:30,12'5说明", "12:30,12'5")]
    public void Break_AddressesAndCodes_StayWholeOnOneLine(string text, string word)
    {
        foreach (var width in Enumerable.Range(word.Length, 6))
        {
            var lines = LineBreaker.Break(text, width, One);

            Assert.Contains(lines, l => l.Contains(word, StringComparison.Ordinal));
            Assert.Equal(text, string.Concat(lines));
        }
    }

    [Fact]
    public void Break_TrailingSpaces_AddNoEmptyLine()
    {
        Assert.Equal(["ab", "cd"], LineBreaker.Break("ab cd  ", 2, One));
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
