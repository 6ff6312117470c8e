using System.Text.Json;
using LeakRights.Core.Content;
using LeakRights.Core.Incidents;
using LeakRights.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LeakRights.Web.Admin;

/// <summary>What an admin typed into the incident form, as text: kept as is so a mistake shows the form again unchanged.</summary>
public sealed class IncidentForm
{
    public string? Slug { get; set; }

    public string? Organisation { get; set; }

    public string? Source { get; set; }

    public string? OccurredOn { get; set; }

    public string? BecamePublicOn { get; set; }

    public List<string> DataTypes { get; set; } = [];

    public string? Scale { get; set; }

    public string? Summary { get; set; }

    public string? Status { get; set; }

    public string? ModerationNote { get; set; }

    /// <summary>Why this change was made (the revision's change note).</summary>
    public string? Note { get; set; }

    public List<IncidentSourceForm> Sources { get; set; } = [];

    /// <summary>Pads the source rows to <see cref="IncidentRules.MaxSources"/> so the form always shows that many.</summary>
    public void PadSources()
    {
        while (Sources.Count < IncidentRules.MaxSources)
        {
            Sources.Add(new IncidentSourceForm());
        }
    }

    public static IncidentForm From(IncidentEntity e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var form = new IncidentForm
        {
            Slug = e.Slug,
            Organisation = e.Organisation,
            Source = e.Source,
            OccurredOn = e.OccurredOn is { } o ? ContentRules.FormatDate(o) : null,
            BecamePublicOn = ContentRules.FormatDate(e.BecamePublicOn),
            DataTypes = IncidentEntity.SplitDataTypes(e.DataTypes).ToList(),
            Scale = e.Scale,
            Summary = e.Summary,
            Status = e.Status.ToName(),
            ModerationNote = e.ModerationNote,
            Sources = e.Sources.OrderBy(s => s.SortOrder).Select(s => new IncidentSourceForm
            {
                Kind = s.Kind.ToName(),
                Title = s.Title,
                Url = s.Url,
                PublishedOn = ContentRules.FormatDate(s.PublishedOn),
            }).ToList(),
        };
        form.PadSources();
        return form;
    }
}

/// <summary>One source row of the incident form; a row with every field blank is ignored.</summary>
public sealed class IncidentSourceForm
{
    public string? Kind { get; set; }

    public string? Title { get; set; }

    public string? Url { get; set; }

    public string? PublishedOn { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Title) && string.IsNullOrWhiteSpace(Url) && string.IsNullOrWhiteSpace(PublishedOn);
}

/// <summary>The outcome of an incident change: the slug and revision saved, or errors by field, or the revision someone else saved.</summary>
public sealed record IncidentEditResult(EditOutcome Outcome, IReadOnlyDictionary<string, string> Errors, string? Slug = null, int Revision = 0, string? OtherEditor = null)
{
    public static readonly IncidentEditResult NotFound = new(EditOutcome.NotFound, new Dictionary<string, string>());

    public static readonly IncidentEditResult Unavailable = new(EditOutcome.Unavailable, new Dictionary<string, string>());
}

/// <summary>
/// Every change to the incident registry (issue 16), with the statutes' discipline: each save, publish and unpublish is a new
/// full-copy revision with who, when and why, an audit entry, optimistic concurrency on the revision number, a content
/// version bump (by <see cref="LeakRightsDbContext"/>, so every instance reloads) and a reload here, which also evicts the
/// incident pages, feed and API from the output cache. The one place the incident form is checked.
/// </summary>
public sealed partial class IncidentEditor(LeakRightsDbContext db, AuditLog audit, ContentSnapshotProvider snapshot, Questionnaire questionnaire, TimeProvider time, ILogger<IncidentEditor> logger)
{
    public Task<List<IncidentEntity>> ListAsync(CancellationToken cancellationToken = default) =>
        db.Incidents.AsNoTracking().Include(i => i.Sources).OrderByDescending(i => i.BecamePublicOn).ThenBy(i => i.Slug).AsSplitQuery().ToListAsync(cancellationToken);

    public Task<IncidentEntity?> FindAsync(string slug, CancellationToken cancellationToken = default) =>
        IncidentRules.IsValidSlug(slug)
            ? db.Incidents.Include(i => i.Sources).AsSplitQuery().SingleOrDefaultAsync(i => i.Slug == slug, cancellationToken)
            : Task.FromResult<IncidentEntity?>(null);

    public Task<List<IncidentRevisionEntity>> HistoryAsync(int incidentId, CancellationToken cancellationToken = default) =>
        db.IncidentRevisions.AsNoTracking().Where(r => r.IncidentId == incidentId).OrderByDescending(r => r.Revision).ToListAsync(cancellationToken);

    /// <summary>The exact "我也受到影响" count of each incident (by id), for staff.</summary>
    public async Task<Dictionary<int, int>> AffectedCountsAsync(CancellationToken cancellationToken = default) =>
        await db.IncidentAffectedCounts.AsNoTracking().GroupBy(c => c.IncidentId).Select(g => new { g.Key, Total = g.Sum(c => c.Count) })
            .ToDictionaryAsync(x => x.Key, x => x.Total, cancellationToken);

    public async Task<IncidentEditResult> CreateAsync(IncidentForm form, string editor, string? ip, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = Validate(form, isNew: true, out var value);
        if (errors.Count == 0 && await db.Incidents.AnyAsync(i => i.Slug == value!.Slug, cancellationToken))
        {
            errors["slug"] = "已经有事件使用这个网址名，请换一个。";
        }

        if (errors.Count > 0)
        {
            return new IncidentEditResult(EditOutcome.Invalid, errors);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var entity = new IncidentEntity
        {
            Slug = value!.Slug,
            Organisation = string.Empty,
            Source = string.Empty,
            BecamePublicOn = value.BecamePublicOn,
            DataTypes = string.Empty,
            Scale = string.Empty,
            Summary = string.Empty,
            Status = value.Status,
            CreatedAtUtc = now,
        };
        Apply(entity, value, form.ModerationNote);
        db.Incidents.Add(entity);
        AddRevision(entity, editor, Blank(form.Note) ?? "新建事件");
        audit.Add(AuditKinds.IncidentCreated, editor, entity.Slug, $"rev {entity.CurrentRevision}: {Blank(form.Note) ?? "新建事件"}", ip);
        return await SaveAsync(entity, cancellationToken);
    }

    public async Task<IncidentEditResult> SaveAsync(string slug, IncidentForm form, int expectedRevision, string editor, string? ip, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var entity = await FindAsync(slug, cancellationToken);
        if (entity is null)
        {
            return IncidentEditResult.NotFound;
        }

        form.Slug = entity.Slug;
        var errors = Validate(form, isNew: false, out var value);
        if (errors.Count > 0)
        {
            return new IncidentEditResult(EditOutcome.Invalid, errors);
        }

        if (entity.CurrentRevision != expectedRevision)
        {
            return await ConflictAsync(entity.Id, cancellationToken);
        }

        Apply(entity, value!, form.ModerationNote);
        AddRevision(entity, editor, form.Note!.Trim());
        audit.Add(AuditKinds.IncidentEdited, editor, entity.Slug, $"rev {entity.CurrentRevision}: {form.Note.Trim()}", ip);
        return await SaveAsync(entity, cancellationToken);
    }

    /// <summary>Publishes or withdraws: a revision of its own. Publishing needs a row that passes every rule (at least one source).</summary>
    public async Task<IncidentEditResult> SetPublishedAsync(string slug, bool publish, int expectedRevision, string? note, string editor, string? ip, CancellationToken cancellationToken = default)
    {
        var entity = await FindAsync(slug, cancellationToken);
        if (entity is null)
        {
            return IncidentEditResult.NotFound;
        }

        if (entity.CurrentRevision != expectedRevision)
        {
            return await ConflictAsync(entity.Id, cancellationToken);
        }

        if (publish && (entity.Sources.Count == 0 || IncidentRules.ProblemOf(entity.ToIncident(), questionnaire, ChinaTime.Today(time)) is not null))
        {
            return new IncidentEditResult(EditOutcome.Invalid, new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["publish"] = "不能发布：事件至少要有一个带链接和日期的来源，且每一项都填写正确。请先修改并保存。",
            });
        }

        if (note is { Length: > ContentRules.MaxChangeNoteLength })
        {
            return new IncidentEditResult(EditOutcome.Invalid, new Dictionary<string, string>(StringComparer.Ordinal) { ["publishNote"] = $"说明最多 {ContentRules.MaxChangeNoteLength} 个字符。" });
        }

        entity.IsPublished = publish;
        entity.UpdatedAtUtc = time.GetUtcNow().UtcDateTime;
        var text = Blank(note) ?? (publish ? "发布" : "撤下");
        AddRevision(entity, editor, text);
        audit.Add(publish ? AuditKinds.IncidentPublished : AuditKinds.IncidentUnpublished, editor, entity.Slug, $"rev {entity.CurrentRevision}: {text}", ip);
        return await SaveAsync(entity, cancellationToken);
    }

    /// <summary>
    /// Reads the form into a Core <see cref="Incident"/> (revision and time filled in later), with errors in Chinese keyed by
    /// field: slug, organisation, source, occurredOn, becamePublicOn, dataTypes, scale, summary, status, moderationNote, note,
    /// sources and sources-N-kind/title/url/publishedOn. The change note is required except when creating.
    /// </summary>
    public Dictionary<string, string> Validate(IncidentForm form, bool isNew, out Incident? incident)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var today = ChinaTime.Today(time);
        var slug = form.Slug?.Trim() ?? string.Empty;
        if (!IncidentRules.IsValidSlug(slug))
        {
            errors["slug"] = $"网址名只能用小写英文字母、数字和连字符（-），{IncidentRules.MinSlugLength}–{IncidentRules.MaxSlugLength} 个字符，不能以连字符开头或结尾，例如 2026-hotel-guests。";
        }

        var organisation = form.Organisation?.Trim() ?? string.Empty;
        if (organisation.Length == 0)
        {
            errors["organisation"] = "请填写涉事单位的名称。";
        }
        else if (organisation.Length > IncidentRules.MaxOrganisationLength)
        {
            errors["organisation"] = $"涉事单位名称最多 {IncidentRules.MaxOrganisationLength} 个字符。";
        }

        if (!IncidentRules.IsOption(questionnaire, IncidentRules.SourceQuestion, form.Source))
        {
            errors["source"] = "请选择涉事单位的类型。";
        }

        var typeOptions = questionnaire.Find(IncidentRules.DataTypesQuestion)?.Options ?? [];
        var chosen = (form.DataTypes ?? []).Where(d => !string.IsNullOrEmpty(d)).ToHashSet(StringComparer.Ordinal);
        if (chosen.Count == 0)
        {
            errors["dataTypes"] = "请至少选择一种泄露的信息类型。";
        }
        else if (chosen.Any(d => !IncidentRules.IsOption(questionnaire, IncidentRules.DataTypesQuestion, d)))
        {
            errors["dataTypes"] = "信息类型只能从列表中选择。";
        }

        if (!IncidentRules.IsOption(questionnaire, IncidentRules.ScaleQuestion, form.Scale))
        {
            errors["scale"] = "请选择泄露规模。";
        }

        DateOnly? occurred = null;
        if (!string.IsNullOrWhiteSpace(form.OccurredOn))
        {
            if (!ContentRules.TryParseDate(form.OccurredOn.Trim(), out var o))
            {
                errors["occurredOn"] = "请按 YYYY-MM-DD 填写发生日期（不知道可以留空）。";
            }
            else if (o > today)
            {
                errors["occurredOn"] = "发生日期不能晚于今天。";
            }
            else
            {
                occurred = o;
            }
        }

        var becamePublic = default(DateOnly);
        if (!ContentRules.TryParseDate(form.BecamePublicOn?.Trim(), out becamePublic))
        {
            errors["becamePublicOn"] = "请按 YYYY-MM-DD 填写公开日期。";
        }
        else if (becamePublic > today)
        {
            errors["becamePublicOn"] = "公开日期不能晚于今天。";
        }
        else if (occurred is { } happened && becamePublic < happened)
        {
            errors["becamePublicOn"] = "公开日期不能早于发生日期。";
        }

        var summary = form.Summary?.Trim() ?? string.Empty;
        if (summary.Length < IncidentRules.MinSummaryLength)
        {
            errors["summary"] = $"请用至少 {IncidentRules.MinSummaryLength} 个字说明已知的情况。";
        }
        else if (summary.Length > IncidentRules.MaxSummaryLength)
        {
            errors["summary"] = $"情况说明最多 {IncidentRules.MaxSummaryLength} 个字符。";
        }

        if (!IncidentStatusNames.TryParse(form.Status, out var status))
        {
            errors["status"] = "请选择核实状态。";
        }

        if (form.ModerationNote is { Length: > IncidentRules.MaxModerationNoteLength })
        {
            errors["moderationNote"] = $"内部备注最多 {IncidentRules.MaxModerationNoteLength} 个字符。";
        }

        if (!isNew && string.IsNullOrWhiteSpace(form.Note))
        {
            errors["note"] = "请填写修改说明（例如依据哪条新的公告）。";
        }
        else if (form.Note is { Length: > ContentRules.MaxChangeNoteLength })
        {
            errors["note"] = $"修改说明最多 {ContentRules.MaxChangeNoteLength} 个字符。";
        }

        var sources = new List<IncidentSource>();
        var rows = form.Sources ?? [];
        if (rows.Count > IncidentRules.MaxSources)
        {
            errors["sources"] = $"最多 {IncidentRules.MaxSources} 个来源。";
        }

        for (var i = 0; i < Math.Min(rows.Count, IncidentRules.MaxSources); i++)
        {
            var row = rows[i] ?? new IncidentSourceForm();
            if (row.IsBlank)
            {
                continue;
            }

            var n = i + 1;
            var ok = true;
            if (!IncidentSourceKindNames.TryParse(row.Kind, out var kind))
            {
                errors[$"sources-{i}-kind"] = $"来源 {n}：请选择来源类型。";
                ok = false;
            }

            var title = row.Title?.Trim() ?? string.Empty;
            if (title.Length == 0 || title.Length > IncidentRules.MaxSourceTitleLength)
            {
                errors[$"sources-{i}-title"] = $"来源 {n}：请填写标题（最多 {IncidentRules.MaxSourceTitleLength} 个字符）。";
                ok = false;
            }

            if (!IncidentRules.IsValidSourceUrl(row.Url?.Trim(), out var url))
            {
                errors[$"sources-{i}-url"] = $"来源 {n}：链接必须是以 http:// 或 https:// 开头的完整网址。";
                ok = false;
            }

            if (!ContentRules.TryParseDate(row.PublishedOn?.Trim(), out var published))
            {
                errors[$"sources-{i}-publishedOn"] = $"来源 {n}：请按 YYYY-MM-DD 填写发布日期。";
                ok = false;
            }
            else if (published > today)
            {
                errors[$"sources-{i}-publishedOn"] = $"来源 {n}：发布日期不能晚于今天。";
                ok = false;
            }

            if (ok)
            {
                sources.Add(new IncidentSource(kind, title, url!, published));
            }
        }

        if (sources.Count == 0 && !errors.Keys.Any(k => k.StartsWith("sources-", StringComparison.Ordinal)))
        {
            errors["sources"] = "请至少填写一个来源（官方公告、监管或司法机关的通报、可靠的新闻报道），包括链接和日期。";
        }

        // Data types in the questionnaire's order, so the page and the prefilled check list them the same way.
        var types = typeOptions.Select(o => o.Id).Where(chosen.Contains).ToList();
        incident = errors.Count == 0
            ? new Incident(slug, organisation, form.Source!, occurred, becamePublic, types, form.Scale!, summary, status, sources, 0, time.GetUtcNow())
            : null;
        return errors;
    }

    private void Apply(IncidentEntity entity, Incident value, string? moderationNote)
    {
        entity.Organisation = value.Organisation;
        entity.Source = value.Source;
        entity.OccurredOn = value.OccurredOn;
        entity.BecamePublicOn = value.BecamePublicOn;
        entity.DataTypes = string.Join(',', value.DataTypes);
        entity.Scale = value.Scale;
        entity.Summary = value.Summary;
        entity.Status = value.Status;
        entity.ModerationNote = moderationNote?.Trim() ?? string.Empty;
        entity.UpdatedAtUtc = time.GetUtcNow().UtcDateTime;
        db.IncidentSources.RemoveRange(entity.Sources);
        entity.Sources.Clear();
        var order = 0;
        foreach (var s in value.Sources)
        {
            entity.Sources.Add(new IncidentSourceEntity { SortOrder = order++, Kind = s.Kind, Title = s.Title, Url = s.Url.OriginalString, PublishedOn = s.PublishedOn });
        }
    }

    private void AddRevision(IncidentEntity entity, string editor, string note)
    {
        entity.CurrentRevision++;
        entity.Revisions.Add(new IncidentRevisionEntity
        {
            Revision = entity.CurrentRevision,
            Organisation = entity.Organisation,
            Source = entity.Source,
            OccurredOn = entity.OccurredOn,
            BecamePublicOn = entity.BecamePublicOn,
            DataTypes = entity.DataTypes,
            Scale = entity.Scale,
            Summary = entity.Summary,
            Status = entity.Status,
            ModerationNote = entity.ModerationNote,
            IsPublished = entity.IsPublished,
            SourcesJson = SourcesJson(entity.Sources),
            Editor = editor,
            CreatedAtUtc = time.GetUtcNow().UtcDateTime,
            ChangeNote = note,
        });
    }

    /// <summary>The sources as the revision keeps them: a JSON array of {kind, title, url, publishedOn}.</summary>
    internal static string SourcesJson(IEnumerable<IncidentSourceEntity> sources) =>
        JsonSerializer.Serialize(sources.OrderBy(s => s.SortOrder).Select(s => new StoredSource(s.Kind.ToName(), s.Title, s.Url, ContentRules.FormatDate(s.PublishedOn))).ToList());

    /// <summary>A revision's sources as one readable line each (history and diffs); unreadable JSON reads as no sources.</summary>
    public static IReadOnlyList<string> DescribeSources(string json)
    {
        try
        {
            return (JsonSerializer.Deserialize<List<StoredSource>>(json) ?? [])
                .Select(s => $"{(IncidentSourceKindNames.TryParse(s.Kind, out var k) ? k.Label() : s.Kind)}：{s.Title}（{s.PublishedOn}）{s.Url}")
                .ToList();
        }
        catch (JsonException)
        {
            return [];
        }
    }

    /// <summary>A revision as one readable block (for the diff between two revisions), moderation note included (staff only).</summary>
    public string Describe(IncidentRevisionEntity r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var types = string.Join("、", IncidentEntity.SplitDataTypes(r.DataTypes).Select(d => IncidentRules.Label(questionnaire, IncidentRules.DataTypesQuestion, d)));
        return string.Join('\n',
            $"涉事单位：{r.Organisation}",
            $"类型：{IncidentRules.Label(questionnaire, IncidentRules.SourceQuestion, r.Source)}",
            $"发生日期：{(r.OccurredOn is { } o ? ContentRules.FormatDate(o) : "不详")}",
            $"公开日期：{ContentRules.FormatDate(r.BecamePublicOn)}",
            $"信息类型：{types}",
            $"规模：{IncidentRules.Label(questionnaire, IncidentRules.ScaleQuestion, r.Scale)}",
            $"状态：{r.Status.Label()}",
            $"已发布：{(r.IsPublished ? "是" : "否")}",
            $"情况说明：{r.Summary}",
            $"来源：\n{string.Join('\n', DescribeSources(r.SourcesJson))}",
            $"内部备注：{r.ModerationNote}");
    }

    private async Task<IncidentEditResult> SaveAsync(IncidentEntity entity, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ContentEditor.IsConflict(ex))
        {
            db.ChangeTracker.Clear();
            var fresh = await db.Incidents.AsNoTracking().SingleOrDefaultAsync(i => i.Slug == entity.Slug, cancellationToken);
            return fresh is null
                ? new IncidentEditResult(EditOutcome.Invalid, new Dictionary<string, string>(StringComparer.Ordinal) { ["slug"] = "已经有事件使用这个网址名，请换一个。" })
                : await ConflictAsync(fresh.Id, cancellationToken);
        }
        catch (Exception ex) when (DatabaseErrors.Unwritable(ex) is { } error)
        {
            db.ChangeTracker.Clear();
            LogUnavailable(logger, ex, entity.Slug, DatabaseErrors.Describe(error));
            return IncidentEditResult.Unavailable;
        }

        await snapshot.ReloadAsync(cancellationToken);
        return new IncidentEditResult(EditOutcome.Saved, new Dictionary<string, string>(), entity.Slug, entity.CurrentRevision);
    }

    private async Task<IncidentEditResult> ConflictAsync(int incidentId, CancellationToken cancellationToken)
    {
        var latest = await db.IncidentRevisions.AsNoTracking().Where(r => r.IncidentId == incidentId).OrderByDescending(r => r.Revision).FirstAsync(cancellationToken);
        return new IncidentEditResult(EditOutcome.Conflict, new Dictionary<string, string>(), null, latest.Revision, latest.Editor);
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private sealed record StoredSource(string Kind, string Title, string Url, string PublishedOn);

    [LoggerMessage(Level = LogLevel.Error, Message = "Saving incident {Slug} failed: the database could not be written ({Error}). Nothing was saved; the admin was asked to try again.")]
    private static partial void LogUnavailable(ILogger logger, Exception exception, string slug, string error);
}
