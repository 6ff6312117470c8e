using LeakRights.Core.Answers;
using LeakRights.Core.Content;
using LeakRights.Core.Rules;

namespace LeakRights.Core.Tests.Rules;

/// <summary><see cref="FactEvaluator"/> on a small made-up rule set: each boundary of the threshold and limitation rules.</summary>
public class DerivedFactsTests
{
    private static readonly YearMonth Now = new(2026, 11);

    private static readonly CriminalThresholdRule Threshold = new(
        "types",
        [new ThresholdTier(["location"], 50), new ThresholdTier(["health"], 500)],
        5000,
        new QuestionCondition("insider", ConditionOperator.Eq, ["yes"], null),
        0.5m,
        "scale",
        new Dictionary<string, ScaleRange>
        {
            ["exact"] = new(50, 60),
            ["up-to"] = new(10, 50),
            ["below"] = new(10, 49),
            ["open"] = new(10, null),
        },
        "likely",
        "possibly",
        []);

    private static RuleSet Rules(IReadOnlyList<FactRule>? facts = null, CriminalThresholdRule? threshold = null) =>
        new(
            facts ?? [],
            threshold ?? Threshold,
            new LimitationRule("lim", 6, "near", "passed", []),
            [],
            [],
            [],
            [new EventRule("found-at", EventSource.Answer, "found", null)],
            [new DeadlineRule("lim", null, new DueRule(3, ClockUnit.Years, "found-at"), null, true, 30, [])]);

    private static AnswerSet Answers(params (string Id, AnswerValue Value)[] values) =>
        values.Aggregate(AnswerSet.Empty, (a, v) => a.With(v.Id, v.Value));

    private static DerivedFacts Evaluate(AnswerSet answers, RuleSet? rules = null) => FactEvaluator.Evaluate(rules ?? Rules(), answers, Now);

    [Fact]
    public void Evaluate_Facts_SeeEarlierFacts()
    {
        var rules = Rules(facts:
        [
            new FactRule("a", new QuestionCondition("x", ConditionOperator.Eq, ["yes"], null), false, []),
            new FactRule("b", new FactCondition("a"), false, []),
        ]);

        var facts = Evaluate(Answers(("x", new ChoiceAnswer("yes"))), rules);

        Assert.True(facts.Has("a"));
        Assert.True(facts.Has("b"));
        Assert.False(Evaluate(AnswerSet.Empty, rules).Has("b"));
    }

    [Fact]
    public void CriminalThreshold_NoDataTypes_IsNullWithoutFlags()
    {
        var facts = Evaluate(Answers(("scale", new ChoiceAnswer("open"))));

        Assert.Null(facts.CriminalThreshold);
        Assert.Empty(facts.Holding);
    }

    [Fact]
    public void CriminalThreshold_TypeInNoTier_IsDefault()
    {
        Assert.Equal(5000, Evaluate(Answers(("types", new ChoicesAnswer(["name"])))).CriminalThreshold);
    }

    [Fact]
    public void CriminalThreshold_ReducedFactor_RoundsUp()
    {
        var rule = Threshold with { Tiers = [new ThresholdTier(["location"], 5)] };
        var answers = Answers(("types", new ChoicesAnswer(["location"])), ("insider", new ChoiceAnswer("yes")));

        Assert.Equal(3, FactEvaluator.CriminalThreshold(rule, answers, new HashSet<string>()));
    }

    [Fact]
    public void CriminalThreshold_WithoutReducedWhen_IsNeverReduced()
    {
        var rule = Threshold with { ReducedWhen = null };
        var answers = Answers(("types", new ChoicesAnswer(["location"])), ("insider", new ChoiceAnswer("yes")));

        Assert.Equal(50, FactEvaluator.CriminalThreshold(rule, answers, new HashSet<string>()));
    }

    [Theory]
    [InlineData("exact", "likely")]
    [InlineData("up-to", "possibly")]
    [InlineData("open", "possibly")]
    [InlineData("below", null)]
    [InlineData("not-a-range", null)]
    public void Evaluate_ScaleRangeAgainstThreshold_SetsOneFlag(string scale, string? expected)
    {
        var facts = Evaluate(Answers(("types", new ChoicesAnswer(["location"])), ("scale", new ChoiceAnswer(scale))));

        Assert.Equal(50, facts.CriminalThreshold);
        Assert.Equal(expected is null ? [] : [expected], facts.Holding);
    }

    [Fact]
    public void Evaluate_NoScaleAnswer_SetsNoFlag()
    {
        Assert.Empty(Evaluate(Answers(("types", new ChoicesAnswer(["location"])))).Holding);
    }

    [Theory]
    [InlineData(2023, 10, "2026-10", "passed")]
    [InlineData(2023, 11, "2026-11", "near")]
    [InlineData(2024, 4, "2027-04", "near")]
    [InlineData(2024, 5, "2027-05", null)]
    public void Evaluate_Limitation_BoundariesOfPassedAndNear(int year, int month, string last, string? flag)
    {
        var facts = Evaluate(Answers(("found", new MonthAnswer(new YearMonth(year, month)))));

        Assert.Equal(last, facts.LimitationDate?.ToString());
        Assert.Equal(flag is null ? [] : [flag], facts.Holding);
    }

    [Fact]
    public void Evaluate_NoDiscoveryMonth_HasNoLimitationDate()
    {
        Assert.Null(Evaluate(AnswerSet.Empty).LimitationDate);
    }
}
