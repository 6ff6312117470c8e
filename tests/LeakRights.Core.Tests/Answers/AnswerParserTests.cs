using LeakRights.Core.Answers;
using LeakRights.Core.Content;

namespace LeakRights.Core.Tests.Answers;

public class AnswerParserTests
{
    private static readonly AnswerParser Parser = new(TestContent.Clock());

    private static Question Q(string id) => TestContent.Bundle.Questionnaire.Get(id);

    [Theory]
    [InlineData("2026-11", true)]
    [InlineData("2026-12", false)]
    [InlineData("2027-01", false)]
    [InlineData("1989-12", false)]
    [InlineData("1990-01", true)]
    public void Parse_Month_RejectsFutureAndAncient(string value, bool ok)
    {
        var (answer, error) = Parser.Parse(Q("discovered-on"), RawAnswer.JsonString(value));

        Assert.Equal(ok, answer is not null);
        Assert.Equal(ok, error is null);
    }

    [Theory]
    [InlineData("2026/9", "2026-09")]
    [InlineData("2026年10月", "2026-10")]
    [InlineData("２０２６-０３", "2026-03")]
    public void Parse_MonthFromForm_AcceptsCommonSpellings(string value, string expected)
    {
        var (answer, _) = Parser.Parse(Q("discovered-on"), RawAnswer.FromForm([value]));

        Assert.Equal(expected, ((MonthAnswer)answer!).Value.ToString());
    }

    [Theory]
    [InlineData("2026-13")]
    [InlineData("26-10")]
    [InlineData("2026-1-1")]
    [InlineData("soon")]
    public void Parse_BadMonth_GivesFormatMessage(string value)
    {
        var (_, error) = Parser.Parse(Q("discovered-on"), RawAnswer.JsonString(value));

        Assert.Equal("请按“年-月”填写，例如 2026-10。", error);
    }

    [Theory]
    [InlineData("20000", 20000)]
    [InlineData("20,000", 20000)]
    [InlineData("１２３元", 123)]
    [InlineData("99.5", 99.5)]
    public void Parse_NumberFromForm_AcceptsTypedAmounts(string value, double expected)
    {
        var (answer, error) = Parser.Parse(Q("loss-amount"), RawAnswer.FromForm([value]));

        Assert.Null(error);
        Assert.Equal((decimal)expected, ((NumberAnswer)answer!).Value);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("100000001")]
    [InlineData("1e30")]
    [InlineData("abc")]
    [InlineData("1.234")]
    public void Parse_BadNumber_IsRefused(string value)
    {
        var (answer, error) = Parser.Parse(Q("loss-amount"), RawAnswer.FromForm([value]));

        Assert.Null(answer);
        Assert.NotNull(error);
    }

    [Fact]
    public void Parse_JsonStringForNumber_IsWrongType()
    {
        var (_, error) = Parser.Parse(Q("loss-amount"), RawAnswer.JsonString("20000"));

        Assert.StartsWith("格式不对", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_JsonStringForMulti_IsWrongType()
    {
        var (_, error) = Parser.Parse(Q("data-types"), RawAnswer.JsonString("identity"));

        Assert.StartsWith("格式不对", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TwoValuesForSingle_IsRefused()
    {
        var (_, error) = Parser.Parse(Q("source"), RawAnswer.FromForm(["bank", "app"]));

        Assert.Equal("这道题只能选择一项。", error);
    }

    [Fact]
    public void Parse_MultiOutOfOrderWithDuplicates_IsNormalised()
    {
        var (answer, _) = Parser.Parse(Q("data-types"), RawAnswer.JsonArray(["health", "identity", "health"]));

        Assert.Equal(["identity", "health"], ((ChoicesAnswer)answer!).OptionIds.ToArray());
    }

    [Theory]
    [InlineData("某银行\u0000支行")]
    [InlineData("a\u202Eb\u0007")]
    [InlineData("bad \uD800 surrogate")]
    public void Parse_TextWithControlCharacters_IsRefused(string value)
    {
        var (_, error) = Parser.Parse(Q("organisation-name"), RawAnswer.JsonString(value));

        Assert.NotNull(error);
    }

    [Fact]
    public void Parse_TextOverMaxLength_SaysHowLong()
    {
        var (_, error) = Parser.Parse(Q("organisation-name"), RawAnswer.JsonString(new string('字', 101)));

        Assert.Equal("最多100个字，现在是101个字。", error);
    }

    [Fact]
    public void Parse_EmptyText_IsNoAnswer()
    {
        var (answer, error) = Parser.Parse(Q("organisation-name"), RawAnswer.FromForm(["   "]));

        Assert.Null(answer);
        Assert.Null(error);
    }
}
