using System.Net;
using DocumentFormat.OpenXml.Packaging;
using LeakRights.Core.Incidents;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;

namespace LeakRights.Web.Tests.Pages.Check;

/// <summary>The app with a fixed set of published incidents (the registry's catalog replaced), for the prefilled check and the referral letter.</summary>
public sealed class IncidentApp : LeakRightsFactory
{
    public static readonly Incident Hotel = new(
        "hotel-group-2026-11",
        "某某酒店集团",
        "app",
        new DateOnly(2026, 10, 20),
        new DateOnly(2026, 11, 3),
        ["identity", "contact", "accommodation"],
        "5000-plus",
        "某某酒店集团的会员数据库被公开售卖。",
        IncidentStatus.Reported,
        [
            new IncidentSource(IncidentSourceKind.Press, "某某酒店集团会员信息疑遭泄露", new Uri("https://news.example.cn/2026/11/03/hotel"), new DateOnly(2026, 11, 3)),
            new IncidentSource(IncidentSourceKind.OrganisationNotice, "关于会员信息安全事件的说明", new Uri("https://hotel.example.cn/notice"), new DateOnly(2026, 11, 5)),
        ],
        2,
        new DateTimeOffset(2026, 11, 5, 0, 0, 0, TimeSpan.Zero));

    public static readonly Incident Courier = Hotel with
    {
        Slug = "courier-waybills-2026-09",
        Organisation = "某某快递公司",
        Source = "courier",
        BecamePublicOn = new DateOnly(2026, 9, 1),
        DataTypes = ["identity", "address"],
        Scale = "500-4999",
        Status = IncidentStatus.ConfirmedByAuthority,
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IIncidentCatalog>(new Catalog(Hotel, Courier)));
    }

    private sealed class Catalog(params Incident[] incidents) : IIncidentCatalog
    {
        public IReadOnlyList<Incident> PublishedIncidents { get; } = [.. incidents.OrderByDescending(i => i.BecamePublicOn)];

        public Incident? FindIncident(string slug) => PublishedIncidents.FirstOrDefault(i => i.Slug == slug);
    }
}

/// <summary>Tests Pages/Check/Incident.cshtml.cs: "按这次泄露开始自查" → the steps (confirm or change) → review → the plan and its letter.</summary>
public sealed class IncidentTests(IncidentApp app) : IClassFixture<IncidentApp>
{
    private const string Start = "/check/incident/hotel-group-2026-11";

    /// <summary>What the person adds on the steps the incident does not answer.</summary>
    private static readonly Dictionary<string, string[]> Rest = new()
    {
        ["discovered-on"] = ["2026-11"],
        ["evidence"] = ["none"],
        ["harms"] = ["spam"],
        ["ongoing-danger"] = ["no"],
        ["police-report"] = ["no"],
    };

    /// <summary>
    /// Goes through the steps as a person confirming the prefilled answers: posts what each step shows as checked or filled,
    /// with <paramref name="changes"/> replacing a question's values and <see cref="Rest"/> filling what is still empty.
    /// Returns the review page.
    /// </summary>
    private static async Task<IDocument> ConfirmStepsAsync(WebSession s, IReadOnlyDictionary<string, string[]>? changes = null)
    {
        var (response, page) = await s.GetAsync("/check/1");
        for (var guard = 0; guard < 20 && new Uri(page.Url).AbsolutePath != "/check/review"; guard++)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var inputs = page.QuerySelectorAll<IHtmlInputElement>("main form input[name]:not([type=hidden]):not([disabled])").ToList();
            var fields = new List<KeyValuePair<string, string>>();
            foreach (var name in inputs.Select(i => i.Name!).Distinct())
            {
                var shown = inputs.Where(i => i.Name == name && (i.Type is "radio" or "checkbox" ? i.IsChecked : i.Value.Length > 0)).Select(i => i.Value).ToArray();
                var values = changes?.GetValueOrDefault(name) ?? (shown.Length > 0 ? shown : Rest.GetValueOrDefault(name) ?? []);
                fields.AddRange(values.Select(v => new KeyValuePair<string, string>(name, v)));
            }

            fields.Add(new("nav", "next"));
            (response, page) = await s.FollowAsync(await s.SubmitAsync(page, fields));
            Assert.Null(page.QuerySelector("[data-error-summary]"));
        }

        return page;
    }

    private static async Task<string> PlanLinkAsync(WebSession s, IDocument review)
    {
        var response = await s.SubmitAsync(review, [], "main form[method=post]:not([action*=handler])");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!.OriginalString;
    }

    private static string PdfText(byte[] pdf)
    {
        using var doc = PdfDocument.Open(pdf);
        return string.Concat(doc.GetPages().Select(p => string.Concat(p.Letters.Select(l => l.Value)))).Replace(" ", string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_NoCheckInProgress_StartsADraftWithTheIncidentsAnswers_AndStepOneShowsThemToConfirm()
    {
        using var s = new WebSession(app);

        var response = await s.Client.GetAsync(Start);
        var (step1Response, step1) = await s.GetAsync("/check/1");
        var (_, step2) = await s.GetAsync("/check/2");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/check/1", response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, step1Response.StatusCode);
        Assert.Contains("已按「某某酒店集团」泄露事件预先填好", step1.QuerySelector(".incident-prefill")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("请逐项确认或修改", step1.QuerySelector(".incident-prefill")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("app", step1.QuerySelector<IHtmlInputElement>("input[name=source]:checked")!.Value);
        Assert.Equal("某某酒店集团", step1.QuerySelector<IHtmlInputElement>("input[name=organisation-name]")!.Value);
        Assert.Equal(["identity", "contact", "accommodation"], step2.QuerySelectorAll<IHtmlInputElement>("input[name=data-types]:checked").Select(i => i.Value));
        Assert.Equal("5000-plus", step2.QuerySelector<IHtmlInputElement>("input[name=scale]:checked")!.Value);
        Assert.Null(step1.QuerySelector("input[name=incident]")); // hidden: never asked on a step
    }

    [Fact]
    public async Task Flow_ConfirmEveryStep_ThePlanAndThePath1LetterNameTheIncident_InPdfAndWord()
    {
        using var s = new WebSession(app);
        await s.Client.GetAsync(Start);

        var review = await ConfirmStepsAsync(s);
        var link = await PlanLinkAsync(s, review);
        var (_, plan) = await s.GetAsync(link);
        var pdf = await s.SubmitAsync(plan, [], "form[action$='/pdf']");
        var docx = await s.SubmitAsync(plan, [new("letter", "deletion-request")], "form[action$='/pdf']", link + "/letter");

        Assert.Contains("本计划按「某某酒店集团」泄露事件", plan.QuerySelector(".plan-incident")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("/incidents/hotel-group-2026-11/referral", plan.QuerySelector("#step-public-interest .referral-offer a")!.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        var text = PdfText(await pdf.Content.ReadAsByteArrayAsync());
        Assert.Contains("2026年11月3日，《某某酒店集团会员信息疑遭泄露》（2026年11月3日）、《关于会员信息安全事件的说明》（2026年11月5日）公开了某某酒店集团发生个人信息泄露的情况", text, StringComparison.Ordinal);
        Assert.Contains("就此次泄露事件，书面告知本人", text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        using var word = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false);
        var wordText = word.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.Contains("公开了某某酒店集团发生个人信息泄露的情况", wordText, StringComparison.Ordinal);
        Assert.Contains("是否已经就此次泄露事件通知本人", wordText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Flow_ThePersonChangesAPrefilledAnswer_TheChangeIsRespected()
    {
        using var s = new WebSession(app);
        await s.Client.GetAsync(Start);

        var review = await ConfirmStepsAsync(s, new Dictionary<string, string[]> { ["organisation-name"] = ["某某酒店集团上海分公司"], ["data-types"] = ["contact"] });
        var (_, plan) = await s.GetAsync(await PlanLinkAsync(s, review));
        var pdf = await s.SubmitAsync(plan, [], "form[action$='/pdf']");
        var text = PdfText(await pdf.Content.ReadAsByteArrayAsync());

        Assert.Contains("某某酒店集团上海分公司", review.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("被申请人：某某酒店集团上海分公司的运营者", text, StringComparison.Ordinal);
        Assert.Contains("可能在泄露范围内：联系方式。", text, StringComparison.Ordinal); // only what the person kept
        Assert.Contains("公开了某某酒店集团发生个人信息泄露的情况", text, StringComparison.Ordinal); // the registry's name for the incident
    }

    [Fact]
    public async Task Get_AnotherCheckInProgress_AsksBeforeReplacing_AndThePostReplacesIt()
    {
        using var s = new WebSession(app);
        await StepTests.PassFirstThreeSteps(s);

        var (asked, page) = await s.GetAsync(Start);
        var kept = await s.Client.GetAsync("/check/3");
        var replaced = await s.SubmitAsync(page, []);
        var (_, step1) = await s.GetAsync("/check/1");

        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.False(asked.Headers.TryGetValues("Set-Cookie", out _));
        Assert.NotNull(page.QuerySelector("main form[method=post] input[name=__RequestVerificationToken]"));
        Assert.Equal(HttpStatusCode.OK, kept.StatusCode); // nothing replaced by asking
        Assert.Equal(HttpStatusCode.Redirect, replaced.StatusCode);
        Assert.Equal("app", step1.QuerySelector<IHtmlInputElement>("input[name=source]:checked")!.Value);
        Assert.NotNull(step1.QuerySelector(".incident-prefill"));
    }

    [Fact]
    public async Task Get_SameIncidentAlreadyInProgress_KeepsThePersonsChanges()
    {
        using var s = new WebSession(app);
        await s.Client.GetAsync(Start);
        var (_, step1) = await s.GetAsync("/check/1");
        await s.SubmitAsync(step1, [new("source", "ecommerce"), new("organisation-name", "某某酒店集团"), new("nav", "next")]);

        var again = await s.Client.GetAsync(Start);
        var (_, after) = await s.GetAsync("/check/1");

        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal("ecommerce", after.QuerySelector<IHtmlInputElement>("input[name=source]:checked")!.Value);
    }

    [Theory]
    [InlineData("/check/incident/no-such-incident")]
    [InlineData("/check/incident/HOTEL-GROUP-2026-11")]
    [InlineData("/check/incident/%E2%80%AE")]
    [InlineData("/check/incident/%20")]
    [InlineData("/check/incident/hotel-group-2026-11-and-a-very-long-tail-hotel-group-2026-11-and-a-very-long-tail-hotel-group-2026-11-and-a-very-long-tail")]
    public async Task Get_UnknownOrUnpublishedIncident_IsAFriendly404_AndNoDraft(string url)
    {
        using var s = new WebSession(app);

        var (response, page) = await s.GetAsync(url);
        var post = await s.Client.PostAsync(url, new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("没有找到这起泄露事件", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out _));
        Assert.True((int)post.StatusCode is 400 or 404, $"POST answered {(int)post.StatusCode}");
    }

    [Fact]
    public async Task Post_ForgedIncidentField_OnAStep_IsRefused_TheIncidentIsNeverPostedByAForm()
    {
        using var s = new WebSession(app);
        var (_, step1) = await s.GetAsync("/check/1");

        var response = await s.SubmitAsync(step1, [new("source", "app"), new("incident", "hotel-group-2026-11"), new("nav", "next")]);
        var (_, again) = await s.GetAsync("/check/1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode); // shown again with "not on this page"
        Assert.Null(again.QuerySelector(".incident-prefill"));
    }

    [Theory]
    [InlineData("hotel-group-2026-11", "hotel-group-2026-11")]
    [InlineData("no-such-incident", null)]
    [InlineData("HOTEL-GROUP-2026-11", null)]
    public async Task Api_IncidentAnswer_ThePlanNamesAPublishedIncident_AnUnknownOneIsDropped(string slug, string? expected)
    {
        using var client = app.CreateClient();
        var body = $$$"""
            {"answers":{"source":"app","organisation-name":"某某酒店集团","data-types":["identity"],"scale":"5000-plus","discovery":["news"],"discovered-on":"2026-11","evidence":["none"],"harms":["spam"],"ongoing-danger":"no","police-report":"no","incident":"{{{slug}}}"}}
            """;

        var response = await client.PostAsync("/api/v1/plans", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var letter = json.GetProperty("letters").EnumerateArray().Single(l => l.GetProperty("id").GetString() == "deletion-request");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, json.GetProperty("incident") is { ValueKind: System.Text.Json.JsonValueKind.Object } i ? i.GetProperty("slug").GetString() : null);
        Assert.Equal(expected is not null, letter.GetRawText().Contains("此次泄露事件", StringComparison.Ordinal));
    }
}
