using LeakRights.Core.Answers;
using LeakRights.Core.Content;

namespace LeakRights.Core.Rules;

/// <summary>Evaluates the closed condition grammar against answers, derived facts and recommended paths.</summary>
public static class ConditionEvaluator
{
    private static readonly HashSet<string> None = new(StringComparer.Ordinal);

    public static bool Evaluate(Condition condition, AnswerSet answers, IReadOnlySet<string>? facts = null, IReadOnlySet<string>? recommendedPaths = null) => condition switch
    {
        AllOfCondition all => all.Conditions.All(c => Evaluate(c, answers, facts, recommendedPaths)),
        AnyOfCondition any => any.Conditions.Any(c => Evaluate(c, answers, facts, recommendedPaths)),
        NoneOfCondition none => !none.Conditions.Any(c => Evaluate(c, answers, facts, recommendedPaths)),
        FactCondition f => (facts ?? None).Contains(f.Fact),
        PathRecommendedCondition p => (recommendedPaths ?? None).Contains(p.Path),
        ProgressCondition p => p.Steps.Any(step => p.States.Any(state => (facts ?? None).Contains(ProgressCondition.Token(step, state)))),
        QuestionCondition q => EvaluateQuestion(q, answers),
        _ => false,
    };

    private static bool EvaluateQuestion(QuestionCondition q, AnswerSet answers)
    {
        var value = answers.Get(q.Question);
        return q.Operator switch
        {
            ConditionOperator.Eq or ConditionOperator.In => value is ChoiceAnswer c && q.Values.Contains(c.OptionId, StringComparer.Ordinal),
            ConditionOperator.Not => value switch
            {
                ChoiceAnswer c => !q.Values.Contains(c.OptionId, StringComparer.Ordinal),
                ChoicesAnswer m => !m.OptionIds.Any(o => q.Values.Contains(o, StringComparer.Ordinal)),
                _ => false,
            },
            ConditionOperator.Any => value is ChoicesAnswer m && m.OptionIds.Any(o => q.Values.Contains(o, StringComparer.Ordinal)),
            ConditionOperator.All => value is ChoicesAnswer m && q.Values.All(v => m.OptionIds.Contains(v, StringComparer.Ordinal)),
            ConditionOperator.Gte => value is NumberAnswer n && n.Value >= q.Number,
            ConditionOperator.Lte => value is NumberAnswer n && n.Value <= q.Number,
            ConditionOperator.Answered => value is not null,
            _ => false,
        };
    }
}
