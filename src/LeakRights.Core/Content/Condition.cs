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

/// <summary>
/// A step's place in the case's contact log (issue 13): <c>{"progress": "send-deletion-request", "is": ["overdue", "refused"]}</c>
/// holds when any of <see cref="Steps"/> is in any of <see cref="States"/>: <c>done</c> (marked done), <c>waiting</c> (done,
/// no reply yet, its deadline not passed), <c>overdue</c> (done, no reply, its deadline passed), or the latest reply recorded
/// (seeds/progress.json <c>replies</c>). <see cref="WithinDays"/> / <see cref="AfterDays"/> (only in progress.json's answer
/// rules) further require that the entry in that state is at most / more than so many days old.
/// </summary>
public sealed record ProgressCondition(IReadOnlyList<string> Steps, IReadOnlyList<string> States) : Condition
{
    /// <summary>The states every step has besides the replies: marked done, waiting for a reply, or past its deadline without one.</summary>
    public static readonly IReadOnlyList<string> StepStates = ["done", "waiting", "overdue"];

    public int? WithinDays { get; init; }

    public int? AfterDays { get; init; }

    /// <summary>The token a step in a state adds to the plan's facts (not a valid fact id, so it cannot clash with one).</summary>
    public static string Token(string step, string state) => $"progress:{step}:{state}";
}
