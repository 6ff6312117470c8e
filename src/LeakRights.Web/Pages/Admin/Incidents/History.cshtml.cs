using LeakRights.Web.Admin;
using LeakRights.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LeakRights.Web.Pages.Admin.Incidents;

/// <summary>Every revision of an incident (who, when, why) and a readable diff between any two full copies.</summary>
public sealed class HistoryModel(IncidentEditor editor) : PageModel
{
    [FromRoute]
    public string Slug { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true)]
    public int? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? To { get; set; }

    public string Organisation { get; private set; } = string.Empty;

    public int Current { get; private set; }

    public List<IncidentRevisionEntity> Revisions { get; private set; } = [];

    public string? DiffHtml { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var incident = await editor.FindAsync(Slug);
        if (incident is null)
        {
            return NotFound();
        }

        Organisation = incident.Organisation;
        Current = incident.CurrentRevision;
        Revisions = await editor.HistoryAsync(incident.Id);
        From ??= Revisions.Count > 1 ? Revisions[1].Revision : Current;
        To ??= Current;
        var from = Revisions.FirstOrDefault(r => r.Revision == From);
        var to = Revisions.FirstOrDefault(r => r.Revision == To);
        if (from is not null && to is not null)
        {
            DiffHtml = TextDiff.Html(editor.Describe(from), editor.Describe(to));
        }

        return Page();
    }
}
