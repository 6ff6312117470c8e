namespace LeakRights.Core.Content;

/// <summary>
/// A declarative condition. The grammar is closed on purpose (no expressions, no scripting):
/// a test on one question's answer, a derived fact, whether a path is recommended, or an all/any/none group.
/// </summary>
public abstract record Condition;

/// <summary>Operators on one question's answer.</summary>
public enum ConditionOperator
{
    /// <summary>Single-choice answer equals the value.</summary>
    Eq,
    /// <summary>Single-choice answer is one of the values.</summary>
    In,
    /// <summary>Answer is given and none of its values is among the values.</summary>
    Not,
    /// <summary>Multi-choice answer contains at least one of the values.</summary>
    Any,
    /// <summary>Multi-choice answer contains every one of the values.</summary>
    All,
    /// <summary>Number answer is greater than or equal to the value.</summary>
    Gte,
    /// <summary>Number answer is less than or equal to the value.</summary>
    Lte,
    /// <summary>The question has an answer (any type); written with <c>"value": true</c>. "Not answered" is <c>noneOf</c> of this.</summary>
    Answered,
}

public sealed record QuestionCondition(string Question, ConditionOperator Operator, IReadOnlyList<string> Values, decimal? Number) : Condition;

public sealed record FactCondition(string Fact) : Condition;

public sealed record PathRecommendedCondition(string Path) : Condition;

public sealed record AllOfCondition(IReadOnlyList<Condition> Conditions) : Condition;

public sealed record AnyOfCondition(IReadOnlyList<Condition> Conditions) : Condition;

/// <summary>None of the conditions holds: the one negation, e.g. an optional question left unanswered (not among its options).</summary>
public sealed record NoneOfCondition(IReadOnlyList<Condition> Conditions) : Condition;
