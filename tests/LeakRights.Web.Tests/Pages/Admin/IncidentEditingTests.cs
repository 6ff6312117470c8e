using System.Net;
using LeakRights.Web.Data;
using LeakRights.Web.Tests.Pages.Incidents;
using Microsoft.EntityFrameworkCore;

namespace LeakRights.Web.Tests.Pages.Admin;

/// <summary>
/// The incident registry in the admin area (issue 16): create, revise, publish, unpublish, each a revision with an audit row;
/// every validation error shows the form again with what was typed. Each test uses its own slug.
/// </summary>
public sealed class IncidentEditingTests(LeakRightsFactory factory) : IClassFixture<LeakRightsFactory>
{
    [Fact]
    public async Task Create_ValidForm_IsUnpublishedRevisionOneWithAuditAndPublicNotFound()
    {
        using var s = await AdminSession.SignedInAsync(factory);

        var response = await IncidentAdmin.PostNewAsync(s, IncidentAdmin.Fields("created-only", "甲快递公司"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin/incidents/created-only?saved=1", response.Headers.Location!.OriginalString);
        await using var db = factory.CreateDbContext();
        var row = await db.Incidents.Include(i => i.Sources).SingleAsync(i => i.Slug == "created-only");
        Assert.False(row.IsPublished);
        Assert.Equal(1, row.CurrentRevision);
        Assert.Equal("identity,contact,address", row.DataTypes);
        Assert.Equal("https://example.com/notice/1", Assert.Single(row.Sources).Url);
        Assert.Single(await db.IncidentRevisions.Where(r => r.IncidentId == row.Id).ToListAsync());
        Assert.Contains(await db.AuditEntries.ToListAsync(), e => e.Kind == AuditKinds.IncidentCreated && e.Target == "created-only" && e.Actor == "editor");
        using var anonymous = new WebSession(factory);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/incidents/created-only")).Response.StatusCode);
    }

    [Fact]
    public async Task Edit_Twice_HistoryShowsEveryRevisionWithNoteAndDiff()
    {
        using var s = await AdminSession.SignedInAsync(factory);
        await IncidentAdmin.CreateAsync(s, "revised-twice", "乙酒店集团", publish: false);

        var response = await IncidentAdmin.EditAsync(s, "revised-twice", ("Input.Summary", "乙酒店集团确认约五千万条入住记录被泄露，涉及姓名和身份证号。"), ("Input.Note", "依据第二份公告更新"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin/incidents/revised-twice?saved=2", response.Headers.Location!.OriginalString);
        var (_, history) = await s.GetAsync("/admin/incidents/revised-twice/history");
        var rows = history.QuerySelectorAll("tr[data-revision]").ToList();
        Assert.Equal(["2", "1"], rows.Select(r => r.GetAttribute("data-revision")!));
        Assert.Contains("依据第二份公告更新", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("五千万条", history.QuerySelector(".diff ins")!.TextContent + string.Concat(history.QuerySelectorAll(".diff ins").Select(i => i.TextContent)), StringComparison.Ordinal);
        await using var db = factory.CreateDbContext();
        Assert.Contains(await db.AuditEntries.ToListAsync(), e => e.Kind == AuditKinds.IncidentEdited && e.Target == "revised-twice" && e.Detail!.Contains("依据第二份公告更新", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PublishThenUnpublish_PublicPageAppearsThenIsNotFound_EachARevisionAndAuditRow()
    {
        using var s = await AdminSession.SignedInAsync(factory);
        await IncidentAdmin.CreateAsync(s, "published-withdrawn", "丙电商平台", publish: false);
        using var anonymous = new WebSession(factory);

        await IncidentAdmin.PublishAsync(s, "published-withdrawn", "Publish");
        var (shown, page) = await anonymous.GetAsync("/incidents/published-withdrawn");
        await IncidentAdmin.PublishAsync(s, "published-withdrawn", "Unpublish");
        var (gone, _) = await anonymous.GetAsync("/incidents/published-withdrawn");
        var (apiGone, _) = await anonymous.GetAsync("/api/v1/incidents/published-withdrawn");

        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        Assert.Contains("丙电商平台", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, apiGone.StatusCode);
        await using var db = factory.CreateDbContext();
        var row = await db.Incidents.SingleAsync(i => i.Slug == "published-withdrawn");
        var revisions = await db.IncidentRevisions.Where(r => r.IncidentId == row.Id).OrderBy(r => r.Revision).ToListAsync();
        Assert.Equal([false, true, false], revisions.Select(r => r.IsPublished));
        var kinds = (await db.AuditEntries.Where(e => e.Target == "published-withdrawn").OrderBy(e => e.Id).ToListAsync()).Select(e => e.Kind);
        Assert.Equal([AuditKinds.IncidentCreated, AuditKinds.IncidentPublished, AuditKinds.IncidentUnpublished], kinds);
    }

    public static TheoryData<string, string?, string, string> InvalidFields() => new()
    {
        // field, value, error key (the summary links to #f-key), a word of the Chinese message
        { "Input.Slug", "Bad_Slug", "slug", "小写英文字母" },
        { "Input.Slug", "ab", "slug", "3–60" },
        { "Input.Slug", "-leading-hyphen", "slug", "连字符" },
        { "Input.Organisation", "   ", "organisation", "涉事单位" },
        { "Input.Organisation", new string('名', 101), "organisation", "最多 100" },
        { "Input.Source", "spaceship", "source", "单位的类型" },
        { "Input.DataTypes", "identity,dna", "dataTypes", "只能从列表中选择" },
        { "Input.DataTypes", null, "dataTypes", "至少选择一种" },
        { "Input.Scale", "millions", "scale", "规模" },
        { "Input.OccurredOn", "2026-13-01", "occurredOn", "YYYY-MM-DD" },
        { "Input.OccurredOn", "2026-11-28", "occurredOn", "不能晚于今天" },
        { "Input.BecamePublicOn", "2026-11-28", "becamePublicOn", "不能晚于今天" },
        { "Input.BecamePublicOn", "2026-09-30", "becamePublicOn", "不能早于发生日期" },
        { "Input.BecamePublicOn", null, "becamePublicOn", "YYYY-MM-DD" },
        { "Input.Summary", "太短了", "summary", "至少 10 个字" },
        { "Input.Summary", new string('字', 2001), "summary", "最多 2000" },
        { "Input.Status", "rumour", "status", "核实状态" },
        { "Input.ModerationNote", new string('注', 2001), "moderationNote", "最多 2000" },
        { "Input.Sources[0].Url", "ftp://example.com/x", "sources-0-url", "http://" },
        { "Input.Sources[0].Url", "/relative/notice", "sources-0-url", "完整网址" },
        { "Input.Sources[0].Url", "javascript:alert(1)", "sources-0-url", "http://" },
        { "Input.Sources[0].Title", "", "sources-0-title", "标题" },
        { "Input.Sources[0].Kind", "blog", "sources-0-kind", "来源类型" },
        { "Input.Sources[0].PublishedOn", "yesterday", "sources-0-publishedOn", "YYYY-MM-DD" },
        { "Input.Sources[0].PublishedOn", "2026-12-01", "sources-0-publishedOn", "不能晚于今天" },
    };

    [Theory]
    [MemberData(nameof(InvalidFields))]
    public async Task Create_InvalidField_ReshowsFormWithChineseErrorAndEveryValueKept(string field, string? value, string key, string message)
    {
        using var s = await AdminSession.SignedInAsync(factory);
        // A slug of its own per case, so a case that wrongly saves cannot make another case fail.
        var slug = "invalid-" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(field + "=" + value)))[..12].ToLowerInvariant();

        var response = await IncidentAdmin.PostNewAsync(s, IncidentAdmin.Fields(slug, "丁银行", (field, value)));
        var page = await WebSession.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = page.QuerySelector("[data-error-summary]")!;
        Assert.Contains(message, summary.TextContent, StringComparison.Ordinal);
        Assert.NotNull(summary.QuerySelector($"a[href='#f-{key}']"));
        Assert.Single(summary.QuerySelectorAll("li"));
        // Everything typed is still there, the bad value included.
        if (field != "Input.Slug")
        {
            Assert.Equal(slug, page.QuerySelector<IHtmlInputElement>("input[name='Input.Slug']")!.Value);
        }

        Assert.Equal("2026-10-01", field == "Input.OccurredOn" ? "2026-10-01" : page.QuerySelector<IHtmlInputElement>("input[name='Input.OccurredOn']")!.Value);
        Assert.Equal("https://example.com/notice/1", field == "Input.Sources[0].Url" ? "https://example.com/notice/1" : page.QuerySelector<IHtmlInputElement>("input[name='Input.Sources[0].Url']")!.Value);
        Assert.Equal("内部：还在等监管部门回复", field == "Input.ModerationNote" ? "内部：还在等监管部门回复" : page.QuerySelector("textarea[name='Input.ModerationNote']")!.TextContent.Trim());
        if (value is not null && field is not "Input.DataTypes" and not "Input.Source" and not "Input.Scale" and not "Input.Status" and not "Input.Sources[0].Kind")
        {
            var element = page.QuerySelector($"[name='{field}']")!;
            Assert.Equal(value.Trim(), (element is IHtmlInputElement input ? input.Value : element.TextContent).Trim());
        }

        Assert.Equal(field == "Input.DataTypes" ? value is null ? 0 : 1 : 3, page.QuerySelectorAll("input[name='Input.DataTypes']:checked").Length);
        await using var db = factory.CreateDbContext();
        Assert.False(await db.Incidents.AnyAsync(i => i.Slug == slug));
    }

    [Fact]
    public async Task Create_NoSourceAtAll_IsRefusedSoNothingIsPublishedWithoutOne()
    {
        using var s = await AdminSession.SignedInAsync(factory);

        var response = await IncidentAdmin.PostNewAsync(s, IncidentAdmin.Fields("no-source", "戊医院",
            ("Input.Sources[0].Kind", null), ("Input.Sources[0].Title", null), ("Input.Sources[0].Url", null), ("Input.Sources[0].PublishedOn", null)));
        var page = await WebSession.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("请至少填写一个来源", page.QuerySelector("[data-error-summary]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_SeveralSourcesWithEmptyRowsBetween_KeepsTheFilledOnesInOrder()
    {
        using var s = await AdminSession.SignedInAsync(factory);

        // As a browser posts the form: every row, the empty second one included.
        await IncidentAdmin.CreateAsync(s, "several-sources", "己保险公司", publish: false,
            ("Input.Sources[1].Kind", ""), ("Input.Sources[1].Title", ""), ("Input.Sources[1].Url", " "), ("Input.Sources[1].PublishedOn", ""),
            ("Input.Sources[2].Kind", "press"), ("Input.Sources[2].Title", "媒体报道"), ("Input.Sources[2].Url", "http://news.example.org/a?b=1"), ("Input.Sources[2].PublishedOn", "2026-11-21"));

        await using var db = factory.CreateDbContext();
        var row = await db.Incidents.Include(i => i.Sources).SingleAsync(i => i.Slug == "several-sources");
        Assert.Equal(["https://example.com/notice/1", "http://news.example.org/a?b=1"], row.Sources.OrderBy(x => x.SortOrder).Select(x => x.Url));
    }

    [Fact]
    public async Task Create_DuplicateSlug_ReshowsWithError()
    {
        using var s = await AdminSession.SignedInAsync(factory);
        await IncidentAdmin.CreateAsync(s, "taken-slug", "庚公司", publish: false);

        var response = await IncidentAdmin.PostNewAsync(s, IncidentAdmin.Fields("taken-slug", "辛公司"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("已经有事件使用这个网址名", (await WebSession.ParseAsync(response)).QuerySelector("[data-error-summary]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Edit_WithoutChangeNote_ReshowsWithErrorAndKeepsText()
    {
        using var s = await AdminSession.SignedInAsync(factory);
        await IncidentAdmin.CreateAsync(s, "edit-no-note", "壬公司", publish: false);

        var response = await IncidentAdmin.EditAsync(s, "edit-no-note", ("Input.Summary", "新的情况说明，还没有写修改说明。"), ("Input.Note", ""));
        var page = await WebSession.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("请填写修改说明", page.QuerySelector("[data-error-summary]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("新的情况说明，还没有写修改说明。", page.QuerySelector("textarea[name='Input.Summary']")!.TextContent.Trim());
    }

    [Fact]
    public async Task Edit_StaleRevision_IsAConflictThatKeepsTheTypedText()
    {
        using var s = await AdminSession.SignedInAsync(factory);
        await IncidentAdmin.CreateAsync(s, "edited-concurrently", "癸公司", publish: false);
        var (_, stale) = await s.GetAsync("/admin/incidents/edited-concurrently");
        await IncidentAdmin.EditAsync(s, "edited-concurrently", ("Input.Note", "另一位同事先保存"));

        var fields = IncidentAdmin.Fields("edited-concurrently", "癸公司", ("Input.Summary", "我这边写的新说明，不能丢。"), ("Input.Note", "我的修改")).Append(new("ExpectedRevision", "1"));
        var response = await s.SubmitAsync(stale, fields, action: "/admin/incidents/edited-concurrently?handler=Save");
        var page = await WebSession.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(page.QuerySelector("[data-conflict]"));
        Assert.Equal("我这边写的新说明，不能丢。", page.QuerySelector("textarea[name='Input.Summary']")!.TextContent.Trim());
        Assert.Equal("2", IncidentAdmin.Revision(page));
    }

    [Fact]
    public async Task Publish_StaleRevision_IsRefusedAndNothingChanges()
    {
        using var s = await AdminSession.SignedInAsync(factory);
        await IncidentAdmin.CreateAsync(s, "publish-stale", "子公司", publish: false);
        var (_, page) = await s.GetAsync("/admin/incidents/publish-stale");

        var response = await s.SubmitAsync(page, Fields.Of(("ExpectedRevision", "7")), "form[data-publish-form]", "/admin/incidents/publish-stale?handler=Publish");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = factory.CreateDbContext();
        Assert.False((await db.Incidents.SingleAsync(i => i.Slug == "publish-stale")).IsPublished);
    }

    [Fact]
    public async Task EditPage_UnknownOrMalformedSlug_IsNotFound()
    {
        using var s = await AdminSession.SignedInAsync(factory);

        foreach (var url in new[] { "/admin/incidents/no-such-one", "/admin/incidents/Bad_Slug", "/admin/incidents/no-such-one/history" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await s.GetAsync(url)).Response.StatusCode);
        }
    }

    [Fact]
    public async Task IndexPage_ListsEveryIncidentWithItsExactCount()
    {
        using var s = await AdminSession.SignedInAsync(factory);
        await IncidentAdmin.CreateAsync(s, "counted-for-staff", "丑公司");
        await using (var db = factory.CreateDbContext())
        {
            var id = (await db.Incidents.SingleAsync(i => i.Slug == "counted-for-staff")).Id;
            db.IncidentAffectedCounts.Add(new IncidentAffectedCount { IncidentId = id, Day = new DateOnly(2026, 11, 26), Count = 1234 });
            db.IncidentAffectedCounts.Add(new IncidentAffectedCount { IncidentId = id, Day = new DateOnly(2026, 11, 27), Count = 3 });
            await db.SaveChangesAsync();
        }

        var (_, page) = await s.GetAsync("/admin/incidents");

        var row = page.QuerySelectorAll("tr").Single(r => r.TextContent.Contains("counted-for-staff", StringComparison.Ordinal));
        Assert.Equal("1237", row.QuerySelector("[data-affected-count]")!.TextContent.Trim());
    }
}
