using LeakRights.Core.Content;
using System.Net;
using LeakRights.Web.Data;
using LeakRights.Web.Tests.Pages.Admin;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LeakRights.Web.Tests.Data;

public sealed class ContentSnapshotTests
{
    private static readonly DateOnly AsOf = new(2026, 1, 1);
    private static readonly DateOnly InForce = new(2021, 11, 1);

    [Fact]
    public async Task ReloadAsync_BadRowsInTheDatabase_AreLeftOutWithALogLineAndTheAppStarts()
    {
        using var first = new LeakRightsFactory();
        first.CreateClient().Dispose();
        await using (var db = first.CreateDbContext())
        {
            // The red-team pair: both would be 'pipl#4#7' in the snapshot.
            db.Laws.Add(Law("pipl#4", new ArticleEntity { LawId = "pipl#4", Number = "7", Label = "第七条", Text = "甲", CurrentRevision = 1, TextAsOf = AsOf, Revisions = [Revision("甲")] }));
            db.Articles.Add(new ArticleEntity { LawId = "pipl", Number = "4#7", Label = "第四条", Text = "乙", CurrentRevision = 1, TextAsOf = AsOf, Revisions = [Revision("乙")] });
            var longText = new string('长', 1_002_000);
            db.Articles.Add(new ArticleEntity { LawId = "civil-code", Number = "9999", Label = "第九千九百九十九条", Text = longText, CurrentRevision = 1, TextAsOf = AsOf, Revisions = [Revision(longText)] });
            db.Authorities.Add(new AuthorityEntity { Id = "evil", Name = "假部门", Website = "javascript:alert(1)", Handles = "x", HowTo = "x", Status = ConfirmationStatus.NotConfirmed, StatusNote = "x" });
            await db.SaveChangesAsync();
        }

        using var second = LeakRightsFactory.Sharing(first.DatabaseName);
        using var client = second.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/statutes/pipl")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/statutes/civil-code")).StatusCode);
        var logs = second.Logs.All;
        Assert.Contains("law 'pipl#4'", logs, StringComparison.Ordinal);
        Assert.Contains("article 'pipl#4#7'", logs, StringComparison.Ordinal);
        Assert.Contains("article 'civil-code#9999'", logs, StringComparison.Ordinal);
        Assert.Contains("authority 'evil'", logs, StringComparison.Ordinal);
        var snapshot = second.Services.GetRequiredService<ContentSnapshotProvider>().Current;
        Assert.False(snapshot.TryFindArticle(new CitationRef("civil-code", "9999"), out _, out _));
        Assert.Null(snapshot.FindAuthority(new AuthorityId("evil")));
        Assert.True(snapshot.TryFindArticle(new CitationRef("pipl", "47"), out _, out _));
        Assert.Equal(4, snapshot.Refused.Count);
    }

    [Fact]
    public async Task ReloadAsync_PublishedIncidentRowsChangedByHand_AreLeftOutWithALogLineAndTheAppStarts()
    {
        using var first = new LeakRightsFactory();
        using (var staff = await AdminSession.SignedInAsync(first))
        {
            foreach (var slug in new[] { "good-incident", "bad-status", "bad-type", "bad-url", "bad-date", "future-date" })
            {
                await LeakRights.Web.Tests.Pages.Incidents.IncidentAdmin.CreateAsync(staff, slug, "单位 " + slug);
            }
        }

        await using (var db = first.CreateDbContext())
        {
            // Quoted names: the same SQL on SQLite and PostgreSQL.
            await db.Database.ExecuteSqlRawAsync("""UPDATE "Incidents" SET "Status" = 'rumour' WHERE "Slug" = 'bad-status'""");
            await db.Database.ExecuteSqlRawAsync("""UPDATE "Incidents" SET "DataTypes" = 'identity,dna' WHERE "Slug" = 'bad-type'""");
            await db.Database.ExecuteSqlRawAsync("""UPDATE "IncidentSources" SET "Url" = 'javascript:alert(1)' WHERE "IncidentId" = (SELECT "Id" FROM "Incidents" WHERE "Slug" = 'bad-url')""");
            await db.Database.ExecuteSqlRawAsync("""UPDATE "Incidents" SET "BecamePublicOn" = '2026-02-30' WHERE "Slug" = 'bad-date'""");
            await db.Database.ExecuteSqlRawAsync("""UPDATE "Incidents" SET "BecamePublicOn" = '2030-01-01' WHERE "Slug" = 'future-date'""");
        }

        using var second = LeakRightsFactory.Sharing(first);
        using var client = second.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/incidents/good-incident")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/incidents/bad-url")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/incidents")).StatusCode);
        var snapshot = second.Services.GetRequiredService<ContentSnapshotProvider>().Current;
        Assert.Equal(["good-incident"], snapshot.PublishedIncidents.Select(i => i.Slug));
        var logs = second.Logs.All;
        Assert.Contains("incident 'bad-status'", logs, StringComparison.Ordinal);
        Assert.Contains("incident 'bad-type'", logs, StringComparison.Ordinal);
        Assert.Contains("incident 'bad-url'", logs, StringComparison.Ordinal);
        Assert.Contains("incident 'bad-date' (row", logs, StringComparison.Ordinal);
        Assert.Contains("a stored date is not a date", logs, StringComparison.Ordinal);
        Assert.Contains("incident 'future-date'", logs, StringComparison.Ordinal);
        Assert.Equal(5, snapshot.Refused.Count(r => r.Row.StartsWith("incident", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ReloadAsync_StoredDatesAndStatusesThatDoNotRead_AreLeftOutWithALogLineAndTheAppStarts()
    {
        using var first = new LeakRightsFactory();
        first.CreateClient().Dispose();
        await using (var db = first.CreateDbContext())
        {
            // Rows changed by hand in the database (quoted names: the same SQL on SQLite and PostgreSQL): the columns are TEXT, so anything can be there. None of these rows holds an
            // article the rules cite: one that did would stop start-up (StartupTests.Start_CitedArticleRowDamaged_…).
            await db.Database.ExecuteSqlRawAsync("""UPDATE "Laws" SET "Status" = 'repealed' WHERE "Id" = 'criminal-law-amendment-9'""");
            await db.Database.ExecuteSqlRawAsync("""UPDATE "Laws" SET "Adopted" = '2016-11-31' WHERE "Id" = 'cybersecurity-law-2016'""");
            await db.Database.ExecuteSqlRawAsync("""UPDATE "Articles" SET "TextAsOf" = 'yesterday' WHERE "LawId" = 'pipl' AND "Number" = '4'""");
            await db.Database.ExecuteSqlRawAsync("""UPDATE "ArticleRevisions" SET "EffectiveDate" = '' WHERE "ArticleId" = (SELECT "Id" FROM "Articles" WHERE "LawId" = 'pipl' AND "Number" = '10')""");
            await db.Database.ExecuteSqlRawAsync("""UPDATE "Authorities" SET "Status" = 'Confirmed' WHERE "Id" = 'court'""");
            await db.Database.ExecuteSqlRawAsync("""UPDATE "Authorities" SET "LastVerified" = '2026/01/01' WHERE "Id" = 'procuratorate'""");
        }

        using var second = LeakRightsFactory.Sharing(first.DatabaseName);
        using var client = second.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/statutes")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/statutes/pipl")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/statutes")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/statutes/criminal-law-amendment-9")).StatusCode);
        var snapshot = second.Services.GetRequiredService<ContentSnapshotProvider>().Current;
        string[] expected =
        [
            "law 'criminal-law-amendment-9': the status is not in-force or superseded",
            "law 'cybersecurity-law-2016': the adopted, amended or in-force-until date is not a date",
            "article 'pipl#4': the text-as-of date is not a date",
            "article 'pipl#10': the latest revision has no effective date",
            "authority 'court': the status is not one of the four known ones",
            "authority 'procuratorate': the last-verified date is not a date",
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), snapshot.Refused.Select(r => $"{r.Row.Split(" (row", StringSplitOptions.None)[0]}: {r.Problem}").Order(StringComparer.Ordinal));
        var logs = second.Logs.All;
        Assert.All(snapshot.Refused, r => Assert.Contains(r.Row, logs, StringComparison.Ordinal));
        Assert.All(snapshot.Refused, r => Assert.Contains(r.Problem, logs, StringComparison.Ordinal));
        Assert.False(snapshot.TryFindArticle(new CitationRef("pipl", "4"), out _, out _));
        Assert.False(snapshot.TryFindArticle(new CitationRef("pipl", "10"), out _, out _));
        Assert.True(snapshot.TryFindArticle(new CitationRef("pipl", "47"), out _, out _));
        Assert.Null(snapshot.FindAuthority(new AuthorityId("court")));
        Assert.Null(snapshot.FindAuthority(new AuthorityId("procuratorate")));
        Assert.NotNull(snapshot.FindAuthority(new AuthorityId("police-110")));

        // An admin can still open the row and fix it: saving writes readable values and the site shows it again.
        using var s = await AdminSession.SignedInAsync(second);
        var (_, page) = await s.GetAsync("/admin/authorities/court");
        var saved = await s.SubmitAsync(page, Fields.Of(
            ("Name", page.QuerySelector<IHtmlInputElement>("#f-name")!.Value),
            ("Hotline", page.QuerySelector<IHtmlInputElement>("#f-hotline")!.Value),
            ("Website", page.QuerySelector<IHtmlInputElement>("#f-website")!.Value),
            ("Handles", page.QuerySelector("#f-handles")!.TextContent.Trim()),
            ("HowTo", page.QuerySelector("#f-howTo")!.TextContent.Trim()),
            ("Status", "not-confirmed"),
            ("StatusNote", page.QuerySelector("#f-statusNote")!.TextContent.Trim()),
            ("LastVerified", string.Empty),
            ("Note", "修复数据库中无法读取的核实状态"),
            ("ExpectedRevision", page.QuerySelector<IHtmlInputElement>("input[name=ExpectedRevision]")!.Value)));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(ConfirmationStatus.NotConfirmed, second.Services.GetRequiredService<ContentSnapshotProvider>().Current.FindAuthority(new AuthorityId("court"))?.Status);
    }

    [Fact]
    public void Constructor_NullsInRows_RefusesThoseRowsAndKeepsTheRest()
    {
        var good = new ArticleEntity { LawId = "pipl", Number = "1", Label = "第一条", Text = "文本", CurrentRevision = 1, TextAsOf = AsOf, Revisions = [Revision("文本")] };
        var nullText = new ArticleEntity { LawId = "pipl", Number = "2", Label = "第二条", Text = null!, CurrentRevision = 1, TextAsOf = AsOf };
        var nullTitle = Law("civil-code");
        nullTitle.Title = null!;
        var authorities = new[]
        {
            new AuthorityEntity { Id = null!, Name = "甲", Handles = "x", HowTo = "x", Status = ConfirmationStatus.NotConfirmed, StatusNote = "x" },
            new AuthorityEntity { Id = "court", Name = null!, Handles = "x", HowTo = "x", Status = ConfirmationStatus.NotConfirmed, StatusNote = "x" },
            new AuthorityEntity { Id = "procuratorate", Name = "检察院", Handles = "x", HowTo = "x", Status = ConfirmationStatus.NotConfirmed, StatusNote = "x" },
        };

        var snapshot = new ContentSnapshot([Law("pipl", good, nullText), nullTitle], authorities);

        Assert.True(snapshot.TryFindArticle(new CitationRef("pipl", "1"), out _, out _));
        Assert.False(snapshot.TryFindArticle(new CitationRef("pipl", "2"), out _, out _));
        Assert.Null(snapshot.FindLaw("civil-code"));
        Assert.NotNull(snapshot.FindAuthority(new AuthorityId("procuratorate")));
        Assert.Null(snapshot.FindAuthority(new AuthorityId("court")));
        Assert.Equal(["article 'pipl#2' (row 0)", "law 'civil-code'", "authority '(null)'", "authority 'court'"], snapshot.Refused.Select(r => r.Row));
    }

    private static LawEntity Law(string id, params ArticleEntity[] articles) => new()
    {
        Id = id,
        Title = "标题",
        ShortTitle = "简称",
        Issuer = "全国人民代表大会常务委员会",
        Effective = InForce,
        Status = LawStatus.InForce,
        TextAsOf = AsOf,
        SourceNote = "测试",
        Articles = [.. articles],
    };

    private static ArticleRevisionEntity Revision(string text) =>
        new() { Revision = 1, Text = text, Editor = "test", CreatedAtUtc = LeakRightsFactory.Now.UtcDateTime, ChangeNote = "测试", EffectiveDate = InForce };
}
