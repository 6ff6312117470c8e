using LeakRights.Core.Content;

namespace LeakRights.Core.Tests.Content;

public class ChineseNumeralsTests
{
    [Theory]
    [InlineData("一", 1)]
    [InlineData("九", 9)]
    [InlineData("十", 10)]
    [InlineData("十一", 11)]
    [InlineData("二十", 20)]
    [InlineData("二十三", 23)]
    [InlineData("两百", 200)]
    [InlineData("一百零一", 101)]
    [InlineData("一千零三十八", 1038)]
    [InlineData("三千", 3000)]
    [InlineData("一万二千", 12000)]
    public void TryParse_ChineseNumeral_GivesValue(string text, int expected)
    {
        Assert.True(ChineseNumerals.TryParse(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("零")]
    [InlineData("〇")]
    [InlineData("百")]
    [InlineData("千")]
    [InlineData("万")]
    [InlineData("五x")]
    [InlineData("57")]
    public void TryParse_NotAPositiveNumeral_Fails(string text)
    {
        Assert.False(ChineseNumerals.TryParse(text, out _));
    }

    [Fact]
    public void TryParse_EveryDigit_HasItsValue()
    {
        var digits = "零〇一二两三四五六七八九";
        int[] expected = [0, 0, 1, 2, 2, 3, 4, 5, 6, 7, 8, 9];
        for (var i = 0; i < digits.Length; i++)
        {
            // "十" followed by the digit: 10 + digit.
            Assert.True(ChineseNumerals.TryParse("十" + digits[i], out var value));
            Assert.Equal(10 + expected[i], value);
        }
    }

    [Theory]
    [InlineData("第一条", "1")]
    [InlineData("第一项", "1")]
    [InlineData("第五十七条之二", "57-2")]
    [InlineData("第二百五十三条之十", "253-10")]
    public void TryParseArticleLabel_Label_GivesNumber(string label, string expected)
    {
        Assert.True(ChineseNumerals.TryParseArticleLabel(label, out var number));
        Assert.Equal(expected, number);
    }

    [Theory]
    [InlineData("一条")]
    [InlineData("条")]
    [InlineData("第")]
    [InlineData("第x条")]
    [InlineData("第五十七条第二款")]
    [InlineData("第五十七条之x")]
    [InlineData("第五十七条又")]
    [InlineData("第五十七条又二")]
    [InlineData("序言一")]
    public void TryParseArticleLabel_NotALabel_FailsWithEmptyNumber(string label)
    {
        Assert.False(ChineseNumerals.TryParseArticleLabel(label, out var number));
        Assert.Equal(string.Empty, number);
    }
}
