using System.Text;
using System.Text.Json;
using LeakRights.Core.Answers;
using LeakRights.Core.Content;

namespace LeakRights.Core.Tests.Answers;

public class AnswerJsonTests
{
    private static (Dictionary<string, RawAnswer> Raw, Dictionary<string, string> Errors) Read(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return AnswerJson.ReadObject(doc.RootElement);
    }

    [Fact]
    public void ReadObject_EachJsonKind_BecomesItsRawKind()
    {
        var (raw, errors) = Read("""{"s":"bank","n":1.50,"z":null,"a":["x","y"],"e":[],"o":{},"b":true,"m":[1,"x"]}""");

        Assert.Empty(errors);
        Assert.Equal(RawAnswer.JsonString("bank").Kind, raw["s"].Kind);
        Assert.Equal(["bank"], raw["s"].Values);
        Assert.Equal(RawAnswerKind.JsonNumber, raw["n"].Kind);
        Assert.Equal(["1.50"], raw["n"].Values);
        Assert.Equal(RawAnswerKind.JsonNull, raw["z"].Kind);
        Assert.Empty(raw["z"].Values);
        Assert.Equal(RawAnswerKind.JsonArray, raw["a"].Kind);
        Assert.Equal(["x", "y"], raw["a"].Values);
        Assert.Equal(RawAnswerKind.JsonArray, raw["e"].Kind);
        Assert.Empty(raw["e"].Values);
        Assert.Equal(RawAnswerKind.JsonOther, raw["o"].Kind);
        Assert.Equal(RawAnswerKind.JsonOther, raw["b"].Kind);
        Assert.Equal(RawAnswerKind.JsonOther, raw["m"].Kind);
    }

    [Fact]
    public void ReadObject_LoneSurrogateInString_IsInvalidText()
    {
        var (raw, errors) = Read("""{"s":"\ud800","a":["ok","\udc00"]}""");

        Assert.Empty(errors);
        Assert.Equal(RawAnswerKind.InvalidText, raw["s"].Kind);
        Assert.Equal(RawAnswerKind.InvalidText, raw["a"].Kind);
        Assert.Empty(raw["a"].Values);
    }

    [Fact]
    public void ReadObject_LoneSurrogateInName_ReportsUnreadableId()
    {
        var (raw, errors) = Read("""{"\ud800":"x","source":"bank"}""");

        Assert.Equal("问题编号包含无法识别的字符。", errors["answers"]);
        Assert.Equal(["source"], raw.Keys);
    }

    [Fact]
    public void ReadObject_DuplicateKey_KeepsFirstAndReportsIt()
    {
        var (raw, errors) = Read("""{"source":"bank","source":"app"}""");

        Assert.Equal(["bank"], raw["source"].Values);
        Assert.Equal("同一个问题出现了不止一次。", errors["source"]);
        Assert.Single(errors);
    }

    [Fact]
    public void Write_EveryKind_WritesApiShape()
    {
        var answers = AnswerSet.Empty
            .With("source", new ChoiceAnswer("bank"))
            .With("data-types", new ChoicesAnswer(["identity", "contact"]))
            .With("loss-amount", new NumberAnswer(1234.5m))
            .With("discovered-on", new MonthAnswer(new YearMonth(2026, 3)))
            .With("organisation-name", new TextAnswer("某银行"));

        var json = Encoding.UTF8.GetString(AnswerJson.Write(answers, new Dictionary<string, string> { ["your-name"] = "张三" }));

        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        Assert.Equal("bank", root.GetProperty("source").GetString());
        Assert.Equal(["identity", "contact"], root.GetProperty("data-types").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(1234.5m, root.GetProperty("loss-amount").GetDecimal());
        Assert.Equal("2026-03", root.GetProperty("discovered-on").GetString());
        Assert.Equal("某银行", root.GetProperty("organisation-name").GetString());
        Assert.Equal("张三", root.GetProperty("your-name").GetString());
        Assert.Equal(6, root.EnumerateObject().Count());
    }

    [Fact]
    public void Write_NoExtraText_WritesOnlyAnswers()
    {
        var json = Encoding.UTF8.GetString(AnswerJson.Write(AnswerSet.Empty.With("source", new ChoiceAnswer("bank"))));

        Assert.Equal("""{"source":"bank"}""", json);
    }

    [Fact]
    public void TryRead_WrittenAnswers_RoundTrip()
    {
        var walker = TestContent.Walker();
        var answers = TestContent.Answers("""{"source":"bank","insider":"no","data-types":["identity","contact"],"scale":"only-me","discovery":["spam"],"discovered-on":"2026-10","evidence":["none"],"harms":["financial-loss"],"loss-amount":2000,"ongoing-danger":"no","police-report":"no"}""");

        var parsed = AnswerJson.TryRead(AnswerJson.Write(answers), walker);

        Assert.NotNull(parsed);
        Assert.True(parsed.IsValid);
        Assert.Equal(answers.Values, parsed.Answers.Values);
    }

    [Fact]
    public void TryRead_LetterFields_AreNotTakenFromStoredJson()
    {
        var parsed = AnswerJson.TryRead("""{"source":"unknown","your-name":"张三"}"""u8, TestContent.Walker());

        Assert.NotNull(parsed);
        Assert.Empty(parsed.LetterFields);
        Assert.Equal("unknown", parsed.Answers.Choice("source"));
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"x\"")]
    [InlineData("{")]
    [InlineData("not json")]
    [InlineData("")]
    [InlineData("""{"a":[[[[[[[[["deep"]]]]]]]]]}""")]
    public void TryRead_NotAnAnswersObject_IsNull(string json)
    {
        Assert.Null(AnswerJson.TryRead(Encoding.UTF8.GetBytes(json), TestContent.Walker()));
    }

    [Fact]
    public void TryRead_DepthWithinLimit_IsRead()
    {
        // Depth 8 is allowed: an object holding arrays nested seven deep.
        Assert.NotNull(AnswerJson.TryRead("""{"a":[[[[[[["x"]]]]]]]}"""u8, TestContent.Walker()));
    }
}
