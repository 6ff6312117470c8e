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

        var limitation = LimitationEnd(rules, rules.Limitation.Deadline, answers, holding);
        var earliest = rules.Limitation.EarliestDeadline is { } key ? LimitationEnd(rules, key, answers, holding) : null;
        if (limitation is { } last)
        {
            if (currentMonth > last)
            {
                holding.Add(rules.Limitation.PassedFlag);
            }
            else if (currentMonth.MonthsUntil(last) < rules.Limitation.NearMonths)
            {
                holding.Add(rules.Limitation.NearFlag);
            }
        }
        else if (earliest is { } first && (currentMonth > first || currentMonth.MonthsUntil(first) < rules.Limitation.NearMonths))
        {
            // The earliest end is near or past: sue soon, and find the date of the demand or report. Never "passed" from it
            // — the undated demand or report may have restarted the period (诉讼时效规定第八、十三条).
            holding.Add(rules.Limitation.NearFlag);
        }

        return new DerivedFacts(holding, threshold, limitation ?? earliest);
    }

    /// <summary>The last month of deadline <paramref name="key"/> counted from its answered start, if the answers give one.</summary>
    private static YearMonth? LimitationEnd(RuleSet rules, string key, AnswerSet answers, IReadOnlySet<string> facts) =>
        rules.FindDeadline(key) is { Due: { } due } && rules.FindEvent(due.From) is { } start && DeadlineClock.AnsweredMonth(start, answers, facts) is { } from
            ? DeadlineClock.Add(from, due)
            : null;

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
