using LeakRights.Core.Content;

namespace LeakRights.Core.Tests.Content;

public class QuestionnaireTests
{
    private static Question Question(string id, bool letterOnly = false) =>
        new(id, QuestionType.Text, "标签" + id, null, false, [], null, null, null, null, 10, letterOnly);

    [Fact]
    public void Find_And_Get_LookUpById()
    {
        var q = TestContent.Bundle.Questionnaire;

        Assert.Equal("scale", q.Find("scale")!.Id);
        Assert.Null(q.Find("ghost"));
        Assert.Equal("scale", q.Get("scale").Id);
        Assert.Contains("'ghost'", Assert.Throws<KeyNotFoundException>(() => q.Get("ghost")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StepIndexOf_GivesStepOrMinusOne()
    {
        var q = TestContent.Bundle.Questionnaire;

        Assert.Equal(0, q.StepIndexOf("source"));
        Assert.Equal(0, q.StepIndexOf("organisation-name"));
        Assert.Equal(4, q.StepIndexOf("police-report"));
        Assert.Equal(-1, q.StepIndexOf("your-name"));
        Assert.Equal(-1, q.StepIndexOf("ghost"));
    }

    [Fact]
    public void LetterQuestions_AreTheLetterOnlyOnes()
    {
        Assert.Equal(["your-name", "your-contact", "organisation-address", "what-happened"], TestContent.Bundle.Questionnaire.LetterQuestions.Select(q => q.Id));
    }

    [Fact]
    public void Constructor_DuplicateId_KeepsTheFirst()
    {
        var first = Question("a");
        var q = new Questionnaire([first, Question("a") with { Label = "second" }], [new QuestionnaireStep("s", "t", null, ["a"])]);

        Assert.Same(first, q.Get("a"));
        Assert.Equal(2, q.Questions.Count);
    }

    [Fact]
    public void FindOption_ById()
    {
        var scale = TestContent.Bundle.Questionnaire.Get("scale");

        Assert.Equal("only-me", scale.FindOption("only-me")!.Id);
        Assert.Null(scale.FindOption("ONLY-ME"));
    }

    [Theory]
    [InlineData(QuestionType.SingleChoice, "single")]
    [InlineData(QuestionType.MultiChoice, "multi")]
    [InlineData(QuestionType.Number, "number")]
    [InlineData(QuestionType.Month, "month")]
    [InlineData(QuestionType.Text, "text")]
    public void ToSeedName_QuestionType_IsTheSeedFileName(QuestionType type, string expected)
    {
        Assert.Equal(expected, type.ToSeedName());
    }

    [Theory]
    [InlineData(ConditionOperator.Eq, "eq")]
    [InlineData(ConditionOperator.In, "in")]
    [InlineData(ConditionOperator.Not, "not")]
    [InlineData(ConditionOperator.Any, "any")]
    [InlineData(ConditionOperator.All, "all")]
    [InlineData(ConditionOperator.Gte, "gte")]
    [InlineData(ConditionOperator.Lte, "lte")]
    public void ToSeedName_Operator_IsTheSeedFileName(ConditionOperator op, string expected)
    {
        Assert.Equal(expected, op.ToSeedName());
    }
}
