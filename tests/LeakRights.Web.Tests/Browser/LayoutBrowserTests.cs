namespace LeakRights.Web.Tests.Browser;

/// <summary>What the layouts give every page: the site icon browsers ask for.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class LayoutBrowserTests(BrowserFixture browser)
{
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
