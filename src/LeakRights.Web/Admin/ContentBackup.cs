using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using LeakRights.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LeakRights.Web.Admin;

public sealed record BackupFile(string Format, int Version, DateTime ExportedAtUtc, List<BackupLaw> Laws, List<BackupAuthority> Authorities);

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
/// database that holds only the seeded content (a fresh instance). Round-trips exactly.
/// </summary>
public sealed class ContentBackup(LeakRightsDbContext db, AuditLog audit, ContentSnapshotProvider snapshot)
{
    public const string FormatName = "leakrights-content";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
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
                l.Id, l.Title, l.ShortTitle, l.DocumentNumber, l.Issuer, l.Adopted, l.Amended, l.Effective, l.Status, l.SupersededBy, l.InForceUntil, l.TextAsOf, l.SortOrder, l.SourceNote,
                l.Articles.OrderBy(a => a.SortOrder).ThenBy(a => a.Number, StringComparer.Ordinal).Select(a => new BackupArticle(
                    a.Number, a.Label, a.SortOrder, a.IsRepealed, a.Text, a.CurrentRevision, a.TextAsOf,
                    a.Revisions.OrderBy(r => r.Revision).Select(r => new BackupArticleRevision(r.Revision, r.Text, r.Editor, r.CreatedAtUtc, r.ChangeNote, r.EffectiveDate)).ToList())).ToList())).ToList(),
            authorities.Select(a => new BackupAuthority(
                a.Id, a.Name, a.Hotline, a.Website, a.Handles, a.HowTo, a.Status, a.StatusNote, a.LastVerified, a.Revision, a.SortOrder,
                authorityRevisions[a.Id].OrderBy(r => r.Revision).Select(r => new BackupAuthorityRevision(
                    r.Revision, r.Name, r.Hotline, r.Website, r.Handles, r.HowTo, r.Status, r.StatusNote, r.LastVerified, r.Editor, r.CreatedAtUtc, r.ChangeNote)).ToList())).ToList());
    }

    /// <summary>True when every revision in the database came from the seeds: nothing an admin wrote would be lost by an import.</summary>
    public async Task<bool> HoldsOnlySeedContentAsync(CancellationToken cancellationToken = default) =>
        !await db.ArticleRevisions.AnyAsync(r => r.Editor != ContentSeeder.SeedEditor, cancellationToken)
        && !await db.AuthorityRevisions.AnyAsync(r => r.Editor != ContentSeeder.SeedEditor, cancellationToken);

    /// <summary>Replaces the seeded content with the file's. Returns an error message in Chinese, or null on success.</summary>
    public async Task<string?> ImportAsync(Stream json, string actor, string? ip, CancellationToken cancellationToken = default)
    {
        BackupFile? file;
        try
        {
            file = await JsonSerializer.DeserializeAsync<BackupFile>(json, Json, cancellationToken);
        }
        catch (JsonException)
        {
            return "文件不是有效的导出文件（JSON 格式错误）。";
        }

        if (file is null || file.Format != FormatName || file.Version != 1 || file.Laws is null || file.Authorities is null)
        {
            return "文件不是 LeakRights 导出的内容文件（format/version 不对）。";
        }

        if (file.Laws.Any(l => l.Articles is null || l.Articles.Any(a => a.Revisions is null || a.Revisions.Count == 0 || a.Revisions.Max(r => r.Revision) != a.CurrentRevision))
            || file.Authorities.Any(a => a.Revisions is null || a.Revisions.Count == 0 || a.Revisions.Max(r => r.Revision) != a.Revision))
        {
            return "文件内容不完整：每条条文和每个部门都需要完整的修订历史。";
        }

        if (!await HoldsOnlySeedContentAsync(cancellationToken))
        {
            return "只能导入到尚未修改过内容的空数据库中（这里已有管理员的修改）。";
        }

        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        db.ArticleRevisions.RemoveRange(db.ArticleRevisions);
        db.Articles.RemoveRange(db.Articles);
        db.Laws.RemoveRange(db.Laws);
        db.AuthorityRevisions.RemoveRange(db.AuthorityRevisions);
        db.Authorities.RemoveRange(db.Authorities);
        await db.SaveChangesAsync(cancellationToken);

        foreach (var l in file.Laws)
        {
            db.Laws.Add(new LawEntity
            {
                Id = l.Id,
                Title = l.Title,
                ShortTitle = l.ShortTitle,
                DocumentNumber = l.DocumentNumber,
                Issuer = l.Issuer,
                Adopted = l.Adopted,
                Amended = l.Amended,
                Effective = l.Effective,
                Status = l.Status,
                SupersededBy = l.SupersededBy,
                InForceUntil = l.InForceUntil,
                TextAsOf = l.TextAsOf,
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
                    TextAsOf = a.TextAsOf,
                    Revisions = a.Revisions.Select(r => new ArticleRevisionEntity { Revision = r.Revision, Text = r.Text, Editor = r.Editor, CreatedAtUtc = r.CreatedAtUtc, ChangeNote = r.ChangeNote, EffectiveDate = r.EffectiveDate }).ToList(),
                }).ToList(),
            });
        }

        foreach (var a in file.Authorities)
        {
            db.Authorities.Add(new AuthorityEntity
            {
                Id = a.Id,
                Name = a.Name,
                Hotline = a.Hotline,
                Website = a.Website,
                Handles = a.Handles,
                HowTo = a.HowTo,
                Status = a.Status,
                StatusNote = a.StatusNote,
                LastVerified = a.LastVerified,
                Revision = a.Revision,
                SortOrder = a.SortOrder,
            });
            db.AuthorityRevisions.AddRange(a.Revisions.Select(r => new AuthorityRevisionEntity
            {
                AuthorityId = a.Id,
                Revision = r.Revision,
                Name = r.Name,
                Hotline = r.Hotline,
                Website = r.Website,
                Handles = r.Handles,
                HowTo = r.HowTo,
                Status = r.Status,
                StatusNote = r.StatusNote,
                LastVerified = r.LastVerified,
                Editor = r.Editor,
                CreatedAtUtc = r.CreatedAtUtc,
                ChangeNote = r.ChangeNote,
            }));
        }

        audit.Add(AuditKinds.Imported, actor, null, $"{file.Laws.Count} laws, {file.Authorities.Count} authorities", ip);
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        await snapshot.ReloadAsync(cancellationToken);
        return null;
    }
}
