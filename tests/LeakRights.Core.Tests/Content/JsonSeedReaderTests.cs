using System.Text.Json;
using LeakRights.Core.Content;

namespace LeakRights.Core.Tests.Content;

public class JsonSeedReaderTests
{
    private const string File = "seeds/rules.json";
    private readonly List<SeedError> _errors = [];
    private readonly JsonSeedReader _r;

    public JsonSeedReaderTests() => _r = new JsonSeedReader(File, _errors);

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement;

    private SeedError OnlyError() => Assert.Single(_errors);

    [Fact]
    public void Error_RecordsFileEntryAndProblem()
    {
        _r.Error("entry", "problem");

        Assert.Equal(File, _r.File);
        Assert.Equal(new SeedError(File, "entry", "problem"), OnlyError());
    }

    [Fact]
    public void TryObject_Object_IsReturned()
    {
        Assert.True(_r.TryObject(Json("""{"o":{"a":1}}"""), "o", "at", out var value));
        Assert.Equal(1, value.GetProperty("a").GetInt32());
        Assert.Empty(_errors);
    }

    [Theory]
    [InlineData("""{"o":[]}""")]
    [InlineData("""{}""")]
    public void TryObject_NotAnObject_SaysSo(string json)
    {
        Assert.False(_r.TryObject(Json(json), "o", "at", out _));
        Assert.Equal(new SeedError(File, "at", "'o' must be an object"), OnlyError());
    }

    [Fact]
    public void Array_Items_AreNamedByIndexUnderEntry()
    {
        var items = _r.Array(Json("""{"a":[1,2]}"""), "a", "paths[0]").ToList();

        Assert.Equal(["paths[0].a[0]", "paths[0].a[1]"], items.Select(i => i.Entry));
        Assert.Equal(2, items[1].Item.GetInt32());
        Assert.Empty(_errors);
    }

    [Fact]
    public void Array_AtTopLevel_IsNamedWithoutDot()
    {
        Assert.Equal(["a[0]"], _r.Array(Json("""{"a":[1]}"""), "a", string.Empty).Select(i => i.Entry));
    }

    [Theory]
    [InlineData("""{}""")]
    [InlineData("""{"a":null}""")]
    public void Array_MissingRequired_SaysRequired(string json)
    {
        Assert.Empty(_r.Array(Json(json), "a", "at"));
        Assert.Equal(new SeedError(File, "at", "'a' is required"), OnlyError());
    }

    [Fact]
    public void Array_MissingOptional_IsEmptyWithoutError()
    {
        Assert.Empty(_r.Array(Json("{}"), "a", "at", required: false));
        Assert.Empty(_errors);
    }

    [Fact]
    public void Array_NotAnArray_SaysSo()
    {
        Assert.Empty(_r.Array(Json("""{"a":{}}"""), "a", "at", required: false));
        Assert.Equal(new SeedError(File, "at", "'a' must be an array"), OnlyError());
    }

    [Fact]
    public void String_NonEmpty_IsReturnedUntrimmed()
    {
        Assert.Equal(" x ", _r.String(Json("""{"s":" x "}"""), "s", "at"));
        Assert.Empty(_errors);
    }

    [Theory]
    [InlineData("""{}""")]
    [InlineData("""{"s":"  "}""")]
    [InlineData("""{"s":1}""")]
    [InlineData("""[]""")]
    public void String_MissingBlankOrNotString_SaysRequired(string json)
    {
        Assert.Equal(string.Empty, _r.String(Json(json), "s", "at"));
        Assert.Equal(new SeedError(File, "at", "'s' is required and must be a non-empty string"), OnlyError());
    }

    [Theory]
    [InlineData("""{}""", null)]
    [InlineData("""{"s":null}""", null)]
    [InlineData("""{"s":""}""", "")]
    [InlineData("""{"s":"x"}""", "x")]
    public void OptionalString_MissingNullOrString_NoError(string json, string? expected)
    {
        Assert.Equal(expected, _r.OptionalString(Json(json), "s", "at"));
        Assert.Empty(_errors);
    }

    [Fact]
    public void OptionalString_NotString_SaysSo()
    {
        Assert.Null(_r.OptionalString(Json("""{"s":1}"""), "s", "at"));
        Assert.Equal(new SeedError(File, "at", "'s' must be a string or null"), OnlyError());
    }

    [Theory]
    [InlineData("""{"b":true}""", false, true)]
    [InlineData("""{"b":false}""", true, false)]
    [InlineData("""{}""", true, true)]
    [InlineData("""{"b":null}""", true, true)]
    [InlineData("""{}""", false, false)]
    public void Bool_BooleanOrMissing_GivesValueOrFallback(string json, bool fallback, bool expected)
    {
        Assert.Equal(expected, _r.Bool(Json(json), "b", "at", fallback));
        Assert.Empty(_errors);
    }

    [Fact]
    public void Bool_NotBoolean_SaysSoAndFallsBack()
    {
        Assert.True(_r.Bool(Json("""{"b":"yes"}"""), "b", "at", fallback: true));
        Assert.Equal(new SeedError(File, "at", "'b' must be true or false"), OnlyError());
    }

    [Fact]
    public void Number_Number_IsDecimal()
    {
        Assert.Equal(0.5m, _r.Number(Json("""{"n":0.5}"""), "n", "at"));
        Assert.Empty(_errors);
    }

    [Theory]
    [InlineData("""{}""")]
    [InlineData("""{"n":null}""")]
    public void Number_MissingRequired_SaysRequired(string json)
    {
        Assert.Null(_r.Number(Json(json), "n", "at", required: true));
        Assert.Equal(new SeedError(File, "at", "'n' is required"), OnlyError());
    }

    [Fact]
    public void Number_MissingOptional_IsNullWithoutError()
    {
        Assert.Null(_r.Number(Json("{}"), "n", "at"));
        Assert.Empty(_errors);
    }

    [Theory]
    [InlineData("""{"n":"5"}""")]
    [InlineData("""{"n":1e400}""")]
    public void Number_NotADecimal_SaysSo(string json)
    {
        Assert.Null(_r.Number(Json(json), "n", "at"));
        Assert.Equal(new SeedError(File, "at", "'n' must be a number"), OnlyError());
    }

    [Fact]
    public void StringList_Strings_AreReturned()
    {
        Assert.Equal(["a", "b"], _r.StringList(Json("""{"l":["a","b"]}"""), "l", "at"));
        Assert.Empty(_errors);
    }

    [Fact]
    public void StringList_MissingRequired_SaysRequired()
    {
        Assert.Empty(_r.StringList(Json("{}"), "l", "at", required: true));
        Assert.Equal(new SeedError(File, "at", "'l' is required"), OnlyError());
    }

    [Theory]
    [InlineData("""{}""")]
    [InlineData("""{"l":null}""")]
    public void StringList_MissingOptional_IsEmptyWithoutError(string json)
    {
        Assert.Empty(_r.StringList(Json(json), "l", "at"));
        Assert.Empty(_errors);
    }

    [Theory]
    [InlineData("""{"l":"a"}""")]
    [InlineData("""{"l":["a",1]}""")]
    public void StringList_NotStrings_SaysSo(string json)
    {
        Assert.Empty(_r.StringList(Json(json), "l", "at"));
        Assert.Equal(new SeedError(File, "at", "'l' must be an array of strings"), OnlyError());
    }

    private Condition? Condition(string json, bool required = true) => _r.Condition(Json($$"""{"when":{{json}}}"""), "when", "at", required);

    [Fact]
    public void Condition_MissingRequired_SaysRequired()
    {
        Assert.Null(_r.Condition(Json("{}"), "when", "at", required: true));
        Assert.Equal(new SeedError(File, "at", "'when' is required"), OnlyError());
    }

    [Fact]
    public void Condition_NullOptional_IsNullWithoutError()
    {
        Assert.Null(Condition("null", required: false));
        Assert.Empty(_errors);
    }

    [Fact]
    public void Condition_NotAnObject_SaysSo()
    {
        Assert.Null(Condition("[]"));
        Assert.Equal(new SeedError(File, "at.when", "a condition must be an object"), OnlyError());
    }

    [Theory]
    [InlineData("eq", """ "a" """, ConditionOperator.Eq)]
    [InlineData("in", """["a","b"]""", ConditionOperator.In)]
    [InlineData("not", """["a"]""", ConditionOperator.Not)]
    [InlineData("any", """["a"]""", ConditionOperator.Any)]
    [InlineData("all", """["a","b"]""", ConditionOperator.All)]
    public void Condition_OptionOperators_ReadQuestionAndValues(string op, string value, ConditionOperator expected)
    {
        var c = Assert.IsType<QuestionCondition>(Condition($$"""{"question":"q","op":"{{op}}","value":{{value}}}"""));

        Assert.Empty(_errors);
        Assert.Equal("q", c.Question);
        Assert.Equal(expected, c.Operator);
        Assert.Null(c.Number);
        Assert.Equal(JsonSerializer.Deserialize<string[]>(value.Trim().StartsWith('[') ? value : $"[{value}]"), c.Values);
    }

    [Theory]
    [InlineData("gte", ConditionOperator.Gte)]
    [InlineData("lte", ConditionOperator.Lte)]
    public void Condition_NumberOperators_ReadNumber(string op, ConditionOperator expected)
    {
        var c = Assert.IsType<QuestionCondition>(Condition($$"""{"question":"q","op":"{{op}}","value":1000.5}"""));

        Assert.Empty(_errors);
        Assert.Equal(expected, c.Operator);
        Assert.Equal(1000.5m, c.Number);
        Assert.Empty(c.Values);
    }

    [Fact]
    public void Condition_EqWithArray_NeedsString()
    {
        Assert.Null(Condition("""{"question":"q","op":"eq","value":["a"]}"""));
        Assert.Equal(new SeedError(File, "at.when", "'eq' takes a string value"), OnlyError());
    }

    [Theory]
    [InlineData("gte", """ "5" """)]
    [InlineData("lte", "1e400")]
    public void Condition_NumberOperatorWithoutNumber_SaysSo(string op, string value)
    {
        Assert.Null(Condition($$"""{"question":"q","op":"{{op}}","value":{{value}}}"""));
        Assert.Equal(new SeedError(File, "at.when", $"'{op}' takes a number value"), OnlyError());
    }

    [Theory]
    [InlineData("in", """ "a" """)]
    [InlineData("any", "[]")]
    [InlineData("all", """["a",1]""")]
    [InlineData("not", "null")]
    public void Condition_ListOperatorWithoutList_SaysSo(string op, string value)
    {
        Assert.Null(Condition($$"""{"question":"q","op":"{{op}}","value":{{value}}}"""));
        Assert.Equal(new SeedError(File, "at.when", $"'{op}' takes a non-empty array of option ids"), OnlyError());
    }

    [Fact]
    public void Condition_UnknownOperator_ListsAllowed()
    {
        Assert.Null(Condition("""{"question":"q","op":"regex","value":"a"}"""));
        Assert.Equal(new SeedError(File, "at.when", "unknown operator 'regex' (allowed: eq, in, not, any, all, gte, lte, answered)"), OnlyError());
    }

    [Theory]
    [InlineData("""{"question":"q","op":"eq"}""")]
    [InlineData("""{"question":"q","op":"eq","value":"a","extra":1}""")]
    [InlineData("""{}""")]
    public void Condition_WrongKeys_ListsShapes(string json)
    {
        Assert.Null(Condition(json));
        Assert.Equal(new SeedError(File, "at.when", "expected {question, op, value}, {fact}, {pathRecommended}, {progress, is}, {allOf}, {anyOf} or {noneOf}"), OnlyError());
    }

    [Fact]
    public void Condition_Answered_IsReadWithValueTrueOnly()
    {
        Assert.Equal(new QuestionCondition("q", ConditionOperator.Answered, [], null), Condition("""{"question":"q","op":"answered","value":true}"""));
        Assert.Empty(_errors);
        Assert.Null(Condition("""{"question":"q","op":"answered","value":false}"""));
        Assert.Equal(new SeedError(File, "at.when", "'answered' takes the value true (for \"not answered\" use noneOf)"), OnlyError());
    }

    [Fact]
    public void Condition_Fact_IsRead()
    {
        Assert.Equal(new FactCondition("sensitive"), Condition("""{"fact":"sensitive"}"""));
        Assert.Empty(_errors);
    }

    [Fact]
    public void Condition_FactWithOtherKey_SaysOnlyKey()
    {
        Assert.Null(Condition("""{"fact":"sensitive","x":1}"""));
        Assert.Equal(new SeedError(File, "at.when", "'fact' must be the only key of its condition"), OnlyError());
    }

    [Fact]
    public void Condition_PathRecommended_IsRead()
    {
        Assert.Equal(new PathRecommendedCondition("complaint"), Condition("""{"pathRecommended":"complaint"}"""));
        Assert.Empty(_errors);
    }

    [Fact]
    public void Condition_PathRecommendedWithOtherKey_SaysOnlyKey()
    {
        Assert.Null(Condition("""{"pathRecommended":"complaint","fact":"x"}"""));
        Assert.Equal(new SeedError(File, "at.when", "'fact' must be the only key of its condition"), OnlyError());
    }

    [Fact]
    public void Condition_PathRecommendedWithNonFactKey_SaysOnlyKey()
    {
        Assert.Null(Condition("""{"pathRecommended":"complaint","x":1}"""));
        Assert.Equal(new SeedError(File, "at.when", "'pathRecommended' must be the only key of its condition"), OnlyError());
    }

    [Fact]
    public void Condition_AllOfAndAnyOf_AreReadRecursively()
    {
        var c = Condition("""{"allOf":[{"fact":"a"},{"anyOf":[{"fact":"b"},{"pathRecommended":"p"}]}]}""");

        Assert.Empty(_errors);
        var all = Assert.IsType<AllOfCondition>(c);
        Assert.Equal(new FactCondition("a"), all.Conditions[0]);
        var any = Assert.IsType<AnyOfCondition>(all.Conditions[1]);
        Assert.Equal([new FactCondition("b"), new PathRecommendedCondition("p")], any.Conditions);
    }

    [Fact]
    public void Condition_NoneOf_IsReadRecursively()
    {
        var c = Condition("""{"noneOf":[{"fact":"a"},{"question":"q","op":"in","value":["x","y"]}]}""");

        Assert.Empty(_errors);
        var none = Assert.IsType<NoneOfCondition>(c);
        Assert.Equal(new FactCondition("a"), none.Conditions[0]);
        var q = Assert.IsType<QuestionCondition>(none.Conditions[1]);
        Assert.Equal(["x", "y"], q.Values);
    }

    [Theory]
    [InlineData("allOf")]
    [InlineData("anyOf")]
    [InlineData("noneOf")]
    public void Condition_GroupWithOtherKey_SaysOnlyKey(string key)
    {
        Assert.Null(Condition($$"""{"{{key}}":[{"fact":"a"}],"fact":"b"}"""));
        Assert.Equal(new SeedError(File, "at.when", $"'{key}' must be the only key of its condition"), OnlyError());
    }

    [Fact]
    public void Condition_AllOfAndAnyOfTogether_NamesAllOf()
    {
        Assert.Null(Condition("""{"allOf":[{"fact":"a"}],"anyOf":[{"fact":"b"}]}"""));
        Assert.Equal(new SeedError(File, "at.when", "'allOf' must be the only key of its condition"), OnlyError());
    }

    [Theory]
    [InlineData("allOf")]
    [InlineData("anyOf")]
    [InlineData("noneOf")]
    public void Condition_EmptyGroup_NeedsOneCondition(string key)
    {
        Assert.Null(Condition($$"""{"{{key}}":[]}"""));
        Assert.Equal(new SeedError(File, "at.when", $"'{key}' needs at least one condition"), OnlyError());
    }

    [Fact]
    public void Condition_GroupWithBadMember_NamesMemberByIndex()
    {
        Assert.Null(Condition("""{"anyOf":[{"fact":"a"},{"fact":"b","x":1}]}"""));
        Assert.Equal(new SeedError(File, "at.when.anyOf[1]", "'fact' must be the only key of its condition"), OnlyError());
    }

    [Fact]
    public void Condition_QuestionWithBlankId_SaysRequired()
    {
        Assert.NotNull(Condition("""{"question":"","op":"eq","value":"a"}"""));
        Assert.Equal(new SeedError(File, "at.when", "'question' is required and must be a non-empty string"), OnlyError());
    }
}
