using LeakRights.Core.Answers;
using LeakRights.Core.Incidents;
using LeakRights.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LeakRights.Web.Pages.Check;

/// <summary>
/// "按这次泄露开始自查": starts a new check with the answers a published incident gives (source, organisation, data types,
/// scale, discovery by the news, and the incident itself), then step 1, where the person confirms or changes each. A check
/// already in progress (for another incident, or none) is replaced only after asking, like 重新开始; the draft cookie is the
/// only state this changes. A missing or unpublished incident is a friendly 404.
/// </summary>
public sealed class IncidentModel(IIncidentCatalog incidents, AnswerDraftStore drafts, QuestionnaireWalker walker, AnswerParser parser) : PageModel
{
    public Incident? Incident { get; private set; }

    /// <summary>The answers could not be saved in the browser (a cookie over the size browsers keep).</summary>
    public string? Error { get; private set; }

    public IActionResult OnGet([FromRoute] string? slug)
    {
        if (Find(slug) is not { } incident)
        {
            return NotFoundPage();
        }

        Incident = incident;
        var draft = drafts.Read(HttpContext);
        if (IncidentAnswers.Slug(draft) == incident.Slug)
        {
            // This incident's check is already in progress: keep what the person confirmed or changed.
            return RedirectToPage("Step", new { step = 1 });
        }

        // Something else in progress: ask before replacing it (the POST below).
        return draft.Count > 0 ? Page() : Start(incident);
    }

    public IActionResult OnPost([FromRoute] string? slug) => Find(slug) is { } incident ? Start(incident) : NotFoundPage();

    private IActionResult Start(Incident incident)
    {
        Incident = incident;
        if (!drafts.Write(HttpContext, IncidentAnswers.Prefill(incident, walker, parser)))
        {
            Error = AnswerDraftStore.TooLargeMessage;
            return Page();
        }

        Cases.CaseEditMarker.Clear(HttpContext);
        return RedirectToPage("Step", new { step = 1 });
    }

    // A blank slug binds as null; a slug longer than any id is not looked up.
    private Incident? Find(string? slug) => slug is { Length: > 0 and <= 100 } ? incidents.FindIncident(slug) : null;

    private PageResult NotFoundPage()
    {
        Incident = null;
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
