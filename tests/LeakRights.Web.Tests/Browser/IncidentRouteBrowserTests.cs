using LeakRights.Web.Tests.Pages.Admin;
using LeakRights.Web.Tests.Pages.Incidents;
using Microsoft.Playwright;
using UglyToad.PdfPig;

namespace LeakRights.Web.Tests.Browser;

/// <summary>
/// Issue 16 on a phone: from an incident page (created and published through the admin forms) → 按这次泄露开始自查 → the
/// steps, prefilled, confirmed or changed → review → plan → the letter names the incident; and the referral letter.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class IncidentRouteBrowserTests(BrowserFixture browser)
{
    private static string PdfText(byte[] pdf)
    {
        using var doc = PdfDocument.Open(pdf);
        return string.Concat(doc.GetPages().Select(p => string.Concat(p.Letters.Select(l => l.Value)))).Replace(" ", string.Empty, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task IncidentPage_OnAPhone_StartCheck_ConfirmAndChange_PlanLetterNamesTheIncident_AndTheReferralLetter()
    {
        Skip.If(browser.SkipReason is not null, browser.SkipReason);
        // Staff publish the incident through the admin forms, over the real server the browser uses.
        await AdminSession.CreateAccountAsync(browser.Factory, "incident-staff");
        using (var staff = new WebSession(new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = new Uri(browser.BaseUrl) }))
        {
            await AdminSession.SignInAsync(staff, "incident-staff", AdminSession.Password);
            await IncidentAdmin.CreateAsync(staff, "phone-courier-2026-11", "某某速运");
        }

        await using var context = await browser.NewContextAsync(BrowserFixture.Phone);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/incidents/phone-courier-2026-11");
        Assert.Contains("谁可以提起公益诉讼", await page.Locator("section.public-interest").InnerTextAsync(), StringComparison.Ordinal);

        await BrowserCheck.NavigateAsync(page, () => page.GetByRole(AriaRole.Link, new() { Name = "按这次泄露开始自查" }).ClickAsync());
        Assert.EndsWith("/check/1", page.Url, StringComparison.Ordinal);
        Assert.Contains("已按「某某速运」泄露事件预先填好", await page.Locator(".incident-prefill").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(["courier"], await BrowserCheck.CheckedAsync(page, "source"));
        Assert.Equal("某某速运", await page.Locator("input[name='organisation-name']").InputValueAsync());
        await BrowserFixture.ScreenshotAsync(page, "phone-incident-prefilled-step-1");
        await BrowserCheck.NextAsync(page); // confirmed as prefilled

        Assert.Equal(["address", "contact", "identity"], await BrowserCheck.CheckedAsync(page, "data-types"));
        await page.Locator("label:has(input[name='data-types'][value='address'])").ClickAsync(); // the person's address was not with them
        await BrowserCheck.NextAsync(page);

        Assert.Equal(["news"], await BrowserCheck.CheckedAsync(page, "discovery"));
        var rest = new Dictionary<string, string[]>
        {
            ["discovered-on"] = ["2026-11"],
            ["evidence"] = ["none"],
            ["harms"] = ["spam"],
            ["ongoing-danger"] = ["no"],
            ["police-report"] = ["no"],
        };
        for (var guard = 0; guard < 6 && !page.Url.Contains("/check/review", StringComparison.Ordinal); guard++)
        {
            await BrowserCheck.AnswerPageAsync(page, rest);
            await BrowserCheck.NextAsync(page);
        }

        await BrowserCheck.NavigateAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "生成我的行动计划" }).ClickAsync());
        Assert.Contains("本计划按「某某速运」泄露事件", await page.Locator(".plan-incident").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(page, "phone-incident-plan");
        Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1"), "the plan scrolls sideways");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "直接下载 PDF", Exact = true }).ClickAsync());
        var text = PdfText(await File.ReadAllBytesAsync((await download.PathAsync())!));
        Assert.Contains("公开了某某速运发生个人信息泄露的情况", text, StringComparison.Ordinal);
        Assert.Contains("就此次泄露事件，书面告知本人", text, StringComparison.Ordinal);
        Assert.Contains("可能在泄露范围内：身份信息、联系方式。", text, StringComparison.Ordinal); // the change is respected

        await BrowserCheck.NavigateAsync(page, () => page.Locator("#step-public-interest .referral-offer a").ClickAsync());
        await page.Locator("#f-province").FillAsync("浙江省");
        await BrowserFixture.ScreenshotAsync(page, "phone-incident-referral");
        var referral = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "下载线索材料（PDF）" }).ClickAsync());
        Assert.Equal("线索材料-phone-courier-2026-11.pdf", referral.SuggestedFilename);
        var referralText = PdfText(await File.ReadAllBytesAsync((await referral.PathAsync())!));
        Assert.Contains("浙江省人民检察院（公益诉讼检察部门）", referralText, StringComparison.Ordinal);
        Assert.Contains("https://example.com/notice/1", referralText, StringComparison.Ordinal);
    }
}
