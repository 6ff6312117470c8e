using System.Globalization;
using LeakRights.Core.Answers;
using LeakRights.Core.Content;

namespace LeakRights.Core.Tests.Answers;

/// <summary>
/// <see cref="AnswerParser"/> on each kind of raw input (form values, JSON values of the right and wrong kinds) and the
/// exact message a person or client sees. AnswerParserTests.cs holds the original cases.
/// </summary>
public class AnswerParserInputTests
{
    private static readonly AnswerParser Parser = new(TestContent.Clock());

    private static Question Q(string id) => TestContent.Bundle.Questionnaire.Get(id);

    private static (AnswerValue? Value, string? Error) Form(string question, params string[] values) => Parser.Parse(Q(question), RawAnswer.FromForm(values));

    [Theory]
    [InlineData("source")]
    [InlineData("data-types")]
    [InlineData("loss-amount")]
    [InlineData("discovered-on")]
    [InlineData("organisation-name")]
    public void Parse_JsonNull_IsNoAnswerAndNoError(string question)
    {
        Assert.Equal((null, null), Parser.Parse(Q(question), RawAnswer.JsonNull()));
    }

    [Fact]
    public void Parse_InvalidText_SaysUnreadableCharacters()
    {
        Assert.Equal((null, "包含无法识别的字符，请删除后重试。"), Parser.Parse(Q("source"), RawAnswer.InvalidText()));
    }

    [Theory]
    [InlineData("source", "格式不对：这道题的答案应当是一个选项编号（字符串）。")]
    [InlineData("data-types", "格式不对：这道题的答案应当是由选项编号组成的数组。")]
    [InlineData("loss-amount", "格式不对：这道题的答案应当是一个数字。")]
    [InlineData("discovered-on", "格式不对：这道题的答案应当是“YYYY-MM”格式的月份（字符串）。")]
    [InlineData("organisation-name", "格式不对：这道题的答案应当是一段文字（字符串）。")]
    public void Parse_JsonOther_NamesExpectedType(string question, string expected)
    {
        Assert.Equal((null, expected), Parser.Parse(Q(question), RawAnswer.JsonOther()));
    }

    [Theory]
    [InlineData("source", "请选择一项。")]
    [InlineData("data-types", "请至少选择一项。")]
    [InlineData("discovered-on", "请填写这一项。")]
    [InlineData("loss-amount", "请填写这一项。")]
    [InlineData("organisation-name", "请填写这一项。")]
    public void RequiredMessage_QuestionType_FitsTheQuestion(string question, string expected)
    {
        Assert.Equal(expected, AnswerParser.RequiredMessage(Q(question)));
    }

    [Fact]
    public void Parse_SingleFromJsonArrayOrNumber_IsWrongType()
    {
        const string expected = "格式不对：这道题的答案应当是一个选项编号（字符串）。";

        Assert.Equal((null, expected), Parser.Parse(Q("source"), RawAnswer.JsonArray(["bank"])));
        Assert.Equal((null, expected), Parser.Parse(Q("source"), RawAnswer.JsonNumber("1")));
    }

    [Fact]
    public void Parse_SingleFromJsonString_IsTheOption()
    {
        Assert.Equal((new ChoiceAnswer("bank"), null), Parser.Parse(Q("source"), RawAnswer.JsonString("bank")));
    }

    [Fact]
    public void Parse_SingleSameValueTwiceOrWithEmpty_IsOneAnswer()
    {
        Assert.Equal((new ChoiceAnswer("bank"), null), Form("source", "bank", "bank"));
        Assert.Equal((new ChoiceAnswer("bank"), null), Form("source", "", "bank"));
    }

    [Fact]
    public void Parse_SingleOnlyEmptyValues_IsNoAnswer()
    {
        Assert.Equal((null, null), Form("source", ""));
        Assert.Equal((null, null), Form("source"));
    }

    [Fact]
    public void Parse_SingleUnknownOption_QuotesIt()
    {
        Assert.Equal((null, "“nope”不是这道题的选项，请重新选择。"), Form("source", "nope"));
    }

    [Fact]
    public void Parse_UnknownOptionLongOrWithControls_IsClippedAndCleaned()
    {
        var (_, error) = Form("source", new string('a', 41));
        var (_, exact) = Form("source", new string('a', 40));
        var (_, control) = Form("source", "a\u0007b");

        Assert.Equal($"“{new string('a', 40)}…”不是这道题的选项，请重新选择。", error);
        Assert.Equal($"“{new string('a', 40)}”不是这道题的选项，请重新选择。", exact);
        Assert.Equal("“ab”不是这道题的选项，请重新选择。", control);
    }

    [Fact]
    public void Parse_MultiFromJsonStringOrNumber_IsWrongType()
    {
        const string expected = "格式不对：这道题的答案应当是由选项编号组成的数组。";

        Assert.Equal((null, expected), Parser.Parse(Q("data-types"), RawAnswer.JsonString("identity")));
        Assert.Equal((null, expected), Parser.Parse(Q("data-types"), RawAnswer.JsonNumber("1")));
    }

    [Fact]
    public void Parse_MultiFromJsonArray_KeepsQuestionnaireOrder()
    {
        var (value, error) = Parser.Parse(Q("data-types"), RawAnswer.JsonArray(["contact", "identity"]));

        Assert.Null(error);
        Assert.Equal(["identity", "contact"], ((ChoicesAnswer)value!).OptionIds.ToArray());
    }

    [Fact]
    public void Parse_MultiEmpty_IsNoAnswer()
    {
        Assert.Equal((null, null), Parser.Parse(Q("data-types"), RawAnswer.JsonArray([])));
        Assert.Equal((null, null), Form("data-types", ""));
    }

    [Fact]
    public void Parse_MultiWithUnknownOption_QuotesIt()
    {
        Assert.Equal((null, "“nope”不是这道题的选项，请重新选择。"), Form("data-types", "identity", "nope"));
    }

    [Fact]
    public void Parse_ExclusiveOptionAlone_IsAccepted()
    {
        Assert.Equal(["none"], ((ChoicesAnswer)Form("evidence", "none").Value!).OptionIds.ToArray());
    }

    [Fact]
    public void Parse_ExclusiveOptionWithAnother_NamesTheExclusiveOption()
    {
        var label = Q("evidence").FindOption("none")!.Label;

        Assert.Equal((null, $"“{label}”不能和其他选项同时选择。"), Form("evidence", "leaked-copy", "none"));
    }

    [Fact]
    public void Parse_SeveralNonExclusiveOptions_AreAllKept()
    {
        Assert.Equal(["call-sms-records", "leaked-copy", "chat-records"], ((ChoicesAnswer)Form("evidence", "chat-records", "leaked-copy", "call-sms-records").Value!).OptionIds.ToArray());
    }

    [Theory]
    [InlineData("1e3", 1000)]
    [InlineData("2500.50", 2500.5)]
    [InlineData("1", 1)]
    [InlineData("100000000", 100000000)]
    public void Parse_NumberFromJson_IsAccepted(string raw, double expected)
    {
        Assert.Equal((new NumberAnswer((decimal)expected), null), Parser.Parse(Q("loss-amount"), RawAnswer.JsonNumber(raw)));
    }

    [Fact]
    public void Parse_NumberFromJson_IsNotCleanedLikeTypedText()
    {
        Assert.Equal((null, "请填写一个数字，例如 20000。"), Parser.Parse(Q("loss-amount"), RawAnswer.JsonNumber("20,000")));
    }

    [Fact]
    public void Parse_NumberFromJsonArray_IsWrongType()
    {
        Assert.Equal((null, "格式不对：这道题的答案应当是一个数字。"), Parser.Parse(Q("loss-amount"), RawAnswer.JsonArray(["1"])));
    }

    [Fact]
    public void Parse_NumberTwoFormValues_IsFormatError()
    {
        Assert.Equal((null, "请填写一个数字，例如 20000。"), Form("loss-amount", "1", "2"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("元")]
    [InlineData("，,")]
    public void Parse_NumberBlank_IsNoAnswer(string value)
    {
        Assert.Equal((null, null), Form("loss-amount", value));
    }

    [Fact]
    public void Parse_NumberNoFormValue_IsNoAnswer()
    {
        Assert.Equal((null, null), Form("loss-amount"));
    }

    [Theory]
    [InlineData("2 000", 2000)]
    [InlineData("2，000", 2000)]
    [InlineData(" 20000元 ", 20000)]
    [InlineData("+5", 5)]
    public void Parse_NumberTypedWithSeparators_IsCleaned(string value, double expected)
    {
        Assert.Equal((new NumberAnswer((decimal)expected), null), Form("loss-amount", value));
    }

    [Fact]
    public void Parse_NumberWithTrailingZeros_IsNormalised()
    {
        var value = (NumberAnswer)Form("loss-amount", "20000.00").Value!;

        Assert.Equal("20000", value.Value.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Parse_NumberOver40Characters_IsFormatError()
    {
        var longZeros = "1." + new string('0', 39);

        Assert.Equal((null, "请填写一个数字，例如 20000。"), Form("loss-amount", longZeros));
        Assert.Equal(1m, ((NumberAnswer)Form("loss-amount", "1." + new string('0', 38)).Value!).Value);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("100000000.01")]
    public void Parse_NumberOutOfRange_GivesRangeWithUnit(string value)
    {
        Assert.Equal((null, "请填写 1 到 100000000 元 之间的数字。"), Form("loss-amount", value));
    }

    [Fact]
    public void Parse_NumberOutOfOpenRange_GivesDefaultBounds()
    {
        var q = Q("loss-amount") with { Min = null, Unit = null };

        Assert.Equal((null, "请填写 0 到 100000000 之间的数字。"), Parser.Parse(q, RawAnswer.FromForm(["100000001"])));
        Assert.Equal((new NumberAnswer(-5), null), Parser.Parse(q, RawAnswer.FromForm(["-5"])));
        var noMax = q with { Max = null };
        Assert.Equal((new NumberAnswer(100000001), null), Parser.Parse(noMax, RawAnswer.FromForm(["100000001"])));
    }

    [Theory]
    [InlineData("1.5", 1.5)]
    [InlineData("1.25", 1.25)]
    public void Parse_NumberWithUpToTwoDecimals_IsAccepted(string value, double expected)
    {
        Assert.Equal((new NumberAnswer((decimal)expected), null), Form("loss-amount", value));
    }

    [Fact]
    public void Parse_NumberWithThreeDecimals_SaysTwoAtMost()
    {
        Assert.Equal((null, "最多保留两位小数。"), Form("loss-amount", "1.255"));
    }

    [Fact]
    public void Parse_MonthFromJsonArrayOrTwoValues_IsWrongType()
    {
        const string expected = "格式不对：这道题的答案应当是“YYYY-MM”格式的月份（字符串）。";

        Assert.Equal((null, expected), Parser.Parse(Q("discovered-on"), RawAnswer.JsonArray(["2026-10"])));
        Assert.Equal((null, expected), Form("discovered-on", "2026-10", "2026-09"));
    }

    [Fact]
    public void Parse_MonthBlank_IsNoAnswer()
    {
        Assert.Equal((null, null), Form("discovered-on", "  "));
        Assert.Equal((null, null), Form("discovered-on"));
    }

    [Theory]
    [InlineData(" 2026-10 ", "2026-10")]
    [InlineData("2026.3", "2026-03")]
    [InlineData("2026-3", "2026-03")]
    [InlineData("2026年3月", "2026-03")]
    public void Parse_MonthFromForm_IsNormalised(string value, string expected)
    {
        Assert.Equal(expected, ((MonthAnswer)Form("discovered-on", value).Value!).Value.ToString());
    }

    [Theory]
    [InlineData("2026/10")]
    [InlineData("2026-3")]
    [InlineData("2026年10月")]
    public void Parse_MonthFromJson_MustBeExact(string value)
    {
        Assert.Equal((null, "请按“年-月”填写，例如 2026-10。"), Parser.Parse(Q("discovered-on"), RawAnswer.JsonString(value)));
    }

    [Theory]
    [InlineData("2026-3x")]
    [InlineData("20263")]
    [InlineData("2026-1-")]
    public void Parse_MonthFromFormNotAMonth_IsFormatError(string value)
    {
        Assert.Equal((null, "请按“年-月”填写，例如 2026-10。"), Form("discovered-on", value));
    }

    [Fact]
    public void Parse_MonthInFutureOrTooEarly_SaysWhy()
    {
        Assert.Equal((null, "发现时间不能晚于本月。"), Form("discovered-on", "2026-12"));
        Assert.Equal((null, "年份不能早于1990年。"), Form("discovered-on", "1989-12"));
    }

    [Fact]
    public void CurrentMonth_FollowsChinaTime()
    {
        // 2026-11-30 16:30 UTC is already 1 December in China.
        var parser = new AnswerParser(TestContent.Clock(new DateTimeOffset(2026, 11, 30, 16, 30, 0, TimeSpan.Zero)));

        Assert.Equal(new YearMonth(2026, 12), parser.CurrentMonth);
        Assert.Equal(new MonthAnswer(new YearMonth(2026, 12)), parser.Parse(Q("discovered-on"), RawAnswer.JsonString("2026-12")).Value);
    }

    [Fact]
    public void Parse_TextFromJsonArrayOrTwoValues_IsWrongType()
    {
        const string expected = "格式不对：这道题的答案应当是一段文字（字符串）。";

        Assert.Equal((null, expected), Parser.Parse(Q("organisation-name"), RawAnswer.JsonArray(["x"])));
        Assert.Equal((null, expected), Form("organisation-name", "a", "b"));
    }

    [Theory]
    [InlineData("某\r\n银行", "某 银行")]
    [InlineData("某\n银行", "某 银行")]
    [InlineData("某\t银行", "某 银行")]
    [InlineData("  某银行 \n", "某银行")]
    public void Parse_TextLineBreaksAndTabs_BecomeSpaces(string value, string expected)
    {
        Assert.Equal((new TextAnswer(expected), null), Form("organisation-name", value));
    }

    [Fact]
    public void Parse_TextFromJsonString_IsAccepted()
    {
        Assert.Equal((new TextAnswer("某银行"), null), Parser.Parse(Q("organisation-name"), RawAnswer.JsonString("某银行")));
    }

    [Fact]
    public void Parse_TextWithValidSurrogatePair_IsAccepted()
    {
        Assert.Equal((new TextAnswer("某银行😀支行"), null), Form("organisation-name", "某银行😀支行"));
    }

    [Theory]
    [InlineData("a\uDC00b")]
    [InlineData("ab\uD800")]
    [InlineData("\uD800\uD800")]
    [InlineData("😀\uDC00")]
    [InlineData("a\uFFFDb")]
    public void Parse_TextWithBrokenOrReplacementCharacters_IsRefused(string value)
    {
        Assert.Equal((null, "包含无法识别的字符，请删除后重试。"), Form("organisation-name", value));
    }

    [Fact]
    public void Parse_TextWithByteOrderMarkInside_IsRefusedNamingTheCodePoint()
    {
        var (value, error) = Form("organisation-name", "a\uFEFFb");

        Assert.Null(value);
        Assert.Contains("U+FEFF", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TextAtMaxLength_IsAccepted()
    {
        var text = new string('字', 100);

        Assert.Equal((new TextAnswer(text), null), Form("organisation-name", text));
    }

    [Fact]
    public void Parse_TextEmojiWithModifier_CountsAsOneCharacter()
    {
        var text = new string('字', 99) + "👍🏽";

        Assert.Equal((new TextAnswer(text), null), Form("organisation-name", text));
    }

    [Fact]
    public void Parse_TextOverMaxLength_SaysLimitAndLength()
    {
        Assert.Equal((null, "最多100个字，现在是101个字。"), Form("organisation-name", new string('字', 101)));
    }

    [Fact]
    public void Parse_TextWithoutMaxLength_Allows100()
    {
        var q = Q("organisation-name") with { MaxLength = null };

        Assert.NotNull(Parser.Parse(q, RawAnswer.FromForm([new string('字', 100)])).Value);
        Assert.Equal("最多100个字，现在是101个字。", Parser.Parse(q, RawAnswer.FromForm([new string('字', 101)])).Error);
    }

    [Fact]
    public void Parse_TextWithSmallMaxLength_UsesIt()
    {
        var q = Q("organisation-name") with { MaxLength = 3 };

        Assert.Equal("最多3个字，现在是4个字。", Parser.Parse(q, RawAnswer.FromForm(["一二三四"])).Error);
    }
}
