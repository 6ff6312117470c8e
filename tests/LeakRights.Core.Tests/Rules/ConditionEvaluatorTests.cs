using LeakRights.Core.Answers;
using LeakRights.Core.Content;
using LeakRights.Core.Rules;

namespace LeakRights.Core.Tests.Rules;

public class ConditionEvaluatorTests
{
    private static readonly AnswerSet Answers = AnswerSet.Empty
        .With("single", new ChoiceAnswer("b"))
        .With("multi", new ChoicesAnswer(["x", "y"]))
        .With("number", new NumberAnswer(100))
        .With("text", new TextAnswer("b"));

    private static QuestionCondition Q(string question, ConditionOperator op, params string[] values) => new(question, op, values, null);

    private static QuestionCondition N(string question, ConditionOperator op, decimal number) => new(question, op, [], number);

    private static bool Eval(Condition c) => ConditionEvaluator.Evaluate(c, Answers);

    [Theory]
    [InlineData("single", true)]
    [InlineData("multi", true)]
    [InlineData("number", true)]
    [InlineData("text", true)]
    [InlineData("missing", false)]
    public void Evaluate_Answered_HoldsForAnyAnswerType_NotForAMissingOne(string question, bool expected)
    {
        Assert.Equal(expected, Eval(new QuestionCondition(question, ConditionOperator.Answered, [], null)));
    }

    [Theory]
    [InlineData("b", true)]
    [InlineData("a", false)]
    public void Evaluate_EqOnSingleChoice_ComparesOption(string value, bool expected)
    {
        Assert.Equal(expected, Eval(Q("single", ConditionOperator.Eq, value)));
    }

    [Fact]
    public void Evaluate_InOnSingleChoice_MatchesAnyListedOption()
    {
        Assert.True(Eval(Q("single", ConditionOperator.In, "a", "b")));
        Assert.False(Eval(Q("single", ConditionOperator.In, "a", "c")));
    }

    [Theory]
    [InlineData(ConditionOperator.Eq)]
    [InlineData(ConditionOperator.In)]
    public void Evaluate_EqOrInOnOtherAnswerKinds_IsFalse(ConditionOperator op)
    {
        Assert.False(Eval(Q("multi", op, "x")));
        Assert.False(Eval(Q("text", op, "b")));
        Assert.False(Eval(Q("missing", op, "b")));
    }

    [Fact]
    public void Evaluate_NotOnSingleChoice_HoldsWhenOptionIsNotListed()
    {
        Assert.True(Eval(Q("single", ConditionOperator.Not, "a", "c")));
        Assert.False(Eval(Q("single", ConditionOperator.Not, "a", "b")));
    }

    [Fact]
    public void Evaluate_NotOnMultiChoice_HoldsWhenNoChosenOptionIsListed()
    {
        Assert.True(Eval(Q("multi", ConditionOperator.Not, "z")));
        Assert.False(Eval(Q("multi", ConditionOperator.Not, "z", "y")));
    }

    [Fact]
    public void Evaluate_NotOnUnansweredOrOtherKinds_IsFalse()
    {
        Assert.False(Eval(Q("missing", ConditionOperator.Not, "a")));
        Assert.False(Eval(Q("text", ConditionOperator.Not, "a")));
        Assert.False(Eval(Q("number", ConditionOperator.Not, "a")));
    }

    [Fact]
    public void Evaluate_AnyOnMultiChoice_NeedsOneListedOption()
    {
        Assert.True(Eval(Q("multi", ConditionOperator.Any, "z", "y")));
        Assert.False(Eval(Q("multi", ConditionOperator.Any, "z")));
        Assert.False(Eval(Q("single", ConditionOperator.Any, "b")));
    }

    [Fact]
    public void Evaluate_AllOnMultiChoice_NeedsEveryListedOption()
    {
        Assert.True(Eval(Q("multi", ConditionOperator.All, "x", "y")));
        Assert.True(Eval(Q("multi", ConditionOperator.All, "y")));
        Assert.False(Eval(Q("multi", ConditionOperator.All, "x", "z")));
        Assert.False(Eval(Q("single", ConditionOperator.All, "b")));
    }

    [Theory]
    [InlineData(99, true, false)]
    [InlineData(100, true, true)]
    [InlineData(101, false, true)]
    public void Evaluate_GteAndLte_IncludeTheBoundary(int number, bool gte, bool lte)
    {
        Assert.Equal(gte, Eval(N("number", ConditionOperator.Gte, number)));
        Assert.Equal(lte, Eval(N("number", ConditionOperator.Lte, number)));
    }

    [Fact]
    public void Evaluate_GteOrLteOnNonNumber_IsFalse()
    {
        Assert.False(Eval(N("single", ConditionOperator.Gte, 0)));
        Assert.False(Eval(N("missing", ConditionOperator.Lte, 1000)));
    }

    [Fact]
    public void Evaluate_UnknownOperator_IsFalse()
    {
        Assert.False(Eval(Q("single", (ConditionOperator)99, "b")));
    }

    [Fact]
    public void Evaluate_Fact_HoldsOnlyWhenDerived()
    {
        var facts = new HashSet<string>(StringComparer.Ordinal) { "sensitive" };

        Assert.True(ConditionEvaluator.Evaluate(new FactCondition("sensitive"), Answers, facts));
        Assert.False(ConditionEvaluator.Evaluate(new FactCondition("other"), Answers, facts));
        Assert.False(ConditionEvaluator.Evaluate(new FactCondition("sensitive"), Answers));
    }

    [Fact]
    public void Evaluate_PathRecommended_HoldsOnlyForRecommendedPaths()
    {
        var paths = new HashSet<string>(StringComparer.Ordinal) { "complaint" };

        Assert.True(ConditionEvaluator.Evaluate(new PathRecommendedCondition("complaint"), Answers, null, paths));
        Assert.False(ConditionEvaluator.Evaluate(new PathRecommendedCondition("lawsuit"), Answers, null, paths));
        Assert.False(ConditionEvaluator.Evaluate(new PathRecommendedCondition("complaint"), Answers));
    }

    [Fact]
    public void Evaluate_AllOf_NeedsEveryCondition()
    {
        var yes = Q("single", ConditionOperator.Eq, "b");
        var no = Q("single", ConditionOperator.Eq, "a");

        Assert.True(Eval(new AllOfCondition([yes, yes])));
        Assert.False(Eval(new AllOfCondition([yes, no])));
        Assert.False(Eval(new AllOfCondition([no, yes])));
    }

    [Fact]
    public void Evaluate_AnyOf_NeedsOneCondition()
    {
        var yes = Q("single", ConditionOperator.Eq, "b");
        var no = Q("single", ConditionOperator.Eq, "a");

        Assert.True(Eval(new AnyOfCondition([no, yes])));
        Assert.False(Eval(new AnyOfCondition([no, no])));
        Assert.False(Eval(new AnyOfCondition([])));
    }

    [Fact]
    public void Evaluate_NoneOf_HoldsOnlyWhenNoConditionHolds()
    {
        var yes = Q("single", ConditionOperator.Eq, "b");
        var no = Q("single", ConditionOperator.Eq, "a");

        Assert.True(Eval(new NoneOfCondition([no, no])));
        Assert.False(Eval(new NoneOfCondition([no, yes])));
        Assert.False(Eval(new NoneOfCondition([yes])));
    }

    [Fact]
    public void Evaluate_NoneOfOnUnansweredQuestion_Holds()
    {
        // The one way to say "left unanswered": an optional question whose answer is none of its options.
        Assert.True(Eval(new NoneOfCondition([Q("missing", ConditionOperator.In, "a", "b")])));
        Assert.False(Eval(new NoneOfCondition([Q("single", ConditionOperator.In, "a", "b")])));
    }

    [Fact]
    public void Evaluate_NestedGroups_PassFactsAndPathsDown()
    {
        var facts = new HashSet<string>(StringComparer.Ordinal) { "f" };
        var paths = new HashSet<string>(StringComparer.Ordinal) { "p" };
        var nested = new AllOfCondition([new AnyOfCondition([new FactCondition("f")]), new AnyOfCondition([new PathRecommendedCondition("p")])]);

        Assert.True(ConditionEvaluator.Evaluate(nested, Answers, facts, paths));
        Assert.False(ConditionEvaluator.Evaluate(nested, Answers, facts, null));
        Assert.False(ConditionEvaluator.Evaluate(nested, Answers, null, paths));
    }

    [Fact]
    public void Evaluate_ConditionOfUnknownKind_IsFalse()
    {
        Assert.False(Eval(new UnknownCondition()));
    }

    private sealed record UnknownCondition : Condition;
}
