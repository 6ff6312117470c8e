using LeakRights.Core.Answers;
using LeakRights.Core.Content;
using LeakRights.Core.Incidents;
using LeakRights.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LeakRights.Web.Pages.Check;

/// <summary>One step of the guided check. The walker decides what is shown and what comes next; this page only binds and redirects.</summary>
public sealed class StepModel(QuestionnaireWalker walker, AnswerDraftStore drafts, AnswerParser parser, IIncidentCatalog incidents) : PageModel
{
    /// <summary>Posted with each follow-up question site.js revealed on the page: the person saw it (even if left empty).</summary>
    public const string ShownField = "lr-shown";

    private static readonly HashSet<string> FrameworkFields = new(StringComparer.Ordinal) { "__RequestVerificationToken", "nav", ShownField };

    public int Number { get; private set; }

    /// <summary>The topic steps plus the review page.</summary>
    public int Total => walker.StepCount + 1;

    public bool IsLast => Number == walker.StepCount;

    public QuestionnaireStep Step { get; private set; } = null!;

    public IReadOnlyList<Question> Questions { get; private set; } = [];

    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();

    public string? FormError { get; private set; }

    public bool MoreQuestions { get; private set; }

    /// <summary>The questions that appeared after the last post (without JavaScript): the page scrolls to them and names them.</summary>
    public IReadOnlyList<Question> NewQuestions { get; private set; } = [];

    /// <summary>
    /// Every question of the step in order: those shown, and the follow-ups site.js may reveal in place (hidden, inputs
    /// disabled), each with its condition as JSON when it depends on this step's answers.
    /// </summary>
    public IReadOnlyList<(Question Question, bool Shown, string? Reveal)> Items { get; private set; } = [];

    public bool ReturnToReview { get; private set; }

    /// <summary>The published incident this check was started from (its answers were prefilled), if any.</summary>
    public Incident? Incident { get; private set; }

    private Dictionary<string, IReadOnlyList<string>> _values = [];

    public QuestionField Field(Question q, bool shown = true) =>
        new(q, _values.TryGetValue(q.Id, out var v) ? v : [], Errors.GetValueOrDefault(q.Id), parser.CurrentMonth.ToString())
        {
            Disabled = !shown,
            IsNew = NewQuestions.Contains(q),
        };

    public IActionResult OnGet([FromRoute] int step, [FromQuery(Name = "return")] string? returnTo, [FromQuery] bool more = false, [FromQuery(Name = "new")] string? newIds = null)
    {
        if (step < 1 || step > walker.StepCount)
        {
            return NotFound();
        }

        var answers = drafts.Read(HttpContext);
        if (walker.FirstIncompleteStep(answers) is { } first && step - 1 > first)
        {
            return RedirectToPage(new { step = first + 1 });
        }

        Show(step, answers, returnTo);
        MoreQuestions = more;
        var named = (newIds ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries);
        NewQuestions = more ? Questions.Where(q => named.Contains(q.Id, StringComparer.Ordinal)).ToList() : [];
        _values = Questions.ToDictionary(q => q.Id, q => AnswerDisplay.FormValues(answers.Get(q.Id)));
        return Page();
    }

    public IActionResult OnPost([FromRoute] int step, [FromQuery(Name = "return")] string? returnTo)
    {
        if (step < 1 || step > walker.StepCount)
        {
            return NotFound();
        }

        var back = Request.Form["nav"] == "back";
        var posted = Request.Form
            .Where(f => !FrameworkFields.Contains(f.Key))
            .ToDictionary(f => f.Key, f => (IReadOnlyList<string>)f.Value.Select(v => v ?? string.Empty).ToList(), StringComparer.Ordinal);
        var stored = drafts.Read(HttpContext);
        var shown = Request.Form[ShownField].Select(v => v ?? string.Empty).ToHashSet(StringComparer.Ordinal);
        var result = walker.Submit(step - 1, stored, posted, requireAnswers: !back);

        // With JavaScript, follow-up questions appear in place and are posted with the answers that reveal them. The walker
        // judges a post by what the stored answers showed, so a revealed question would be "not on this page": submit
        // again with the answers just given as the basis, as long as that shows questions the person saw (posted or marked
        // lr-shown). Forged fields stay refused: a question the answers do not show is never in that set.
        var basis = stored;
        for (var pass = 0; pass < walker.Questionnaire.Steps[step - 1].QuestionIds.Count; pass++)
        {
            var before = walker.VisibleQuestions(step - 1, basis).Select(q => q.Id).ToHashSet(StringComparer.Ordinal);
            var seen = walker.VisibleQuestions(step - 1, result.Answers)
                .Where(q => !before.Contains(q.Id) && (shown.Contains(q.Id) || posted.ContainsKey(q.Id)))
                .ToList();
            if (seen.Count == 0)
            {
                break;
            }

            basis = result.Answers;
            result = walker.Submit(step - 1, basis, posted, requireAnswers: !back);
        }

        // Keep every valid answer, whatever happens next: nothing the person typed correctly is lost. If the answers do
        // not fit in the cookie, nothing is saved and the step is shown again with everything as it was posted.
        if (!drafts.Write(HttpContext, result.Answers))
        {
            Show(step, result.Answers, returnTo);
            Errors = result.Errors;
            FormError = AnswerDraftStore.TooLargeMessage;
            _values = Questions.ToDictionary(q => q.Id, q => result.Echo.TryGetValue(q.Id, out var echo) ? echo : AnswerDisplay.FormValues(result.Answers.Get(q.Id)));
            return Page();
        }

        if (back)
        {
            return step == 1 ? RedirectToPage("/Index") : RedirectToPage(new { step = step - 1 });
        }

        switch (result.Outcome)
        {
            case StepOutcome.Invalid:
                Show(step, result.Answers, returnTo);
                Errors = result.Errors;
                FormError = result.FormError;
                _values = Questions.ToDictionary(
                    q => q.Id,
                    q => result.Echo.TryGetValue(q.Id, out var echo) && result.Errors.ContainsKey(q.Id) ? echo : AnswerDisplay.FormValues(result.Answers.Get(q.Id)));
                return Page();
            case StepOutcome.Stay:
                // Without JavaScript the step is shown again; it scrolls to the new questions and says what appeared.
                var rendered = walker.VisibleQuestions(step - 1, basis).Select(q => q.Id).ToHashSet(StringComparer.Ordinal);
                var added = walker.VisibleQuestions(step - 1, result.Answers).Where(q => !rendered.Contains(q.Id)).Select(q => q.Id).ToList();
                return RedirectToPage(null, null, new { step, more = true, @new = string.Join(',', added), @return = returnTo }, "new-questions");
            default:
                return returnTo == "review" || step == walker.StepCount
                    ? RedirectToPage("Review")
                    : RedirectToPage(new { step = step + 1 });
        }
    }

    private void Show(int step, AnswerSet answers, string? returnTo)
    {
        Number = step;
        Step = walker.Questionnaire.Steps[step - 1];
        Questions = walker.VisibleQuestions(step - 1, answers);
        ReturnToReview = returnTo == "review";
        Incident = IncidentAnswers.Slug(answers) is { } slug ? incidents.FindIncident(slug) : null;
        var reveals = RevealCondition.ForStep(Step, walker.Questionnaire);
        Items = Step.QuestionIds
            .Select(walker.Questionnaire.Get)
            .Where(q => !q.LetterOnly)
            .Select(q => (Question: q, Shown: Questions.Contains(q), Reveal: reveals[q.Id]))
            .Where(i => i.Shown || i.Reveal is not null)
            .ToList();
    }
}
