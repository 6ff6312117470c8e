using Microsoft.Playwright;

namespace LeakRights.Web.Tests.Browser;

/// <summary>What the plan page shows with and without JavaScript, and the site icon browsers ask for on every page.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class PlanPageBrowserTests(BrowserFixture browser)
{
    [SkippableFact]
    public async Task PrintButton_WithJavaScript_IsShownAndPrints()
    {
        Skip.If(browser.SkipReason is not null, browser.SkipReason);
        await using var context = await browser.NewContextAsync(BrowserFixture.Desktop);
        await context.AddInitScriptAsync("window.print = () => { window.printed = (window.printed || 0) + 1; };");
        var page = await context.NewPageAsync();
        await BrowserCheck.BuildPlanAsync(page, BrowserCheck.BankFraud);

        var button = page.GetByRole(AriaRole.Button, new() { Name = "打印本计划" });
        Assert.True(await button.IsVisibleAsync());
        await button.ClickAsync();

        Assert.Equal(1, await page.EvaluateAsync<int>("() => window.printed || 0"));
    }

    [SkippableFact]
    public async Task PrintButton_WithoutJavaScript_IsNotShown()
    {
        Skip.If(browser.SkipReason is not null, browser.SkipReason);
        await using var context = await browser.NewContextAsync(BrowserFixture.Phone, javaScript: false);
        var page = await context.NewPageAsync();
        await BrowserCheck.BuildPlanAsync(page, BrowserCheck.BankFraud);

        Assert.Equal(1, await page.Locator("button[data-print]").CountAsync());
        Assert.False(await page.Locator("button[data-print]").IsVisibleAsync());
        Assert.True(await page.GetByRole(AriaRole.Button, new() { Name = "下载 PDF" }).IsVisibleAsync());
    }

    [SkippableFact]
    public async Task Icons_OnEveryPage_Answer200()
    {
        Skip.If(browser.SkipReason is not null, browser.SkipReason);
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var icons = new HashSet<string>(StringComparer.Ordinal) { "/favicon.ico" };

        foreach (var url in new[] { "/", "/check/1", "/privacy", "/statutes", "/check/restart", "/admin/login", "/no-such-page" })
        {
            await page.GotoAsync(url);
            var hrefs = await page.Locator("link[rel~='icon']").EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('href'))");
            Assert.NotEmpty(hrefs);
            icons.UnionWith(hrefs);
        }

        foreach (var icon in icons)
        {
            var response = await context.APIRequest.GetAsync(icon);
            Assert.True(response.Status == 200, $"{icon}: {response.Status}");
            Assert.StartsWith("image/", response.Headers["content-type"], StringComparison.Ordinal);
        }
    }
}
