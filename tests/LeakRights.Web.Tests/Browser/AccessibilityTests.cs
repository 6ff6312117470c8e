using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace LeakRights.Web.Tests.Browser;

/// <summary>axe-core (WCAG 2.0/2.1/2.2 A and AA rules) on every public page and every step; keyboard-only completion.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class AccessibilityTests(BrowserFixture browser, ITestOutputHelper output)
{
    private static readonly AxeRunOptions Wcag = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
    };

    private async Task<List<string>> SeriousViolationsAsync(IPage page, string name)
    {
        var result = await page.RunAxe(Wcag);
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        output.WriteLine($"{name}: {result.Violations.Length} violation(s), {serious.Count} serious/critical; {result.Passes.Length} rules passed");
        return serious.Select(v => $"{name}: {v.Id} ({v.Impact}) {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => string.Join(",", n.Target)))}").ToList();
    }

    [SkippableFact]
    public async Task Axe_EveryPublicPageAndStep_HasNoSeriousViolations()
    {
        Skip.If(browser.SkipReason is not null, browser.SkipReason);
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var problems = new List<string>();

        foreach (var url in new[] { "/", "/privacy", "/statutes", "/statutes/pipl", "/no-such-page", "/admin/login", "/check/restart" })
        {
            await page.GotoAsync(url);
            problems.AddRange(await SeriousViolationsAsync(page, url));
        }

        // The steps, in order, including the "more questions" re-show and an error state.
        await page.GotoAsync("/check/1");
        problems.AddRange(await SeriousViolationsAsync(page, "/check/1"));
        await BrowserCheck.NavigateAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "下一步" }).ClickAsync());
        problems.AddRange(await SeriousViolationsAsync(page, "/check/1 with an error"));
        for (var guard = 0; guard < 15 && !page.Url.Contains("/check/review", StringComparison.Ordinal); guard++)
        {
            await BrowserCheck.AnswerPageAsync(page, BrowserCheck.BankFraud);
            await BrowserCheck.NavigateAsync(page, () => page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^下一步") }).ClickAsync());
            problems.AddRange(await SeriousViolationsAsync(page, new Uri(page.Url).PathAndQuery));
        }

        await BrowserCheck.NavigateAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "生成我的行动计划" }).ClickAsync());
        problems.AddRange(await SeriousViolationsAsync(page, "/plan/{token}"));

        // The three people of issue 12, as the page opens and with every folded part open.
        foreach (var name in ScenarioPlans.People)
        {
            await page.GotoAsync(ScenarioPlans.Open(browser.Factory.Services, name).Url);
            problems.AddRange(await SeriousViolationsAsync(page, name));
            await page.EvaluateAsync("() => document.querySelectorAll('details').forEach(d => d.open = true)");
            problems.AddRange(await SeriousViolationsAsync(page, name + " (all open)"));
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [SkippableFact]
    public async Task Keyboard_OnlyCompletesTheWholeCheck()
    {
        Skip.If(browser.SkipReason is not null, browser.SkipReason);
        await using var context = await browser.NewContextAsync(BrowserFixture.Desktop);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/check/1");
        var answers = new Dictionary<string, string[]>(BrowserCheck.BankFraud) { ["organisation-name"] = ["某银行"], ["discovered-on"] = ["2026-10"] };

        for (var guard = 0; guard < 15 && !page.Url.Contains("/check/review", StringComparison.Ordinal); guard++)
        {
            await AnswerWithKeyboardAsync(page, answers);
        }

        Assert.True(page.Url.Contains("/check/review", StringComparison.Ordinal), await page.Locator("main").InnerTextAsync() + " | month=" + await page.EvaluateAsync<string>("() => (document.querySelector('#f-discovered-on') || {}).value"));
        await TabToAsync(page, "button.primary");
        await SubmitByKeyboardAsync(page);
        Assert.Equal("您的维权行动计划", await page.Locator("h1").InnerTextAsync());
    }

    /// <summary>Tabs through the page: Space ticks wanted checkboxes, arrow keys choose radios, text is typed, Enter on “下一步”.</summary>
    private static async Task AnswerWithKeyboardAsync(IPage page, Dictionary<string, string[]> answers)
    {
        await page.Locator("body").FocusAsync();
        var trail = new List<string>();
        for (var presses = 0; presses < 200; presses++)
        {
            if (page.Url.Contains("/check/review", StringComparison.Ordinal))
            {
                return;
            }

            await page.Keyboard.PressAsync("Tab");
            var (tag, type, name, value, text, isChecked) = await FocusedAsync(page);
            trail.Add($"{tag}:{type}:{name}={value}");
            if (tag == "BUTTON" && text.StartsWith("下一步", StringComparison.Ordinal))
            {
                await SubmitByKeyboardAsync(page);
                return;
            }

            if (name is null || !answers.TryGetValue(name, out var wanted))
            {
                continue;
            }

            switch (type)
            {
                case "checkbox" when wanted.Contains(value) && !isChecked:
                    await page.Keyboard.PressAsync("Space");
                    break;
                case "radio":
                    for (var i = 0; i < 20 && (await FocusedAsync(page)).Value != wanted[0]; i++)
                    {
                        await page.Keyboard.PressAsync("ArrowDown");
                    }

                    if (!(await FocusedAsync(page)).Checked)
                    {
                        await page.Keyboard.PressAsync("Space");
                    }

                    break;
                case "month" when value != wanted[0]:
                    // The segment order (月 年 or 年 月) follows the browser's language, and the year segment takes up to six
                    // digits, so type one segment, move right, type the other; if the value is wrong, go back and swap.
                    await page.Keyboard.TypeAsync(wanted[0][5..]);
                    await page.Keyboard.PressAsync("ArrowRight");
                    await page.Keyboard.TypeAsync(wanted[0][..4]);
                    if ((await FocusedAsync(page)).Value != wanted[0])
                    {
                        await page.Keyboard.PressAsync("ArrowLeft");
                        await page.Keyboard.TypeAsync(wanted[0][..4]);
                        await page.Keyboard.PressAsync("ArrowRight");
                        await page.Keyboard.TypeAsync(wanted[0][5..]);
                    }

                    break;
                case "text" when string.IsNullOrEmpty(await page.EvaluateAsync<string>("() => document.activeElement.value")):
                    await page.Keyboard.TypeAsync(wanted[0]);
                    break;
            }
        }

        throw new InvalidOperationException($"Never reached the “下一步” button by keyboard on {page.Url}: {string.Join(" > ", trail.Take(40))}");
    }

    /// <summary>Presses Enter on the focused button and waits for the page it leads to (after any redirect).</summary>
    private static Task SubmitByKeyboardAsync(IPage page) => BrowserCheck.NavigateAsync(page, () => page.Keyboard.PressAsync("Enter"));

    private static async Task<(string Tag, string? Type, string? Name, string Value, string Text, bool Checked)> FocusedAsync(IPage page)
    {
        var f = await page.EvaluateAsync<string[]>("() => { const e = document.activeElement; return [e.tagName, e.type || '', e.name || '', e.value || '', (e.innerText || '').trim(), String(!!e.checked)]; }");
        return (f[0], f[1], f[2].Length == 0 ? null : f[2], f[3], f[4], f[5] == "true");
    }

    private static async Task TabToAsync(IPage page, string selector)
    {
        for (var i = 0; i < 100; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>($"() => document.activeElement.matches({System.Text.Json.JsonSerializer.Serialize(selector)})"))
            {
                return;
            }
        }

        throw new InvalidOperationException($"Could not reach {selector} by keyboard.");
    }
}
