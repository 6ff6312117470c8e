using LeakRights.Core.Content;
using LeakRights.Core.Rules;

namespace LeakRights.Core.Answers;

public enum StepOutcome
{
    /// <summary>The answers were valid: go to the next step (or the review page).</summary>
    Advance,

    /// <summary>The answers were valid but made more questions of this step visible: show the step again with them.</summary>
    Stay,

    /// <summary>Something was wrong: show the step again with the messages and the input as it was.</summary>
    Invalid,
}

/// <summary>What happened to one posted step. <see cref="Answers"/> always holds every valid answer, so nothing is lost.</summary>
public sealed record StepSubmission(
    StepOutcome Outcome,
    AnswerSet Answers,
    IReadOnlyDictionary<string, string> Errors,
    string? FormError,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Echo);

/// <summary>The result of validating a whole answer set (the API, or a saved link).</summary>
/// <summary>Letter details read from a form or a request: the valid ones, and a message per invalid one.</summary>
public sealed record LetterFieldsParse(IReadOnlyDictionary<string, string> Fields, IReadOnlyDictionary<string, string> Errors)
{
    public bool IsValid => Errors.Count == 0;
}

public sealed record AnswerSetParse(AnswerSet Answers, IReadOnlyDictionary<string, string> LetterFields, IReadOnlyDictionary<string, string> Errors)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>
/// Walks the questionnaire: which questions are visible (show-if), what each step asks, what is still missing,
/// and what a posted step means. Pages ask it for the order; they never decide it themselves.
/// </summary>
public sealed class QuestionnaireWalker(Questionnaire questionnaire, AnswerParser parser)
{
    public Questionnaire Questionnaire { get; } = questionnaire;

    public int StepCount => Questionnaire.Steps.Count;

    public static bool IsVisible(Question question, AnswerSet answers) =>
        !question.LetterOnly && (question.ShowIf is null || ConditionEvaluator.Evaluate(question.ShowIf, answers));

    /// <summary>Drops answers to hidden, unknown and letter-only questions. Show-if only looks at earlier questions, so one pass in order suffices.</summary>
    public AnswerSet Normalize(AnswerSet answers)
    {
        var result = answers;
        foreach (var id in answers.Values.Keys)
        {
            if (Questionnaire.Find(id) is null or { LetterOnly: true })
            {
                result = result.Without(id);
            }
        }

        foreach (var step in Questionnaire.Steps)
        {
            foreach (var id in step.QuestionIds)
            {
                if (result.Has(id) && !IsVisible(Questionnaire.Get(id), result))
                {
                    result = result.Without(id);
                }
            }
        }

        return result;
    }

    public IReadOnlyList<Question> VisibleQuestions(int stepIndex, AnswerSet answers) =>
        Questionnaire.Steps[stepIndex].QuestionIds.Select(Questionnaire.Get).Where(q => IsVisible(q, answers)).ToList();

    public IEnumerable<Question> MissingRequired(AnswerSet answers) =>
        Questionnaire.Steps.SelectMany(s => s.QuestionIds).Select(Questionnaire.Get).Where(q => q.Required && IsVisible(q, answers) && !answers.Has(q.Id));

    /// <summary>The first step with a required question still unanswered, or null when the answers are complete.</summary>
    public int? FirstIncompleteStep(AnswerSet answers)
    {
        var missing = MissingRequired(answers).FirstOrDefault();
        return missing is null ? null : Questionnaire.StepIndexOf(missing.Id);
    }

    /// <summary>
    /// Applies a posted step to the stored answers. Fields the step did not show (judged from the stored answers, which
    /// decided what was rendered) are refused with a message; questions hidden by the new answers are dropped silently.
    /// </summary>
    public StepSubmission Submit(int stepIndex, AnswerSet stored, IReadOnlyDictionary<string, IReadOnlyList<string>> posted, bool requireAnswers = true)
    {
        var rendered = VisibleQuestions(stepIndex, stored);
        var renderedIds = rendered.Select(q => q.Id).ToHashSet(StringComparer.Ordinal);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var echo = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        string? formError = posted.Keys.Any(k => !renderedIds.Contains(k) && posted[k].Any(v => v.Length > 0)) ? Messages.NotOnThisPage : null;

        var answers = stored;
        foreach (var question in rendered)
        {
            var values = posted.TryGetValue(question.Id, out var v) ? v : [];
            echo[question.Id] = values;
            var (value, error) = parser.Parse(question, RawAnswer.FromForm(values));
            if (error is not null)
            {
                errors[question.Id] = error;
                answers = answers.Without(question.Id);
            }
            else
            {
                answers = answers.With(question.Id, value);
            }
        }

        answers = Normalize(answers);
        var nowVisible = VisibleQuestions(stepIndex, answers);
        if (requireAnswers)
        {
            foreach (var q in nowVisible.Where(q => q.Required && renderedIds.Contains(q.Id) && !answers.Has(q.Id) && !errors.ContainsKey(q.Id)))
            {
                errors[q.Id] = AnswerParser.RequiredMessage(q);
            }
        }

        // Drop messages about questions the new answers hide: their answers are ignored, not an error.
        foreach (var id in errors.Keys.Where(id => nowVisible.All(q => q.Id != id)).ToList())
        {
            errors.Remove(id);
        }

        if (errors.Count > 0 || formError is not null)
        {
            return new StepSubmission(StepOutcome.Invalid, answers, errors, formError, echo);
        }

        var outcome = nowVisible.Any(q => !renderedIds.Contains(q.Id)) ? StepOutcome.Stay : StepOutcome.Advance;
        return new StepSubmission(outcome, answers, errors, null, echo);
    }

    /// <summary>
    /// Reads the letter-only details (name, contact, address) of <paramref name="raw"/>: the one way both the PDF form and the
    /// API read them. Other keys are ignored; an empty detail is left out (the letter shows a blank).
    /// </summary>
    public LetterFieldsParse ParseLetterFields(IReadOnlyDictionary<string, RawAnswer> raw)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var question in Questionnaire.LetterQuestions)
        {
            if (!raw.TryGetValue(question.Id, out var value))
            {
                continue;
            }

            var (parsed, error) = parser.Parse(question, value);
            if (error is not null)
            {
                errors[question.Id] = error;
            }
            else if (parsed is TextAnswer text)
            {
                fields[question.Id] = text.Value;
            }
        }

        return new LetterFieldsParse(fields, errors);
    }

    /// <summary>Validates a whole answer set: unknown ids, wrong types and values, and required answers. Hidden answers are dropped, never an error.</summary>
    public AnswerSetParse ParseAll(IReadOnlyDictionary<string, RawAnswer> raw, bool acceptLetterFields)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var letters = new Dictionary<string, string>(StringComparer.Ordinal);
        var answers = AnswerSet.Empty;
        foreach (var (id, value) in raw)
        {
            var question = Questionnaire.Find(id);
            if (question is null)
            {
                errors[id] = Messages.UnknownQuestion;
                continue;
            }

            if (question.LetterOnly)
            {
                continue; // Read below, the one way letter details are read.
            }

            var (parsed, error) = parser.Parse(question, value);
            if (error is not null)
            {
                errors[id] = error;
            }
            else if (parsed is not null)
            {
                answers = answers.With(id, parsed);
            }
        }

        if (acceptLetterFields)
        {
            var letterParse = ParseLetterFields(raw);
            foreach (var (id, value) in letterParse.Fields)
            {
                letters[id] = value;
            }

            foreach (var (id, error) in letterParse.Errors)
            {
                errors[id] = error;
            }
        }

        answers = Normalize(answers);
        foreach (var q in MissingRequired(answers).Where(q => !errors.ContainsKey(q.Id)))
        {
            errors[q.Id] = AnswerParser.RequiredMessage(q);
        }

        // An invalid answer to a question that turns out hidden is ignored like any hidden answer.
        foreach (var id in errors.Keys.Where(id => Questionnaire.Find(id) is { LetterOnly: false } q && !IsVisible(q, answers) && q.ShowIf is not null).ToList())
        {
            errors.Remove(id);
        }

        return new AnswerSetParse(answers, letters, errors);
    }
}
