using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig.Tokens;

namespace LeakRights.Web.Tests.Pages.Admin;

/// <summary>
/// Editing statutes. The tests share one app and run one after another; each edits its own article (or, for the hostile
/// Markdown cases, re-edits pipl#47, which the plan cites), so revision numbers do not depend on the order.
/// </summary>
public sealed class StatuteEditingTests(LeakRightsFactory factory) : IClassFixture<LeakRightsFactory>
{
    private const string CourierAnswers = """{"answers":{"source":"courier","data-types":["identity"],"scale":"unknown","discovery":["spam"],"evidence":["none"],"harms":["spam"],"ongoing-danger":"no","police-report":"no","discovered-on":"2026-09"}}""";

    private static async Task<HttpResponseMessage> SaveAsync(WebSession s, string url, string text, string note, string handler = "Save", IDocument? page = null)
    {
        page ??= (await s.GetAsync(url)).Document;
        var revision = page.QuerySelector<IHtmlInputElement>("input[name=ExpectedRevision]")!.Value;
        return await s.SubmitAsync(page, Fields.Of(("Text", text), ("Note", note), ("Effective", "2026-03-01"), ("ExpectedRevision", revision)), action: FormAction(page, handler));
    }

    /// <summary>The formaction of the page's button for a handler, as a browser would post it.</summary>
    private static string FormAction(IDocument page, string handler) =>
        page.QuerySelectorAll("button[formaction]").Select(b => b.GetAttribute("formaction")!).Single(a => a.EndsWith("handler=" + handler, StringComparison.Ordinal));

    [Fact]
    public async Task Save_NewText_IsANewRevisionShownOnPublicPagesPlansAndPdfAtOnce()
    {
        using var s = await AdminSession.SignedInAsync(factory);
        const string text = "（测试修订）个人信息处理者应当及时删除。";

        var response = await SaveAsync(s, "/admin/statutes/pipl/44", text, "依据测试公布文本更正");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("saved=2", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var (_, lawPage) = await s.GetAsync("/statutes/pipl");
        Assert.Contains(text, lawPage.QuerySelector("#a-44")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("第 2 版", lawPage.QuerySelector("#a-44")!.TextContent, StringComparison.Ordinal);

        using var client = factory.CreateClient();
        var plan = await client.PostAsync("/api/v1/plans", new StringContent(CourierAnswers, Encoding.UTF8, "application/json"));
        var citation = JsonDocument.Parse(await plan.Content.ReadAsStringAsync()).RootElement.GetProperty("citations").EnumerateArray().Single(c => c.GetProperty("ref").GetString() == "pipl#44");
        Assert.Equal(text, citation.GetProperty("text").GetString());
        Assert.Equal(2, citation.GetProperty("revision").GetInt32());
        Assert.Equal("2026-03-01", citation.GetProperty("effective").GetString());

        var pdf = await client.PostAsync("/api/v1/plans/pdf", new StringContent(CourierAnswers, Encoding.UTF8, "application/json"));
        using var doc = UglyToad.PdfPig.PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync());
        var pdfText = string.Concat(doc.GetPages().Select(p => string.Concat(p.Letters.Select(l => l.Value)))).Replace(" ", string.Empty, StringComparison.Ordinal);
        Assert.Contains("（测试修订）个人信息处理者应当及时删除。", pdfText, StringComparison.Ordinal);
        Assert.Contains("第2版", pdfText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Save_NewText_PlanPageShowsItAtOnceInTheBoxAndTheAppendix()
    {
        // The plan page renders its citation boxes once per content snapshot (issue 15): an edit must replace them at once.
        var (url, plan) = Browser.ScenarioPlans.Open(factory.Services, "courier-waybill-leak-spam-calls-only");
        var cited = plan.Citations.First(c => c.Ref.LawId == "pipl" && c.Ref.Number is not ("10" or "44" or "45" or "47" or "57"));
        using var s = await AdminSession.SignedInAsync(factory);
        var (_, before) = await s.GetAsync(url);
        List<IElement> Boxes(IDocument page) => [.. page.QuerySelectorAll("details.cite").Where(d => d.QuerySelector("summary")!.TextContent == $"《{cited.Law}》{cited.Article}")];
        Assert.NotEmpty(Boxes(before));
        Assert.All(Boxes(before), b => Assert.Contains(cited.Text.Split('\n')[0], b.QuerySelector(".article-text")!.TextContent, StringComparison.Ordinal));
        var text = $"（计划页缓存测试）第{cited.Ref.Number}条的新文本。";

        await SaveAsync(s, $"/admin/statutes/pipl/{cited.Ref.Number}", text, "缓存测试");
        var (_, after) = await s.GetAsync(url);

        Assert.NotEmpty(Boxes(after));
        Assert.All(Boxes(after), box =>
        {
            Assert.Equal(text, box.QuerySelector(".article-text")!.TextContent.Trim());
            Assert.Contains($"第 {cited.Revision + 1} 版", box.QuerySelector(".article-meta")!.TextContent, StringComparison.Ordinal);
        });
        var printed = after.QuerySelectorAll(".appendix .article").Single(d => d.QuerySelector("h3")!.TextContent == $"《{cited.Law}》{cited.Article}");
        Assert.Contains(text, printed.TextContent, StringComparison.Ordinal);
        Assert.Contains($"第 {cited.Revision + 1} 版", printed.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Save_NewText_PlansApiShowsItAtOnceEvenForAPlanAskedForBefore()
    {
        // The plans API writes citations encoded once per content snapshot (issue 15): asking for the same plan after an
        // edit must give the new text and revision, never the encoding cached before the edit.
        using var client = factory.CreateClient();
        async Task<JsonElement> CitationsAsync()
        {
            var response = await client.PostAsync("/api/v1/plans", new StringContent(CourierAnswers, Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("citations").Clone();
        }

        var before = await CitationsAsync();
        var cited = before.EnumerateArray().First(c => !c.GetProperty("ref").GetString()!.StartsWith("pipl#", StringComparison.Ordinal));
        var reference = cited.GetProperty("ref").GetString()!;
        var (law, number) = (reference.Split('#')[0], reference.Split('#')[1]);
        var revision = cited.GetProperty("revision").GetInt32();
        Assert.Equal(before.GetRawText(), (await CitationsAsync()).GetRawText());
        using var s = await AdminSession.SignedInAsync(factory);
        var text = $"（接口缓存测试）{law} 第{number}条的新文本。";

        await SaveAsync(s, $"/admin/statutes/{law}/{number}", text, "缓存测试");
        var after = (await CitationsAsync()).EnumerateArray().Single(c => c.GetProperty("ref").GetString() == reference);

        Assert.Equal(text, after.GetProperty("text").GetString());
        Assert.Equal(revision + 1, after.GetProperty("revision").GetInt32());
        Assert.Equal("2026-03-01", after.GetProperty("effective").GetString());
    }

    [Fact]
    public async Task Save_WithoutChangeNote_ReshowsWithErrorAndKeepsText()
    {
        using var s = await AdminSession.SignedInAsync(factory);

        var response = await SaveAsync(s, "/admin/statutes/pipl/47", "我的新文本", string.Empty);
        var page = await WebSession.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("请填写修改说明", page.QuerySelector("[data-error-summary]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("我的新文本", page.QuerySelector("textarea[name=Text]")!.TextContent.Trim());
    }

    [Fact]
    public async Task Preview_RendersMarkdownWithoutSaving()
    {
        using var s = await AdminSession.SignedInAsync(factory);

        var response = await SaveAsync(s, "/admin/statutes/pipl/10", "第一段\n\n**第二段**", string.Empty, "Preview");
        var page = await WebSession.ParseAsync(response);

        Assert.Equal("第二段", page.QuerySelector(".preview strong")!.TextContent);
        await using var db = factory.CreateDbContext();
        Assert.Equal(1, (await db.Articles.SingleAsync(a => a.LawId == "pipl" && a.Number == "10")).CurrentRevision);
    }

    [Fact]
    public async Task Save_TwoAdminsAtOnce_SecondIsRefusedShowingBothVersionsAndKeepsItsText()
    {
        using var first = await AdminSession.SignedInAsync(factory, "first");
        using var second = await AdminSession.SignedInAsync(factory, "second");
        var (_, firstPage) = await first.GetAsync("/admin/statutes/pipl/13");
        var (_, secondPage) = await second.GetAsync("/admin/statutes/pipl/13");

        var saved = await SaveAsync(first, "/admin/statutes/pipl/13", "甲的版本", "甲的修改", page: firstPage);
        var conflict = await SaveAsync(second, "/admin/statutes/pipl/13", "乙的版本", "乙的修改", page: secondPage);
        var page = await WebSession.ParseAsync(conflict);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, conflict.StatusCode);
        var summary = page.QuerySelector("[data-error-summary]")!.TextContent;
        Assert.Contains("有人在您编辑期间修改了这条条文", summary, StringComparison.Ordinal);
        Assert.Contains("甲的版本", page.QuerySelector(".conflict-theirs")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("乙的版本", page.QuerySelector("textarea[name=Text]")!.TextContent.Trim());
        Assert.Equal("2", page.QuerySelector<IHtmlInputElement>("input[name=ExpectedRevision]")!.Value);

        // Saving again after seeing the conflict is a deliberate new revision.
        var again = await s_SubmitAgain(second, page);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        await using var db = factory.CreateDbContext();
        Assert.Equal("乙的版本", (await db.Articles.SingleAsync(a => a.LawId == "pipl" && a.Number == "13")).Text);
    }

    private static Task<HttpResponseMessage> s_SubmitAgain(WebSession s, IDocument page) =>
        s.SubmitAsync(page, Fields.Of(("Text", "乙的版本"), ("Note", "乙核对后保存"), ("Effective", "2026-03-01"), ("ExpectedRevision", page.QuerySelector<IHtmlInputElement>("input[name=ExpectedRevision]")!.Value)), action: FormAction(page, "Save"));

    [Fact]
    public async Task History_DiffAndRestore_RestoreIsANewRevision()
    {
        using var s = await AdminSession.SignedInAsync(factory);
        await SaveAsync(s, "/admin/statutes/civil-code/1038", "信息处理者不得泄露（已改）", "测试修改");

        var (_, history) = await s.GetAsync("/admin/statutes/civil-code/1038/history?from=1&to=2");
        var restore = await s.SubmitAsync(history, Fields.Of(("revision", "1")), "form[action*=Restore]");

        Assert.NotNull(history.QuerySelector(".diff del"));
        Assert.Contains("（已", string.Concat(history.QuerySelectorAll(".diff ins").Select(i => i.TextContent)), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, restore.StatusCode);
        await using var db = factory.CreateDbContext();
        var article = await db.Articles.Include(a => a.Revisions).SingleAsync(a => a.LawId == "civil-code" && a.Number == "1038");
        Assert.Equal(3, article.CurrentRevision);
        Assert.StartsWith("信息处理者不得泄露或者篡改", article.Text, StringComparison.Ordinal);
        Assert.Equal(3, article.Revisions.Count);
    }

    [Fact]
    public async Task Repeal_CitedArticle_StaysInHistoryAndWarnsOnDashboard()
    {
        using var s = await AdminSession.SignedInAsync(factory);

        var response = await SaveAsync(s, "/admin/statutes/pipl/57", string.Empty, "测试：假定已被修正决定废止", "Repeal");
        var (_, dashboard) = await s.GetAsync("/admin");
        var (_, lawPage) = await s.GetAsync("/statutes/pipl");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("pipl#57", dashboard.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("ask-breach-details", dashboard.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("已废止", lawPage.QuerySelector("#a-57")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Edit_RepealedCitationWhoseIdStartsWithThisOne_IsNotWarnedAboutHere()
    {
        // Its own database: repealing pipl#47, which the plans cite, must not show on the shared app's other tests.
        using var app = new LeakRightsFactory();
        using var s = await AdminSession.SignedInAsync(app);

        var response = await SaveAsync(s, "/admin/statutes/pipl/47", string.Empty, "测试：假定已被修正决定废止", "Repeal");
        var (_, repealed) = await s.GetAsync("/admin/statutes/pipl/47");
        var (_, pipl4) = await s.GetAsync("/admin/statutes/pipl/4");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("pipl#47", repealed.QuerySelector("[role=note]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("第四条", pipl4.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Null(pipl4.QuerySelector("[role=note]"));
    }

    [Fact]
    public async Task AddArticle_AppearsOnPublicPageAndApi()
    {
        using var s = await AdminSession.SignedInAsync(factory);
        var (_, page) = await s.GetAsync("/admin/statutes/pipl/new");

        var response = await s.SubmitAsync(page, Fields.Of(("Label", "第五十五条"), ("Text", "有下列情形之一的，个人信息处理者应当事前进行个人信息保护影响评估。"), ("Note", "新近相关"), ("Effective", "2021-11-01")));
        var duplicate = await s.SubmitAsync(page, Fields.Of(("Label", "第五十五条"), ("Text", "x"), ("Note", "x"), ("Effective", "2021-11-01")));

        Assert.Equal("/admin/statutes/pipl/55?saved=1", response.Headers.Location!.OriginalString);
        Assert.Contains("已经有第五十五条", (await WebSession.ParseAsync(duplicate)).Body!.TextContent, StringComparison.Ordinal);
        using var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/statutes/pipl/55")).StatusCode);
    }

    [Fact]
    public async Task Audit_ListsEveryContentChange()
    {
        using var s = await AdminSession.SignedInAsync(factory, "auditor");
        await SaveAsync(s, "/admin/statutes/pipl/45", "审计测试文本", "审计测试");

        var (_, audit) = await s.GetAsync("/admin/audit");
        var rows = audit.QuerySelectorAll("tbody tr").Select(r => r.TextContent).ToList();

        Assert.Contains(rows, r => r.Contains("article-edited", StringComparison.Ordinal) && r.Contains("pipl#45", StringComparison.Ordinal) && r.Contains("auditor", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("sign-in", StringComparison.Ordinal));
        Assert.DoesNotContain(audit.QuerySelectorAll("form[method=post] button"), b => b.Closest("header") is null);
    }

    [Theory]
    [InlineData("<script>alert('x')</script>")]
    [InlineData("[点我](javascript:alert(1))")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("<a href=\"javascript:alert(1)\" onclick=\"alert(2)\">链接</a>")]
    [InlineData("[链接](JaVaScRiPt:alert(1)) <div onmouseover=\"alert(1)\">悬停</div>")]
    [InlineData("![图](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")]
    public async Task Markdown_HostileInput_IsInertOnPublicPagePreviewAndPdf(string hostile)
    {
        using var s = await AdminSession.SignedInAsync(factory);
        var preview = await WebSession.ParseAsync(await SaveAsync(s, "/admin/statutes/pipl/47", hostile, string.Empty, "Preview"));
        await SaveAsync(s, "/admin/statutes/pipl/47", hostile, "XSS 测试");

        var publicHtml = await s.Client.GetStringAsync("/statutes/pipl");
        var (_, publicPage) = await s.GetAsync("/statutes/pipl");

        foreach (var container in new[] { preview.QuerySelector(".preview .article-text")!, publicPage.QuerySelector("#a-47")! })
        {
            Assert.Empty(container.QuerySelectorAll("script, img, iframe, div[onmouseover], [onerror], [onclick]"));
            Assert.All(container.QuerySelectorAll("a[href]"), a => Assert.Matches("^(https?|mailto):", a.GetAttribute("href")!));
        }

        Assert.DoesNotContain("<script>alert", publicHtml, StringComparison.Ordinal);
        using var client = factory.CreateClient();
        var pdf = await client.PostAsync("/api/v1/plans/pdf", new StringContent(CourierAnswers, Encoding.UTF8, "application/json"));
        Assert.Empty(ActiveContent(await pdf.Content.ReadAsByteArrayAsync()));
    }

    /// <summary>Keys and names that make a PDF run script, act on opening or on events, launch, submit or link out.</summary>
    private static readonly HashSet<string> ActiveNames = new(StringComparer.Ordinal) { "JS", "JavaScript", "OpenAction", "AA", "URI", "Launch", "SubmitForm", "ImportData", "GoToR", "RichMedia", "EmbeddedFile" };

    /// <summary>
    /// Every active key or name in the PDF's objects (parsed with PdfPig). Raw bytes will not do:
    /// font subset tags are six random capitals, so "/FontName/JSDZOP+…" contains "/JS" about once in 50 documents.
    /// </summary>
    internal static List<string> ActiveContent(byte[] pdf)
    {
        using var doc = UglyToad.PdfPig.PdfDocument.Open(pdf);
        var found = new List<string>();
        var table = doc.Structure.CrossReferenceTable;
        Walk(doc.Structure.Catalog.CatalogDictionary, found);
        foreach (var reference in table.ObjectOffsets.Keys)
        {
            Walk(doc.Structure.GetObject(reference).Data, found);
        }

        return found;
    }

    private static void Walk(IToken? token, List<string> found)
    {
        switch (token)
        {
            case DictionaryToken d:
                foreach (var (key, value) in d.Data)
                {
                    if (ActiveNames.Contains(key))
                    {
                        found.Add("/" + key);
                    }

                    Walk(value, found);
                }

                break;
            case StreamToken stream:
                Walk(stream.StreamDictionary, found);
                break;
            case ArrayToken array:
                foreach (var item in array.Data)
                {
                    Walk(item, found);
                }

                break;
            case NameToken name when ActiveNames.Contains(name.Data):
                found.Add("/" + name.Data);
                break;
        }
    }

    [Fact]
    public void ActiveContent_ScriptOnOpenIsFound_SubsetTagStartingWithJsIsNot()
    {
        var active = new PdfSharp.Pdf.PdfDocument();
        active.AddPage();
        var action = new PdfSharp.Pdf.PdfDictionary(active);
        action.Elements["/S"] = new PdfSharp.Pdf.PdfName("/JavaScript");
        action.Elements["/JS"] = new PdfSharp.Pdf.PdfString("app.alert(1)");
        active.Internals.AddObject(action);
        var onPageOpen = new PdfSharp.Pdf.PdfDictionary(active);
        onPageOpen.Elements["/O"] = action.Reference!;
        active.Pages[0].Elements["/AA"] = onPageOpen; // found only by reading the page object, not the catalog
        active.Internals.Catalog.Elements["/OpenAction"] = action.Reference!;
        var inert = new PdfSharp.Pdf.PdfDocument();
        inert.AddPage();
        var font = new PdfSharp.Pdf.PdfDictionary(inert);
        font.Elements["/FontName"] = new PdfSharp.Pdf.PdfName("/JSDZOP+NotoSansSC");
        inert.Internals.AddObject(font);
        inert.Pages[0].Elements["/Test"] = font.Reference!;

        var inertBytes = Save(inert);

        Assert.Equal(["/AA", "/JS", "/JavaScript", "/OpenAction"], ActiveContent(Save(active)).Distinct().Order(StringComparer.Ordinal));
        Assert.Contains("/JSDZOP+", Encoding.Latin1.GetString(inertBytes), StringComparison.Ordinal);
        Assert.Empty(ActiveContent(inertBytes));
    }

    private static byte[] Save(PdfSharp.Pdf.PdfDocument document)
    {
        using var stream = new MemoryStream();
        document.Options.CompressContentStreams = false;
        document.Save(stream);
        return stream.ToArray();
    }
}
