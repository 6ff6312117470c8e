using LeakRights.Core.Answers;
using LeakRights.Core.Content;
using LeakRights.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LeakRights.Web.Pages.Check;

/// <summary>One step of the guided check. The walker decides what is shown and what comes next; this page only binds and redirects.</summary>
public sealed class StepModel(QuestionnaireWalker walker, AnswerDraftStore drafts, AnswerParser parser) : PageModel
{
    private static readonly HashSet<string> FrameworkFields = new(StringComparer.Ordinal) { "__RequestVerificationToken", "nav" };

    public int Number { get; private set; }

    /// <summary>The topic steps plus the review page.</summary>
    public int Total => walker.StepCount + 1;

    public bool IsLast => Number == walker.StepCount;

    public QuestionnaireStep Step { get; private set; } = null!;

    public IReadOnlyList<Question> Questions { get; private set; } = [];

    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();

    public string? FormError { get; private set; }

    public bool MoreQuestions { get; private set; }

    public bool ReturnToReview { get; private set; }

    private Dictionary<string, IReadOnlyList<string>> _values = [];

    public QuestionField Field(Question q) =>
        new(q, _values.TryGetValue(q.Id, out var v) ? v : [], Errors.GetValueOrDefault(q.Id), parser.CurrentMonth.ToString());

    public IActionResult OnGet([FromRoute] int step, [FromQuery(Name = "return")] string? returnTo, [FromQuery] bool more = false)
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
        var result = walker.Submit(step - 1, stored, posted, requireAnswers: !back);

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
                return RedirectToPage(new { step, more = true, @return = returnTo });
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
    }
}
