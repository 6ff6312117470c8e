using Microsoft.Playwright;

namespace LeakRights.Web.Tests.Browser;

/// <summary>
/// Issue 12, item 8: "快速离开" on every page of the check and the plan replaces the page with a neutral site and clears the
/// draft (the cookie, and this tab's sessionStorage); a plain link without JavaScript, and Esc pressed three times with it.
/// The neutral site is answered by the test (no network here).
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class QuickExitBrowserTests(BrowserFixture browser)
{
    private const string Neutral = LeakRights.Web.Pages.Check.LeaveModel.NeutralSite;

    private async Task<IBrowserContext> ContextAsync(bool javaScript)
    {
        var context = await browser.NewContextAsync(BrowserFixture.Phone, javaScript);
        await context.RouteAsync(new System.Text.RegularExpressions.Regex("^https://www\\.weather\\.com\\.cn/"), route => route.FulfillAsync(new() { Status = 200, ContentType = "text/html; charset=utf-8", Body = "<!doctype html><title>天气</title><p>今天晴</p>" }));
        return context;
    }

    /// <summary>Answers step 1 (a draft cookie) and types on step 2 without sending (a sessionStorage draft with JavaScript).</summary>
    private static async Task StartCheckAsync(IPage page)
    {
        await page.GotoAsync("/check/1");
        await BrowserCheck.TickAsync(page, "source", "unknown");
        await BrowserCheck.NextAsync(page);
        await BrowserCheck.TickAsync(page, "data-types", "identity");
        Assert.EndsWith("/check/2", page.Url, StringComparison.Ordinal);
    }

    private static async Task AssertLeftAsync(IPage page, IBrowserContext context)
    {
        await page.WaitForURLAsync(Neutral);
        Assert.Equal("今天晴", await page.Locator("p").InnerTextAsync());
        Assert.DoesNotContain(await context.CookiesAsync(), c => c.Name == "lr_draft");
    }

    [SkippableTheory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task QuickExit_Tapped_OpensNeutralSiteAndClearsTheDraft(bool javaScript)
    {
        Skip.If(browser.SkipReason is not null, browser.SkipReason);
        await using var context = await ContextAsync(javaScript);
        var page = await context.NewPageAsync();
        await StartCheckAsync(page);
        Assert.Contains(await context.CookiesAsync(), c => c.Name == "lr_draft");
        if (javaScript)
        {
            Assert.True(await page.EvaluateAsync<int>("() => sessionStorage.length") > 0);
        }

        await page.GetByRole(AriaRole.Link, new() { Name = "快速离开" }).ClickAsync();

        await AssertLeftAsync(page, context);
        await page.GoBackAsync();
        if (javaScript)
        {
            // The page that was open was replaced: Back does not return to it, and nothing of the draft is left in the tab.
            Assert.DoesNotContain("/check/2", page.Url, StringComparison.Ordinal);
            Assert.Equal(0, await page.EvaluateAsync<int>("() => sessionStorage.length"));
        }

        // Either way the check starts from nothing.
        await page.GotoAsync("/check/2");
        Assert.EndsWith("/check/1", page.Url, StringComparison.Ordinal);
        Assert.Empty(await BrowserCheck.CheckedAsync(page, "source"));
    }

    [SkippableFact]
    public async Task QuickExit_EscapePressedThreeTimes_OpensNeutralSiteAndClearsTheDraft()
    {
        Skip.If(browser.SkipReason is not null, browser.SkipReason);
        await using var context = await ContextAsync(javaScript: true);
        var page = await context.NewPageAsync();
        await StartCheckAsync(page);

        await page.Keyboard.PressAsync("Escape");
        await page.Keyboard.PressAsync("Escape");
        Assert.EndsWith("/check/2", page.Url, StringComparison.Ordinal);
        Assert.True(await page.EvaluateAsync<int>("() => sessionStorage.length") > 0);

        // The test's stand-in for the neutral site does not catch this navigation (it does for a tap), so the test waits
        // for the browser to ask for the neutral site, after /check/leave cleared the cookie.
        var request = await page.RunAndWaitForRequestAsync(() => page.Keyboard.PressAsync("Escape"), Neutral);
        Assert.Equal("/check/leave", new Uri(request.RedirectedFrom!.Url).AbsolutePath);
        Assert.Equal(302, (await request.RedirectedFrom.ResponseAsync())!.Status);
        Assert.DoesNotContain(await context.CookiesAsync(), c => c.Name == "lr_draft");
    }

    [SkippableFact]
    public async Task QuickExit_OnEveryPageOfTheCheckAndPlan_IsVisibleAtTheTop()
    {
        Skip.If(browser.SkipReason is not null, browser.SkipReason);
        await using var context = await ContextAsync(javaScript: true);
        var page = await context.NewPageAsync();
        var (plan, _) = ScenarioPlans.Open(browser.Factory.Services, "car-dealer-location-data-used-by-stalker");
        var pages = new List<string>();
        await page.GotoAsync("/check/1");
        for (var guard = 0; guard < 10 && !page.Url.Contains("/check/review", StringComparison.Ordinal); guard++)
        {
            pages.Add(new Uri(page.Url).PathAndQuery);
            var link = page.GetByRole(AriaRole.Link, new() { Name = "快速离开" });
            var box = await link.BoundingBoxAsync();
            Assert.True(box is not null && box.Y + box.Height <= 120, $"{page.Url}: 快速离开 at {box?.Y}");
            await BrowserCheck.AnswerPageAsync(page, CheckFlow.BankFraud);
            await BrowserCheck.NextAsync(page);
        }

        foreach (var url in new[] { "/check/review", plan })
        {
            await page.GotoAsync(url);
            var box = await page.GetByRole(AriaRole.Link, new() { Name = "快速离开" }).BoundingBoxAsync();
            Assert.True(box is not null && box.Y + box.Height <= 120, $"{url}: 快速离开 at {box?.Y}");
        }

        Assert.True(pages.Count >= 5, string.Join(", ", pages));
    }
}
