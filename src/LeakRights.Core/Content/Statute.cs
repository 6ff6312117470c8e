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

/// <summary>An article (or item, or preamble) of a law. <see cref="Number"/> is the citation key: 1038, 253-1, 8, preamble.</summary>
public sealed record Article(string Number, string Label, string Text);

/// <summary>A citation resolved against a law's articles.</summary>
public static class LawExtensions
{
    public static CitationRef Ref(this Law law, Article article) => new(law.Id, article.Number);
}
