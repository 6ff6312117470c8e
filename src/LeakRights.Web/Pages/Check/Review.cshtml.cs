using LeakRights.Core.Answers;
using LeakRights.Core.Content;
using LeakRights.Web.Cases;
using LeakRights.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LeakRights.Web.Pages.Check;

/// <summary>All answers on one page, each step changeable; posting builds the plan link and redirects to it.</summary>
public sealed class ReviewModel(QuestionnaireWalker walker, AnswerDraftStore drafts, PlanLinks links, CaseEditMarker caseEdit, CaseStore cases) : PageModel
{
    public sealed record ReviewStep(QuestionnaireStep Step, IReadOnlyList<(Question Question, string? Answer)> Answers);

    public IReadOnlyList<ReviewStep> Steps { get; private set; } = [];

    public int Total => walker.StepCount + 1;

    /// <summary>The saved case whose answers are being changed ("修改答案" on a case), or null for a check that makes a plan link.</summary>
    public CaseLink? EditingCase { get; private set; }

    public IActionResult OnGet()
    {
        EditingCase = caseEdit.Read(HttpContext);
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

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var answers = drafts.Read(HttpContext);
        if (walker.FirstIncompleteStep(answers) is { } first)
        {
            return RedirectToPage("Step", new { step = first + 1 });
        }

        if (caseEdit.Read(HttpContext) is { } link)
        {
            return await SaveIntoCaseAsync(link, answers, cancellationToken) ?? RedirectToPage("/Plan/Index", new { token = links.Create(answers, out _) });
        }

        var token = links.Create(answers, out _);
        return RedirectToPage("/Plan/Index", new { token });
    }

    /// <summary>
    /// Saves the changed answers into the case being edited (its contact log and letter details kept) and opens it again;
    /// another device's save in between is taken in by saving over the newest version once more. Null when the case no
    /// longer opens (deleted meanwhile): the answers then make a plan link as usual.
    /// </summary>
    private async Task<IActionResult?> SaveIntoCaseAsync(CaseLink link, AnswerSet answers, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            if (await cases.OpenAsync(link.Id, link.Secret, cancellationToken) is not { } opened)
            {
                CaseEditMarker.Clear(HttpContext);
                return null;
            }

            if (await cases.SaveAsync(link.Id, link.Secret, opened.File with { Answers = answers }, opened.Version, cancellationToken) is CaseSaveResult.Saved)
            {
                CaseEditMarker.Clear(HttpContext);
                AnswerDraftStore.Clear(HttpContext);
                return Redirect($"{link.Path}?done=answers");
            }
        }

        throw new CaseStoreUnavailableException();
    }
}
