namespace LeakRights.Core.Content;

public enum QuestionType
{
    SingleChoice,
    MultiChoice,
    Number,
    Month,
    Text,
}

public sealed record QuestionOption(string Id, string Label, bool Exclusive);

public sealed record Question(
    string Id,
    QuestionType Type,
    string Label,
    string? Hint,
    bool Required,
    IReadOnlyList<QuestionOption> Options,
    Condition? ShowIf,
    decimal? Min,
    decimal? Max,
    string? Unit,
    int? MaxLength,
    bool LetterOnly)
{
    /// <summary>
    /// Carried by the answers but never asked on a step (<c>"hidden": true</c>): set by a prefilled start, e.g. the published
    /// incident a check was started from (<c>incident</c>). Optional, in no step, and validated where it is used.
    /// </summary>
    public bool Hidden { get; init; }

    public QuestionOption? FindOption(string id) => Options.FirstOrDefault(o => o.Id == id);
}

/// <summary>One topic of the guided check, shown as one page.</summary>
public sealed record QuestionnaireStep(string Id, string Title, string? Intro, IReadOnlyList<string> QuestionIds);

public sealed class Questionnaire
{
    private readonly Dictionary<string, Question> _byId;
    private readonly Dictionary<string, int> _stepOf;

    public Questionnaire(IReadOnlyList<Question> questions, IReadOnlyList<QuestionnaireStep> steps)
    {
        Questions = questions;
        Steps = steps;
        _byId = new Dictionary<string, Question>(StringComparer.Ordinal);
        foreach (var q in questions)
        {
            // The first wins: SeedValidator reports a duplicate id by name instead of the load crashing here.
            _byId.TryAdd(q.Id, q);
        }

        _stepOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < steps.Count; i++)
        {
            foreach (var id in steps[i].QuestionIds)
            {
                _stepOf[id] = i;
            }
        }
    }

    /// <summary>All questions in display order, including the letter-only ones.</summary>
    public IReadOnlyList<Question> Questions { get; }

    public IReadOnlyList<QuestionnaireStep> Steps { get; }

    /// <summary>Questions used only to prefill letters: never part of a stored or linked answer set.</summary>
    public IEnumerable<Question> LetterQuestions => Questions.Where(q => q.LetterOnly);

    public Question? Find(string id) => _byId.GetValueOrDefault(id);

    public Question Get(string id) => _byId.TryGetValue(id, out var q) ? q : throw new KeyNotFoundException($"Unknown question '{id}'.");

    /// <summary>Zero-based index of the step that asks the question, or -1 for letter-only questions.</summary>
    public int StepIndexOf(string questionId) => _stepOf.TryGetValue(questionId, out var i) ? i : -1;
}

public static class QuestionTypeNames
{
    /// <summary>The type's name as written in seeds/questionnaire.json and the API.</summary>
    public static string ToSeedName(this QuestionType type) => type switch
    {
        QuestionType.SingleChoice => "single",
        QuestionType.MultiChoice => "multi",
        QuestionType.Number => "number",
        QuestionType.Month => "month",
        _ => "text",
    };

    public static string ToSeedName(this ConditionOperator op) => op switch
    {
        ConditionOperator.Eq => "eq",
        ConditionOperator.In => "in",
        ConditionOperator.Not => "not",
        ConditionOperator.Any => "any",
        ConditionOperator.All => "all",
        ConditionOperator.Gte => "gte",
        ConditionOperator.Answered => "answered",
        _ => "lte",
    };
}
