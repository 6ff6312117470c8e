using LeakRights.Core.Content;

namespace LeakRights.Core.Rules;

/// <summary>An <see cref="IContentCatalog"/> over the seed files themselves (revision 1 of every article), for tests and tools.</summary>
public sealed class SeedCatalog : IContentCatalog
{
    private readonly Dictionary<CitationRef, CatalogArticle> _articles;
    private readonly Dictionary<AuthorityId, Authority> _authorities;

    public SeedCatalog(ContentBundle content)
    {
        _articles = content.Laws
            .SelectMany(l => l.Articles.Select(a => new CatalogArticle(l.Ref(a), l.Title, a.Label, a.Text, 1, l.Effective, l.TextAsOf, false)))
            .ToDictionary(a => a.Ref);
        _authorities = content.Authorities.ToDictionary(a => a.Id);
    }

    public CatalogArticle? FindArticle(CitationRef reference) => _articles.GetValueOrDefault(reference);

    public Authority? FindAuthority(AuthorityId id) => _authorities.GetValueOrDefault(id);
}
