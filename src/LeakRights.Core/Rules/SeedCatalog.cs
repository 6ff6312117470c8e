using System.Diagnostics.CodeAnalysis;
using LeakRights.Core.Content;

namespace LeakRights.Core.Rules;

/// <summary>An <see cref="IContentCatalog"/> over the seed files themselves (revision 1 of every article), for tests and tools.</summary>
public sealed class SeedCatalog : IContentCatalog
{
    private readonly Dictionary<CitationRef, (Law Law, Article Article)> _articles;
    private readonly Dictionary<AuthorityId, Authority> _authorities;

    public SeedCatalog(ContentBundle content)
    {
        _articles = content.Laws
            .SelectMany(l => l.Articles.Select(a => (Law: l, Article: a)))
            .ToDictionary(x => x.Law.Ref(x.Article));
        _authorities = content.Authorities.ToDictionary(a => a.Id);
    }

    public bool TryFindArticle(CitationRef reference, [NotNullWhen(true)] out Law? law, [NotNullWhen(true)] out Article? article)
    {
        var found = _articles.TryGetValue(reference, out var x);
        (law, article) = found ? (x.Law, x.Article) : (null, null);
        return found;
    }

    public Authority? FindAuthority(AuthorityId id) => _authorities.GetValueOrDefault(id);
}
