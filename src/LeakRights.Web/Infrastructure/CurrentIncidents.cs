using LeakRights.Core.Incidents;

namespace LeakRights.Web.Infrastructure;

/// <summary>
/// The published incidents as the check, the plan and the referral letter read them: always those of the current content
/// snapshot (reloaded when staff publish or unpublish), so a singleton never holds an old list.
/// </summary>
public sealed class CurrentIncidents(Data.ContentSnapshotProvider content) : IIncidentCatalog
{
    public IReadOnlyList<Incident> PublishedIncidents => Catalog?.PublishedIncidents ?? [];

    public Incident? FindIncident(string slug) => Catalog?.FindIncident(slug);

    // The registry's snapshot is the catalog once it implements it (issue 16, branch incidents-registry); until then none is published.
    private IIncidentCatalog? Catalog => (object)content.Current as IIncidentCatalog;
}
