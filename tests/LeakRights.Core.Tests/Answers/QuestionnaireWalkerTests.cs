using LeakRights.Core.Answers;

namespace LeakRights.Core.Tests.Answers;

public class QuestionnaireWalkerTests
{
    private static readonly QuestionnaireWalker Walker = TestContent.Walker();

    private static Dictionary<string, IReadOnlyList<string>> Form(params (string Key, string[] Values)[] fields) =>
        fields.ToDictionary(f => f.Key, f => (IReadOnlyList<string>)f.Values);

    [Fact]
    public void Steps_Questionnaire_HasFiveTopicsInSpecOrder()
    {
        Assert.Equal(["source", "data", "evidence", "harm", "actions"], Walker.Questionnaire.Steps.Select(s => s.Id));
    }

    [Fact]
    public void VisibleQuestions_SourceUnanswered_ShowsOnlySource()
    {
        Assert.Equal(["source"], Walker.VisibleQuestions(0, AnswerSet.Empty).Select(q => q.Id));
    }

    [Theory]
    [InlineData("bank", new[] { "source", "insider", "organisation-name" })]
    [InlineData("individual", new[] { "source", "organisation-name" })]
    [InlineData("unknown", new[] { "source" })]
    public void VisibleQuestions_Source_AppliesShowIf(string source, string[] expected)
    {
        var answers = AnswerSet.Empty.With("source", new ChoiceAnswer(source));

        Assert.Equal(expected, Walker.VisibleQuestions(0, answers).Select(q => q.Id));
    }

    [Fact]
    public void Submit_SourceRevealsMoreQuestions_StaysOnStep()
    {
        var result = Walker.Submit(0, AnswerSet.Empty, Form(("source", ["bank"])));

        Assert.Equal(StepOutcome.Stay, result.Outcome);
        Assert.Equal("bank", result.Answers.Choice("source"));
    }

    [Fact]
    public void Submit_AllShownAnswered_Advances()
    {
        var stored = AnswerSet.Empty.With("source", new ChoiceAnswer("bank"));

        var result = Walker.Submit(0, stored, Form(("source", ["bank"]), ("insider", ["yes"]), ("organisation-name", ["某银行"])));

        Assert.Equal(StepOutcome.Advance, result.Outcome);
        Assert.Equal("yes", result.Answers.Choice("insider"));
        Assert.Equal("某银行", result.Answers.Text("organisation-name"));
    }

    [Fact]
    public void Submit_SourceChangedToUnknown_DropsHiddenAnswersSilently()
    {
        var stored = AnswerSet.Empty.With("source", new ChoiceAnswer("bank")).With("insider", new ChoiceAnswer("yes"));

        var result = Walker.Submit(0, stored, Form(("source", ["unknown"]), ("insider", ["yes"]), ("organisation-name", ["x"])));

        Assert.Equal(StepOutcome.Advance, result.Outcome);
        Assert.False(result.Answers.Has("insider"));
        Assert.False(result.Answers.Has("organisation-name"));
    }

    [Fact]
    public void Submit_ForgedHiddenQuestion_IsRefusedWithMessageAndKeepsAnswers()
    {
        var stored = AnswerSet.Empty.With("source", new ChoiceAnswer("unknown"));

        var result = Walker.Submit(0, stored, Form(("source", ["unknown"]), ("insider", ["yes"])));

        Assert.Equal(StepOutcome.Invalid, result.Outcome);
        Assert.NotNull(result.FormError);
        Assert.Equal("unknown", result.Answers.Choice("source"));
        Assert.False(result.Answers.Has("insider"));
    }

    [Fact]
    public void Submit_QuestionOfAnotherStep_IsRefused()
    {
        var result = Walker.Submit(0, AnswerSet.Empty, Form(("source", ["bank"]), ("scale", ["5000-plus"])));

        Assert.Equal(StepOutcome.Invalid, result.Outcome);
        Assert.False(result.Answers.Has("scale"));
    }

    [Fact]
    public void Submit_MissingRequired_ReportsFieldAndKeepsOtherAnswers()
    {
        var result = Walker.Submit(1, AnswerSet.Empty, Form(("data-types", ["identity"])));

        Assert.Equal(StepOutcome.Invalid, result.Outcome);
        Assert.Equal("请选择一项。", result.Errors["scale"]);
        Assert.Equal(["identity"], result.Answers.Choices("data-types"));
    }

    [Fact]
    public void Submit_UnknownOption_ReportsItAndEchoesInput()
    {
        var result = Walker.Submit(1, AnswerSet.Empty, Form(("data-types", ["identity", "dna"]), ("scale", ["only-me"])));

        Assert.Equal(StepOutcome.Invalid, result.Outcome);
        Assert.Contains("dna", result.Errors["data-types"], StringComparison.Ordinal);
        Assert.Equal(["identity", "dna"], result.Echo["data-types"]);
        Assert.Equal("only-me", result.Answers.Choice("scale"));
    }

    [Fact]
    public void Submit_ExclusiveOptionWithOthers_IsRefused()
    {
        var result = Walker.Submit(2, AnswerSet.Empty, Form(("discovery", ["spam"]), ("discovered-on", ["2026-10"]), ("evidence", ["none", "leaked-copy"])));

        Assert.Equal(StepOutcome.Invalid, result.Outcome);
        Assert.Contains("暂时没有", result.Errors["evidence"], StringComparison.Ordinal);
    }

    [Fact]
    public void Submit_BackWithoutRequiredAnswers_KeepsWhatIsValid()
    {
        var result = Walker.Submit(1, AnswerSet.Empty, Form(("data-types", ["health"])), requireAnswers: false);

        Assert.Equal(StepOutcome.Advance, result.Outcome);
        Assert.Equal(["health"], result.Answers.Choices("data-types"));
    }

    [Fact]
    public void FirstIncompleteStep_PartialAnswers_PointsAtFirstGap()
    {
        var answers = AnswerSet.Empty.With("source", new ChoiceAnswer("bank"));

        Assert.Equal(1, Walker.FirstIncompleteStep(answers));
        Assert.Equal(0, Walker.FirstIncompleteStep(AnswerSet.Empty));
    }

    [Fact]
    public void ParseAll_HiddenAnswer_IsDroppedNotAnError()
    {
        var answers = TestContent.Answers("""{"source":"unknown","insider":"yes","contacted-organisation":"refused","data-types":["identity"],"scale":"only-me","discovery":["other"],"evidence":["none"],"harms":["spam"],"loss-amount":5,"ongoing-danger":"no","police-report":"no","discovered-on":"2026-10"}""");

        Assert.False(answers.Has("insider"));
        Assert.False(answers.Has("contacted-organisation"));
        Assert.False(answers.Has("loss-amount"));
    }

    [Fact]
    public void ParseAll_UnknownQuestionAndMissingRequired_NamesEachField()
    {
        var raw = new Dictionary<string, RawAnswer> { ["source"] = RawAnswer.JsonString("bank"), ["favourite-colour"] = RawAnswer.JsonString("red") };

        var result = Walker.ParseAll(raw, acceptLetterFields: false);

        Assert.False(result.IsValid);
        Assert.Contains("favourite-colour", result.Errors.Keys);
        Assert.Contains("data-types", result.Errors.Keys);
        Assert.Contains("discovered-on", result.Errors.Keys);
        Assert.DoesNotContain("insider", result.Errors.Keys);
    }

    [Fact]
    public void ParseAll_LetterFields_AreKeptApartOrIgnored()
    {
        var raw = new Dictionary<string, RawAnswer> { ["your-name"] = RawAnswer.JsonString("李四") };

        Assert.Equal("李四", Walker.ParseAll(raw, acceptLetterFields: true).LetterFields["your-name"]);
        Assert.Empty(Walker.ParseAll(raw, acceptLetterFields: false).LetterFields);
        Assert.False(Walker.ParseAll(raw, acceptLetterFields: true).Answers.Has("your-name"));
    }
}
