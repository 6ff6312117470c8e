using LeakRights.Core.Content;
using System.Net;
using LeakRights.Web.Data;
using Microsoft.Extensions.DependencyInjection;

namespace LeakRights.Web.Tests.Data;

public sealed class ContentSnapshotTests
{
    [Fact]
    public async Task ReloadAsync_BadRowsInTheDatabase_AreLeftOutWithALogLineAndTheAppStarts()
    {
        using var first = new LeakRightsFactory();
        first.CreateClient().Dispose();
        await using (var db = first.CreateDbContext())
        {
            // The red-team pair: both would be 'pipl#4#7' in the snapshot.
            db.Laws.Add(Law("pipl#4", new ArticleEntity { LawId = "pipl#4", Number = "7", Label = "第七条", Text = "甲", CurrentRevision = 1, TextAsOf = "2026-01-01", Revisions = [Revision("甲")] }));
            db.Articles.Add(new ArticleEntity { LawId = "pipl", Number = "4#7", Label = "第四条", Text = "乙", CurrentRevision = 1, TextAsOf = "2026-01-01", Revisions = [Revision("乙")] });
            var longText = new string('长', 1_002_000);
            db.Articles.Add(new ArticleEntity { LawId = "civil-code", Number = "9999", Label = "第九千九百九十九条", Text = longText, CurrentRevision = 1, TextAsOf = "2026-01-01", Revisions = [Revision(longText)] });
            db.Authorities.Add(new AuthorityEntity { Id = "evil", Name = "假部门", Website = "javascript:alert(1)", Handles = "x", HowTo = "x", Status = "not-confirmed", StatusNote = "x" });
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
        Assert.Null(snapshot.FindArticle(new CitationRef("civil-code", "9999")));
        Assert.Null(snapshot.FindAuthority(new AuthorityId("evil")));
        Assert.NotNull(snapshot.FindArticle(new CitationRef("pipl", "47")));
        Assert.Equal(4, snapshot.Refused.Count);
    }

    [Fact]
    public void Constructor_NullsInRows_RefusesThoseRowsAndKeepsTheRest()
    {
        var good = new ArticleEntity { LawId = "pipl", Number = "1", Label = "第一条", Text = "文本", CurrentRevision = 1, TextAsOf = "2026-01-01", Revisions = [Revision("文本")] };
        var nullText = new ArticleEntity { LawId = "pipl", Number = "2", Label = "第二条", Text = null!, CurrentRevision = 1, TextAsOf = "2026-01-01" };
        var nullTitle = Law("civil-code");
        nullTitle.Title = null!;
        var authorities = new[]
        {
            new AuthorityEntity { Id = null!, Name = "甲", Handles = "x", HowTo = "x", Status = "not-confirmed", StatusNote = "x" },
            new AuthorityEntity { Id = "court", Name = null!, Handles = "x", HowTo = "x", Status = "not-confirmed", StatusNote = "x" },
            new AuthorityEntity { Id = "procuratorate", Name = "检察院", Handles = "x", HowTo = "x", Status = "not-confirmed", StatusNote = "x" },
        };

        var snapshot = new ContentSnapshot([Law("pipl", good, nullText), nullTitle], authorities);

        Assert.NotNull(snapshot.FindArticle(new CitationRef("pipl", "1")));
        Assert.Null(snapshot.FindArticle(new CitationRef("pipl", "2")));
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
        Effective = "2021-11-01",
        Status = "in-force",
        TextAsOf = "2026-01-01",
        SourceNote = "测试",
        Articles = [.. articles],
    };

    private static ArticleRevisionEntity Revision(string text) =>
        new() { Revision = 1, Text = text, Editor = "test", CreatedAtUtc = LeakRightsFactory.Now.UtcDateTime, ChangeNote = "测试", EffectiveDate = "2021-11-01" };
}
