namespace LeakRights.Core.Content;

/// <summary>How well a channel's contact details are confirmed (from the legal pack's channels.md).</summary>
public enum ConfirmationStatus
{
    ConfirmedLawText,
    ConfirmedOfficialPage,
    ConfirmedThirdParty,
    NotConfirmed,
}

/// <summary>
/// A competent authority or channel: the one shape of the concept in Core. Seeds, the database snapshot, the plan, the API
/// and the PDF all use this record; only Data/ has its own entity.
/// </summary>
public sealed record Authority(
    AuthorityId Id,
    string Name,
    string? Hotline,
    string? Website,
    string Handles,
    string HowTo,
    ConfirmationStatus Status,
    string StatusNote,
    DateOnly? LastVerified);

/// <summary>The one mapping between <see cref="ConfirmationStatus"/> and its name in seeds, the database, backups and the API.</summary>
public static class ConfirmationStatusNames
{
    private static readonly (ConfirmationStatus Status, string Name)[] Names =
    [
        (ConfirmationStatus.ConfirmedLawText, "confirmed-law-text"),
        (ConfirmationStatus.ConfirmedOfficialPage, "confirmed-official-page"),
        (ConfirmationStatus.ConfirmedThirdParty, "confirmed-third-party"),
        (ConfirmationStatus.NotConfirmed, "not-confirmed"),
    ];

    public static IReadOnlyList<string> All { get; } = Names.Select(n => n.Name).ToList();

    /// <summary>The status's name; a value outside the enum (never produced by <see cref="TryParse"/>) is written as its number.</summary>
    public static string ToName(this ConfirmationStatus status)
    {
        foreach (var n in Names)
        {
            if (n.Status == status)
            {
                return n.Name;
            }
        }

        return ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public static bool TryParse(string? name, out ConfirmationStatus status)
    {
        foreach (var n in Names)
        {
            if (string.Equals(n.Name, name, StringComparison.Ordinal))
            {
                status = n.Status;
                return true;
            }
        }

        status = ConfirmationStatus.NotConfirmed;
        return false;
    }
}
