using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using LeakRights.Core.Content;
using LeakRights.Web.Data;
using LeakRights.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LeakRights.Web.Admin;

/// <summary>The export file. <see cref="DataProtectionKeys"/> (optional, still encrypted) lets plan links made before an export open after a restore.</summary>
public sealed record BackupFile(string Format, int Version, DateTime ExportedAtUtc, List<BackupLaw> Laws, List<BackupAuthority> Authorities, List<BackupKey?>? DataProtectionKeys = null);

/// <summary>A Data Protection key as stored: its secret encrypted under the key-encryption key, which is never exported.</summary>
public sealed record BackupKey(Guid Id, string Xml);

public sealed record BackupLaw(
    string Id, string Title, string ShortTitle, string? DocumentNumber, string Issuer, string? Adopted, string? Amended, string Effective,
    string Status, string? SupersededBy, string? InForceUntil, string TextAsOf, int SortOrder, string SourceNote, List<BackupArticle> Articles);

public sealed record BackupArticle(string Number, string Label, int SortOrder, bool IsRepealed, string Text, int CurrentRevision, string TextAsOf, List<BackupArticleRevision> Revisions);

public sealed record BackupArticleRevision(int Revision, string Text, string Editor, DateTime CreatedAtUtc, string ChangeNote, string EffectiveDate);

public sealed record BackupAuthority(
    string Id, string Name, string? Hotline, string? Website, string Handles, string HowTo, string Status, string StatusNote, string? LastVerified,
    int Revision, int SortOrder, List<BackupAuthorityRevision> Revisions);

public sealed record BackupAuthorityRevision(
    int Revision, string Name, string? Hotline, string? Website, string Handles, string HowTo, string Status, string StatusNote, string? LastVerified,
    string Editor, DateTime CreatedAtUtc, string ChangeNote);

/// <summary>
/// Export of all statutes and authorities with their full history as one JSON file, and import of such a file into a
/// database that holds only the seeded content (a fresh instance). Round-trips exactly; a file that breaks any content rule
/// is refused as a whole (see <see cref="BackupValidator"/>).
/// </summary>
public sealed partial class ContentBackup(LeakRightsDbContext db, AuditLog audit, ContentSnapshotProvider snapshot, ContentBundle content, DataProtectionKeyBackup keyBackup, ILogger<ContentBackup> logger)
{
    public const string FormatName = "leakrights-content";

    /// <summary>The one problem listed when the database cannot be written (locked, read-only, full): nothing was imported.</summary>
    public const string UnavailableProblem = "导入失败：数据库暂时无法写入，请稍后再试。没有导入任何内容。";

    /// <summary>At most this many problems are listed; the rest are counted.</summary>
    internal const int MaxProblems = 100;

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),

        // On import: a missing field or a null where the format has none is a JsonException naming the place, not a 500.
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    public async Task<BackupFile> ExportAsync(DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        var laws = await db.Laws.AsNoTracking().Include(l => l.Articles).ThenInclude(a => a.Revisions).AsSplitQuery().OrderBy(l => l.SortOrder).ThenBy(l => l.Id).ToListAsync(cancellationToken);
        var authorities = await db.Authorities.AsNoTracking().OrderBy(a => a.SortOrder).ThenBy(a => a.Id).ToListAsync(cancellationToken);
        var authorityRevisions = (await db.AuthorityRevisions.AsNoTracking().ToListAsync(cancellationToken)).ToLookup(r => r.AuthorityId);
        return new BackupFile(
            FormatName,
            1,
            nowUtc,
            laws.Select(l => new BackupLaw(
                l.Id, l.Title, l.ShortTitle, l.DocumentNumber, l.Issuer, Date(l.Adopted), Date(l.Amended), Date(l.Effective), l.Status.ToName(), l.SupersededBy, Date(l.InForceUntil), Date(l.TextAsOf), l.SortOrder, l.SourceNote,
                l.Articles.OrderBy(a => a.SortOrder).ThenBy(a => a.Number, StringComparer.Ordinal).Select(a => new BackupArticle(
                    a.Number, a.Label, a.SortOrder, a.IsRepealed, a.Text, a.CurrentRevision, Date(a.TextAsOf),
                    a.Revisions.OrderBy(r => r.Revision).Select(r => new BackupArticleRevision(r.Revision, r.Text, r.Editor, r.CreatedAtUtc, r.ChangeNote, Date(r.EffectiveDate))).ToList())).ToList())).ToList(),
            authorities.Select(a => new BackupAuthority(
                a.Id, a.Name, a.Hotline, a.Website, a.Handles, a.HowTo, a.Status.ToName(), a.StatusNote, Date(a.LastVerified), a.Revision, a.SortOrder,
                authorityRevisions[a.Id].OrderBy(r => r.Revision).Select(r => new BackupAuthorityRevision(
                    r.Revision, r.Name, r.Hotline, r.Website, r.Handles, r.HowTo, r.Status.ToName(), r.StatusNote, Date(r.LastVerified), r.Editor, r.CreatedAtUtc, r.ChangeNote)).ToList())).ToList(),
            [.. await keyBackup.ExportAsync(cancellationToken)]);
    }

    /// <summary>True when every revision in the database came from the seeds: nothing an admin wrote would be lost by an import.</summary>
    public async Task<bool> HoldsOnlySeedContentAsync(CancellationToken cancellationToken = default) =>
        !await db.ArticleRevisions.AnyAsync(r => r.Editor != ContentSeeder.SeedEditor, cancellationToken)
        && !await db.AuthorityRevisions.AnyAsync(r => r.Editor != ContentSeeder.SeedEditor, cancellationToken);

    /// <summary>
    /// Replaces the seeded content with the file's, in one transaction, after checking everything in it with the rules the
    /// seeds and the editor follow. Returns the problems in Chinese (nothing changed), or an empty list on success.
    /// </summary>
    public async Task<IReadOnlyList<string>> ImportAsync(Stream json, string actor, string? ip, CancellationToken cancellationToken = default)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(json, new JsonDocumentOptions { MaxDepth = 32 }, cancellationToken);
        }
        catch (JsonException ex)
        {
            // Our own words: the exception's message is English and may quote the file.
            return [$"文件不是有效的 JSON（第 {ex.LineNumber + 1} 行附近格式错误）。"];
        }

        BackupFile file;
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("format", out var format) || format.ValueKind != JsonValueKind.String || format.GetString() != FormatName
                || !root.TryGetProperty("version", out var version) || version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out var v) || v != 1)
            {
                return ["文件不是 LeakRights 导出的内容文件（format/version 不对）。"];
            }

            try
            {
                file = document.Deserialize<BackupFile>(Json)!;
            }
            catch (JsonException ex)
            {
                return [ex.Path is null or "$"
                    ? "文件结构不对：缺少必需的内容（format、version、exportedAtUtc、laws、authorities）或类型不对。"
                    : $"文件结构不对：{ContentSnapshot.Printable(ex.Path)} 处缺少内容、为空值（null）或类型不对。"];
            }
        }

        var keys = file.DataProtectionKeys ?? [];
        IReadOnlyList<string> problems = [.. BackupValidator.Validate(file, content.Rules), .. keyBackup.Validate(keys)];
        if (problems.Count > 0)
        {
            return problems;
        }

        try
        {
            return await ReplaceContentAsync(file, keys, actor, ip, cancellationToken);
        }
        catch (Exception ex) when (DatabaseErrors.Unwritable(ex) is { } error)
        {
            // Not a problem with the file: say so, rather than blaming its content.
            db.ChangeTracker.Clear();
            LogUnavailable(logger, ex, DatabaseErrors.Describe(error));
            return [UnavailableProblem];
        }
    }

    private async Task<IReadOnlyList<string>> ReplaceContentAsync(BackupFile file, List<BackupKey?> keys, string actor, string? ip, CancellationToken cancellationToken)
    {
        // SQLite: BEGIN IMMEDIATE (the provider's default), so a second import waits here, then sees the first one's content.
        // PostgreSQL: bumping the content version first locks its row until commit, with the same effect.
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.BumpContentVersionAsync(cancellationToken);
        if (!await HoldsOnlySeedContentAsync(cancellationToken))
        {
            return ["只能导入到尚未修改过内容的空数据库中（这里已有管理员的修改）。"];
        }

        await db.ArticleRevisions.ExecuteDeleteAsync(cancellationToken);
        await db.Articles.ExecuteDeleteAsync(cancellationToken);
        await db.Laws.ExecuteDeleteAsync(cancellationToken);
        await db.AuthorityRevisions.ExecuteDeleteAsync(cancellationToken);
        await db.Authorities.ExecuteDeleteAsync(cancellationToken);
        AddContent(file);
        await keyBackup.AddMissingAsync([.. keys.OfType<BackupKey>()], cancellationToken);
        audit.Add(AuditKinds.Imported, actor, null, $"{file.Laws.Count} laws, {file.Authorities.Count} authorities, {keys.Count} keys", ip);
        try
        {
            await db.SaveChangesAsync(cancellationToken);

            // The checks above mirror the snapshot's; should they ever drift apart, the snapshot has the last word before commit.
            var check = await ContentSnapshot.LoadAsync(db, cancellationToken);
            if (check.Refused.Count > 0)
            {
                await tx.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
                return [.. check.Refused.Take(MaxProblems).Select(r => $"数据库拒绝了这一行：{r.Row}（{r.Problem}）。没有导入任何内容。")];
            }

            await tx.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (DatabaseErrors.IsConstraintViolation(ex.InnerException))
        {
            // A constraint the checks above did not foresee; any other failure is not the file's fault and propagates.
            await tx.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return ["数据库拒绝了文件中的内容（例如重复的编号），没有导入任何内容。"];
        }

        await snapshot.ReloadAsync(cancellationToken);
        if (keys.Count > 0)
        {
            keyBackup.ReloadKeyRing();
        }

        return [];
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Import failed: the database could not be written ({Error}). Nothing was imported.")]
    private static partial void LogUnavailable(ILogger logger, Exception exception, string error);

    /// <summary>Adds a file's content; only called once <see cref="BackupValidator"/> found no problem, so every date and name reads.</summary>
    private void AddContent(BackupFile file)
    {
        foreach (var l in file.Laws)
        {
            db.Laws.Add(new LawEntity
            {
                Id = l.Id,
                Title = l.Title,
                ShortTitle = l.ShortTitle,
                DocumentNumber = l.DocumentNumber,
                Issuer = l.Issuer,
                Adopted = OptionalDate(l.Adopted),
                Amended = OptionalDate(l.Amended),
                Effective = RequiredDate(l.Effective),
                Status = LawStatusNames.TryParse(l.Status, out var status) ? status : throw Unvalidated(),
                SupersededBy = l.SupersededBy,
                InForceUntil = OptionalDate(l.InForceUntil),
                TextAsOf = RequiredDate(l.TextAsOf),
                SortOrder = l.SortOrder,
                SourceNote = l.SourceNote,
                Articles = l.Articles.Select(a => new ArticleEntity
                {
                    LawId = l.Id,
                    Number = a.Number,
                    Label = a.Label,
                    SortOrder = a.SortOrder,
                    IsRepealed = a.IsRepealed,
                    Text = a.Text,
                    CurrentRevision = a.CurrentRevision,
                    TextAsOf = RequiredDate(a.TextAsOf),
                    Revisions = a.Revisions.Select(r => new ArticleRevisionEntity { Revision = r.Revision, Text = r.Text, Editor = r.Editor, CreatedAtUtc = r.CreatedAtUtc, ChangeNote = r.ChangeNote, EffectiveDate = RequiredDate(r.EffectiveDate) }).ToList(),
                }).ToList(),
            });
        }

        foreach (var a in file.Authorities)
        {
            var id = new AuthorityId(a.Id);
            db.Authorities.Add(AuthorityEntity.From(Read(id, a.Name, a.Hotline, a.Website, a.Handles, a.HowTo, a.Status, a.StatusNote, a.LastVerified), a.Revision, a.SortOrder));
            foreach (var r in a.Revisions)
            {
                var revision = Read(id, r.Name, r.Hotline, r.Website, r.Handles, r.HowTo, r.Status, r.StatusNote, r.LastVerified);
                db.AuthorityRevisions.Add(new AuthorityRevisionEntity
                {
                    AuthorityId = a.Id,
                    Revision = r.Revision,
                    Name = revision.Name,
                    Hotline = revision.Hotline,
                    Website = revision.Website,
                    Handles = revision.Handles,
                    HowTo = revision.HowTo,
                    Status = revision.Status,
                    StatusNote = revision.StatusNote,
                    LastVerified = revision.LastVerified,
                    Editor = r.Editor,
                    CreatedAtUtc = r.CreatedAtUtc,
                    ChangeNote = r.ChangeNote,
                });
            }
        }
    }

    private static string Date(DateOnly date) => ContentRules.FormatDate(date);

    private static string? Date(DateOnly? date) => date is { } d ? ContentRules.FormatDate(d) : null;

    private static DateOnly RequiredDate(string value) => ContentRules.TryParseDate(value, out var d) ? d : throw Unvalidated();

    private static DateOnly? OptionalDate(string? value) => value is null ? null : RequiredDate(value);

    private static Authority Read(AuthorityId id, string name, string? hotline, string? website, string handles, string howTo, string status, string statusNote, string? lastVerified)
    {
        ContentEditor.ValidateAuthority(id, name, hotline, website, handles, howTo, status, statusNote, lastVerified, "-", out var authority);
        return authority ?? throw Unvalidated();
    }

    private static InvalidOperationException Unvalidated() => new("The backup file was imported without passing BackupValidator.");
}
