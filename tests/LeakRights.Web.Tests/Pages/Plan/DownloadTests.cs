using System.Net;
using System.Text;

namespace LeakRights.Web.Tests.Pages.Plan;

/// <summary>The PDF and calendar downloads. The tests share one app; log assertions look only at their own request.</summary>
[Collection(ReadOnlyApp.Name)]
public sealed class DownloadTests(LeakRightsFactory factory)
{
    [Fact]
    public async Task PostPdf_WithLetterDetails_DownloadsAttachmentAndLogsNothingPersonal()
    {
        using var s = new WebSession(factory);
        var link = await CheckFlow.PlanLinkAsync(s, CheckFlow.BankFraud);
        var (_, page) = await s.GetAsync(link);

        var trace = new Trace();
        trace.Apply(s.Client);

        var response = await s.SubmitAsync(page, Fields.Of(("your-name", "李雷ZQ77"), ("your-contact", "13911112222"), ("organisation-address", "某市某路88号")), "form[action$='/pdf']");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("leakrights-plan-20261127.pdf", response.Content.Headers.ContentDisposition.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.StartsWith("%PDF-", Encoding.ASCII.GetString(bytes, 0, 5), StringComparison.Ordinal);

        // Everything the request logs comes before its completion line, so once that is in, absence means something.
        var completed = await factory.Logs.WaitForRequestAsync(trace);
        Assert.Contains("\"/plan/{token}/pdf\" responded 200", completed, StringComparison.Ordinal);
        var logs = factory.Logs.All;
        Assert.DoesNotContain("李雷ZQ77", logs, StringComparison.Ordinal);
        Assert.DoesNotContain("13911112222", logs, StringComparison.Ordinal);
        Assert.DoesNotContain("某市某路88号", logs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostPdf_InvalidLetterDetail_ReshowsPlanWithMessageAndKeepsInput()
    {
        using var s = new WebSession(factory);
        var link = await CheckFlow.PlanLinkAsync(s, CheckFlow.BankFraud);
        var (_, page) = await s.GetAsync(link);

        var response = await s.SubmitAsync(page, Fields.Of(("your-name", new string('名', 120)), ("your-contact", "13911112222")), "form[action$='/pdf']");
        var again = await WebSession.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("最多100个字", again.QuerySelector("#e-your-name")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("13911112222", again.QuerySelector<IHtmlInputElement>("#f-your-contact")!.Value);
    }

    [Fact]
    public async Task PostLetter_OneLetterWithDetails_DownloadsItsWordFileWithTheDetailsAndLogsNothingPersonal()
    {
        using var s = new WebSession(factory);
        var link = await CheckFlow.PlanLinkAsync(s, CheckFlow.BankFraud);
        var (_, page) = await s.GetAsync(link);
        var buttons = page.QuerySelectorAll("button[name=letter]").Select(b => b.GetAttribute("value")).ToList();
        Assert.Contains("police-statement", buttons);
        var trace = new Trace();
        trace.Apply(s.Client);

        var response = await s.SubmitAsync(page, Fields.Of(("your-name", "李雷ZQ78"), ("your-contact", "13911113333"), ("letter", "police-statement")), "form[action$='/pdf']", action: link + "/letter");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("leakrights-letter-police-statement-20261127.docx", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        using var doc = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var text = doc.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.StartsWith("控告材料（情况说明）", text, StringComparison.Ordinal);
        Assert.Contains("控告人（被害人）：李雷ZQ78", text, StringComparison.Ordinal);
        Assert.DoesNotContain("投诉举报信", text, StringComparison.Ordinal); // this letter only

        var completed = await factory.Logs.WaitForRequestAsync(trace);
        Assert.Contains("\"/plan/{token}/letter\" responded 200", completed, StringComparison.Ordinal);
        Assert.DoesNotContain("李雷ZQ78", factory.Logs.All, StringComparison.Ordinal);
        Assert.DoesNotContain("13911113333", factory.Logs.All, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("no-such-letter", HttpStatusCode.NotFound, "这份计划里没有这封信函")]
    [InlineData("", HttpStatusCode.NotFound, "这份计划里没有这封信函")]
    public async Task PostLetter_LetterNotInThePlan_ReshowsTheFormWithAMessage(string letter, HttpStatusCode status, string message)
    {
        using var s = new WebSession(factory);
        var link = await CheckFlow.PlanLinkAsync(s, CheckFlow.BankFraud);
        var (_, page) = await s.GetAsync(link);

        var response = await s.SubmitAsync(page, Fields.Of(("your-name", "李雷"), ("letter", letter)), "form[action$='/pdf']", action: link + "/letter");
        var shown = await WebSession.ParseAsync(response);

        Assert.Equal(status, response.StatusCode);
        Assert.Contains(message, shown.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("李雷", shown.QuerySelector<IHtmlInputElement>("#f-your-name")!.Value);
        Assert.NotEmpty(shown.QuerySelectorAll("button[name=letter]"));
    }

    [Fact]
    public async Task PostLetter_InvalidDetail_ReshowsTheFormWithTheMessageAndKeepsInput()
    {
        using var s = new WebSession(factory);
        var link = await CheckFlow.PlanLinkAsync(s, CheckFlow.BankFraud);
        var (_, page) = await s.GetAsync(link);

        var response = await s.SubmitAsync(page, Fields.Of(("your-name", new string('名', 120)), ("your-contact", "13911112222"), ("letter", "complaint")), "form[action$='/pdf']", action: link + "/letter");
        var again = await WebSession.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("最多100个字", again.QuerySelector("#e-your-name")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("13911112222", again.QuerySelector<IHtmlInputElement>("#f-your-contact")!.Value);
    }

    [Fact]
    public async Task PostLetter_WhatHappenedInOwnWords_IsInTheLetterNotInTheLogs_AndTooLongIsReshownKept()
    {
        using var s = new WebSession(factory);
        var link = await CheckFlow.PlanLinkAsync(s, CheckFlow.BankFraud);
        var (_, page) = await s.GetAsync(link);
        Assert.NotNull(page.QuerySelector("textarea#f-what-happened"));
        var trace = new Trace();
        trace.Apply(s.Client);

        var ok = await s.SubmitAsync(page, Fields.Of(("what-happened", "对方冒充客服QZ81说出了我的余额"), ("letter", "police-statement")), "form[action$='/pdf']", action: link + "/letter");
        using var doc = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(await ok.Content.ReadAsByteArrayAsync()), false);
        Assert.Contains("对方冒充客服QZ81说出了我的余额", doc.MainDocumentPart!.Document!.Body!.InnerText, StringComparison.Ordinal);
        await factory.Logs.WaitForRequestAsync(trace);
        Assert.DoesNotContain("QZ81", factory.Logs.All, StringComparison.Ordinal);

        var tooLong = new string('长', 501);
        var again = await WebSession.ParseAsync(await s.SubmitAsync(page, Fields.Of(("what-happened", tooLong), ("letter", "police-statement")), "form[action$='/pdf']", action: link + "/letter"));
        Assert.Contains("最多500个字", again.QuerySelector("#e-what-happened")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(tooLong, again.QuerySelector<IHtmlTextAreaElement>("#f-what-happened")!.Value);
    }

    [Fact]
    public async Task GetLetter_RedirectsToThePlansDownloadSection()
    {
        using var s = new WebSession(factory);
        var link = await CheckFlow.PlanLinkAsync(s, CheckFlow.BankFraud);

        var response = await s.Client.GetAsync(link + "/letter");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(link + "#download-title", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task GetCalendar_PlanLink_DownloadsIcs()
    {
        using var s = new WebSession(factory);
        var link = await CheckFlow.PlanLinkAsync(s, CheckFlow.BankFraud);

        var response = await s.Client.GetAsync(link + "/calendar");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("BEGIN:VCALENDAR", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApiPlansPdf_SameBodyWithLetterFields_ReturnsPdfAttachment()
    {
        using var client = factory.CreateClient();
        var trace = new Trace();
        trace.Apply(client);
        const string body = """{"answers":{"source":"courier","data-types":["identity","contact","address"],"scale":"unknown","discovery":["spam"],"evidence":["call-sms-records"],"harms":["spam"],"ongoing-danger":"no","contacted-organisation":"not-yet","police-report":"no","discovered-on":"2026-09","your-name":"韩梅梅QX","organisation-address":"某快递网点"}}""";

        var response = await client.PostAsync("/api/v1/plans/pdf", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.StartsWith("leakrights-plan-", response.Content.Headers.ContentDisposition.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName, StringComparison.Ordinal);
        Assert.Contains("\"/api/v1/plans/pdf\" responded 200", await factory.Logs.WaitForRequestAsync(trace), StringComparison.Ordinal);
        Assert.DoesNotContain("韩梅梅QX", factory.Logs.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApiPlansPdf_BadLetterField_Returns400NamingIt()
    {
        using var client = factory.CreateClient();
        var body = "{\"answers\":{\"source\":\"unknown\",\"data-types\":[\"contact\"],\"scale\":\"unknown\",\"discovery\":[\"spam\"],\"evidence\":[\"none\"],\"harms\":[\"spam\"],\"ongoing-danger\":\"no\",\"police-report\":\"no\",\"discovered-on\":\"2026-11\",\"your-contact\":42}}";

        var response = await client.PostAsync("/api/v1/plans/pdf", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("your-contact", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("your-name", "李雷\u202E")]
    [InlineData("your-contact", "139\u200B1111\u200B2222")]
    [InlineData("organisation-address", "某市\uE000某路")]
    [InlineData("your-name", "李\U000E0041雷")]
    public async Task ApiPlansPdf_InvisibleCharacterInLetterField_Returns400NamingIt(string field, string value)
    {
        using var client = factory.CreateClient();
        var body = "{\"answers\":{\"source\":\"unknown\",\"data-types\":[\"contact\"],\"scale\":\"unknown\",\"discovery\":[\"spam\"],\"evidence\":[\"none\"],\"harms\":[\"spam\"],\"ongoing-danger\":\"no\",\"police-report\":\"no\",\"discovered-on\":\"2026-11\",\"" + field + "\":" + System.Text.Json.JsonSerializer.Serialize(value) + "}}";

        var response = await client.PostAsync("/api/v1/plans/pdf", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var problem = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var message = Assert.Single(problem.RootElement.GetProperty("errors").EnumerateObject()).Value[0].GetString();
        Assert.Equal(field, problem.RootElement.GetProperty("errors").EnumerateObject().Single().Name);
        Assert.Contains("看不见或无法显示的特殊字符", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostPdf_BidiOverrideInName_ReshowsPlanWithMessageAtTheField()
    {
        using var s = new WebSession(factory);
        var link = await CheckFlow.PlanLinkAsync(s, CheckFlow.BankFraud);
        var (_, page) = await s.GetAsync(link);

        var response = await s.SubmitAsync(page, Fields.Of(("your-name", "李雷\u202E公司"), ("your-contact", "13911112222")), "form[action$='/pdf']");
        var again = await WebSession.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("U+202E", again.QuerySelector("#e-your-name")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("13911112222", again.QuerySelector<IHtmlInputElement>("#f-your-contact")!.Value);
    }
}
