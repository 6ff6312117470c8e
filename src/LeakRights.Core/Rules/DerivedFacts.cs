using LeakRights.Core.Answers;
using LeakRights.Core.Content;

namespace LeakRights.Core.Rules;

/// <summary>The facts derived from an answer set: which fact ids hold, the criminal count threshold and the limitation month.</summary>
public sealed record DerivedFacts(IReadOnlySet<string> Holding, int? CriminalThreshold, YearMonth? LimitationDate)
{
    public bool Has(string fact) => Holding.Contains(fact);
}

public static class FactEvaluator
{
    /// <summary>The facts of <paramref name="answers"/>; <paramref name="progress"/> are the contact log's tokens, which facts may read.</summary>
    public static DerivedFacts Evaluate(RuleSet rules, AnswerSet answers, YearMonth currentMonth, IEnumerable<string>? progress = null)
    {
        var holding = new HashSet<string>(progress ?? [], StringComparer.Ordinal);
        foreach (var fact in rules.Facts)
        {
            if (ConditionEvaluator.Evaluate(fact.When, answers, holding))
            {
                holding.Add(fact.Id);
            }
        }

        var threshold = CriminalThreshold(rules.CriminalThreshold, answers, holding);
        if (threshold is { } t && answers.Choice(rules.CriminalThreshold.ScaleQuestion) is { } scale
            && rules.CriminalThreshold.ScaleRanges.TryGetValue(scale, out var range))
        {
            if (range.Min >= t)
            {
                holding.Add(rules.CriminalThreshold.LikelyFlag);
            }
            else if (range.Max is null || range.Max >= t)
            {
                holding.Add(rules.CriminalThreshold.PossiblyFlag);
            }
        }

        YearMonth? limitation = null;
        if (rules.FindDeadline(rules.Limitation.Deadline) is { Due: { } due } && rules.FindEvent(due.From) is { } start
            && DeadlineClock.AnsweredMonth(start, answers, holding) is { } discovered)
        {
            var last = DeadlineClock.Add(discovered, due);
            limitation = last;
            if (currentMonth > last)
            {
                holding.Add(rules.Limitation.PassedFlag);
            }
            else if (currentMonth.MonthsUntil(last) < rules.Limitation.NearMonths)
            {
                holding.Add(rules.Limitation.NearFlag);
            }
        }

        return new DerivedFacts(holding, threshold, limitation);
    }

    /// <summary>
    /// The count from which selling or providing the leaked data is 情节严重: the lowest threshold of any leaked type's tier
    /// (others: the default), reduced for insiders. Null when no data type is answered.
    /// </summary>
    public static int? CriminalThreshold(CriminalThresholdRule rule, AnswerSet answers, IReadOnlySet<string> facts)
    {
        var types = answers.Choices(rule.DataQuestion);
        if (types.Count == 0)
        {
            return null;
        }

        var threshold = rule.Tiers.Where(t => t.DataTypes.Any(types.Contains)).Select(t => t.Threshold).DefaultIfEmpty(rule.DefaultThreshold).Min();
        if (rule.ReducedWhen is not null && ConditionEvaluator.Evaluate(rule.ReducedWhen, answers, facts))
        {
            threshold = (int)Math.Ceiling(threshold * rule.ReducedFactor);
        }

        return threshold;
    }
}
