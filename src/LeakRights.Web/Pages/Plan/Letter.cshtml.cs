using LeakRights.Core.Answers;
using LeakRights.Core.Letters;
using LeakRights.Web.Cases;
using LeakRights.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LeakRights.Web.Pages.Plan;

/// <summary>
/// Downloads one letter of the plan as an editable Word file, filled from the same optional details as the PDF (used for
/// this file only, never stored or logged). Shares the PDF's rate limit. A letter the plan does not have, or invalid
/// details, show the download form again with a message; nothing typed is lost.
/// </summary>
public sealed class LetterModel(PlanSources sources, PlanService plans, QuestionnaireWalker walker) : PageModel
{
    public const string DocxContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public DownloadForm Form { get; private set; } = null!;

    public IActionResult OnGet() => Redirect(PlanSources.FallbackPath(RouteData.Values) + "#download-title");

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var source = await sources.OpenAsync(RouteData.Values, cancellationToken);
        if (source is null)
        {
            return Redirect(PlanSources.FallbackPath(RouteData.Values));
        }

        var (details, again) = DownloadForm.Read(source.BasePath, Request.Form, walker);
        var fields = DownloadForm.HasDetails(Request.Form, walker) ? details.Fields : source.LetterFields;
        var plan = plans.Build(source.Answers, details.IsValid ? fields : null, source.Progress);
        var letterId = Request.Form["letter"].ToString();
        var letter = plan.Letters.FirstOrDefault(l => string.Equals(l.Id, letterId, StringComparison.Ordinal));

        Response.Headers.CacheControl = "no-store";
        if (!details.IsValid || letter is null)
        {
            Form = again with { Letters = plan.Letters.Select(l => (l.Id, l.Title.Text)).ToList(), CanSave = source.Case is not null, Version = source.Version };
            NotFoundLetter = letter is null;
            Response.StatusCode = letter is null && details.IsValid ? StatusCodes.Status404NotFound : StatusCodes.Status200OK;
            return Page();
        }

        return File(LetterDocx.Render(letter), DocxContentType, LetterDocx.FileName(letter, plan));
    }

    /// <summary>The letter asked for is not one of this plan's letters (e.g. an old bookmark).</summary>
    public bool NotFoundLetter { get; private set; }
}
