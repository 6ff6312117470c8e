using LeakRights.Web.Tests.Pages.Admin;
using Microsoft.Playwright;

namespace LeakRights.Web.Tests.Browser;

[Collection(BrowserTestGroup.Name)]
public sealed class AdminBrowserTests(BrowserFixture browser)
{
    [SkippableFact]
    public async Task Admin_SignInEditArticle_NewPlanShowsNewText()
    {
        Skip.If(browser.SkipReason is not null, browser.SkipReason);
        await AdminSession.CreateAccountAsync(browser.Factory, "browser-admin");
        await using var context = await browser.NewContextAsync(BrowserFixture.Desktop);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/admin/statutes/civil-code/1038");
        Assert.Contains("/admin/login", page.Url, StringComparison.Ordinal);
        await page.Locator("#f-username").FillAsync("browser-admin");
        await page.Locator("#f-password").FillAsync(AdminSession.Password);
        await BrowserCheck.NavigateAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync());
        await BrowserFixture.ScreenshotAsync(page, "desktop-admin-edit");

        const string marker = "（浏览器测试修订）";
        var original = await page.Locator("#f-text").InputValueAsync();
        await page.Locator("#f-text").FillAsync(original + marker);
        await BrowserCheck.NavigateAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "预览" }).ClickAsync());
        Assert.Contains(marker, await page.Locator(".preview").InnerTextAsync(), StringComparison.Ordinal);
        await page.Locator("#f-note").FillAsync("浏览器测试");
        await BrowserCheck.NavigateAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "保存为新版本" }).ClickAsync());
        Assert.Contains("已保存为第", await page.Locator("[role=status]").InnerTextAsync(), StringComparison.Ordinal);

        var plan = await context.NewPageAsync();
        await BrowserCheck.BuildPlanAsync(plan, BrowserCheck.BankFraud);
        // The articles of a step are folded under one "法律依据" element; open it, then the article.
        var group = plan.Locator("details.cites", new() { HasText = "第一千零三十八条" }).First;
        await group.Locator("> summary").ClickAsync();
        var cite = group.Locator("details.cite", new() { HasText = "第一千零三十八条" }).First;
        await cite.Locator("summary").ClickAsync();
        Assert.Contains(marker, await cite.InnerTextAsync(), StringComparison.Ordinal);
    }
}
