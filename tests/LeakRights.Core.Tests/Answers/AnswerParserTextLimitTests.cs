using LeakRights.Core.Answers;
using LeakRights.Core.Content;

namespace LeakRights.Core.Tests.Answers;

/// <summary>Text answers: limits in graphemes and UTF-16 units, and characters that could disguise a letter's text.</summary>
public class AnswerParserTextLimitTests
{
    private static readonly AnswerParser Parser = new(TestContent.Clock());

    private static Question Q(string id) => TestContent.Bundle.Questionnaire.Get(id);

    private static string Repeat(string s, int count) => string.Concat(Enumerable.Repeat(s, count));

    [Fact]
    public void Parse_HundredCharactersEachWithTwentyCombiningMarks_IsRefusedAsTooLong()
    {
        var zalgo = Repeat("某" + Repeat("\u0301", 20), 100);

        var (answer, error) = Parser.Parse(Q("organisation-name"), RawAnswer.JsonString(zalgo));

        Assert.Null(answer);
        Assert.Equal("内容太长：最多100个字。这段文字里有大量叠加在字上的附加符号，请删除这些符号。", error);
    }

    [Theory]
    [InlineData(100, 1)]
    [InlineData(50, 3)]
    public void Parse_AtTheUtf16Limit_IsAccepted(int characters, int marksEach)
    {
        // 100 × "é" written as e + U+0301 is 200 units; 50 × (a + 3 marks) is 200 units.
        var text = Repeat("e" + Repeat("\u0301", marksEach), characters);

        var (answer, error) = Parser.Parse(Q("organisation-name"), RawAnswer.JsonString(text));

        Assert.Null(error);
        Assert.Equal(text, ((TextAnswer)answer!).Value);
    }

    [Fact]
    public void Parse_OneUnitOverTheUtf16Limit_IsRefused()
    {
        var text = Repeat("e\u0301", 99) + "e\u0301\u0301";

        var (_, error) = Parser.Parse(Q("organisation-name"), RawAnswer.JsonString(text));

        Assert.NotNull(error);
    }

    [Fact]
    public void Parse_HundredSupplementaryPlaneCharacters_IsAccepted()
    {
        var name = Repeat("𠮷", 100); // 200 UTF-16 units, 100 characters

        var (answer, error) = Parser.Parse(Q("your-name"), RawAnswer.FromForm([name]));

        Assert.Null(error);
        Assert.Equal(name, ((TextAnswer)answer!).Value);
    }

    [Theory]
    [InlineData("某银行\u202E行支", 0x202E)]
    [InlineData("\u202A某\u202C", 0x202A)]
    [InlineData("某\u202D银行", 0x202D)]
    [InlineData("某\u2066银行\u2069", 0x2066)]
    [InlineData("某\u2067银行", 0x2067)]
    [InlineData("某\u2068银行", 0x2068)]
    [InlineData("李\u200B雷", 0x200B)]
    [InlineData("李\u200C雷", 0x200C)]
    [InlineData("李\u200D雷", 0x200D)]
    [InlineData("李\u200E雷", 0x200E)]
    [InlineData("李\u200F雷", 0x200F)]
    [InlineData("李\u2060雷", 0x2060)]
    [InlineData("李\uFEFF雷", 0xFEFF)]
    [InlineData("李\U000E0041雷", 0xE0041)]
    [InlineData("李\U000E007F", 0xE007F)]
    [InlineData("李\U000E0001", 0xE0001)]
    [InlineData("李\uFFFF雷", 0xFFFF)]
    [InlineData("李\uFFFE雷", 0xFFFE)]
    [InlineData("李\uFDD0雷", 0xFDD0)]
    [InlineData("李\uFDEF雷", 0xFDEF)]
    [InlineData("李\U0010FFFF", 0x10FFFF)]
    [InlineData("李\uE000雷", 0xE000)]
    [InlineData("李\uF8FF雷", 0xF8FF)]
    [InlineData("李\U000F0000雷", 0xF0000)]
    [InlineData("李\u00AD雷", 0x00AD)]
    [InlineData("\u200D👩", 0x200D)]
    [InlineData("👨\u200D", 0x200D)]
    [InlineData("👨\u200D李", 0x200D)]
    public void Parse_InvisibleOrUndisplayableCharacter_IsRefusedNamingIt(string value, int codePoint)
    {
        foreach (var raw in new[] { RawAnswer.JsonString(value), RawAnswer.FromForm([value]) })
        {
            var (answer, error) = Parser.Parse(Q("your-contact"), raw);

            Assert.Null(answer);
            Assert.Equal($"包含看不见或无法显示的特殊字符（U+{codePoint:X4}），它可能会让信函上的文字显示错乱。这种字符常随复制的文字一起带进来，请删除后重新输入。", error);
        }
    }

    [Theory]
    [InlineData("👨\u200D👩\u200D👧")]
    [InlineData("👩🏽\u200D💻")]
    [InlineData("🏳\uFE0F\u200D🌈")]
    [InlineData("❤\uFE0F\u200D🔥")]
    [InlineData("😀 𠮷野家 José")]
    public void Parse_EmojiSequencesAndOrdinaryText_AreAccepted(string value)
    {
        var (answer, error) = Parser.Parse(Q("your-contact"), RawAnswer.JsonString(value));

        Assert.Null(error);
        Assert.Equal(value, ((TextAnswer)answer!).Value);
    }

    [Theory]
    [InlineData("bad \uD800 surrogate")]
    [InlineData("bad \uDC00")]
    [InlineData("\uFFFD")]
    [InlineData("a\u0085b")]
    public void Parse_BrokenText_GivesBadCharactersMessage(string value)
    {
        var (_, error) = Parser.Parse(Q("your-contact"), RawAnswer.JsonString(value));

        Assert.Equal("包含无法识别的字符，请删除后重试。", error);
    }
}
