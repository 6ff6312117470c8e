using LeakRights.Core.Incidents;
using LeakRights.Web.Data;
using LeakRights.Web.Incidents;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LeakRights.Web.Pages.Incidents;

/// <summary>
/// The "我也受到影响" post (docs/decisions/0011). The antiforgery token comes with the challenge the page's script fetches,
/// so it is checked here by hand: a post without one (JavaScript off, a copied form) gets a clear message, not a bare 400.
/// Every refusal is a Chinese message with a 4xx status; nothing a client sends is a 5xx.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class AffectedModel(ContentSnapshotProvider content, AffectedCounter counter, IAntiforgery antiforgery) : PageModel
{
    public Incident? Incident { get; private set; }

    public AffectedOutcome Outcome { get; private set; }

    public bool Forged { get; private set; }

    public IActionResult OnGet([FromRoute] string slug) =>
        IncidentRules.IsValidSlug(slug) && content.Current.FindIncident(slug) is { } i ? Redirect($"/incidents/{i.Slug}#affected-title") : NotFound();

    public async Task<IActionResult> OnPostAsync([FromRoute] string slug)
    {
        Incident = IncidentRules.IsValidSlug(slug) ? content.Current.FindIncident(slug) : null;
        if (Incident is null)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "no-store";
        var form = Request.HasFormContentType ? await Request.ReadFormAsync(HttpContext.RequestAborted) : null;
        var challenge = form?["challenge"].ToString();
        var nonce = form?["nonce"].ToString();
        if (counter.HasCounted(HttpContext, Incident.Slug))
        {
            Outcome = AffectedOutcome.AlreadyCounted;
            return Page();
        }

        if (string.IsNullOrEmpty(challenge) || string.IsNullOrEmpty(nonce))
        {
            Outcome = AffectedOutcome.NoWork;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        if (!await antiforgery.IsRequestValidAsync(HttpContext))
        {
            Forged = true;
            Outcome = AffectedOutcome.Malformed;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Outcome = await counter.RecordAsync(HttpContext, Incident, challenge, nonce, HttpContext.RequestAborted);
        Response.StatusCode = Outcome switch
        {
            AffectedOutcome.Counted or AffectedOutcome.AlreadyCounted => StatusCodes.Status200OK,
            AffectedOutcome.NotFound => StatusCodes.Status404NotFound,
            AffectedOutcome.Unavailable => StatusCodes.Status503ServiceUnavailable,
            _ => StatusCodes.Status400BadRequest,
        };
        return Page();
    }
}
