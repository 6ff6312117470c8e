using LeakRights.Core.Content;
using LeakRights.Core.Incidents;
using LeakRights.Web.Data;
using LeakRights.Web.Incidents;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LeakRights.Web.Pages.Incidents;

/// <summary>
/// One published incident. Served from the output cache, so it holds nothing per person: no antiforgery token (the counter's
/// script fetches one with its challenge), no cookie; the "我也受到影响" range may lag by the cache time. A missing,
/// unpublished or malformed slug is the site's 404 page.
/// </summary>
public sealed class ShowModel(ContentSnapshotProvider content, AffectedCounter counter, Questionnaire questionnaire) : PageModel
{
    public Incident Incident { get; private set; } = null!;

    public string AffectedRange { get; private set; } = string.Empty;

    public string SourceLabel => IncidentRules.Label(questionnaire, IncidentRules.SourceQuestion, Incident.Source);

    public string ScaleLabel => IncidentRules.Label(questionnaire, IncidentRules.ScaleQuestion, Incident.Scale);

    public IEnumerable<string> DataTypeLabels => Incident.DataTypes.Select(d => IncidentRules.Label(questionnaire, IncidentRules.DataTypesQuestion, d));

    public async Task<IActionResult> OnGetAsync([FromRoute] string slug)
    {
        var incident = IncidentRules.IsValidSlug(slug) ? content.Current.FindIncident(slug) : null;
        if (incident is null)
        {
            return NotFound();
        }

        Incident = incident;
        AffectedRange = AffectedCounter.Range(await counter.CountAsync(incident.Slug, HttpContext.RequestAborted));
        return Page();
    }

    public static string Day(DateOnly date) => date.ToString("yyyy年M月d日", System.Globalization.CultureInfo.InvariantCulture);

    public static string Day(DateTimeOffset time) => Day(DateOnly.FromDateTime(time.ToOffset(ChinaTime.Offset).DateTime));
}
