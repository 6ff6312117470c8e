namespace LeakRights.Core.Content;

public enum LawStatus
{
    InForce,
    Superseded,
}

/// <summary>The one mapping between <see cref="LawStatus"/> and its name in seeds, the database, backups and the API.</summary>
public static class LawStatusNames
{
    private static readonly (LawStatus Status, string Name)[] Names =
    [
        (LawStatus.InForce, "in-force"),
        (LawStatus.Superseded, "superseded"),
    ];

    public static IReadOnlyList<string> All { get; } = Names.Select(n => n.Name).ToList();

    /// <summary>The status's name; a value outside the enum (never produced by <see cref="TryParse"/>) is written as its number.</summary>
    public static string ToName(this LawStatus status)
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

    public static bool TryParse(string? name, out LawStatus status)
    {
        foreach (var n in Names)
        {
            if (string.Equals(n.Name, name, StringComparison.Ordinal))
            {
                status = n.Status;
                return true;
            }
        }

        status = LawStatus.InForce;
        return false;
    }
}

/// <summary>
/// A law or judicial interpretation: the one shape of the concept in Core. Seeded from <c>seeds/statutes/{id}.md</c>; the
/// database snapshot, the statutes pages and the API show the same record with the admins' current article texts.
/// </summary>
public sealed record Law(
    string Id,
    string Title,
    string ShortTitle,
    string? DocumentNumber,
    string Issuer,
    DateOnly? Adopted,
    DateOnly? Amended,
    DateOnly Effective,
    LawStatus Status,
    string? SupersededBy,
    DateOnly? InForceUntil,
    DateOnly TextAsOf,
    int Order,
    string SourceNote,
    IReadOnlyList<Article> Articles);

/// <summary>
/// An article (or item, or preamble) of a law, as shown and cited. <see cref="Number"/> is the citation key: 1038, 253-1, 8,
/// preamble. <see cref="Revision"/> counts the admins' edits (1 = the seeded text), <see cref="Effective"/> is the date
/// from which this wording is in force and <see cref="TextAsOf"/> the date it was last checked or edited; seeds give
/// revision 1 and the law's dates.
/// </summary>
public sealed record Article(string Number, string Label, string Text, int Revision, DateOnly Effective, DateOnly TextAsOf, bool Repealed);

/// <summary>A citation resolved against a law's articles.</summary>
public static class LawExtensions
{
    public static CitationRef Ref(this Law law, Article article) => new(law.Id, article.Number);
}
