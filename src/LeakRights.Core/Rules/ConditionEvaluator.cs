using System.Collections.Immutable;
using LeakRights.Core.Answers;
using LeakRights.Core.Content;

namespace LeakRights.Core.Rules;

/// <summary>
/// Evaluates the closed condition grammar against answers, derived facts and recommended paths. Plain loops, no LINQ: a plan
/// evaluates a few hundred conditions and this must not allocate (issue 15). A progress condition with a day window
/// (<c>withinDays</c>, <c>afterDays</c>) needs the contact log itself, the <see cref="ProgressLog"/>: without one it never holds (the
/// seed validator allows day windows only where the plan passes the log: letters and step additions).
/// </summary>
public static class ConditionEvaluator
{
    private static readonly HashSet<string> None = new(StringComparer.Ordinal);

    public static bool Evaluate(Condition condition, AnswerSet answers, IReadOnlySet<string>? facts = null, IReadOnlySet<string>? recommendedPaths = null) =>
        Evaluate(condition, answers, facts, recommendedPaths, log: null);

    /// <summary>As <see cref="Evaluate(Condition, AnswerSet, IReadOnlySet{string}?, IReadOnlySet{string}?)"/>, with the contact log for day windows.</summary>
    internal static bool Evaluate(Condition condition, AnswerSet answers, IReadOnlySet<string>? facts, IReadOnlySet<string>? recommendedPaths, ProgressLog? log) => condition switch
    {
        AllOfCondition all => All(all.Conditions, answers, facts, recommendedPaths, log),
        AnyOfCondition any => Any(any.Conditions, answers, facts, recommendedPaths, log),
        NoneOfCondition none => !Any(none.Conditions, answers, facts, recommendedPaths, log),
        FactCondition f => (facts ?? None).Contains(f.Fact),
        PathRecommendedCondition p => (recommendedPaths ?? None).Contains(p.Path),
        ProgressCondition { WithinDays: null, AfterDays: null } p => AnyProgress(p, facts ?? None),
        ProgressCondition p => log is not null && log.Holds(p),
        QuestionCondition q => EvaluateQuestion(q, answers),
        _ => false,
    };

    private static bool All(IReadOnlyList<Condition> conditions, AnswerSet answers, IReadOnlySet<string>? facts, IReadOnlySet<string>? recommendedPaths, ProgressLog? log)
    {
        for (var i = 0; i < conditions.Count; i++)
        {
            if (!Evaluate(conditions[i], answers, facts, recommendedPaths, log))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Any(IReadOnlyList<Condition> conditions, AnswerSet answers, IReadOnlySet<string>? facts, IReadOnlySet<string>? recommendedPaths, ProgressLog? log)
    {
        for (var i = 0; i < conditions.Count; i++)
        {
            if (Evaluate(conditions[i], answers, facts, recommendedPaths, log))
            {
                return true;
            }
        }

        return false;
    }

    private static bool AnyProgress(ProgressCondition p, IReadOnlySet<string> facts)
    {
        foreach (var step in p.Steps)
        {
            foreach (var state in p.States)
            {
                if (facts.Contains(ProgressCondition.Token(step, state)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool EvaluateQuestion(QuestionCondition q, AnswerSet answers)
    {
        var value = answers.Get(q.Question);
        return q.Operator switch
        {
            ConditionOperator.Eq or ConditionOperator.In => value is ChoiceAnswer c && Contains(q.Values, c.OptionId),
            ConditionOperator.Not => value switch
            {
                ChoiceAnswer c => !Contains(q.Values, c.OptionId),
                ChoicesAnswer m => !AnyIn(m.OptionIds, q.Values),
                _ => false,
            },
            ConditionOperator.Any => value is ChoicesAnswer m && AnyIn(m.OptionIds, q.Values),
            ConditionOperator.All => value is ChoicesAnswer m && AllIn(q.Values, m.OptionIds),
            ConditionOperator.Gte => value is NumberAnswer n && n.Value >= q.Number,
            ConditionOperator.Lte => value is NumberAnswer n && n.Value <= q.Number,
            ConditionOperator.Answered => value is not null,
            _ => false,
        };
    }

    private static bool Contains(IReadOnlyList<string> values, string value)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (string.Equals(values[i], value, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool AnyIn(ImmutableArray<string> options, IReadOnlyList<string> values)
    {
        foreach (var o in options)
        {
            if (Contains(values, o))
            {
                return true;
            }
        }

        return false;
    }

    private static bool AllIn(IReadOnlyList<string> values, ImmutableArray<string> options)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (!options.Contains(values[i], StringComparer.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
