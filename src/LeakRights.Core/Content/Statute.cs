namespace LeakRights.Core.Content;

public enum LawStatus
{
    InForce,
    Superseded,
}

/// <summary>A law or judicial interpretation as seeded from <c>seeds/statutes/{id}.md</c>.</summary>
public sealed record Law(
    string Id,
    string Title,
    string ShortTitle,
    string? DocumentNumber,
    string Issuer,
    string? Adopted,
    string? Amended,
    string Effective,
    LawStatus Status,
    string? SupersededBy,
    string? InForceUntil,
    string TextAsOf,
    int Order,
    string SourceNote,
    IReadOnlyList<Article> Articles);

/// <summary>An article (or item, or preamble) of a law. <see cref="Number"/> is the citation key: 1038, 253-1, 8, preamble.</summary>
public sealed record Article(string Number, string Label, string Text);

public static class CitationRef
{
    public static string Format(string lawId, string articleNumber) => $"{lawId}#{articleNumber}";

    public static bool TryParse(string value, out string lawId, out string articleNumber)
    {
        var hash = value.IndexOf('#', StringComparison.Ordinal);
        if (hash <= 0 || hash == value.Length - 1 || value.IndexOf('#', hash + 1) >= 0)
        {
            lawId = articleNumber = string.Empty;
            return false;
        }

        lawId = value[..hash];
        articleNumber = value[(hash + 1)..];
        return true;
    }
}
