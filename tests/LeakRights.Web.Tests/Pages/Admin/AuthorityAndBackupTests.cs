using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using LeakRights.Web.Admin;

namespace LeakRights.Web.Tests.Pages.Admin;

/// <summary>
/// Authority editing and the content backup on one shared host: every refused import must leave it exactly as it was, and the
/// edit tests each touch their own authority. Only the round trips need a second, fresh database.
/// </summary>
public sealed partial class AuthorityAndBackupTests(LeakRightsFactory factory) : IClassFixture<LeakRightsFactory>
{
    /// <summary>Each crafted file: how it is made from a valid export, and a word the refusal must contain.</summary>
    private static readonly Dictionary<string, (Func<JsonNode, string> Craft, string Expect)> Crafted = new(StringComparer.Ordinal)
    {
        // The red-team file: law 'pipl#4' with article 7 plus article '4#7' of pipl, both 'pipl#4#7' in the content snapshot.
        ["law-id-with-hash"] = (n =>
        {
            var law = Law(n, "pipl").DeepClone();
            law["id"] = "pipl#4";
            var seven = Article(law, "10").DeepClone();
            seven["number"] = "7";
            seven["label"] = "第七条";
            law["articles"] = new JsonArray(seven);
            Laws(n).Add(law);
            var extra = Article(Law(n, "pipl"), "4").DeepClone();
            extra["number"] = "4#7";
            Articles(Law(n, "pipl")).Add(extra);
            return n.ToJsonString();
        }, "pipl#4"),
        ["duplicate-law"] = (n => { Laws(n).Add(Law(n, "civil-code").DeepClone()); return n.ToJsonString(); }, "出现了 2 次"),
        ["duplicate-article"] = (n => { Articles(Law(n, "pipl")).Add(Article(Law(n, "pipl"), "47").DeepClone()); return n.ToJsonString(); }, "出现了 2 次"),
        ["duplicate-authority"] = (n => { Authorities(n).Add(Authorities(n)[0]!.DeepClone()); return n.ToJsonString(); }, "出现了 2 次"),
        ["null-law-title"] = (n => { Law(n, "pipl")["title"] = null; return n.ToJsonString(); }, "空值"),
        ["null-article-text"] = (n => { Article(Law(n, "pipl"), "47")["text"] = null; return n.ToJsonString(); }, "空值"),
        ["null-revisions"] = (n => { Article(Law(n, "pipl"), "47")["revisions"] = null; return n.ToJsonString(); }, "空值"),
        ["null-revision-entry"] = (n => { Article(Law(n, "pipl"), "47")["revisions"] = new JsonArray((JsonNode?)null); return n.ToJsonString(); }, "空值"),
        ["null-law-entry"] = (n => { Laws(n).Add(null); return n.ToJsonString(); }, "空值"),
        ["null-laws"] = (n => { n["laws"] = null; return n.ToJsonString(); }, "空值"),
        ["null-authority-name"] = (n => { Authorities(n)[0]!["name"] = null; return n.ToJsonString(); }, "空值"),
        ["null-authority-entry"] = (n => { Authorities(n).Add(null); return n.ToJsonString(); }, "空值"),
        ["null-version"] = (n => { n["version"] = null; return n.ToJsonString(); }, "format/version"),
        ["missing-field"] = (n => { Law(n, "pipl").AsObject().Remove("issuer"); return n.ToJsonString(); }, "缺少"),
        ["empty-lists"] = (n => { n["laws"] = new JsonArray(); n["authorities"] = new JsonArray(); return n.ToJsonString(); }, "没有任何法律"),
        ["empty-lists-bare"] = (_ => """{"laws":[],"authorities":[]}""", "不是 LeakRights 导出的内容文件"),
        ["over-long-article"] = (n =>
        {
            var article = Article(Law(n, "pipl"), "47");
            var text = new string('长', 1_002_000);
            article["text"] = text;
            article["revisions"]!.AsArray()[^1]!["text"] = text;
            return n.ToJsonString();
        }, "最多 20000 个字符"),
        ["bad-website"] = (n =>
        {
            var authority = Authorities(n).Single(a => (string?)a!["id"] == "cac-12377")!;
            authority["website"] = "javascript:alert(1)";
            authority["revisions"]!.AsArray()[^1]!["website"] = "javascript:alert(1)";
            return n.ToJsonString();
        }, "网址请写成"),
        ["authority-not-its-latest-revision"] = (n => { Authorities(n).Single(a => (string?)a!["id"] == "gov-12345")!["hotline"] = "12345-9"; return n.ToJsonString(); }, "当前信息与最新一版修订不一致"),
        ["unknown-law-status"] = (n => { Law(n, "npc-decision-2012")["status"] = "repealed"; return n.ToJsonString(); }, "状态只能是 in-force 或 superseded"),
        ["unknown-authority-status"] = (n =>
        {
            var authority = Authorities(n).Single(a => (string?)a!["id"] == "isc-12321")!;
            authority["status"] = "Confirmed";
            authority["revisions"]!.AsArray()[^1]!["status"] = "Confirmed";
            return n.ToJsonString();
        }, "请选择核实状态"),
        ["last-verified-not-a-date"] = (n =>
        {
            var authority = Authorities(n).Single(a => (string?)a!["id"] == "isc-12321")!;
            authority["lastVerified"] = "2026/11/20";
            authority["revisions"]!.AsArray()[^1]!["lastVerified"] = "2026/11/20";
            return n.ToJsonString();
        }, "最近核实日期"),
        ["text-as-of-not-a-date"] = (n => { Article(Law(n, "pipl"), "47")["textAsOf"] = "2026-02-30"; return n.ToJsonString(); }, "文本核对日期"),
        ["revision-effective-not-a-date"] = (n => { Article(Law(n, "pipl"), "47")["revisions"]!.AsArray()[^1]!["effectiveDate"] = "2021-11"; return n.ToJsonString(); }, "施行日期"),
        ["missing-cited-article"] = (n => { Articles(Law(n, "pipl")).Remove(Article(Law(n, "pipl"), "57")); return n.ToJsonString(); }, "pipl#57"),
        // Present but damaged: the import would refuse the row, so the rule's citation would vanish all the same.
        ["damaged-cited-article"] = (n => { Article(Law(n, "pipl"), "57")["label"] = "第一条"; return n.ToJsonString(); }, "步骤 ask-breach-details 引用的 pipl#57 在文件中有错误"),
        ["missing-cited-authority"] = (n => { Authorities(n).Remove(Authorities(n).Single(a => (string?)a!["id"] == "court")); return n.ToJsonString(); }, "court"),
        ["label-not-the-number"] = (n => { Article(Law(n, "pipl"), "47")["label"] = "第一条"; return n.ToJsonString(); }, "条号"),
        ["revision-not-current"] = (n => { Article(Law(n, "pipl"), "47")["currentRevision"] = 5; return n.ToJsonString(); }, "版本"),
        ["law-without-articles"] = (n => { Law(n, "npc-decision-2012")["articles"] = new JsonArray(); return n.ToJsonString(); }, "没有任何条文"),
        ["damaged-key"] = (n =>
        {
            var key = XElement.Parse((string)Keys(n)[0]!["xml"]!);
            var value = key.Descendants("value").First();
            value.Value = Convert.ToBase64String(new byte[Convert.FromBase64String(value.Value).Length]);
            Keys(n)[0]!["xml"] = key.ToString(SaveOptions.DisableFormatting);
            return n.ToJsonString();
        }, "数据保护密钥"),
        ["plain-text-key"] = (n =>
        {
            var key = XElement.Parse((string)Keys(n)[0]!["xml"]!);
            key.Descendants().Where(d => d.Name.LocalName == "encryptedSecret").Single().ReplaceWith(new XElement("masterKey", new XElement("value", Convert.ToBase64String(new byte[64]))));
            Keys(n)[0]!["xml"] = key.ToString(SaveOptions.DisableFormatting);
            return n.ToJsonString();
        }, "没有按本程序的方式加密"),
        ["malformed-json"] = (n => n.ToJsonString()[..500], "JSON"),
        ["wrong-version"] = (n => { n["version"] = 2; return n.ToJsonString(); }, "format/version"),
        ["not-a-backup"] = (_ => """{"format":"other"}""", "不是 LeakRights 导出的内容文件"),
        ["missing-lists"] = (_ => """{"format":"leakrights-content","version":1}""", "缺少"),
    };

    public static TheoryData<string> CraftedFiles => [.. Crafted.Keys];

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
        using var s = await AdminSession.SignedInAsync(factory);
        var (_, page) = await s.GetAsync("/admin/authorities/cac-12377");
        var fields = AuthorityForm(page, "12377", "x").Select(f => f.Key == "Website" ? new KeyValuePair<string, string>("Website", "javascript:alert(1)") : f);

        var result = await WebSession.ParseAsync(await s.SubmitAsync(page, fields));

        Assert.Contains("网址请写成", result.QuerySelector("[data-error-summary]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditAuthority_SeveralBadFields_EachErrorNamesItsFieldAndNothingIsSaved()
    {
        using var s = await AdminSession.SignedInAsync(factory);
        var (_, page) = await s.GetAsync("/admin/authorities/miit-12300");
        var bad = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Name"] = "   ",
            ["Website"] = "http://www.miit.gov.cn",
            ["Status"] = "Confirmed",
            ["LastVerified"] = "2026/11/20",
            ["Note"] = string.Empty,
        };
        var fields = AuthorityForm(page, "12300", "x").Select(f => bad.TryGetValue(f.Key, out var v) ? new KeyValuePair<string, string>(f.Key, v) : f);

        var result = await WebSession.ParseAsync(await s.SubmitAsync(page, fields));

        var links = result.QuerySelectorAll("[data-error-summary] a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["#f-name", "#f-status", "#f-website", "#f-lastVerified", "#f-note"], links);
        var (_, after) = await s.GetAsync("/admin/authorities/miit-12300");
        Assert.Contains("当前第 1 版", after.Body!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(CraftedFiles))]
    public async Task Import_CraftedFile_IsRefusedWithAChineseListAndChangesNothing(string name)
    {
        using var s = await AdminSession.SignedInAsync(factory);
        var before = await ExportAsync(s);
        var (craft, expect) = Crafted[name];

        var (status, page) = await ImportAsync(s, Encoding.UTF8.GetBytes(craft(JsonNode.Parse(before)!)));

        Assert.Equal(HttpStatusCode.OK, status);
        var result = page.QuerySelector("[data-import-result]");
        Assert.NotNull(result);
        Assert.Contains("没有导入", result.TextContent, StringComparison.Ordinal);
        var problems = result.QuerySelectorAll("li").Select(li => li.TextContent).ToList();
        Assert.NotEmpty(problems);
        Assert.All(problems, p => Assert.Matches(Chinese(), p));
        Assert.Contains(problems, p => p.Contains(expect, StringComparison.Ordinal));
        Assert.Equal(WithoutTimestamp(before), WithoutTimestamp(await ExportAsync(s)));
        using var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/statutes/pipl")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
    }

    [Fact]
    public async Task Import_RefusedFile_TheAppStillStartsOnTheSameDatabase()
    {
        using var s = await AdminSession.SignedInAsync(factory);
        var file = Crafted["law-id-with-hash"].Craft(JsonNode.Parse(await ExportAsync(s))!);
        await ImportAsync(s, Encoding.UTF8.GetBytes(file));

        using var restarted = LeakRightsFactory.Sharing(factory.DatabaseName);
        using var client = restarted.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/statutes/pipl")).StatusCode);
        Assert.DoesNotContain("refused", restarted.Logs.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ImportOfACraftedFile_PrintsTheProblemsInChineseAndFails()
    {
        using var s = await AdminSession.SignedInAsync(factory);
        var path = Path.Combine(Path.GetTempPath(), $"lr-import-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, Crafted["missing-cited-article"].Craft(JsonNode.Parse(await ExportAsync(s))!));
        using var output = new StringWriter();
        using var error = new StringWriter();
        try
        {
            var code = await AdminCli.RunAsync(factory.Services, ["import", path], TextReader.Null, output, error);

            Assert.Equal(1, code);
            Assert.Contains("没有导入", error.ToString(), StringComparison.Ordinal);
            Assert.Contains("  - ", error.ToString(), StringComparison.Ordinal);
            Assert.Contains("pipl#57", error.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task ExportImport_RoundTripsIntoAFreshDatabase()
    {
        using var s = await AdminSession.SignedInAsync(factory);
        var (_, edit) = await s.GetAsync("/admin/statutes/pipl/47");
        await s.SubmitAsync(edit, Fields.Of(("Text", "导出测试文本"), ("Note", "导出测试"), ("Effective", "2026-02-01"), ("ExpectedRevision", "1")), action: "/admin/statutes/pipl/47?handler=Save");
        var (_, authority) = await s.GetAsync("/admin/authorities/court");
        await s.SubmitAsync(authority, AuthorityForm(authority, "12368", "法院热线"));

        var exported = await s.Client.GetAsync("/admin/backup?handler=Export");
        var json = await exported.Content.ReadAsByteArrayAsync();

        using var target = new LeakRightsFactory();
        using var t = await AdminSession.SignedInAsync(target, "restorer");
        var (_, imported) = await ImportAsync(t, json);
        var reexported = await (await t.Client.GetAsync("/admin/backup?handler=Export")).Content.ReadAsByteArrayAsync();

        Assert.Equal("attachment", exported.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Contains("导入完成", imported.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(WithoutTimestamp(json), WithoutTimestamp(reexported));
        var (_, lawPage) = await t.GetAsync("/statutes/pipl");
        Assert.Contains("导出测试文本", lawPage.QuerySelector("#a-47")!.TextContent, StringComparison.Ordinal);

        // A second import would overwrite an admin's work: refused.
        var (_, refused) = await ImportAsync(t, json);
        Assert.Contains("只能导入到尚未修改过内容的空数据库", refused.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportImport_PlanLinkMadeBeforeTheExport_OpensAfterImportIntoAFreshDatabase()
    {
        string link;
        using (var visitor = new WebSession(factory))
        {
            link = await CheckFlow.PlanLinkAsync(visitor, CheckFlow.BankFraud);
        }

        using var s = await AdminSession.SignedInAsync(factory);
        var json = await ExportAsync(s);

        using var target = new LeakRightsFactory();
        using var t = await AdminSession.SignedInAsync(target, "restorer");
        using var before = new WebSession(target);
        var (notYet, _) = await before.GetAsync(link);
        var (_, imported) = await ImportAsync(t, Encoding.UTF8.GetBytes(json));
        using var after = new WebSession(target);
        var (opened, _) = await after.GetAsync(link);

        Assert.NotEmpty(Keys(JsonNode.Parse(json)!));
        Assert.DoesNotContain("masterKey", json, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, notYet.StatusCode);
        Assert.Contains("导入完成", imported.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
    }

    /// <summary>Posts a file to the import form, as the page does (with the password, should the page ask for it again).</summary>
    private static async Task<(HttpStatusCode Status, IDocument Page)> ImportAsync(WebSession s, byte[] file)
    {
        var (_, backupPage) = await s.GetAsync("/admin/backup");
        var token = backupPage.QuerySelector<IHtmlInputElement>("form[enctype] input[name=__RequestVerificationToken]")!.Value;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(AdminSession.Password), "Password" },
            { new ByteArrayContent(file), "file", "backup.json" },
        };
        var response = await s.Client.PostAsync("/admin/backup", form);
        return (response.StatusCode, await WebSession.ParseAsync(response));
    }

    private static async Task<string> ExportAsync(WebSession s) => await (await s.Client.GetAsync("/admin/backup?handler=Export")).Content.ReadAsStringAsync();

    private static JsonArray Laws(JsonNode n) => n["laws"]!.AsArray();

    private static JsonArray Keys(JsonNode n) => n["dataProtectionKeys"]!.AsArray();

    private static JsonArray Authorities(JsonNode n) => n["authorities"]!.AsArray();

    private static JsonNode Law(JsonNode n, string id) => Laws(n).Single(l => (string?)l!["id"] == id)!;

    private static JsonArray Articles(JsonNode law) => law["articles"]!.AsArray();

    private static JsonNode Article(JsonNode law, string number) => Articles(law).Single(a => (string?)a!["number"] == number)!;

    private static string WithoutTimestamp(byte[] json) => WithoutTimestamp(Encoding.UTF8.GetString(json));

    private static string WithoutTimestamp(string json)
    {
        var node = JsonNode.Parse(json)!;
        node["exportedAtUtc"] = null;
        node.AsObject().Remove("dataProtectionKeys");
        return node.ToJsonString();
    }

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Chinese();
}
