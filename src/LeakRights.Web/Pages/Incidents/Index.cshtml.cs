using LeakRights.Core.Incidents;
using LeakRights.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LeakRights.Web.Pages.Incidents;

/// <summary>The published incidents, newest first, searchable by organisation (served from the output cache).</summary>
public sealed class IndexModel(ContentSnapshotProvider content) : PageModel
{
    public const int MaxQueryLength = 100;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Q { get; set; }

    public IReadOnlyList<Incident> Incidents { get; private set; } = [];

    public int PublishedCount { get; private set; }

    public void OnGet()
    {
        var all = content.Current.PublishedIncidents;
        PublishedCount = all.Count;
        Q = string.IsNullOrWhiteSpace(Q) ? null : Q.Trim() is { Length: > MaxQueryLength } long_ ? long_[..MaxQueryLength] : Q.Trim();
        Incidents = Q is null ? all : all.Where(i => i.Organisation.Contains(Q, StringComparison.OrdinalIgnoreCase)).ToList();
    }
}
