using LeakRights.Web.Admin;
using LeakRights.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LeakRights.Web.Pages.Admin.Incidents;

/// <summary>Every incident, published or not, with its exact "我也受到影响" count (staff only).</summary>
public sealed class IndexModel(IncidentEditor editor) : PageModel
{
    public List<IncidentEntity> Incidents { get; private set; } = [];

    public Dictionary<int, int> Counts { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Incidents = await editor.ListAsync();
        Counts = await editor.AffectedCountsAsync();
    }
}
