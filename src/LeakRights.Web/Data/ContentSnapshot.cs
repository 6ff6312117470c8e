using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using LeakRights.Core.Content;
using LeakRights.Core.Incidents;
using LeakRights.Core.Markdown;
using LeakRights.Core.Rules;
using Microsoft.EntityFrameworkCore;

namespace LeakRights.Web.Data;

/// <summary>
/// An immutable, in-memory copy of the statutes and authorities in the database, with rendered HTML cached per revision:
/// the read-only content view of pages and the API. It hands out Core records (<see cref="Law"/>, <see cref="Article"/>,
/// <see cref="Authority"/>, <see cref="Incident"/>) only; the entities stay inside Data/. The published incidents are its
/// <see cref="IIncidentCatalog"/> (issue 16).
/// </summary>
public sealed class ContentSnapshot : IContentCatalog, IIncidentCatalog
{
    private readonly Dictionary<string, Incident> _incidents = new(StringComparer.Ordinal);
    private readonly Dictionary<CitationRef, (Law Law, Article Article)> _articles = [];
    private readonly Dictionary<string, Law> _laws = new(StringComparer.Ordinal);
    private readonly Dictionary<AuthorityId, Authority> _authorities = [];
    private readonly ConcurrentDictionary<(CitationRef Ref, int Revision), string> _html = new();
    private readonly ConcurrentDictionary<string, object> _fragments = new(StringComparer.Ordinal);

    /// <summary>At most this many rendered fragments are kept per snapshot; past it a fragment is rendered and not kept.</summary>
    public const int MaxFragments = 4096;

    /// <summary>
    /// Builds the snapshot from database rows. A row that breaks <see cref="ContentRules"/> (a bad id, a missing field, an
    /// over-long text, two articles with the same citation, a date or status whose stored text does not read) is left out
    /// and listed in <see cref="Refused"/>, so one bad row can never stop the app from starting. The rows are not changed.
    /// </summary>
    public ContentSnapshot(IReadOnlyList<LawEntity> laws, IReadOnlyList<AuthorityEntity> authorities)
        : this(laws, authorities, [], null, default)
    {
    }

    /// <summary>
    /// As above, with the published incidents: each is checked by <see cref="IncidentRules"/> against the questionnaire and
    /// China's <paramref name="today"/>; one that breaks them (a row changed by hand, a questionnaire option removed since)
    /// is left out and listed in <see cref="Refused"/>.
    /// </summary>
    public ContentSnapshot(IReadOnlyList<LawEntity> laws, IReadOnlyList<AuthorityEntity> authorities, IReadOnlyList<IncidentEntity> incidents, Questionnaire? questionnaire, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(incidents);
        var refused = new List<RefusedRow>();
        var keptLaws = new List<Law>();
        foreach (var law in laws)
        {
            if (ProblemOf(law) is { } lawProblem)
            {
                refused.Add(new RefusedRow($"law '{Printable(law.Id)}'", lawProblem));
                continue;
            }

            var keptArticles = new List<Article>();
            var numbers = new HashSet<string>(StringComparer.Ordinal);
            foreach (var a in law.Articles)
            {
                var problem = ProblemOf(a);
                if (problem is null && !numbers.Add(a.Number))
                {
                    problem = "another article already has this citation";
                }

                if (problem is null)
                {
                    keptArticles.Add(new Article(a.Number, a.Label, a.Text, a.CurrentRevision, EffectiveOf(law, a), a.TextAsOf, a.IsRepealed));
                }
                else
                {
                    refused.Add(new RefusedRow($"article '{Printable(new CitationRef(law.Id, a.Number).ToString())}' (row {a.Id})", problem));
                }
            }

            var kept = new Law(
                law.Id, law.Title, law.ShortTitle, law.DocumentNumber, law.Issuer, law.Adopted, law.Amended, law.Effective, law.Status,
                law.SupersededBy, law.InForceUntil, law.TextAsOf, law.SortOrder, law.SourceNote, keptArticles);
            if (!_laws.TryAdd(kept.Id, kept))
            {
                refused.Add(new RefusedRow($"law '{Printable(law.Id)}'", "another law already has this id"));
                continue;
            }

            keptLaws.Add(kept);
            foreach (var article in keptArticles)
            {
                _articles.Add(kept.Ref(article), (kept, article));
            }
        }

        Laws = keptLaws;
        foreach (var a in authorities)
        {
            if (ProblemOf(a) is { } problem)
            {
                refused.Add(new RefusedRow($"authority '{Printable(a.Id)}'", problem));
                continue;
            }

            _authorities.TryAdd(new AuthorityId(a.Id), a.ToAuthority());
        }

        var published = new List<Incident>();
        foreach (var row in incidents.Where(i => i.IsPublished))
        {
            var incident = row.ToIncident();
            var problem = questionnaire is null ? "the questionnaire is not loaded"
                : !StoredValues.IsReadable(row.BecamePublicOn) || !StoredValues.IsReadable(row.OccurredOn) || row.Sources.Any(s => !StoredValues.IsReadable(s.PublishedOn)) ? "a stored date is not a date"
                : IncidentRules.ProblemOf(incident, questionnaire, today);
            if (problem is null && !_incidents.TryAdd(incident.Slug, incident))
            {
                problem = "another incident already has this slug";
            }

            if (problem is null)
            {
                published.Add(incident);
            }
            else
            {
                refused.Add(new RefusedRow($"incident '{Printable(row.Slug)}' (row {row.Id})", problem));
            }
        }

        PublishedIncidents = published
            .OrderByDescending(i => i.BecamePublicOn)
            .ThenByDescending(i => i.UpdatedAt)
            .ThenBy(i => i.Slug, StringComparer.Ordinal)
            .ToList();
        Refused = refused;
    }

    /// <inheritdoc/>
    public IReadOnlyList<Incident> PublishedIncidents { get; }

    /// <inheritdoc/>
    public Incident? FindIncident(string slug) => slug is null ? null : _incidents.GetValueOrDefault(slug);

    /// <summary>Rows left out because they break the content rules; each names the row and the problem (content only, never personal data).</summary>
    public IReadOnlyList<RefusedRow> Refused { get; }

    /// <summary>Every law the site shows, in order, each with the articles that were not refused.</summary>
    public IReadOnlyList<Law> Laws { get; }

    public Law? FindLaw(string id) => _laws.GetValueOrDefault(id);

    public bool TryFindArticle(CitationRef reference, [NotNullWhen(true)] out Law? law, [NotNullWhen(true)] out Article? article)
    {
        var found = _articles.TryGetValue(reference, out var x);
        (law, article) = found ? (x.Law, x.Article) : (null, null);
        return found;
    }

    public Authority? FindAuthority(AuthorityId id) => _authorities.GetValueOrDefault(id);

    /// <summary>The article's text rendered through the one Markdown pipeline, cached per revision.</summary>
    public string Html(CitationRef reference) =>
        TryFindArticle(reference, out _, out var article)
            ? _html.GetOrAdd((reference, article.Revision), _ => MarkdownRenderer.ToHtml(article.Text))
            : string.Empty;

    /// <summary>
    /// Markup made only of this snapshot's public content (the cited articles' boxes, issue 15), rendered once under
    /// <paramref name="key"/> and reused until the content changes (every edit replaces the snapshot). Never for anything
    /// of a person's: the key and the markup must be derived from content alone.
    /// </summary>
    public string Fragment<TState>(string key, TState state, Func<TState, string> render) => Cached(key, state, render);

    /// <summary>
    /// Like <see cref="Fragment"/> for any immutable rendering of public content (the API's encoded citations, issue 15);
    /// keys of different kinds must not collide (each kind has its own prefix).
    /// </summary>
    public TValue Cached<TState, TValue>(string key, TState state, Func<TState, TValue> render)
        where TValue : class
    {
        ArgumentNullException.ThrowIfNull(render);
        if (_fragments.TryGetValue(key, out var cached))
        {
            return (TValue)cached;
        }

        var value = render(state);
        return _fragments.Count < MaxFragments ? (TValue)_fragments.GetOrAdd(key, value) : value;
    }

    private static string? ProblemOf(LawEntity l) =>
        !ContentRules.IsValidId(l.Id) ? "the id must be lower-case letters, digits and hyphens"
        : !ContentRules.IsRequiredText(l.Title, ContentRules.MaxTitleLength) || !ContentRules.IsRequiredText(l.ShortTitle, ContentRules.MaxTitleLength) ? "the title or short title is missing or too long"
        : !ContentRules.IsRequiredText(l.Issuer, ContentRules.MaxTitleLength) || !ContentRules.IsOptionalText(l.DocumentNumber, ContentRules.MaxTitleLength) ? "the issuer or document number is missing or too long"
        : !StoredValues.IsReadable(l.Effective) || !StoredValues.IsReadable(l.TextAsOf) ? "the effective or text-as-of date is not a date"
        : !StoredValues.IsReadable(l.Adopted) || !StoredValues.IsReadable(l.Amended) || !StoredValues.IsReadable(l.InForceUntil) ? "the adopted, amended or in-force-until date is not a date"
        : !StoredValues.IsReadable(l.Status) ? "the status is not in-force or superseded"
        : l.SourceNote is null ? "the source note is missing"
        : null;

    private static string? ProblemOf(ArticleEntity a) =>
        !ContentRules.IsArticleNumberOf(a.Number, a.Label) ? "the number does not match the label (第…条)"
        : !ContentRules.IsRequiredText(a.Text, ContentRules.MaxArticleTextLength) ? $"the text is empty or longer than {ContentRules.MaxArticleTextLength} characters"
        : !StoredValues.IsReadable(a.TextAsOf) ? "the text-as-of date is not a date"
        : a.Revisions.Any(r => !StoredValues.IsReadable(r.EffectiveDate)) ? "the latest revision has no effective date"
        : null;

    private static string? ProblemOf(AuthorityEntity a) =>
        !ContentRules.IsValidId(a.Id) ? "the id must be lower-case letters, digits and hyphens"
        : !ContentRules.IsRequiredText(a.Name, ContentRules.MaxAuthorityFieldLength) || !ContentRules.IsRequiredText(a.Handles, ContentRules.MaxAuthorityFieldLength)
            || !ContentRules.IsRequiredText(a.HowTo, ContentRules.MaxAuthorityFieldLength) || !ContentRules.IsRequiredText(a.StatusNote, ContentRules.MaxAuthorityFieldLength)
            || !ContentRules.IsOptionalText(a.Hotline, ContentRules.MaxAuthorityFieldLength) ? "a field is missing or longer than the editor allows"
        : a.Website is not null && !ContentRules.IsValidWebsite(a.Website) ? "the website is not a plain host name"
        : !StoredValues.IsReadable(a.Status) ? "the status is not one of the four known ones"
        : !StoredValues.IsReadable(a.LastVerified) ? "the last-verified date is not a date"
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

    private static DateOnly EffectiveOf(LawEntity law, ArticleEntity article) =>
        article.Revisions.Count > 0 ? article.Revisions.MaxBy(r => r.Revision)!.EffectiveDate : law.Effective;

    public static Task<ContentSnapshot> LoadAsync(LeakRightsDbContext db, CancellationToken cancellationToken = default) =>
        LoadAsync(db, null, default, cancellationToken);

    /// <summary>Loads statutes, authorities and (with a questionnaire to check them against) the published incidents.</summary>
    public static async Task<ContentSnapshot> LoadAsync(LeakRightsDbContext db, Questionnaire? questionnaire, DateOnly today, CancellationToken cancellationToken = default)
    {
        var laws = await db.Laws.AsNoTracking()
            .Include(l => l.Articles.OrderBy(a => a.SortOrder))
            .ThenInclude(a => a.Revisions.OrderByDescending(r => r.Revision).Take(1))
            .OrderBy(l => l.SortOrder)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var authorities = await db.Authorities.AsNoTracking().OrderBy(a => a.SortOrder).ToListAsync(cancellationToken);
        var incidents = questionnaire is null
            ? []
            : await db.Incidents.AsNoTracking().Where(i => i.IsPublished).Include(i => i.Sources).AsSplitQuery().ToListAsync(cancellationToken);
        return new ContentSnapshot(laws, authorities, incidents, questionnaire, today);
    }
}

/// <summary>A database row the snapshot left out, named (law id, citation, authority id and row id) with the rule it breaks.</summary>
public sealed record RefusedRow(string Row, string Problem);

/// <summary>
/// Holds the current <see cref="ContentSnapshot"/> and the content version it was loaded at. Admin edits in this instance
/// call <see cref="ReloadAsync"/> so new plans show them at once; <see cref="ContentVersionWatcher"/> calls it when another
/// instance changed the content. Reloads run one at a time and a snapshot only replaces an older one, so two reloads
/// finishing out of order never leave the older content in place.
/// </summary>
public sealed partial class ContentSnapshotProvider(IServiceScopeFactory scopes, ILogger<ContentSnapshotProvider> logger) : IDisposable
{
    private readonly SemaphoreSlim _reload = new(1, 1);
    private readonly Lock _offer = new();
    private volatile Loaded? _current;

    public ContentSnapshot Current => _current?.Snapshot ?? throw new InvalidOperationException("The content snapshot is loaded at start-up, before requests are served.");

    /// <summary>The content version the current snapshot was loaded at (0 before the first load).</summary>
    public long Version => _current?.Version ?? 0;

    /// <summary>The current snapshot with the version it was loaded at, read together (the incident ETags and cache keys).</summary>
    public (ContentSnapshot Snapshot, long Version) CurrentWithVersion =>
        _current is { } c ? (c.Snapshot, c.Version) : throw new InvalidOperationException("The content snapshot is loaded at start-up, before requests are served.");

    /// <summary>Raised after a reload made a newer snapshot current (with its version): the incident output cache is evicted.</summary>
    public event Action<long>? Reloaded;

    /// <summary>
    /// Loads the content from the database. The version is read before the content, so the snapshot holds at least what
    /// that version says (a change committed in between is picked up again by the next check, never missed).
    /// </summary>
    public async Task ReloadAsync(CancellationToken cancellationToken = default)
    {
        await _reload.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<LeakRightsDbContext>();
            var version = await ContentVersionWatcher.ReadVersionAsync(db, cancellationToken);
            var snapshot = await ContentSnapshot.LoadAsync(
                db, scope.ServiceProvider.GetService<Questionnaire>(), ChinaTime.Today(scope.ServiceProvider.GetService<TimeProvider>() ?? TimeProvider.System), cancellationToken);
            foreach (var row in snapshot.Refused)
            {
                LogRefused(logger, row.Row, row.Problem);
            }

            if (Offer(snapshot, version))
            {
                Reloaded?.Invoke(version);
            }
        }
        finally
        {
            _reload.Release();
        }
    }

    /// <summary>Makes <paramref name="snapshot"/> current unless the current one was loaded at a newer version. True when it did.</summary>
    internal bool Offer(ContentSnapshot snapshot, long version)
    {
        lock (_offer)
        {
            if (_current is { } current && version < current.Version)
            {
                return false;
            }

            _current = new Loaded(snapshot, version);
            return true;
        }
    }

    public void Dispose() => _reload.Dispose();

    private sealed record Loaded(ContentSnapshot Snapshot, long Version);

    [LoggerMessage(Level = LogLevel.Error, Message = "Content row refused and left out of the site: {Row}: {Problem}. Fix or remove the row in the database.")]
    private static partial void LogRefused(ILogger logger, string row, string problem);
}
