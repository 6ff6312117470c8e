using LeakRights.Core.Answers;

namespace LeakRights.Core.Tests.Answers;

/// <summary>More <see cref="QuestionnaireWalker"/> cases: exact messages, echo, normalisation and what a whole answer set must hold.</summary>
public class QuestionnaireWalkerRulesTests
{
    private static readonly QuestionnaireWalker Walker = TestContent.Walker();

    private const string Complete = """{"source":"bank","insider":"no","data-types":["identity"],"scale":"only-me","discovery":["spam"],"discovered-on":"2026-10","evidence":["none"],"harms":["spam"],"ongoing-danger":"no","police-report":"no"}""";

    private static Dictionary<string, IReadOnlyList<string>> Form(params (string Key, string[] Values)[] fields) =>
        fields.ToDictionary(f => f.Key, f => (IReadOnlyList<string>)f.Values);

    private static Dictionary<string, RawAnswer> Raw(string json)
    {
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        return AnswerJson.ReadObject(doc.RootElement).Raw;
    }

    [Fact]
    public void StepCount_IsNumberOfSteps()
    {
        Assert.Equal(5, Walker.StepCount);
    }

    [Fact]
    public void IsVisible_LetterOnlyQuestion_IsNeverVisible()
    {
        Assert.False(QuestionnaireWalker.IsVisible(Walker.Questionnaire.Get("your-name"), AnswerSet.Empty));
        Assert.True(QuestionnaireWalker.IsVisible(Walker.Questionnaire.Get("source"), AnswerSet.Empty));
    }

    [Fact]
    public void Normalize_DropsUnknownLetterOnlyAndHiddenAnswers()
    {
        var answers = AnswerSet.Empty
            .With("source", new ChoiceAnswer("unknown"))
            .With("insider", new ChoiceAnswer("yes"))
            .With("your-name", new TextAnswer("张三"))
            .With("ghost", new TextAnswer("x"))
            .With("scale", new ChoiceAnswer("only-me"));

        Assert.Equal(["scale", "source"], Walker.Normalize(answers).Values.Keys);
    }

    [Fact]
    public void Normalize_VisibleAnswers_AreKept()
    {
        var answers = AnswerSet.Empty.With("source", new ChoiceAnswer("bank")).With("insider", new ChoiceAnswer("yes"));

        Assert.Equal(["insider", "source"], Walker.Normalize(answers).Values.Keys);
    }

    [Fact]
    public void FirstIncompleteStep_CompleteAnswers_IsNull()
    {
        Assert.Null(Walker.FirstIncompleteStep(TestContent.Answers(Complete)));
    }

    [Fact]
    public void MissingRequired_ListsVisibleRequiredQuestionsInOrder()
    {
        var answers = AnswerSet.Empty.With("source", new ChoiceAnswer("bank"));

        Assert.Equal(["data-types", "scale", "discovery", "discovered-on", "evidence", "harms", "ongoing-danger", "police-report"], Walker.MissingRequired(answers).Select(q => q.Id));
    }

    [Fact]
    public void Submit_ForgedField_SaysNotOnThisPage()
    {
        var result = Walker.Submit(0, AnswerSet.Empty, Form(("source", ["bank"]), ("scale", ["only-me"])));

        Assert.Equal("表单里有本页没有的内容，已经忽略。请核对本页答案后重新提交。", result.FormError);
        Assert.Empty(result.Errors);
        Assert.Equal("bank", result.Answers.Choice("source"));
    }

    [Fact]
    public void Submit_EmptyFieldNotOnPage_IsIgnored()
    {
        var stored = AnswerSet.Empty.With("source", new ChoiceAnswer("bank"));

        var result = Walker.Submit(0, stored, Form(("source", ["bank"]), ("insider", ["no"]), ("organisation-name", [""]), ("scale", [""]), ("__RequestVerificationToken", [""])));

        Assert.Null(result.FormError);
        Assert.Equal(StepOutcome.Advance, result.Outcome);
    }

    [Fact]
    public void Submit_Echo_HoldsEveryRenderedQuestion()
    {
        var stored = AnswerSet.Empty.With("source", new ChoiceAnswer("bank"));

        var result = Walker.Submit(0, stored, Form(("source", ["bank"]), ("insider", ["maybe"])));

        Assert.Equal(["insider", "organisation-name", "source"], result.Echo.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["maybe"], result.Echo["insider"]);
        Assert.Empty(result.Echo["organisation-name"]);
        Assert.Equal(StepOutcome.Invalid, result.Outcome);
        Assert.Equal("“maybe”不是这道题的选项，请重新选择。", result.Errors["insider"]);
    }

    [Fact]
    public void Submit_InvalidAnswer_RemovesTheStoredOne()
    {
        var stored = AnswerSet.Empty.With("source", new ChoiceAnswer("bank")).With("insider", new ChoiceAnswer("yes"));

        var result = Walker.Submit(0, stored, Form(("source", ["bank"]), ("insider", ["maybe"])));

        Assert.False(result.Answers.Has("insider"));
    }

    [Fact]
    public void Submit_EmptyOptionalAnswer_ClearsTheStoredOne()
    {
        var stored = AnswerSet.Empty.With("source", new ChoiceAnswer("bank")).With("organisation-name", new TextAnswer("某银行"));

        var result = Walker.Submit(0, stored, Form(("source", ["bank"]), ("organisation-name", [""])));

        Assert.Equal(StepOutcome.Advance, result.Outcome);
        Assert.False(result.Answers.Has("organisation-name"));
    }

    [Fact]
    public void Submit_RequiredQuestionJustRevealed_IsNotAnErrorYet()
    {
        var result = Walker.Submit(3, AnswerSet.Empty, Form(("harms", ["financial-loss"]), ("ongoing-danger", ["no"])));

        Assert.Equal(StepOutcome.Stay, result.Outcome);
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void Submit_ErrorOnQuestionNowHidden_IsDropped()
    {
        var stored = AnswerSet.Empty.With("harms", new ChoicesAnswer(["financial-loss"]));

        var result = Walker.Submit(3, stored, Form(("harms", ["spam"]), ("loss-amount", ["lots"]), ("ongoing-danger", ["no"])));

        Assert.Equal(StepOutcome.Advance, result.Outcome);
        Assert.Empty(result.Errors);
        Assert.False(result.Answers.Has("loss-amount"));
    }

    [Fact]
    public void Submit_ErrorOnVisibleQuestion_IsKept()
    {
        var stored = AnswerSet.Empty.With("harms", new ChoicesAnswer(["financial-loss"]));

        var result = Walker.Submit(3, stored, Form(("harms", ["financial-loss"]), ("loss-amount", ["lots"]), ("ongoing-danger", ["no"])));

        Assert.Equal(StepOutcome.Invalid, result.Outcome);
        Assert.Equal("请填写一个数字，例如 20000。", Assert.Single(result.Errors).Value);
    }

    [Fact]
    public void Submit_NotRequiredMode_StillReportsBadValues()
    {
        var result = Walker.Submit(1, AnswerSet.Empty, Form(("data-types", ["dna"])), requireAnswers: false);

        Assert.Equal(StepOutcome.Invalid, result.Outcome);
        Assert.Equal(["data-types"], result.Errors.Keys);
    }

    [Fact]
    public void Submit_MissingRequired_UsesTypeMessage()
    {
        var result = Walker.Submit(2, AnswerSet.Empty, Form());

        Assert.Equal("请至少选择一项。", result.Errors["discovery"]);
        Assert.Equal("请填写这一项。", result.Errors["discovered-on"]);
        Assert.Equal("请至少选择一项。", result.Errors["evidence"]);
    }

    [Fact]
    public void ParseAll_Complete_IsValid()
    {
        var result = Walker.ParseAll(Raw(Complete), acceptLetterFields: false);

        Assert.True(result.IsValid);
        Assert.Empty(result.Errors);
        Assert.Equal(10, result.Answers.Count);
    }

    [Fact]
    public void ParseAll_UnknownQuestion_SaysNoSuchQuestion()
    {
        var raw = Raw(Complete);
        raw["colour"] = RawAnswer.JsonString("red");

        var result = Walker.ParseAll(raw, acceptLetterFields: false);

        Assert.Equal("没有这道题：问题编号不正确。", Assert.Single(result.Errors).Value);
    }

    [Fact]
    public void ParseAll_MissingRequired_UsesTypeMessages()
    {
        var result = Walker.ParseAll(Raw("""{"source":"bank"}"""), acceptLetterFields: false);

        Assert.Equal("请至少选择一项。", result.Errors["data-types"]);
        Assert.Equal("请选择一项。", result.Errors["scale"]);
        Assert.Equal("请填写这一项。", result.Errors["discovered-on"]);
        Assert.False(result.IsValid);
    }

    [Fact]
    public void ParseAll_BadValueOfRequiredQuestion_KeepsItsOwnMessage()
    {
        var raw = Raw(Complete);
        raw["scale"] = RawAnswer.JsonString("millions");

        var result = Walker.ParseAll(raw, acceptLetterFields: false);

        Assert.Equal("“millions”不是这道题的选项，请重新选择。", Assert.Single(result.Errors).Value);
    }

    [Fact]
    public void ParseAll_BadValueOfHiddenQuestion_IsIgnored()
    {
        var raw = Raw(Complete);
        raw["loss-amount"] = RawAnswer.JsonString("lots");

        var result = Walker.ParseAll(raw, acceptLetterFields: false);

        Assert.True(result.IsValid);
        Assert.False(result.Answers.Has("loss-amount"));
    }

    [Fact]
    public void ParseAll_BadValueOfVisibleConditionalQuestion_IsReported()
    {
        var raw = Raw(Complete);
        raw["insider"] = RawAnswer.JsonString("maybe");

        Assert.Equal(["insider"], Walker.ParseAll(raw, acceptLetterFields: false).Errors.Keys);
    }

    [Fact]
    public void ParseAll_NullAnswer_IsLeftOut()
    {
        var raw = Raw(Complete);
        raw["organisation-name"] = RawAnswer.JsonNull();

        var result = Walker.ParseAll(raw, acceptLetterFields: false);

        Assert.True(result.IsValid);
        Assert.False(result.Answers.Has("organisation-name"));
    }

    [Fact]
    public void ParseAll_BadLetterField_IsReportedWhenAccepted()
    {
        var raw = Raw(Complete);
        raw["your-name"] = RawAnswer.JsonArray(["张三"]);

        Assert.Equal(["your-name"], Walker.ParseAll(raw, acceptLetterFields: true).Errors.Keys);
        Assert.True(Walker.ParseAll(raw, acceptLetterFields: false).IsValid);
    }

    [Fact]
    public void ParseAll_BlankLetterField_IsLeftOut()
    {
        var raw = Raw(Complete);
        raw["your-name"] = RawAnswer.JsonString("  ");

        var result = Walker.ParseAll(raw, acceptLetterFields: true);

        Assert.True(result.IsValid);
        Assert.Empty(result.LetterFields);
    }
}
