using LeakRights.Core.Answers;
using LeakRights.Core.Content;
using LeakRights.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LeakRights.Web.Pages.Check;

/// <summary>All answers on one page, each step changeable; posting builds the plan link and redirects to it.</summary>
public sealed class ReviewModel(QuestionnaireWalker walker, AnswerDraftStore drafts, PlanLinks links) : PageModel
{
    public sealed record ReviewStep(QuestionnaireStep Step, IReadOnlyList<(Question Question, string? Answer)> Answers);

    public IReadOnlyList<ReviewStep> Steps { get; private set; } = [];

    public int Total => walker.StepCount + 1;

    public IActionResult OnGet()
    {
        var answers = drafts.Read(HttpContext);
        if (walker.FirstIncompleteStep(answers) is { } first)
        {
            return RedirectToPage("Step", new { step = first + 1 });
        }

        Steps = walker.Questionnaire.Steps
            .Select((s, i) => new ReviewStep(
                s,
                walker.VisibleQuestions(i, answers)
                    .Select(q => (q, answers.Get(q.Id) is { } v ? AnswerDisplay.Format(q, v) : (string?)null))
                    .ToList()))
            .ToList();
        return Page();
    }

    public IActionResult OnPost()
    {
        var answers = drafts.Read(HttpContext);
        if (walker.FirstIncompleteStep(answers) is { } first)
        {
            return RedirectToPage("Step", new { step = first + 1 });
        }

        var token = links.Create(answers, out _);
        return RedirectToPage("/Plan/Index", new { token });
    }
}
