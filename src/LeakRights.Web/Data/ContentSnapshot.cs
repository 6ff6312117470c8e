using System.Collections.Concurrent;
using LeakRights.Core.Content;
using LeakRights.Core.Markdown;
using LeakRights.Core.Rules;
using Microsoft.EntityFrameworkCore;

namespace LeakRights.Web.Data;

/// <summary>An immutable, in-memory copy of the statutes and authorities in the database, with rendered HTML cached per revision.</summary>
public sealed class ContentSnapshot : IContentCatalog
{
    private readonly Dictionary<CitationRef, CatalogArticle> _articles;
    private readonly Dictionary<AuthorityId, Authority> _authorities;
    private readonly ConcurrentDictionary<(CitationRef Ref, int Revision), string> _html = new();

    /// <summary>
    /// Builds the snapshot from database rows. A row that breaks <see cref="ContentRules"/> (a bad id, a missing field, an
    /// over-long text, two articles with the same citation) is left out and listed in <see cref="Refused"/>, so one bad row
    /// can never stop the app from starting.
    /// </summary>
    public ContentSnapshot(IReadOnlyList<LawEntity> laws, IReadOnlyList<AuthorityEntity> authorities)
    {
        var refused = new List<RefusedRow>();
        var keptLaws = new List<LawEntity>();
        _articles = [];
        foreach (var law in laws)
        {
            if (ProblemOf(law) is { } lawProblem)
            {
                refused.Add(new RefusedRow($"law '{Printable(law.Id)}'", lawProblem));
                continue;
            }

            var keptArticles = new List<ArticleEntity>();
            foreach (var a in law.Articles)
            {
                var row = $"article '{Printable(CitationRef.Format(law.Id, a.Number))}' (row {a.Id})";
                var problem = ProblemOf(a);
                if (problem is null && !_articles.TryAdd(new CitationRef(law.Id, a.Number), new CatalogArticle(new CitationRef(law.Id, a.Number), law.Title, a.Label, a.Text, a.CurrentRevision, ContentRulesDate(EffectiveOf(law, a)), ContentRulesDate(a.TextAsOf), a.IsRepealed)))
                {
                    problem = "another article already has this citation";
                }

                if (problem is null)
                {
                    keptArticles.Add(a);
                }
                else
                {
                    refused.Add(new RefusedRow(row, problem));
                }
            }

            law.Articles = keptArticles;
            keptLaws.Add(law);
        }

        Laws = keptLaws;
        _authorities = [];
        foreach (var a in authorities)
        {
            if (ProblemOf(a) is { } problem)
            {
                refused.Add(new RefusedRow($"authority '{Printable(a.Id)}'", problem));
                continue;
            }

            _authorities.TryAdd(new AuthorityId(a.Id), new Authority(new AuthorityId(a.Id), a.Name, a.Hotline, a.Website, a.Handles, a.HowTo, AuthorityStatus.Parse(a.Status), a.StatusNote, a.LastVerified is null ? null : ContentRulesDate(a.LastVerified)));
        }

        Refused = refused;
    }

    /// <summary>Rows left out because they break the content rules; each names the row and the problem (content only, never personal data).</summary>
    public IReadOnlyList<RefusedRow> Refused { get; }

    public IReadOnlyList<LawEntity> Laws { get; }

    public CatalogArticle? FindArticle(CitationRef reference) => _articles.GetValueOrDefault(reference);

    public Authority? FindAuthority(AuthorityId id) => _authorities.GetValueOrDefault(id);

    private static DateOnly ContentRulesDate(string value) => ContentRules.TryParseDate(value, out var d) ? d : DateOnly.MinValue;

    public LawEntity? FindLaw(string id) => Laws.FirstOrDefault(l => l.Id == id);

    /// <summary>The article's text rendered through the one Markdown pipeline, cached per revision.</summary>
    public string Html(CitationRef reference)
    {
        var article = FindArticle(reference);
        return article is null
            ? string.Empty
            : _html.GetOrAdd((reference, article.Revision), _ => MarkdownRenderer.ToHtml(article.Text));
    }

    private static string? ProblemOf(LawEntity l) =>
        !ContentRules.IsValidId(l.Id) ? "the id must be lower-case letters, digits and hyphens"
        : !ContentRules.IsRequiredText(l.Title, ContentRules.MaxTitleLength) || !ContentRules.IsRequiredText(l.ShortTitle, ContentRules.MaxTitleLength) ? "the title or short title is missing or too long"
        : !ContentRules.IsRequiredText(l.Issuer, ContentRules.MaxTitleLength) || !ContentRules.IsOptionalText(l.DocumentNumber, ContentRules.MaxTitleLength) ? "the issuer or document number is missing or too long"
        : !ContentRules.IsDate(l.Effective) || !ContentRules.IsDate(l.TextAsOf) ? "the effective or text-as-of date is not a date"
        : !ContentRules.LawStatuses.Contains(l.Status) ? "the status is not in-force or superseded"
        : l.SourceNote is null ? "the source note is missing"
        : null;

    private static string? ProblemOf(ArticleEntity a) =>
        !ContentRules.IsArticleNumberOf(a.Number, a.Label) ? "the number does not match the label (第…条)"
        : !ContentRules.IsRequiredText(a.Text, ContentRules.MaxArticleTextLength) ? $"the text is empty or longer than {ContentRules.MaxArticleTextLength} characters"
        : a.TextAsOf is null ? "the text-as-of date is missing"
        : a.Revisions.Any(r => !ContentRules.IsDate(r.EffectiveDate)) ? "the latest revision has no effective date"
        : null;

    private static string? ProblemOf(AuthorityEntity a) =>
        !ContentRules.IsValidId(a.Id) ? "the id must be lower-case letters, digits and hyphens"
        : !ContentRules.IsRequiredText(a.Name, ContentRules.MaxAuthorityFieldLength) || !ContentRules.IsRequiredText(a.Handles, ContentRules.MaxAuthorityFieldLength)
            || !ContentRules.IsRequiredText(a.HowTo, ContentRules.MaxAuthorityFieldLength) || !ContentRules.IsRequiredText(a.StatusNote, ContentRules.MaxAuthorityFieldLength)
            || !ContentRules.IsOptionalText(a.Hotline, ContentRules.MaxAuthorityFieldLength) ? "a field is missing or longer than the editor allows"
        : a.Website is not null && !ContentRules.IsValidWebsite(a.Website) ? "the website is not a plain host name"
        : !ContentRules.AuthorityStatuses.Contains(a.Status) ? "the status is not one of the four known ones"
        : null;

    /// <summary>An id for a log line: control and format characters escaped, at most 120 characters.</summary>
    internal static string Printable(string? value)
    {
        if (value is null)
        {
            return "(null)";
        }

        var sb = new System.Text.StringBuilder();
        foreach (var c in value.Length > 120 ? value[..120] : value)
        {
            if (char.IsControl(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.Format or System.Globalization.UnicodeCategory.Surrogate)
            {
                sb.Append(System.Globalization.CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            }
            else
            {
                sb.Append(c);
            }
        }

        return value.Length > 120 ? sb.Append('…').ToString() : sb.ToString();
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

/// <summary>A database row the snapshot left out, named (law id, citation, authority id and row id) with the rule it breaks.</summary>
public sealed record RefusedRow(string Row, string Problem);

/// <summary>Holds the current <see cref="ContentSnapshot"/>; admin edits call <see cref="ReloadAsync"/> so new plans show them at once.</summary>
public sealed partial class ContentSnapshotProvider(IServiceScopeFactory scopes, ILogger<ContentSnapshotProvider> logger)
{
    private ContentSnapshot? _current;

    public ContentSnapshot Current => _current ?? throw new InvalidOperationException("The content snapshot is loaded at start-up, before requests are served.");

    public async Task ReloadAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LeakRightsDbContext>();
        var snapshot = await ContentSnapshot.LoadAsync(db, cancellationToken);
        foreach (var row in snapshot.Refused)
        {
            LogRefused(logger, row.Row, row.Problem);
        }

        _current = snapshot;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Content row refused and left out of the site: {Row}: {Problem}. Fix or remove the row in the database.")]
    private static partial void LogRefused(ILogger logger, string row, string problem);
}
