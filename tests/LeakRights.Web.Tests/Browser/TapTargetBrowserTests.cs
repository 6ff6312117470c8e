using Microsoft.Playwright;

namespace LeakRights.Web.Tests.Browser;

/// <summary>
/// Issue 12, item 4: every tap target is at least 44×44 CSS pixels on a 360×740 phone — links, buttons, the labels of
/// radios and checkboxes (the label is what a finger hits), 修改 links, hotline links, folded sections' summaries — on every
/// step of the check (also with an error and with follow-ups shown), the review page and plans.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class TapTargetBrowserTests(BrowserFixture browser)
{
    private const string Measure = """
        () => [...document.querySelectorAll('a[href], button, summary, label.option, input:not([type=hidden]):not([type=radio]):not([type=checkbox]), select, textarea')]
            .filter(e => e.checkVisibility())
            .map(e => ({ e, r: e.getBoundingClientRect() }))
            .filter(x => x.r.width > 0 || x.r.height > 0)
            .filter(x => x.r.width < 43.5 || x.r.height < 43.5)
            .map(x => `${x.e.tagName.toLowerCase()}${x.e.className ? '.' + x.e.className.trim().replace(/\s+/g, '.') : ''} "${(x.e.textContent || x.e.name || '').trim().slice(0, 20)}" ${Math.round(x.r.width)}×${Math.round(x.r.height)}`)
        """;

    private static async Task CollectAsync(IPage page, string where, List<string> problems)
    {
        foreach (var small in await page.EvaluateAsync<string[]>(Measure))
        {
            problems.Add($"{where}: {small}");
        }
    }

    [SkippableTheory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task EveryTapTarget_OnPhone_IsAtLeast44By44(bool javaScript)
    {
        Skip.If(browser.SkipReason is not null, browser.SkipReason);
        await using var context = await browser.NewContextAsync(BrowserFixture.Phone, javaScript);
        var page = await context.NewPageAsync();
        var problems = new List<string>();

        await page.GotoAsync("/check/1");
        await BrowserCheck.NextAsync(page);
        await CollectAsync(page, "/check/1 with an error", problems);
        for (var guard = 0; guard < 15 && !page.Url.Contains("/check/review", StringComparison.Ordinal); guard++)
        {
            await BrowserCheck.AnswerPageAsync(page, CheckFlow.BankFraud);
            await CollectAsync(page, new Uri(page.Url).PathAndQuery + " answered", problems);
            await BrowserCheck.NextAsync(page);
        }

        await CollectAsync(page, "/check/review", problems);
        foreach (var name in ScenarioPlans.People)
        {
            var (url, _) = ScenarioPlans.Open(browser.Factory.Services, name);
            await page.GotoAsync(url);
            await CollectAsync(page, name, problems);
            // Opened, the folded parts show their own links and buttons (statute links, the letter form).
            await page.EvaluateAsync("() => document.querySelectorAll('details').forEach(d => d.open = true)");
            await CollectAsync(page, name + " (all open)", problems);
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
