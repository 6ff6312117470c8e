using System.Net;

namespace LeakRights.Web.Tests.Pages.Plan;

public sealed class IndexTests(LeakRightsFactory factory) : IClassFixture<LeakRightsFactory>
{
    [Fact]
    public async Task Get_PlanLink_IsNeverCachedAndLogsOnlyItsRequestLine()
    {
        // The page carries forms (antiforgery tokens): it says "no-cache, no-store" itself, so the token generator has
        // nothing to override and logs no warning for every plan shown (issue 15: one log event per request).
        string link;
        using (var s = new WebSession(factory))
        {
            link = await CheckFlow.PlanLinkAsync(s, CheckFlow.BankFraud);
        }

        using var other = new WebSession(factory); // the link opened on another device: no antiforgery cookie yet
        var trace = new Trace();
        trace.Apply(other.Client);

        var (response, page) = await other.GetAsync(link);
        await factory.Logs.WaitForRequestAsync(trace);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(page.QuerySelectorAll("form input[name=__RequestVerificationToken]"));
        Assert.True(response.Headers.CacheControl!.NoStore);
        Assert.True(response.Headers.CacheControl.NoCache);
        var lines = factory.Logs.Lines.Where(l => l.Contains("TraceId=" + trace.Id, StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(lines, l => l.Contains("Cache-Control", StringComparison.Ordinal));
        var requestLine = Assert.Single(lines, l => l.StartsWith("HTTP \"GET\" \"/plan/{token}\" responded 200", StringComparison.Ordinal));
        // The access log's own source context: level overrides for it (Serilog:MinimumLevel:Override) keep working.
        Assert.Contains("SourceContext=\"LeakRights.Web.Infrastructure.RequestLoggingMiddleware\"", requestLine, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_PlanLink_ShowsUrgentFirstThenThreePathsWithDisclaimer()
    {
        using var s = new WebSession(factory);
        var link = await CheckFlow.PlanLinkAsync(s, CheckFlow.BankFraud);

        var (response, page) = await s.GetAsync(link);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl!.NoStore);
        var headings = page.QuerySelectorAll("main h2").Select(h => h.TextContent.Trim()).ToList();
        // Money lost to fraud: the legal route (the police) comes first, then the other two in their usual order; the page
        // numbers the paths by their place in this plan.
        var paths = page.QuerySelectorAll("section.path h2").Select(h => h.Id).ToList();
        Assert.Equal(["path-legal-action", "path-request-stop", "path-complain"], paths);
        var next = headings.FindIndex(h => h.StartsWith("接下来按顺序做", StringComparison.Ordinal));
        var path1 = headings.FindIndex(h => h.StartsWith("途径一：通过法律途径维权", StringComparison.Ordinal));
        // The first heading is the one thing to do now (money lost to fraud: 110 and an emergency stop-payment), then
        // "接下来按顺序做", then the paths.
        Assert.True(headings[0] == "钱被骗走了：马上拨打110报警，请求紧急止付" && next == 1 && next < path1, string.Join(" / ", headings));
        Assert.Equal("tel:110", page.QuerySelector("#first-action a[href^='tel:']")!.GetAttribute("href"));
        // The plan's first things: every urgent action, then the first step of each recommended path in the plan's order
        // (money lost to fraud: the 控告 first), then their next steps, six in all. The first is the first action; the
        // other five are "接下来按顺序做", each linking to it.
        var recommended = page.QuerySelectorAll("section.path:not(.not-recommended) ol.steps").ToList();
        var expectedAll = page.QuerySelectorAll("#first-action h2, .urgent-item h3").Select(h => h.TextContent.Trim())
            .Concat(recommended.Select(ol => ol.QuerySelector("li h3")!.TextContent.Trim()))
            .Concat(recommended.SelectMany(ol => ol.QuerySelectorAll(":scope > li").Skip(1).Select(li => li.QuerySelector("h3")!.TextContent.Trim())))
            .Distinct()
            .Take(6)
            .ToList();
        Assert.Equal(expectedAll.Skip(1), page.QuerySelectorAll(".next-things li a").Select(a => a.TextContent.Trim()));
        Assert.Contains("书面要求某银行某支行停止侵害、说明情况、删除违法处理的信息", expectedAll);
        Assert.All(page.QuerySelectorAll(".next-things li a"), a => Assert.NotNull(page.GetElementById(a.GetAttribute("href")!.TrimStart('#'))));
        Assert.Contains("不是法律意见", page.QuerySelector(".disclaimer")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("条文截至 2026-02-25", page.QuerySelector(".disclaimer")!.TextContent, StringComparison.Ordinal);
        // Money lost to fraud: the police first (emergency stop-payment is theirs to order), then the bank (反电信网络诈骗法第二十条).
        var freeze = page.QuerySelector("#urgent-freeze-accounts")!.TextContent;
        Assert.True(freeze.IndexOf("110", StringComparison.Ordinal) < freeze.IndexOf("开户银行", StringComparison.Ordinal), freeze);
        Assert.Contains("12378", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_PlanLink_CitationsExpandToVerbatimArticleText()
    {
        using var s = new WebSession(factory);
        var link = await CheckFlow.PlanLinkAsync(s, CheckFlow.BankFraud);

        var (_, page) = await s.GetAsync(link);

        var cite = page.QuerySelectorAll("details.cite").First(d => d.QuerySelector("summary")!.TextContent.Contains("第二百五十三条之一", StringComparison.Ordinal));
        Assert.Contains("《中华人民共和国刑法》", cite.QuerySelector("summary")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("违反国家有关规定，向他人出售或者提供公民个人信息，情节严重的", cite.QuerySelector(".article-text")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector(".appendix.print-only"));
    }

    [Fact]
    public async Task Get_PlanLinkInFreshBrowser_OpensWithoutCookies()
    {
        using var s = new WebSession(factory);
        var link = await CheckFlow.PlanLinkAsync(s, CheckFlow.BankFraud);
        using var other = new WebSession(factory);

        var (response, page) = await other.GetAsync(link);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("通过法律途径维权：报案、起诉", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_PlanLinkAfterRestart_StillOpens()
    {
        string link;
        using (var s = new WebSession(factory))
        {
            link = await CheckFlow.PlanLinkAsync(s, CheckFlow.BankFraud);
        }

        // A second app on the same database: the Data Protection keys are in the database, not in memory.
        using var restarted = LeakRightsFactory.Sharing(factory.DatabaseName);
        using var later = new WebSession(restarted);
        var (response, _) = await later.GetAsync(link);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("not-a-token")]
    [InlineData("CfDJ8AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task Get_InvalidLink_ShowsFriendly404(string token)
    {
        using var s = new WebSession(factory);

        var (response, page) = await s.GetAsync("/plan/" + token);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("无效或已过期", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_TamperedLink_ShowsFriendly404()
    {
        using var s = new WebSession(factory);
        var link = await CheckFlow.PlanLinkAsync(s, CheckFlow.BankFraud);
        var tampered = link[..^3] + (link[^3] == 'A' ? "B" : "A") + link[^2..];

        var (response, _) = await s.GetAsync(tampered);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task PostEdit_LoadsAnswersBackForChanging()
    {
        using var s = new WebSession(factory);
        var link = await CheckFlow.PlanLinkAsync(s, CheckFlow.BankFraud);
        using var other = new WebSession(factory);
        var (_, page) = await other.GetAsync(link);

        var response = await other.SubmitAsync(page, [], "form[action*=Edit]");
        var (_, review) = await other.FollowAsync(response);

        Assert.Equal("/check/review", response.Headers.Location!.OriginalString);
        Assert.Contains("某银行某支行", review.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_ChangedAnswer_ChangesThePlan()
    {
        using var s = new WebSession(factory);
        var first = await CheckFlow.PlanLinkAsync(s, CheckFlow.BankFraud);
        var changed = new Dictionary<string, string[]>(CheckFlow.BankFraud) { ["ongoing-danger"] = ["yes"] };
        using var s2 = new WebSession(factory);
        var second = await CheckFlow.PlanLinkAsync(s2, changed);

        var (_, before) = await s.GetAsync(first);
        var (_, after) = await s.GetAsync(second);

        Assert.DoesNotContain("现在就拨打110", before.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal("现在就拨打110", after.QuerySelector("#first-action h2")!.TextContent.Trim());
    }

    [Theory]
    [InlineData("?handler=Pdf")]
    [InlineData("?handler=pdf")]
    [InlineData("?handler=PDF")]
    [InlineData("?handler=Pdf&handler=x")]
    [InlineData("/?handler=pdf")]
    public async Task PostOldPdfHandler_AnySpelling_IsNotFoundAndMakesNoPdf(string query)
    {
        using var s = new WebSession(factory);
        var link = await CheckFlow.PlanLinkAsync(s, CheckFlow.BankFraud);
        var (_, page) = await s.GetAsync(link);

        var response = await s.SubmitAsync(page, Fields.Of(("your-name", "李雷")), "form[action$='/pdf']", action: link + query);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
    }

    [Theory]
    [InlineData("?handler=Calendar")]
    [InlineData("?handler=calendar")]
    [InlineData("?handler=CALENDAR&handler=x")]
    public async Task GetOldCalendarHandler_AnySpelling_IsNotFound(string query)
    {
        using var s = new WebSession(factory);
        var link = await CheckFlow.PlanLinkAsync(s, CheckFlow.BankFraud);

        var response = await s.Client.GetAsync(link + query);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Get_PlanLink_DownloadFormAndCalendarLinkPointAtTheirOwnEndpoints()
    {
        using var s = new WebSession(factory);
        var link = await CheckFlow.PlanLinkAsync(s, CheckFlow.BankFraud);

        var (_, page) = await s.GetAsync(link);

        Assert.Equal(link + "/pdf", page.QuerySelector("section.download form")!.GetAttribute("action"));
        Assert.Equal(link + "/calendar", page.QuerySelector("section.download a[href$='/calendar']")!.GetAttribute("href"));
        Assert.Empty(page.QuerySelectorAll("[action*='handler=Pdf'], [href*='handler=Calendar']"));
    }
}
