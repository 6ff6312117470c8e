using LeakRights.Core.Answers;
using LeakRights.Core.Letters;
using LeakRights.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LeakRights.Web.Pages.Plan;

/// <summary>
/// Downloads one letter of the plan as an editable Word file, filled from the same optional details as the PDF (used for
/// this file only, never stored or logged). Shares the PDF's rate limit. A letter the plan does not have, or invalid
/// details, show the download form again with a message; nothing typed is lost.
/// </summary>
public sealed class LetterModel(PlanLinks links, PlanService plans, QuestionnaireWalker walker) : PageModel
{
    public const string DocxContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public DownloadForm Form { get; private set; } = null!;

    public IActionResult OnGet([FromRoute] string token) => RedirectToPage("/Plan/Index", null, new { token }, "download-title");

    public IActionResult OnPost([FromRoute] string token)
    {
        var answers = links.Open(token, out _);
        if (answers is null)
        {
            return RedirectToPage("/Plan/Index", new { token });
        }

        var (details, again) = DownloadForm.Read(token, Request.Form, walker);
        var plan = plans.Build(answers, details.IsValid ? details.Fields : null);
        var letterId = Request.Form["letter"].ToString();
        var letter = plan.Letters.FirstOrDefault(l => string.Equals(l.Id, letterId, StringComparison.Ordinal));

        Response.Headers.CacheControl = "no-store";
        if (!details.IsValid || letter is null)
        {
            Form = again with { Letters = plan.Letters.Select(l => (l.Id, l.Title.Text)).ToList() };
            NotFoundLetter = letter is null;
            Response.StatusCode = letter is null && details.IsValid ? StatusCodes.Status404NotFound : StatusCodes.Status200OK;
            return Page();
        }

        return File(LetterDocx.Render(letter), DocxContentType, LetterDocx.FileName(letter, plan));
    }

    /// <summary>The letter asked for is not one of this plan's letters (e.g. an old bookmark).</summary>
    public bool NotFoundLetter { get; private set; }
}
