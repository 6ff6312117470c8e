using LeakRights.Core.Content;
using Microsoft.EntityFrameworkCore;

namespace LeakRights.Web.Data;

/// <summary>
/// Idempotent seeding: inserts laws, articles and authorities from seeds/ that are missing by stable id,
/// and never touches a row that exists (so an admin's edit survives every restart). It reads and writes in one transaction,
/// run under the start-up lock (<see cref="DatabaseSetup.MigrateAndSeedAsync"/>): on SQLite that transaction is itself the
/// lock (BEGIN IMMEDIATE), so a second instance seeding at the same time waits and then finds every row.
/// </summary>
public sealed partial class ContentSeeder(LeakRightsDbContext db, ContentBundle content, TimeProvider time, ILogger<ContentSeeder> logger)
{
    public const string SeedEditor = "seed";
    public const string SeedNote = "初始导入：来自法律资料包（seeds/statutes）";
    public const string AuthoritySeedNote = "初始导入：来自 seeds/authorities.json";

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var laws = await db.Laws.Include(l => l.Articles).ToDictionaryAsync(l => l.Id, StringComparer.Ordinal, cancellationToken);
        var addedArticles = 0;
        foreach (var law in content.Laws)
        {
            if (!laws.TryGetValue(law.Id, out var entity))
            {
                entity = new LawEntity
                {
                    Id = law.Id,
                    Title = law.Title,
                    ShortTitle = law.ShortTitle,
                    DocumentNumber = law.DocumentNumber,
                    Issuer = law.Issuer,
                    Adopted = law.Adopted,
                    Amended = law.Amended,
                    Effective = law.Effective,
                    Status = law.Status,
                    SupersededBy = law.SupersededBy,
                    InForceUntil = law.InForceUntil,
                    TextAsOf = law.TextAsOf,
                    SortOrder = law.Order,
                    SourceNote = law.SourceNote,
                };
                db.Laws.Add(entity);
            }

            for (var i = 0; i < law.Articles.Count; i++)
            {
                var article = law.Articles[i];
                if (entity.Articles.Any(a => a.Number == article.Number))
                {
                    continue;
                }

                var a = new ArticleEntity
                {
                    LawId = law.Id,
                    Number = article.Number,
                    Label = article.Label,
                    SortOrder = (i + 1) * 10,
                    Text = article.Text,
                    CurrentRevision = article.Revision,
                    TextAsOf = article.TextAsOf,
                    IsRepealed = article.Repealed,
                };
                a.Revisions.Add(new ArticleRevisionEntity
                {
                    Revision = article.Revision,
                    Text = article.Text,
                    Editor = SeedEditor,
                    CreatedAtUtc = now,
                    ChangeNote = SeedNote,
                    EffectiveDate = article.Effective,
                });
                entity.Articles.Add(a);
                addedArticles++;
            }
        }

        var authorityIds = await db.Authorities.Select(a => a.Id).ToListAsync(cancellationToken);
        var addedAuthorities = 0;
        for (var i = 0; i < content.Authorities.Count; i++)
        {
            var a = content.Authorities[i];
            if (authorityIds.Contains(a.Id.Value))
            {
                continue;
            }

            var authority = AuthorityEntity.From(a, revision: 1, sortOrder: (i + 1) * 10);
            db.Authorities.Add(authority);
            db.AuthorityRevisions.Add(AuthorityRevisionEntity.Of(authority, SeedEditor, now, AuthoritySeedNote));
            addedAuthorities++;
        }

        // Databases created before authority history existed: give every authority its first revision.
        var withHistory = await db.AuthorityRevisions.Select(r => r.AuthorityId).Distinct().ToListAsync(cancellationToken);
        foreach (var a in await db.Authorities.Where(a => !withHistory.Contains(a.Id)).ToListAsync(cancellationToken))
        {
            db.AuthorityRevisions.Add(AuthorityRevisionEntity.Of(a, SeedEditor, now, AuthoritySeedNote));
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (addedArticles + addedAuthorities > 0)
        {
            LogSeeded(logger, addedArticles, addedAuthorities);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded {Articles} articles and {Authorities} authorities from seeds/")]
    private static partial void LogSeeded(ILogger logger, int articles, int authorities);
}

/// <summary>Chinese wording of <see cref="ConfirmationStatus"/> for pages; names in files and the API come from <see cref="ConfirmationStatusNames"/>.</summary>
public static class AuthorityStatus
{
    /// <summary>The status in plain Chinese, for the plan and the authority list.</summary>
    public static string Describe(ConfirmationStatus status) => status switch
    {
        ConfirmationStatus.ConfirmedLawText => "已核实（法律法规条文）",
        ConfirmationStatus.ConfirmedOfficialPage => "已核实（政府网站）",
        ConfirmationStatus.ConfirmedThirdParty => "来自第三方转载，尚未在官方网站核实",
        _ => "尚未核实",
    };
}
