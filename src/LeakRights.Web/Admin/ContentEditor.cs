using LeakRights.Core.Content;
using LeakRights.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LeakRights.Web.Admin;

public enum EditOutcome
{
    Saved,
    NotFound,
    Invalid,
    Conflict,

    /// <summary>The database could not be written (locked, read-only, full): nothing was saved; the admin may try again later.</summary>
    Unavailable,
}

/// <summary>The outcome of a content change; on a conflict, the version someone else saved in the meantime.</summary>
public sealed record EditResult(EditOutcome Outcome, IReadOnlyDictionary<string, string> Errors, int CurrentRevision = 0, string? CurrentText = null, string? CurrentEditor = null, DateTime? CurrentSavedUtc = null)
{
    public static readonly EditResult NotFound = new(EditOutcome.NotFound, new Dictionary<string, string>());

    public static EditResult Saved(int revision) => new(EditOutcome.Saved, new Dictionary<string, string>(), revision);

    public static EditResult Invalid(Dictionary<string, string> errors) => new(EditOutcome.Invalid, errors);

    public static readonly EditResult Unavailable = new(EditOutcome.Unavailable, new Dictionary<string, string>());
}

/// <summary>
/// Every change to statutes and authorities: a new revision (never an overwrite), a required change note, an audit entry,
/// optimistic concurrency on the revision number, and a reload of the content snapshot so pages, plans and PDFs show it at once.
/// </summary>
public sealed partial class ContentEditor(LeakRightsDbContext db, AuditLog audit, ContentSnapshotProvider snapshot, TimeProvider time, ILogger<ContentEditor> logger)
{
    public const int MaxTextLength = ContentRules.MaxArticleTextLength;

    /// <summary>What the admin is told when <see cref="EditOutcome.Unavailable"/>: the form is shown again with their text.</summary>
    public const string UnavailableMessage = "保存失败：数据库暂时无法写入，请稍后再试。您的修改没有保存。";

    public Task<ArticleEntity?> FindArticleAsync(CitationRef reference, CancellationToken cancellationToken = default)
    {
        var (lawId, number) = (reference.LawId, reference.Number);
        return db.Articles.Include(a => a.Law).SingleOrDefaultAsync(a => a.LawId == lawId && a.Number == number, cancellationToken);
    }

    public Task<List<ArticleRevisionEntity>> ArticleHistoryAsync(int articleId, CancellationToken cancellationToken = default) =>
        db.ArticleRevisions.AsNoTracking().Where(r => r.ArticleId == articleId).OrderByDescending(r => r.Revision).ToListAsync(cancellationToken);

    public async Task<EditResult> SaveArticleAsync(CitationRef reference, string text, string note, string effective, int expectedRevision, string editor, string? ip, CancellationToken cancellationToken = default)
    {
        var article = await FindArticleAsync(reference, cancellationToken);
        if (article is null)
        {
            return EditResult.NotFound;
        }

        var errors = ValidateRevision(text, note, effective, out var effectiveDate);
        if (errors.Count > 0)
        {
            return EditResult.Invalid(errors);
        }

        if (article.CurrentRevision != expectedRevision)
        {
            return await ConflictAsync(article, cancellationToken);
        }

        var revision = AddRevision(article, text.Trim(), note, effectiveDate, editor);
        audit.Add(AuditKinds.ArticleEdited, editor, reference.ToString(), $"rev {revision}: {note}", ip);
        return await SaveAsync(article, cancellationToken);
    }

    public async Task<EditResult> RestoreArticleAsync(CitationRef reference, int fromRevision, string note, string editor, string? ip, CancellationToken cancellationToken = default)
    {
        var article = await FindArticleAsync(reference, cancellationToken);
        var old = article is null ? null : await db.ArticleRevisions.AsNoTracking().SingleOrDefaultAsync(r => r.ArticleId == article.Id && r.Revision == fromRevision, cancellationToken);
        if (article is null || old is null)
        {
            return EditResult.NotFound;
        }

        var text = string.IsNullOrWhiteSpace(note) ? $"恢复到第 {fromRevision} 版" : note.Trim();
        var revision = AddRevision(article, old.Text, text, old.EffectiveDate, editor);
        audit.Add(AuditKinds.ArticleRestored, editor, reference.ToString(), $"rev {revision} restores rev {fromRevision}", ip);
        return await SaveAsync(article, cancellationToken);
    }

    public async Task<EditResult> RepealArticleAsync(CitationRef reference, string note, string effective, int expectedRevision, string editor, string? ip, CancellationToken cancellationToken = default)
    {
        var article = await FindArticleAsync(reference, cancellationToken);
        if (article is null)
        {
            return EditResult.NotFound;
        }

        var errors = ValidateRevision(article.Text, note, effective, out var effectiveDate);
        if (errors.Count > 0)
        {
            return EditResult.Invalid(errors);
        }

        if (article.CurrentRevision != expectedRevision)
        {
            return await ConflictAsync(article, cancellationToken);
        }

        article.IsRepealed = true;
        var revision = AddRevision(article, article.Text, "废止：" + note.Trim(), effectiveDate, editor);
        audit.Add(AuditKinds.ArticleRepealed, editor, reference.ToString(), $"rev {revision}: {note}", ip);
        return await SaveAsync(article, cancellationToken);
    }

    public async Task<EditResult> AddArticleAsync(string lawId, string label, string text, string note, string effective, string editor, string? ip, CancellationToken cancellationToken = default)
    {
        var law = await db.Laws.Include(l => l.Articles).SingleOrDefaultAsync(l => l.Id == lawId, cancellationToken);
        if (law is null)
        {
            return EditResult.NotFound;
        }

        var errors = ValidateRevision(text, note, effective, out var effectiveDate);
        label = label.Trim();
        if (!ChineseNumerals.TryParseArticleLabel(label, out var number) || !ContentRules.IsArticleNumberOf(number, label))
        {
            errors["label"] = "条号请写成“第一千零三十八条”“第二百五十三条之一”“第八项”或“序言”的形式。";
        }
        else if (law.Articles.Any(a => a.Number == number))
        {
            errors["label"] = $"{law.ShortTitle}已经有{label}，请在原条文上修改。";
        }

        if (errors.Count > 0)
        {
            return EditResult.Invalid(errors);
        }

        var article = new ArticleEntity
        {
            LawId = lawId,
            Number = number,
            Label = label,
            SortOrder = law.Articles.Select(a => a.SortOrder).DefaultIfEmpty(0).Max() + 10,
            Text = text.Trim(),
            CurrentRevision = 0,
            TextAsOf = Today(),
        };
        law.Articles.Add(article);
        AddRevision(article, article.Text, note, effectiveDate, editor);
        audit.Add(AuditKinds.ArticleAdded, editor, new CitationRef(lawId, number).ToString(), note, ip);
        return await SaveAsync(article, cancellationToken);
    }

    public Task<AuthorityEntity?> FindAuthorityAsync(AuthorityId id, CancellationToken cancellationToken = default)
    {
        var value = id.Value;
        return db.Authorities.SingleOrDefaultAsync(a => a.Id == value, cancellationToken);
    }

    public Task<List<AuthorityRevisionEntity>> AuthorityHistoryAsync(AuthorityId id, CancellationToken cancellationToken = default)
    {
        var value = id.Value;
        return db.AuthorityRevisions.AsNoTracking().Where(r => r.AuthorityId == value).OrderByDescending(r => r.Revision).ToListAsync(cancellationToken);
    }

    /// <summary>Saves an entry already read and validated by <see cref="ValidateAuthority"/>.</summary>
    public async Task<EditResult> SaveAuthorityAsync(Authority authority, string note, int expectedRevision, string editor, string? ip, CancellationToken cancellationToken = default)
    {
        var a = await FindAuthorityAsync(authority.Id, cancellationToken);
        if (a is null)
        {
            return EditResult.NotFound;
        }

        if (a.Revision != expectedRevision)
        {
            return new EditResult(EditOutcome.Conflict, new Dictionary<string, string>(), a.Revision, Describe(a.ToAuthority()));
        }

        var revision = ApplyAuthority(a, authority, note.Trim(), editor);
        audit.Add(AuditKinds.AuthorityEdited, editor, authority.Id.Value, $"rev {revision}: {note}", ip);
        return await SaveAsync(a, cancellationToken);
    }

    public async Task<EditResult> RestoreAuthorityAsync(AuthorityId id, int fromRevision, string editor, string? ip, CancellationToken cancellationToken = default)
    {
        var a = await FindAuthorityAsync(id, cancellationToken);
        var value = id.Value;
        var old = await db.AuthorityRevisions.AsNoTracking().SingleOrDefaultAsync(r => r.AuthorityId == value && r.Revision == fromRevision, cancellationToken);
        if (a is null || old is null)
        {
            return EditResult.NotFound;
        }

        var revision = ApplyAuthority(a, old.ToAuthority(), $"恢复到第 {fromRevision} 版", editor);
        audit.Add(AuditKinds.AuthorityRestored, editor, id.Value, $"rev {revision} restores rev {fromRevision}", ip);
        return await SaveAsync(a, cancellationToken);
    }

    /// <summary>A readable one-block summary of an authority entry, used for diffs and conflicts.</summary>
    public static string Describe(Authority a) =>
        $"名称：{a.Name}\n电话：{a.Hotline}\n网站：{a.Website}\n受理范围：{a.Handles}\n怎么说：{a.HowTo}\n核实状态：{a.Status.ToName()}\n核实说明：{a.StatusNote}\n最近核实：{(a.LastVerified is { } d ? ContentRules.FormatDate(d) : null)}";

    private int ApplyAuthority(AuthorityEntity a, Authority value, string note, string editor)
    {
        a.Apply(value);
        a.Revision++;
        db.AuthorityRevisions.Add(AuthorityRevisionEntity.Of(a, editor, time.GetUtcNow().UtcDateTime, note));
        return a.Revision;
    }

    private int AddRevision(ArticleEntity article, string text, string note, DateOnly effective, string editor)
    {
        article.Text = text;
        article.CurrentRevision++;
        article.TextAsOf = Today();
        article.Revisions.Add(new ArticleRevisionEntity
        {
            Revision = article.CurrentRevision,
            Text = text,
            Editor = editor,
            CreatedAtUtc = time.GetUtcNow().UtcDateTime,
            ChangeNote = note.Trim(),
            EffectiveDate = effective,
        });
        return article.CurrentRevision;
    }

    private async Task<EditResult> SaveAsync(object entity, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (IsConflict(ex))
        {
            // Someone saved the same row (or the same revision number) between our read and our write.
            db.ChangeTracker.Clear();
            return entity switch
            {
                ArticleEntity a => await ConflictAsync((await FindArticleAsync(new CitationRef(a.LawId, a.Number), cancellationToken))!, cancellationToken),
                AuthorityEntity au => (await FindAuthorityAsync(new AuthorityId(au.Id), cancellationToken)) is { } fresh
                    ? new EditResult(EditOutcome.Conflict, new Dictionary<string, string>(), fresh.Revision, Describe(fresh.ToAuthority()))
                    : EditResult.NotFound,
                _ => throw new InvalidOperationException("Unexpected entity."),
            };
        }
        catch (Exception ex) when (DatabaseErrors.Unwritable(ex) is { } error)
        {
            // Not a conflict: nobody else saved anything. Say so, keep nothing half-done, and log it (never the text).
            db.ChangeTracker.Clear();
            LogUnavailable(logger, ex, entity switch { ArticleEntity a => CitationRef.Format(a.LawId, a.Number), AuthorityEntity au => au.Id, _ => "?" }, DatabaseErrors.Describe(error));
            return EditResult.Unavailable;
        }

        await snapshot.ReloadAsync(cancellationToken);
        return EditResult.Saved(entity switch
        {
            ArticleEntity a => a.CurrentRevision,
            AuthorityEntity au => au.Revision,
            _ => 0,
        });
    }

    private async Task<EditResult> ConflictAsync(ArticleEntity article, CancellationToken cancellationToken)
    {
        var latest = await db.ArticleRevisions.AsNoTracking().Where(r => r.ArticleId == article.Id).OrderByDescending(r => r.Revision).FirstAsync(cancellationToken);
        return new EditResult(EditOutcome.Conflict, new Dictionary<string, string>(), latest.Revision, latest.Text, latest.Editor, latest.CreatedAtUtc);
    }

    /// <summary>The checks for one revision of an article; the import applies them to every revision in a file.</summary>
    internal static Dictionary<string, string> ValidateRevision(string? text, string? note, string? effective, out DateOnly effectiveDate)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(text))
        {
            errors["text"] = "条文内容不能为空。";
        }
        else if (text.Length > ContentRules.MaxArticleTextLength)
        {
            errors["text"] = $"条文最多 {ContentRules.MaxArticleTextLength} 个字符。";
        }

        if (string.IsNullOrWhiteSpace(note))
        {
            errors["note"] = "请填写修改说明（例如依据的公布文本或修正决定）。";
        }
        else if (note.Length > ContentRules.MaxChangeNoteLength)
        {
            errors["note"] = $"修改说明最多 {ContentRules.MaxChangeNoteLength} 个字符。";
        }

        if (!ContentRules.TryParseDate(effective, out effectiveDate))
        {
            errors["effective"] = "请按 YYYY-MM-DD 填写施行日期。";
        }

        return errors;
    }

    /// <summary>
    /// Reads an authority entry from its text fields (the editor's form, a backup file's entry or revision) into the Core
    /// <see cref="Authority"/>, with its change note: the one place those fields are checked. Errors are keyed by field
    /// (name, hotline, website, handles, howTo, status, statusNote, lastVerified, note); <paramref name="authority"/> is set
    /// only when there are none. Values are taken as given (the editor trims its form first); a blank last-verified date
    /// is no date.
    /// </summary>
    internal static Dictionary<string, string> ValidateAuthority(
        AuthorityId id, string? name, string? hotline, string? website, string? handles, string? howTo, string? status, string? statusNote, string? lastVerified,
        string? note, out Authority? authority)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(name))
        {
            errors["name"] = "名称不能为空。";
        }

        if (string.IsNullOrWhiteSpace(handles))
        {
            errors["handles"] = "请填写受理范围。";
        }

        if (string.IsNullOrWhiteSpace(howTo))
        {
            errors["howTo"] = "请填写“怎么说”。";
        }

        if (!ConfirmationStatusNames.TryParse(status, out var confirmation))
        {
            errors["status"] = "请选择核实状态。";
        }

        if (string.IsNullOrWhiteSpace(statusNote))
        {
            errors["statusNote"] = "请填写核实说明（来源，以及“以官方公布为准”）。";
        }

        if (website is not null && !ContentRules.IsValidWebsite(website))
        {
            errors["website"] = "网址请写成 www.example.cn 的形式，不要带 http:// 或空格。";
        }

        DateOnly? verified = null;
        if (!string.IsNullOrWhiteSpace(lastVerified))
        {
            if (ContentRules.TryParseDate(lastVerified, out var date))
            {
                verified = date;
            }
            else
            {
                errors["lastVerified"] = "请按 YYYY-MM-DD 填写最近核实日期。";
            }
        }

        if (string.IsNullOrWhiteSpace(note))
        {
            errors["note"] = "请填写修改说明。";
        }
        else if (note.Length > ContentRules.MaxChangeNoteLength)
        {
            errors["note"] = $"修改说明最多 {ContentRules.MaxChangeNoteLength} 个字符。";
        }

        foreach (var (field, value) in new[] { ("name", name), ("hotline", hotline), ("website", website), ("handles", handles), ("howTo", howTo), ("statusNote", statusNote) })
        {
            if (!ContentRules.IsOptionalText(value, ContentRules.MaxAuthorityFieldLength))
            {
                errors[field] = $"内容过长（最多 {ContentRules.MaxAuthorityFieldLength} 个字符）。";
            }
        }

        authority = errors.Count == 0 ? new Authority(id, name!, hotline, website, handles!, howTo!, confirmation, statusNote!, verified) : null;
        return errors;
    }

    /// <summary>
    /// A real edit conflict: the revision number we expected changed (the concurrency token), or another save inserted the
    /// same revision number first (the unique index on article/authority and revision). Nothing else is one.
    /// </summary>
    internal static bool IsConflict(DbUpdateException ex) =>
        ex is DbUpdateConcurrencyException || DatabaseErrors.IsUniqueViolation(ex.InnerException);

    [LoggerMessage(Level = LogLevel.Error, Message = "Saving content {Entry} failed: the database could not be written ({Error}). Nothing was saved; the admin was asked to try again.")]
    private static partial void LogUnavailable(ILogger logger, Exception exception, string entry, string error);

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
    private DateOnly Today() => ChinaTime.Today(time);
}
