using LeakRights.Core.Content;

namespace LeakRights.Core.Rules;

/// <summary>An <see cref="IContentCatalog"/> over the seed files themselves (revision 1 of every article), for tests and tools.</summary>
public sealed class SeedCatalog : IContentCatalog
{
    private readonly Dictionary<string, CatalogArticle> _articles;
    private readonly Dictionary<string, Authority> _authorities;

    public SeedCatalog(ContentBundle content)
    {
        _articles = content.Laws
            .SelectMany(l => l.Articles.Select(a => new CatalogArticle(l.Id, l.Title, a.Number, a.Label, a.Text, 1, l.Effective, l.TextAsOf, false)))
            .ToDictionary(a => CitationRef.Format(a.LawId, a.Number), StringComparer.Ordinal);
        _authorities = content.Authorities.ToDictionary(a => a.Id, StringComparer.Ordinal);
    }

    public CatalogArticle? FindArticle(string lawId, string number) => _articles.GetValueOrDefault(CitationRef.Format(lawId, number));

    public Authority? FindAuthority(string id) => _authorities.GetValueOrDefault(id);
}
