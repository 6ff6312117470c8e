using System.IO.Compression;
using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace LeakRights.Web.Tests.Browser;

/// <summary>
/// Issue 13, "done means": a whole case followed over simulated weeks in a real browser on a phone. The person saves the
/// plan as a case, records the deletion request sent by EMS with its number; sixteen days later the plan offers the
/// follow-up and the complaint letters, which state the date, the channel and the number; she records the complaint, and
/// the regulator's window appears in the subscribed calendar; she records that the police refused to file the case, and
/// the seven days for 复议 appear on the page and in the calendar; she applies for 复议, it upholds the refusal, and the
/// 复核 comes next with its letter and seven days; she applies, and the thirty days for the 复核 decision replace the
/// window in the calendar. The app's clock is a fake moved forward by the test.
/// </summary>
[Collection(MovingClockBrowserGroup.Name)]
public sealed class CaseOverWeeksBrowserTests(MovingClockBrowserFixture browser)
{
    private static readonly IReadOnlyDictionary<string, string[]> OnlineShopPoliceReported = new Dictionary<string, string[]>
    {
        ["source"] = ["ecommerce"],
        ["insider"] = ["no"],
        ["organisation-name"] = ["某某商城"],
        ["data-types"] = ["identity", "contact", "address", "transactions"],
        ["scale"] = ["only-me"],
        ["discovery"] = ["fraud-contact"],
        ["discovered-on"] = ["2026-11"],
        ["infringer-known"] = ["yes"],
        ["infringer-known-on"] = ["2026-11"],
        ["evidence"] = ["unique-trace"],
        ["harms"] = ["fraud-attempt"],
        ["ongoing-danger"] = ["no"],
        ["organisation-notified"] = ["no"],
        ["contacted-organisation"] = ["not-yet"],
        ["police-report"] = ["pending"],
        ["last-claim-on"] = ["2026-11"],
    };

    [SkippableFact]
    public async Task CaseOverWeeks_RecordedProgress_LettersCalendarAndDeadlinesFollow()
    {
        Skip.If(browser.SkipReason is not null, browser.SkipReason);
        await using var context = await browser.NewContextAsync(BrowserFixture.Phone);
        var page = await context.NewPageAsync();
        var failed = BrowserCheck.RecordFailedResponses(page);

        // Friday 27 November 2026: the plan, saved as a case.
        await BrowserCheck.BuildPlanAsync(page, OnlineShopPoliceReported);
        await BrowserCheck.NavigateAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "保存为我的案件" }).ClickAsync());
        Assert.Matches(new Regex("/case/[A-Za-z0-9_-]{12}/[A-Za-z0-9_-]{22}\\?saved=1$"), page.Url);
        await Expect(page.Locator("main")).ToContainTextAsync("已保存为您的案件");
        var link = (await page.Locator(".case-url code").InnerTextAsync()).Trim();
        Assert.True(link.Length <= 70, $"the case link has {link.Length} characters: {link}");
        Assert.Equal(link, page.Url.Split('?')[0]);

        // The deletion request, sent today by EMS.
        var request = page.Locator("#step-send-deletion-request");
        await OpenRecordAsync(request);
        var done = request.Locator("form:has(input[name='kind'][value='done'])");
        Assert.Equal("2026-11-27", await done.Locator("input[name='on']").InputValueAsync());
        await done.Locator("select[name='channel']").SelectOptionAsync(new SelectOptionValue { Label = "邮寄/EMS" });
        await done.GetByLabel("编号（可以不填）").FillAsync("EA123456789CN");
        await BrowserCheck.NavigateAsync(page, () => done.GetByRole(AriaRole.Button, new() { Name = "保存：这一步已完成" }).ClickAsync());
        await Expect(page.Locator("#step-send-deletion-request .progress-status")).ToContainTextAsync("已完成：2026年11月27日，邮寄/EMS，编号 EA123456789CN。等待对方答复，期限 2026年12月12日。");
        await Expect(page.Locator("#log")).ToContainTextAsync("EA123456789CN");

        // Sixteen days later, no answer: the follow-up comes first, with both escalation letters offered.
        browser.Factory.Clock.Advance(TimeSpan.FromDays(16));
        await page.ReloadAsync();
        await Expect(page.Locator("#first-action-title")).ToHaveTextAsync("某某商城超过15日没有答复：发催告函，同时可以投诉");
        await Expect(page.Locator("#step-send-deletion-request .progress-status")).ToContainTextAsync("已过期限，还没有记录到答复");
        await page.Locator("#download-title ~ details > summary").ClickAsync();
        await AssertAccessibleAsync(page, "case page, overdue, folds open");
        var followUp = await DownloadLetterTextAsync(page, "个人信息保护要求催告函");
        Assert.Contains("本人已于2026年11月27日以邮寄（EMS）方式", followUp, StringComparison.Ordinal);
        Assert.Contains("（单号或者编号：EA123456789CN）", followUp, StringComparison.Ordinal);
        Assert.Contains("没有收到贵单位的答复", followUp, StringComparison.Ordinal);
        var complaint = await DownloadLetterTextAsync(page, "投诉举报信");
        Assert.Contains("本人已于2026年11月27日以邮寄（EMS）方式", complaint, StringComparison.Ordinal);
        Assert.Contains("EA123456789CN", complaint, StringComparison.Ordinal);
        Assert.Contains("对方至今没有答复", complaint, StringComparison.Ordinal);

        // She complains online today (Saturday 13 December): seven working days from then, in the subscribed calendar.
        await RecordDoneAsync(page, "consumer-complaint", "网站/App", "12315-1213-0042");
        var webcal = await page.GetByRole(AriaRole.Link, new() { Name = "订阅日历" }).GetAttributeAsync("href");
        Assert.StartsWith("webcal://", webcal, StringComparison.Ordinal);
        var calendar = await CalendarAsync(context, webcal!);
        Assert.Contains("SUMMARY:部门处理：收到投诉后七个工作日", calendar, StringComparison.Ordinal);
        Assert.Contains("DTSTART;VALUE=DATE:20261222", calendar, StringComparison.Ordinal);
        Assert.DoesNotContain("某某商城", calendar, StringComparison.Ordinal);
        Assert.DoesNotContain("EA123456789CN", calendar, StringComparison.Ordinal);
        Assert.DoesNotContain("12315-1213-0042", calendar, StringComparison.Ordinal);

        // The police refuse to file the case (notice received today): seven days for 复议, on the page and in the calendar.
        var police = page.Locator("#step-police-pending");
        await OpenRecordAsync(police);
        var reply = police.Locator("form:has(input[name='kind'][value='reply'])");
        await reply.GetByLabel("收到不予立案通知书").CheckAsync();
        await BrowserCheck.NavigateAsync(page, () => reply.GetByRole(AriaRole.Button, new() { Name = "保存答复" }).ClickAsync());
        await Expect(page.Locator("#step-police-refused")).ToBeVisibleAsync();
        await Expect(page.Locator("#deadline-reconsideration-window")).ToContainTextAsync("按您的记录，您于2026年12月13日收到不予立案通知书，申请复议的最后一天是 2026年12月20日");
        calendar = await CalendarAsync(context, webcal!);
        Assert.Contains("SUMMARY:申请复议：收到不予立案通知书后7日内", calendar, StringComparison.Ordinal);
        Assert.Contains("DTSTART;VALUE=DATE:20261220", calendar, StringComparison.Ordinal);

        // Reloaded, the whole log is there, oldest first.
        await page.ReloadAsync();
        var log = await page.Locator("#log li").AllInnerTextsAsync();
        Assert.Equal(3, log.Count);
        Assert.Contains("2026年11月27日", log[0], StringComparison.Ordinal);
        Assert.Contains("不予立案", log[2], StringComparison.Ordinal);
        Assert.Empty(failed);

        // Sunday 14 December she applies for 复议; on 13 January 2027 the decision upholds the refusal.
        browser.Factory.Clock.Advance(TimeSpan.FromDays(1));
        await page.ReloadAsync();
        var refused = page.Locator("#step-police-refused");
        await OpenRecordAsync(refused);
        var reconsideration = refused.Locator("form:has(input[name='kind'][value='done'])");
        Assert.Equal("2026-12-14", await reconsideration.Locator("input[name='on']").InputValueAsync());
        await BrowserCheck.NavigateAsync(page, () => reconsideration.GetByRole(AriaRole.Button, new() { Name = "保存：这一步已完成" }).ClickAsync());
        await Expect(page.Locator("#step-police-refused .progress-status")).ToContainTextAsync("2026年12月14日");
        browser.Factory.Clock.Advance(TimeSpan.FromDays(30));
        await page.ReloadAsync();
        refused = page.Locator("#step-police-refused");
        await OpenRecordAsync(refused);
        var decision = refused.Locator("form:has(input[name='kind'][value='reply'])");
        await decision.GetByLabel("复议决定维持不予立案").CheckAsync();
        await BrowserCheck.NavigateAsync(page, () => decision.GetByRole(AriaRole.Button, new() { Name = "保存答复" }).ClickAsync());

        // The 复核 comes next: its letter dated from her log, its seven days in the calendar.
        await Expect(page.Locator("#step-police-review")).ToContainTextAsync("本计划附有一份复核申请书");
        await OpenLettersAsync(page);
        await AssertAccessibleAsync(page, "case page, 复核 to apply for");
        var application = await DownloadLetterTextAsync(page, "不予立案复核申请书");
        Assert.Contains("本人于2026年12月13日收到不予立案通知书；本人于2026年12月14日申请复议，于2027年1月13日收到复议决定书", application, StringComparison.Ordinal);
        Assert.Contains("现申请复核", application, StringComparison.Ordinal);
        calendar = await CalendarAsync(context, webcal!);
        Assert.Contains("SUMMARY:申请复核：收到复议决定书后7日内", calendar, StringComparison.Ordinal);
        Assert.Contains("DTSTART;VALUE=DATE:20270120", calendar, StringComparison.Ordinal);

        // She applies the next day, in person: the letter leaves, and the thirty days for the decision replace the window.
        browser.Factory.Clock.Advance(TimeSpan.FromDays(1));
        await page.ReloadAsync();
        var review = page.Locator("#step-police-review");
        await OpenRecordAsync(review);
        var applied = review.Locator("form:has(input[name='kind'][value='done'])");
        await applied.Locator("select[name='channel']").SelectOptionAsync(new SelectOptionValue { Label = "当面" });
        await BrowserCheck.NavigateAsync(page, () => applied.GetByRole(AriaRole.Button, new() { Name = "保存：这一步已完成" }).ClickAsync());
        await Expect(page.Locator("#step-police-review .progress-status")).ToContainTextAsync("2027年1月14日");
        await Expect(page.Locator("#step-police-review")).ToContainTextAsync("您已经递交了复核申请");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "下载《不予立案复核申请书》（Word）" })).ToHaveCountAsync(0);
        calendar = await CalendarAsync(context, webcal!);
        Assert.Contains("SUMMARY:复核决定：上一级公安机关收到申请后30日内", calendar, StringComparison.Ordinal);
        Assert.Contains("DTSTART;VALUE=DATE:20270213", calendar, StringComparison.Ordinal);
        Assert.DoesNotContain("申请复核：收到复议决定书后7日内", calendar, StringComparison.Ordinal);
        Assert.Empty(failed);

        // A link that does not open, and the page after deleting: as accessible as the rest.
        await page.GotoAsync(link[..^2] + "xx");
        await AssertAccessibleAsync(page, "case link that does not open");
        await page.GotoAsync("/case/deleted");
        await AssertAccessibleAsync(page, "case deleted");
    }

    private static async Task AssertAccessibleAsync(IPage page, string name)
    {
        await page.EvaluateAsync("() => document.querySelectorAll('details').forEach(d => d.open = true)");
        var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] } });
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{name}: {v.Id} {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => string.Join(",", n.Target)))}").ToList();
        Assert.True(serious.Count == 0, string.Join("\n", serious));
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    /// <summary>Opens a step's "记录进展" fold by tapping its summary, unless it is open already.</summary>
    private static async Task OpenRecordAsync(ILocator step)
    {
        var fold = step.Locator("details.record");
        if (await fold.GetAttributeAsync("open") is null)
        {
            await fold.Locator("> summary").ClickAsync();
        }

        await Expect(fold.Locator("form").First).ToBeVisibleAsync();
    }

    /// <summary>Opens the fold with the letters' download buttons, unless it is open already.</summary>
    private static async Task OpenLettersAsync(IPage page)
    {
        var fold = page.Locator("#download-title ~ details");
        if (await fold.GetAttributeAsync("open") is null)
        {
            await fold.Locator("> summary").ClickAsync();
        }
    }

    private static async Task RecordDoneAsync(IPage page, string step, string channel, string reference)
    {
        var item = page.Locator($"#step-{step}");
        await OpenRecordAsync(item);
        var form = item.Locator("form:has(input[name='kind'][value='done'])");
        await form.Locator("select[name='channel']").SelectOptionAsync(new SelectOptionValue { Label = channel });
        await form.GetByLabel("编号（可以不填）").FillAsync(reference);
        await BrowserCheck.NavigateAsync(page, () => form.GetByRole(AriaRole.Button, new() { Name = "保存：这一步已完成" }).ClickAsync());
        await Expect(page.Locator($"#step-{step} .progress-status")).ToContainTextAsync(reference);
    }

    /// <summary>Downloads one letter as Word through its button and returns the text of its paragraphs.</summary>
    private static async Task<string> DownloadLetterTextAsync(IPage page, string title)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = $"下载《{title}》（Word）" }).ClickAsync());
        using var zip = ZipFile.OpenRead((await download.PathAsync())!);
        using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
        var xml = await reader.ReadToEndAsync();
        return string.Concat(Regex.Matches(xml, "<w:t(?: [^>]*)?>([^<]*)</w:t>").Select(m => m.Groups[1].Value));
    }

    /// <summary>What a calendar app subscribed to <paramref name="webcal"/> fetches now.</summary>
    private static async Task<string> CalendarAsync(IBrowserContext context, string webcal)
    {
        var response = await context.APIRequest.GetAsync("http://" + webcal["webcal://".Length..]);
        Assert.Equal(200, response.Status);
        Assert.StartsWith("text/calendar", response.Headers["content-type"], StringComparison.Ordinal);
        return await response.TextAsync();
    }
}
