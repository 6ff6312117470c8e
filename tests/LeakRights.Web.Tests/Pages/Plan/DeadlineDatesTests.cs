using LeakRights.Core.Tests;
using System.Net;
using System.Text;
using System.Text.Json;
using UglyToad.PdfPig;

namespace LeakRights.Web.Tests.Pages.Plan;

/// <summary>
/// Due dates are decided once, by the plan, from the clocks in seeds/rules.json: the page, the API, the PDF and the .ics
/// show the same dates, and a new clock is an edit to seeds/ only.
/// </summary>
public class DeadlineDatesTests(LeakRightsFactory factory) : IClassFixture<LeakRightsFactory>
{
    /// <summary>Bank customer, request to the bank not yet sent, plan made Friday 27 November 2026 (10:00 in China).</summary>
    [Fact]
    public async Task PlanPage_ShowsTheDatesThePlanComputed_SameAsTheApi()
    {
        using var s = new WebSession(factory);
        var link = await CheckFlow.PlanLinkAsync(s, CheckFlow.BankFraud);

        var (_, page) = await s.GetAsync(link);
        using var client = factory.CreateClient();
        var api = JsonDocument.Parse(await (await client.PostAsync("/api/v1/plans", new StringContent(PlansApiBody, Encoding.UTF8, "application/json"))).Content.ReadAsStringAsync()).RootElement;

        // 15 days from today; the regulator's 7 working days from the end of those 15 days (Mon 14 … Tue 22 December).
        Assert.Equal("如果今天发出要求，答复期限大约到 2026年12月12日（从对方收到起算十五日，邮寄的请顺延几天）", page.QuerySelector("#deadline-organisation-reply .due")!.TextContent.Trim());
        Assert.Equal("如果单位到期仍未答复、您随即向有关行政部门投诉，部门最晚于 2026年12月22日 处理并告知您", page.QuerySelector("#deadline-regulator-reply .due")!.TextContent.Trim());
        Assert.Equal("诉讼时效截止：2029年10月（按您填写的月份推算，具体是那个月里与您知道之日对应的一天，越早起诉越稳妥；之后书面要求对方赔偿，或者为追回损失、要求赔偿而报案、控告的，从那时重新计算三年）", page.QuerySelector("#deadline-limitation .due")!.TextContent.Trim());
        Assert.Contains("2026年12月12日", page.QuerySelector("#step-send-deletion-request .due")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("2026年12月12日", page.QuerySelector(".first-things")!.TextContent, StringComparison.Ordinal);

        var deadlines = api.GetProperty("deadlines").EnumerateArray().ToDictionary(d => d.GetProperty("key").GetString()!);
        Assert.Equal("2026-12-12", deadlines["organisation-reply"].GetProperty("due").GetProperty("date").GetString());
        Assert.Equal("if-started-today", deadlines["organisation-reply"].GetProperty("due").GetProperty("basis").GetString());
        Assert.Equal("2026-12-22", deadlines["regulator-reply"].GetProperty("due").GetProperty("date").GetString());
        Assert.Equal("after-deadline", deadlines["regulator-reply"].GetProperty("due").GetProperty("basis").GetString());
        Assert.Equal("2029-10", deadlines["limitation"].GetProperty("due").GetProperty("date").GetString());
        Assert.Equal("month", deadlines["limitation"].GetProperty("due").GetProperty("precision").GetString());
        Assert.Equal("2029-10", deadlines["limitation"].GetProperty("date").GetString()); // v1 field unchanged
        Assert.Equal(JsonValueKind.Null, deadlines["organisation-reply"].GetProperty("date").ValueKind); // v1: month dates only
        foreach (var key in deadlines.Keys)
        {
            Assert.Equal(page.QuerySelector($"#deadline-{key} .due")!.TextContent.Trim(), deadlines[key].GetProperty("due").GetProperty("text").GetString());
        }
    }

    [Fact]
    public async Task NewClockAddedInSeedsOnly_ShowsOnPageApiPdfAndCalendar()
    {
        using var seeds = SeedsWithPoliceClock();
        using var app = new LeakRightsFactory().With("LeakRights:SeedsPath", seeds.Path);
        using var s = new WebSession(app);
        var link = await CheckFlow.PlanLinkAsync(s, CheckFlow.BankFraud);

        // Friday 27 November + 3 working days: Mon 30 Nov, Tue 1 Dec, Wed 2 Dec.
        const string line = "如果今天报案，派出所应在 2026年12月2日 前给出结果（测试用期限）";
        var (_, page) = await s.GetAsync(link);
        Assert.Equal(line, page.QuerySelector("#deadline-police-decision .due")!.TextContent.Trim());
        Assert.Contains(line, page.QuerySelector("#step-report-to-police")!.TextContent, StringComparison.Ordinal);

        using var client = app.CreateClient();
        var api = JsonDocument.Parse(await (await client.PostAsync("/api/v1/plans", new StringContent(PlansApiBody, Encoding.UTF8, "application/json"))).Content.ReadAsStringAsync()).RootElement;
        var deadline = api.GetProperty("deadlines").EnumerateArray().Single(d => d.GetProperty("key").GetString() == "police-decision");
        Assert.Equal("2026-12-02", deadline.GetProperty("due").GetProperty("date").GetString());
        Assert.Equal(line, deadline.GetProperty("due").GetProperty("text").GetString());
        var step = api.GetProperty("paths").EnumerateArray().SelectMany(p => p.GetProperty("steps").EnumerateArray()).Single(x => x.GetProperty("key").GetString() == "report-to-police");
        Assert.Equal("police-decision", step.GetProperty("deadline").GetString());

        var pdf = await s.SubmitAsync(page, [], "form[action$='/pdf']");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        using (var doc = PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync()))
        {
            var text = string.Concat(doc.GetPages().Select(p => string.Concat(p.Letters.Select(l => l.Value)))).Replace(" ", string.Empty, StringComparison.Ordinal);
            Assert.Contains("派出所答复（测试用）", text, StringComparison.Ordinal);
            Assert.Contains(line.Replace(" ", string.Empty, StringComparison.Ordinal), text, StringComparison.Ordinal);
        }

        var ics = await s.Client.GetStringAsync(link + "/calendar");
        Assert.Contains("UID:police-decision-20261202@leakrights", ics, StringComparison.Ordinal);
        Assert.Contains("DTSTART;VALUE=DATE:20261202", ics, StringComparison.Ordinal);
        Assert.Contains("TRIGGER:-P2D", ics, StringComparison.Ordinal);
        var starts = ics.Split("\r\n").Where(l => l.StartsWith("DTSTART", StringComparison.Ordinal)).ToList();
        Assert.Equal(starts.Order(StringComparer.Ordinal), starts); // in date order
    }

    private const string PlansApiBody = """
        {"answers":{"source":"bank","insider":"yes","organisation-name":"某银行某支行","data-types":["identity","contact","property"],"scale":"unknown","discovery":["fraud-contact"],"discovered-on":"2026-10","infringer-known":"yes","infringer-known-on":"2026-10","evidence":["call-sms-records","loss-proof"],"harms":["financial-loss"],"loss-amount":20000,"ongoing-danger":"no","contacted-organisation":"not-yet","police-report":"no"}}
        """;

    /// <summary>A copy of seeds/ with one more event and one more deadline clock, and their wording: nothing else changes.</summary>
    private static SeedCopy SeedsWithPoliceClock()
    {
        var seeds = new SeedCopy();
        seeds.Replace("rules.json", "  \"events\": [\n", "  \"events\": [\n    { \"id\": \"police-report-filed\", \"assume\": \"today\" },\n");
        seeds.Replace("rules.json", "  \"deadlines\": [\n", "  \"deadlines\": [\n    { \"key\": \"police-decision\", \"when\": { \"pathRecommended\": \"legal-action\" }, \"due\": { \"workingDays\": 3, \"from\": \"police-report-filed\" }, \"step\": \"report-to-police\", \"remindDaysBefore\": 2, \"cites\": [\"criminal-law#253-1\"] },\n");
        seeds.Replace("texts.json", "  \"events\": {\n", "  \"events\": {\n    \"police-report-filed\": { \"assumed\": \"如果今天报案\" },\n");
        seeds.Replace("texts.json", "  \"deadlines\": {\n", "  \"deadlines\": {\n    \"police-decision\": { \"title\": \"派出所答复（测试用）\", \"text\": \"测试用的期限说明。\", \"due\": \"{assumption}，派出所应在 {due-date} 前给出结果（测试用期限）\" },\n");
        return seeds;
    }
}
