using System.Collections.Concurrent;
using LeakRights.Core.Content;
using LeakRights.Core.Markdown;
using LeakRights.Core.Rules;
using Microsoft.EntityFrameworkCore;

namespace LeakRights.Web.Data;

/// <summary>An immutable, in-memory copy of the statutes and authorities in the database, with rendered HTML cached per revision.</summary>
public sealed class ContentSnapshot : IContentCatalog
{
    private readonly Dictionary<string, CatalogArticle> _articles;
    private readonly Dictionary<string, Authority> _authorities;
    private readonly ConcurrentDictionary<(string Ref, int Revision), string> _html = new();

    public ContentSnapshot(IReadOnlyList<LawEntity> laws, IReadOnlyList<AuthorityEntity> authorities)
    {
        Laws = laws;
        _articles = laws
            .SelectMany(l => l.Articles.Select(a => new CatalogArticle(l.Id, l.Title, a.Number, a.Label, a.Text, a.CurrentRevision, EffectiveOf(l, a), a.TextAsOf, a.IsRepealed)))
            .ToDictionary(a => CitationRef.Format(a.LawId, a.Number), StringComparer.Ordinal);
        _authorities = authorities
            .Select(a => new Authority(a.Id, a.Name, a.Hotline, a.Website, a.Handles, a.HowTo, AuthorityStatus.Parse(a.Status), a.StatusNote, a.LastVerified))
            .ToDictionary(a => a.Id, StringComparer.Ordinal);
    }

    public IReadOnlyList<LawEntity> Laws { get; }

    public CatalogArticle? FindArticle(string lawId, string number) => _articles.GetValueOrDefault(CitationRef.Format(lawId, number));

    public Authority? FindAuthority(string id) => _authorities.GetValueOrDefault(id);

    public LawEntity? FindLaw(string id) => Laws.FirstOrDefault(l => l.Id == id);

    /// <summary>The article's text rendered through the one Markdown pipeline, cached per revision.</summary>
    public string Html(string lawId, string number)
    {
        var article = FindArticle(lawId, number);
        return article is null
            ? string.Empty
            : _html.GetOrAdd((CitationRef.Format(lawId, number), article.Revision), _ => MarkdownRenderer.ToHtml(article.Text));
    }

    private static string EffectiveOf(LawEntity law, ArticleEntity article) =>
        article.Revisions.Count > 0 ? article.Revisions.MaxBy(r => r.Revision)!.EffectiveDate : law.Effective;

    public static async Task<ContentSnapshot> LoadAsync(LeakRightsDbContext db, CancellationToken cancellationToken = default)
    {
        var laws = await db.Laws.AsNoTracking()
            .Include(l => l.Articles.OrderBy(a => a.SortOrder))
            .ThenInclude(a => a.Revisions.OrderByDescending(r => r.Revision).Take(1))
            .OrderBy(l => l.SortOrder)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var authorities = await db.Authorities.AsNoTracking().OrderBy(a => a.SortOrder).ToListAsync(cancellationToken);
        return new ContentSnapshot(laws, authorities);
    }
}

/// <summary>Holds the current <see cref="ContentSnapshot"/>; admin edits call <see cref="ReloadAsync"/> so new plans show them at once.</summary>
public sealed class ContentSnapshotProvider(IServiceScopeFactory scopes)
{
    private ContentSnapshot? _current;

    public ContentSnapshot Current => _current ?? throw new InvalidOperationException("The content snapshot is loaded at start-up, before requests are served.");

    public async Task ReloadAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LeakRightsDbContext>();
        _current = await ContentSnapshot.LoadAsync(db, cancellationToken);
    }
}
