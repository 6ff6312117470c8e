using System.Net;
using System.Text;
using System.Text.Json;
using LeakRights.Web.Admin;
using Microsoft.Extensions.DependencyInjection;

namespace LeakRights.Web.Tests.Pages.Admin;

public sealed class AuthorityAndBackupTests
{
    private static IEnumerable<KeyValuePair<string, string>> AuthorityForm(IDocument page, string hotline, string note) =>
        Fields.Of(
            ("Name", page.QuerySelector<IHtmlInputElement>("#f-name")!.Value),
            ("Hotline", hotline),
            ("Website", page.QuerySelector<IHtmlInputElement>("#f-website")!.Value),
            ("Handles", page.QuerySelector("#f-handles")!.TextContent.Trim()),
            ("HowTo", page.QuerySelector("#f-howTo")!.TextContent.Trim()),
            ("Status", "confirmed-official-page"),
            ("StatusNote", "核实于官方网站。以官方公布为准。"),
            ("LastVerified", "2026-11-20"),
            ("Note", note),
            ("ExpectedRevision", page.QuerySelector<IHtmlInputElement>("input[name=ExpectedRevision]")!.Value));

    [Fact]
    public async Task EditAuthority_NewHotlineShowsInPlansAndHasHistoryAndRestore()
    {
        using var factory = new LeakRightsFactory();
        using var s = await AdminSession.SignedInAsync(factory);
        var (_, page) = await s.GetAsync("/admin/authorities/spb-12305");

        var response = await s.SubmitAsync(page, AuthorityForm(page, "12305-8", "更新号码"));
        using var client = factory.CreateClient();
        var plan = await client.PostAsync("/api/v1/plans", new StringContent("""{"answers":{"source":"courier","data-types":["identity"],"scale":"unknown","discovery":["spam"],"evidence":["none"],"harms":["spam"],"ongoing-danger":"no","police-report":"no","discovered-on":"2026-09"}}""", Encoding.UTF8, "application/json"));
        var spb = JsonDocument.Parse(await plan.Content.ReadAsStringAsync()).RootElement.GetProperty("authorities").EnumerateArray().Single(a => a.GetProperty("id").GetString() == "spb-12305");
        var (_, history) = await s.GetAsync("/admin/authorities/spb-12305/history?from=1&to=2");
        var restore = await s.SubmitAsync(history, Fields.Of(("revision", "1")), "form[action*=Restore]");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("12305-8", spb.GetProperty("hotline").GetString());
        Assert.Equal("confirmed-official-page", spb.GetProperty("status").GetString());
        Assert.Contains("-8", history.QuerySelector(".diff ins")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, restore.StatusCode);
        var (_, after) = await s.GetAsync("/admin/authorities/spb-12305");
        Assert.Contains("12305（区号+12305）", after.QuerySelector<IHtmlInputElement>("#f-hotline")!.Value, StringComparison.Ordinal);
        Assert.Contains("第 3 版", after.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditAuthority_Conflict_KeepsTheSecondAdminsInput()
    {
        using var factory = new LeakRightsFactory();
        using var a = await AdminSession.SignedInAsync(factory, "a-admin");
        using var b = await AdminSession.SignedInAsync(factory, "b-admin");
        var (_, pageA) = await a.GetAsync("/admin/authorities/nhc-12320");
        var (_, pageB) = await b.GetAsync("/admin/authorities/nhc-12320");

        await a.SubmitAsync(pageA, AuthorityForm(pageA, "12320-a", "甲"));
        var conflict = await WebSession.ParseAsync(await b.SubmitAsync(pageB, AuthorityForm(pageB, "12320-b", "乙")));

        Assert.Contains("有人在您编辑期间修改", conflict.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("12320-a", conflict.QuerySelector(".conflict-theirs")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("12320-b", conflict.QuerySelector<IHtmlInputElement>("#f-hotline")!.Value);
    }

    [Fact]
    public async Task EditAuthority_BadWebsite_IsRefusedWithChineseMessage()
    {
        using var factory = new LeakRightsFactory();
        using var s = await AdminSession.SignedInAsync(factory);
        var (_, page) = await s.GetAsync("/admin/authorities/cac-12377");
        var fields = AuthorityForm(page, "12377", "x").Select(f => f.Key == "Website" ? new KeyValuePair<string, string>("Website", "javascript:alert(1)") : f);

        var result = await WebSession.ParseAsync(await s.SubmitAsync(page, fields));

        Assert.Contains("网址请写成", result.QuerySelector("[data-error-summary]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportImport_RoundTripsIntoAFreshDatabase()
    {
        using var source = new LeakRightsFactory();
        using var s = await AdminSession.SignedInAsync(source);
        var (_, edit) = await s.GetAsync("/admin/statutes/pipl/47");
        await s.SubmitAsync(edit, Fields.Of(("Text", "导出测试文本"), ("Note", "导出测试"), ("Effective", "2026-02-01"), ("ExpectedRevision", "1")), action: "/admin/statutes/pipl/47?handler=Save");
        var (_, authority) = await s.GetAsync("/admin/authorities/court");
        await s.SubmitAsync(authority, AuthorityForm(authority, "12368", "法院热线"));

        var exported = await s.Client.GetAsync("/admin/backup?handler=Export");
        var json = await exported.Content.ReadAsByteArrayAsync();

        using var target = new LeakRightsFactory();
        using var t = await AdminSession.SignedInAsync(target, "restorer");
        var (_, backupPage) = await t.GetAsync("/admin/backup");
        var token = backupPage.QuerySelector<IHtmlInputElement>("form[enctype] input[name=__RequestVerificationToken]")!.Value;
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { new StringContent(AdminSession.Password), "password" }, { new ByteArrayContent(json), "file", "backup.json" } };
        var imported = await WebSession.ParseAsync(await t.Client.PostAsync("/admin/backup", form));
        var reexported = await (await t.Client.GetAsync("/admin/backup?handler=Export")).Content.ReadAsByteArrayAsync();

        Assert.Equal("attachment", exported.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Contains("导入完成", imported.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(WithoutTimestamp(json), WithoutTimestamp(reexported));
        var (_, lawPage) = await t.GetAsync("/statutes/pipl");
        Assert.Contains("导出测试文本", lawPage.QuerySelector("#a-47")!.TextContent, StringComparison.Ordinal);

        // A second import would overwrite an admin's work: refused.
        using var again = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { new StringContent(AdminSession.Password), "password" }, { new ByteArrayContent(json), "file", "backup.json" } };
        var refused = await WebSession.ParseAsync(await t.Client.PostAsync("/admin/backup", again));
        Assert.Contains("只能导入到尚未修改过内容的空数据库", refused.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_NotABackup_IsRefusedWithMessage()
    {
        using var factory = new LeakRightsFactory();
        using var scope = (await AdminSession.SignedInAsync(factory)).Client;
        using var services = factory.Services.CreateScope();

        var problem = await services.ServiceProvider.GetRequiredService<ContentBackup>().ImportAsync(new MemoryStream("{\"format\":\"other\"}"u8.ToArray()), "test", null);

        Assert.Contains("不是 LeakRights 导出的内容文件", problem, StringComparison.Ordinal);
    }

    private static string WithoutTimestamp(byte[] json)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(json)!;
        node["exportedAtUtc"] = null;
        return node.ToJsonString();
    }
}
