namespace LeakRights.Core.Incidents;

/// <summary>How far a mass leak is confirmed. Shown to the public as is: a reported incident is marked unconfirmed.</summary>
public enum IncidentStatus
{
    /// <summary>Reported (by the press or the public) but not confirmed by the organisation or an authority.</summary>
    Reported,

    /// <summary>The organisation itself has confirmed it.</summary>
    ConfirmedByOrganisation,

    /// <summary>A regulator, the police, a procuratorate or a court has confirmed it.</summary>
    ConfirmedByAuthority,

    /// <summary>The organisation or an authority disputes it.</summary>
    Disputed,
}

/// <summary>What kind of publication a source is.</summary>
public enum IncidentSourceKind
{
    /// <summary>The organisation's own notice.</summary>
    OrganisationNotice,

    /// <summary>A regulator's or the police's announcement.</summary>
    RegulatorAnnouncement,

    /// <summary>A court judgment or a procuratorate's announcement.</summary>
    CourtOrProcuratorate,

    /// <summary>Reputable press.</summary>
    Press,
}

/// <summary>One published source of what is known about an incident: every published incident has at least one.</summary>
public sealed record IncidentSource(IncidentSourceKind Kind, string Title, Uri Url, DateOnly PublishedOn);

/// <summary>
/// A published mass-leak incident, as the public pages, the prefilled check, the plan and the referral letter see it
/// (the admin registry's entities and revisions stay in Web's Data/). <see cref="Source"/> is a questionnaire
/// <c>source</c> option id, <see cref="DataTypes"/> are <c>data-types</c> option ids and <see cref="Scale"/> a
/// <c>scale</c> option id, so the check can be prefilled from them.
/// </summary>
public sealed record Incident(
    string Slug,
    string Organisation,
    string Source,
    DateOnly? OccurredOn,
    DateOnly BecamePublicOn,
    IReadOnlyList<string> DataTypes,
    string Scale,
    string Summary,
    IncidentStatus Status,
    IReadOnlyList<IncidentSource> Sources,
    int Revision,
    DateTimeOffset UpdatedAt)
{
    /// <summary>Neither the organisation nor an authority has confirmed it (shown as 未经证实).</summary>
    public bool IsUnconfirmed => Status is IncidentStatus.Reported or IncidentStatus.Disputed;
}

/// <summary>The published incidents of the current content revision (the admin registry's read view).</summary>
public interface IIncidentCatalog
{
    /// <summary>Published incidents, newest (by <see cref="Incident.BecamePublicOn"/>) first.</summary>
    IReadOnlyList<Incident> PublishedIncidents { get; }

    /// <summary>A published incident by its slug, or null (missing or unpublished).</summary>
    Incident? FindIncident(string slug);
}
