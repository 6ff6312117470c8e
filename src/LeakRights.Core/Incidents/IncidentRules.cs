using System.Text.RegularExpressions;
using LeakRights.Core.Content;

namespace LeakRights.Core.Incidents;

/// <summary>
/// The rules every incident follows wherever it comes from (the admin form, a row in the database when the snapshot loads):
/// slug format, lengths, option ids from the questionnaire, dates, at least one source with an absolute http(s) link. One
/// place, so the editor and the read view cannot drift apart. Also the stored names of statuses and source kinds.
/// </summary>
public static partial class IncidentRules
{
    public const int MinSlugLength = 3;
    public const int MaxSlugLength = 60;
    public const int MaxOrganisationLength = 100;
    public const int MinSummaryLength = 10;
    public const int MaxSummaryLength = 2000;
    public const int MaxModerationNoteLength = 2000;
    public const int MaxSourceTitleLength = 200;
    public const int MaxSourceUrlLength = 2000;

    /// <summary>How many source rows the admin form shows; empty rows are ignored.</summary>
    public const int MaxSources = 5;

    /// <summary>The questionnaire questions whose option ids an incident uses.</summary>
    public const string SourceQuestion = "source";
    public const string DataTypesQuestion = "data-types";
    public const string ScaleQuestion = "scale";

    /// <summary>Lower-case a–z, 0–9 and single hyphens, 3–60 characters (2024-hotel-group-guests).</summary>
    public static bool IsValidSlug(string? slug) =>
        slug is { Length: >= MinSlugLength and <= MaxSlugLength } && SlugRegex().IsMatch(slug);

    /// <summary>An absolute http or https URL with a host, no spaces and no user name or password in it.</summary>
    public static bool IsValidSourceUrl(string? url, out Uri? parsed)
    {
        parsed = null;
        if (url is not { Length: > 0 and <= MaxSourceUrlLength } || url.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))
            || !Uri.TryCreate(url, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || string.IsNullOrEmpty(uri.Host) || !string.IsNullOrEmpty(uri.UserInfo))
        {
            return false;
        }

        parsed = uri;
        return true;
    }

    /// <summary>
    /// What is wrong with an incident, in English for a log line, or null. <paramref name="today"/> is China's date: no date
    /// may be after it.
    /// </summary>
    public static string? ProblemOf(Incident incident, Questionnaire questionnaire, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(questionnaire);
        return !IsValidSlug(incident.Slug) ? "the slug must be 3-60 lower-case letters, digits and hyphens"
            : !ContentRules.IsRequiredText(incident.Organisation, MaxOrganisationLength) ? "the organisation is missing or too long"
            : !IsOption(questionnaire, SourceQuestion, incident.Source) ? "the source is not a questionnaire 'source' option"
            : incident.DataTypes.Count == 0 || incident.DataTypes.Any(d => !IsOption(questionnaire, DataTypesQuestion, d)) || incident.DataTypes.Distinct(StringComparer.Ordinal).Count() != incident.DataTypes.Count
                ? "the data types are empty, repeated or not questionnaire 'data-types' options"
            : !IsOption(questionnaire, ScaleQuestion, incident.Scale) ? "the scale is not a questionnaire 'scale' option"
            : incident.Summary is null || incident.Summary.Trim().Length is < MinSummaryLength or > MaxSummaryLength ? "the summary is missing, too short or too long"
            : !Enum.IsDefined(incident.Status) ? "the status is not one of the four known ones"
            : incident.BecamePublicOn > today || incident.OccurredOn > today ? "a date is in the future"
            : incident.OccurredOn is { } occurred && incident.BecamePublicOn < occurred ? "it became public before it happened"
            : incident.Sources.Count is 0 or > MaxSources ? "it has no source (or too many)"
            : incident.Sources.Any(s => !Enum.IsDefined(s.Kind) || !ContentRules.IsRequiredText(s.Title, MaxSourceTitleLength) || !IsValidSourceUrl(s.Url.OriginalString, out _) || s.PublishedOn > today)
                ? "a source has no title, a link that is not absolute http(s), an unknown kind or a future date"
            : null;
    }

    public static bool IsOption(Questionnaire questionnaire, string questionId, string? optionId)
    {
        ArgumentNullException.ThrowIfNull(questionnaire);
        return optionId is not null && questionnaire.Find(questionId)?.FindOption(optionId) is not null;
    }

    /// <summary>The Chinese label of an option (as the questionnaire asks it), or the id if unknown.</summary>
    public static string Label(Questionnaire questionnaire, string questionId, string optionId)
    {
        ArgumentNullException.ThrowIfNull(questionnaire);
        return questionnaire.Find(questionId)?.FindOption(optionId)?.Label ?? optionId;
    }

    [GeneratedRegex(@"^[a-z0-9]+(-[a-z0-9]+)*\z", RegexOptions.CultureInvariant)]
    private static partial Regex SlugRegex();
}

/// <summary>The stored names of <see cref="IncidentStatus"/> (reported, confirmed-by-organisation…) and their Chinese labels.</summary>
public static class IncidentStatusNames
{
    public static readonly IReadOnlyList<IncidentStatus> All = Enum.GetValues<IncidentStatus>();

    public static string ToName(this IncidentStatus status) => status switch
    {
        IncidentStatus.Reported => "reported",
        IncidentStatus.ConfirmedByOrganisation => "confirmed-by-organisation",
        IncidentStatus.ConfirmedByAuthority => "confirmed-by-authority",
        IncidentStatus.Disputed => "disputed",
        _ => ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public static bool TryParse(string? name, out IncidentStatus status)
    {
        foreach (var s in All)
        {
            if (string.Equals(s.ToName(), name, StringComparison.Ordinal))
            {
                status = s;
                return true;
            }
        }

        status = default;
        return false;
    }

    /// <summary>How the public pages name the status: the unconfirmed ones say so.</summary>
    public static string Label(this IncidentStatus status) => status switch
    {
        IncidentStatus.Reported => "已有报道，未经证实",
        IncidentStatus.ConfirmedByOrganisation => "涉事单位已确认",
        IncidentStatus.ConfirmedByAuthority => "有关部门已确认",
        IncidentStatus.Disputed => "存在争议，未经证实",
        _ => "未知",
    };
}

/// <summary>The stored names of <see cref="IncidentSourceKind"/> and their Chinese labels.</summary>
public static class IncidentSourceKindNames
{
    public static readonly IReadOnlyList<IncidentSourceKind> All = Enum.GetValues<IncidentSourceKind>();

    public static string ToName(this IncidentSourceKind kind) => kind switch
    {
        IncidentSourceKind.OrganisationNotice => "organisation-notice",
        IncidentSourceKind.RegulatorAnnouncement => "regulator-announcement",
        IncidentSourceKind.CourtOrProcuratorate => "court-or-procuratorate",
        IncidentSourceKind.Press => "press",
        _ => ((int)kind).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public static bool TryParse(string? name, out IncidentSourceKind kind)
    {
        foreach (var k in All)
        {
            if (string.Equals(k.ToName(), name, StringComparison.Ordinal))
            {
                kind = k;
                return true;
            }
        }

        kind = default;
        return false;
    }

    public static string Label(this IncidentSourceKind kind) => kind switch
    {
        IncidentSourceKind.OrganisationNotice => "涉事单位的公告",
        IncidentSourceKind.RegulatorAnnouncement => "监管部门或公安机关的通报",
        IncidentSourceKind.CourtOrProcuratorate => "法院或检察院的公告、判决",
        IncidentSourceKind.Press => "新闻报道",
        _ => "其他",
    };
}
