using LeakRights.Core.Content;

namespace LeakRights.Core.Incidents;

/// <summary>An incident's values as letters print them: the one formatter for letter bindings and the referral letter.</summary>
public static class IncidentLetterValues
{
    /// <summary>The ids a letter's <c>labels</c> use for each <see cref="IncidentStatus"/> (as the seeds write them).</summary>
    public static readonly IReadOnlyDictionary<IncidentStatus, string> StatusIds = new Dictionary<IncidentStatus, string>
    {
        [IncidentStatus.Reported] = "reported",
        [IncidentStatus.ConfirmedByOrganisation] = "confirmed-by-organisation",
        [IncidentStatus.ConfirmedByAuthority] = "confirmed-by-authority",
        [IncidentStatus.Disputed] = "disputed",
    };

    /// <summary>The names of the source kinds, as the referral letter lists them.</summary>
    public static string KindName(IncidentSourceKind kind) => kind switch
    {
        IncidentSourceKind.OrganisationNotice => "涉事单位公告",
        IncidentSourceKind.RegulatorAnnouncement => "主管部门或者公安机关通报",
        IncidentSourceKind.CourtOrProcuratorate => "人民法院或者人民检察院公布的文书",
        _ => "新闻报道",
    };

    /// <summary>《title》（2026年11月3日）、… in the registry's order.</summary>
    public static string SourceTitles(Incident incident) =>
        string.Join("、", incident.Sources.Select(s => $"{Quoted(s.Title)}（{ChineseDates.Format(s.PublishedOn)}）"));

    /// <summary>The value of one <c>"incident"</c> binding; empty when the incident does not say it.</summary>
    public static string Value(Incident incident, LetterIncidentField field, IReadOnlyDictionary<string, string>? labels) => field switch
    {
        LetterIncidentField.Organisation => incident.Organisation,
        LetterIncidentField.BecamePublicOn => ChineseDates.Format(incident.BecamePublicOn),
        LetterIncidentField.OccurredOn => incident.OccurredOn is { } d ? ChineseDates.Format(d) : string.Empty,
        LetterIncidentField.Sources => SourceTitles(incident),
        LetterIncidentField.Status => labels?.GetValueOrDefault(StatusIds[incident.Status]) ?? string.Empty,
        _ => string.Empty,
    };

    /// <summary>A title in 《》 unless it already is.</summary>
    private static string Quoted(string title) => title.StartsWith('《') ? title : $"《{title}》";
}
