using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using LeakRights.Web.Admin;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LeakRights.Web.Tests.Browser;

/// <summary>
/// The incident pages in Chromium on a phone (issue 16): the list and an incident page (screenshots), the "我也受到影响"
/// button doing its proof of work in the browser (JavaScript on) or saying it needs JavaScript (off), and axe-core.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class IncidentBrowserTests(BrowserFixture browser)
{
    private static readonly AxeRunOptions Wcag = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
    };

    private static readonly SemaphoreSlim Once = new(1, 1);

    /// <summary>Two published incidents, made through the editor service (the admin forms are covered by the functional tests).</summary>
    private async Task EnsureIncidentsAsync()
    {
        await Once.WaitAsync();
        try
        {
            using var scope = browser.Factory.Services.CreateScope();
            var editor = scope.ServiceProvider.GetRequiredService<IncidentEditor>();
            if ((await editor.FindAsync("browser-courier")) is not null)
            {
                return;
            }

            foreach (var (slug, organisation, status, summary) in new[]
            {
                ("browser-courier", "示例快递公司", "confirmed-by-organisation", "示例快递公司发布公告，确认部分寄件人和收件人的姓名、电话、地址被第三方非法获取，已报警并通知受影响的用户。\n公司称已关闭相关接口，并提醒用户警惕冒充快递客服的诈骗电话。"),
                ("browser-hotel", "示例酒店集团", "reported", "有媒体报道称示例酒店集团的住客入住记录在网上被出售，集团尚未回应。"),
            })
            {
                var form = new IncidentForm
                {
                    Slug = slug,
                    Organisation = organisation,
                    Source = slug == "browser-hotel" ? "app" : "courier",
                    OccurredOn = "2026-10-01",
                    BecamePublicOn = slug == "browser-hotel" ? "2026-11-25" : "2026-11-20",
                    DataTypes = slug == "browser-hotel" ? ["identity", "accommodation"] : ["identity", "contact", "address"],
                    Scale = "5000-plus",
                    Summary = summary,
                    Status = status,
                    Sources =
                    [
                        new IncidentSourceForm { Kind = "organisation-notice", Title = "关于部分用户信息安全事件的公告", Url = "https://example.com/notice", PublishedOn = "2026-11-20" },
                        new IncidentSourceForm { Kind = "press", Title = "记者调查：快递面单信息遭倒卖", Url = "https://news.example.org/a", PublishedOn = "2026-11-21" },
                    ],
                };
                Assert.Equal(EditOutcome.Saved, (await editor.CreateAsync(form, "browser", null)).Outcome);
                Assert.Equal(EditOutcome.Saved, (await editor.SetPublishedAsync(slug, true, 1, null, "browser", null)).Outcome);
            }
        }
        finally
        {
            Once.Release();
        }
    }

    [SkippableFact]
    public async Task Phone_ListThenIncident_AffectedButtonCountsOnceWithJavaScript()
    {
        Skip.If(browser.SkipReason is not null, browser.SkipReason);
        await EnsureIncidentsAsync();
        await using var context = await browser.NewContextAsync(BrowserFixture.Phone);
        var page = await context.NewPageAsync();
        var failures = new List<string>();
        page.Response += (_, r) =>
        {
            if (r.Status >= 400)
            {
                failures.Add($"{r.Status} {r.Url}");
            }
        };

        await page.GotoAsync("/incidents");
        await BrowserFixture.ScreenshotAsync(page, "phone-incidents");
        await BrowserCheck.NavigateAsync(page, () => page.GetByRole(AriaRole.Link, new() { Name = "示例快递公司" }).ClickAsync());
        Assert.EndsWith("/incidents/browser-courier", page.Url, StringComparison.Ordinal);
        Assert.Equal("/check/incident/browser-courier", await page.Locator("a[data-start-check]").GetAttributeAsync("href"));
        await BrowserFixture.ScreenshotAsync(page, "phone-incident");

        // The proof of work runs in the page (WebCrypto), then the form posts itself.
        await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "我也受到影响" }).ClickAsync(),
            r => r.Request.Method == "POST" && r.Url.EndsWith("/incidents/browser-courier/affected", StringComparison.Ordinal),
            new() { Timeout = 90_000 });
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        Assert.Contains("已登记", await page.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);

        await page.GotoAsync("/incidents/browser-courier");
        await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "我也受到影响" }).ClickAsync(),
            r => r.Request.Method == "POST" && r.Url.EndsWith("/affected", StringComparison.Ordinal),
            new() { Timeout = 90_000 });
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        Assert.Contains("已经登记过", await page.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);

        await using var db = browser.Factory.CreateDbContext();
        Assert.Equal(1, await db.IncidentAffectedCounts.Where(c => db.Incidents.Any(i => i.Id == c.IncidentId && i.Slug == "browser-courier")).SumAsync(c => c.Count));
        Assert.Empty(failures);
    }

    [SkippableFact]
    public async Task Phone_WithoutJavaScript_AffectedButtonSaysItNeedsJavaScript()
    {
        Skip.If(browser.SkipReason is not null, browser.SkipReason);
        await EnsureIncidentsAsync();
        await using var context = await browser.NewContextAsync(BrowserFixture.Phone, javaScript: false);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/incidents/browser-hotel");
        Assert.Contains("未经证实", await page.Locator("[data-unconfirmed]").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserCheck.NavigateAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "我也受到影响" }).ClickAsync());

        Assert.Contains("需要启用 JavaScript", await page.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
        await using var db = browser.Factory.CreateDbContext();
        Assert.False(await db.IncidentAffectedCounts.AnyAsync(c => db.Incidents.Any(i => i.Id == c.IncidentId && i.Slug == "browser-hotel")));
    }

    [SkippableFact]
    public async Task Axe_IncidentPages_HaveNoSeriousViolations()
    {
        Skip.If(browser.SkipReason is not null, browser.SkipReason);
        await EnsureIncidentsAsync();
        await using var context = await browser.NewContextAsync(BrowserFixture.Phone);
        var page = await context.NewPageAsync();
        var problems = new List<string>();

        foreach (var url in new[] { "/incidents", "/incidents?q=没有这个单位", "/incidents/browser-courier", "/incidents/browser-hotel", "/incidents/no-such-incident" })
        {
            await page.GotoAsync(url);
            var result = await page.RunAxe(Wcag);
            problems.AddRange(result.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{url}: {v.Id} {v.Help}"));
        }

        Assert.Empty(problems);
    }
}
