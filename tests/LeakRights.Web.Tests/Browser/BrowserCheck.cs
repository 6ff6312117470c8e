using Microsoft.Playwright;

namespace LeakRights.Web.Tests.Browser;

/// <summary>Completes the guided check in a real browser by clicking labels, as a person would.</summary>
public static class BrowserCheck
{
    public static readonly IReadOnlyDictionary<string, string[]> BankFraud = CheckFlow.BankFraud;

    public static async Task AnswerPageAsync(IPage page, IReadOnlyDictionary<string, string[]> answers)
    {
        var names = await page.Locator("main form input[name]").EvaluateAllAsync<string[]>("els => [...new Set(els.map(e => e.name))]");
        foreach (var name in names)
        {
            if (!answers.TryGetValue(name, out var values))
            {
                continue;
            }

            // A follow-up not shown (yet) is disabled; with JavaScript it is revealed by the answers given above it.
            var first = page.Locator($"main form input[name='{name}']").First;
            if (!await first.IsEnabledAsync() || !await first.IsVisibleAsync())
            {
                continue;
            }

            var type = await first.GetAttributeAsync("type");
            if (type is "radio" or "checkbox")
            {
                foreach (var v in values)
                {
                    await page.Locator($"input[name='{name}'][value='{v}']").CheckAsync();
                }
            }
            else
            {
                await page.Locator($"input[name='{name}']").FillAsync(values[0]);
            }
        }
    }

    /// <summary>Runs an action that navigates (a click or key press on a form) and waits for the page it leads to, after any redirect.</summary>
    public static async Task NavigateAsync(IPage page, Func<Task> action)
    {
        var before = page.Url;
        try
        {
            await page.RunAndWaitForResponseAsync(action, r => r.Request.IsNavigationRequest && r.Request.Frame == page.MainFrame && r.Status is not (301 or 302 or 303));
        }
        catch (TimeoutException ex)
        {
            // Say where it stuck: the page before and now, and what it shows (an error summary, a message).
            var main = await page.Locator("main").InnerTextAsync(new() { Timeout = 5000 });
            throw new TimeoutException($"No page after the action on {before}; now at {page.Url}: {main[..Math.Min(main.Length, 600)]}", ex);
        }

        // Playwright can miss the DOMContentLoaded of a document that committed right after the response was seen (once in
        // ~50 CI runs: "Load" and "NetworkIdle" fired, DOMContentLoaded never reported); the document's own state decides then.
        try
        {
            await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded, new() { Timeout = 15_000 });
        }
        catch (TimeoutException)
        {
            if (await page.EvaluateAsync<string>("document.readyState") is not ("interactive" or "complete"))
            {
                throw;
            }
        }
    }

    /// <summary>Answers steps until the review page.</summary>
    public static async Task CompleteAsync(IPage page, IReadOnlyDictionary<string, string[]> answers)
    {
        await page.GotoAsync("/check/1");
        for (var guard = 0; guard < 15 && !page.Url.Contains("/check/review", StringComparison.Ordinal); guard++)
        {
            await AnswerPageAsync(page, answers);
            await NavigateAsync(page, () => page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^(下一步|保存并返回核对)") }).ClickAsync());
        }

        Assert.Contains("/check/review", page.Url, StringComparison.Ordinal);
    }

    public static async Task<string> BuildPlanAsync(IPage page, IReadOnlyDictionary<string, string[]> answers)
    {
        await CompleteAsync(page, answers);
        await NavigateAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "生成我的行动计划" }).ClickAsync());
        return page.Url;
    }

    /// <summary>Ticks every given option of a question (clicking its label, as a person does), then checks they are ALL still ticked.</summary>
    public static async Task TickAsync(IPage page, string name, params string[] values)
    {
        foreach (var v in values)
        {
            await page.Locator($"label:has(input[name='{name}'][value='{v}'])").ClickAsync();
        }

        Assert.Equal(values.Order(StringComparer.Ordinal), await CheckedAsync(page, name));
    }

    /// <summary>The values of the ticked boxes or radio of a question, sorted.</summary>
    public static async Task<string[]> CheckedAsync(IPage page, string name) =>
        (await page.Locator($"input[name='{name}']:checked").EvaluateAllAsync<string[]>("els => els.map(e => e.value)")).Order(StringComparer.Ordinal).ToArray();

    public static Task NextAsync(IPage page) =>
        NavigateAsync(page, () => page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^(下一步|保存并返回核对)") }).ClickAsync());

    public static Task BackAsync(IPage page) =>
        NavigateAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "上一步" }).ClickAsync());

    /// <summary>The answers shown in a <c>dl.answers</c> list (review page, plan summary): label → answer.</summary>
    public static async Task<Dictionary<string, string>> ListedAnswersAsync(IPage page, string list = "dl.answers") =>
        (await page.Locator($"{list} dt").EvaluateAllAsync<string[][]>("els => els.map(dt => [dt.textContent.trim(), dt.nextElementSibling.textContent.trim()])"))
            .ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);

    /// <summary>Collects every response of the page with a status of 400 or more, and every request that failed (a missing favicon, a broken script).</summary>
    public static List<string> RecordFailedResponses(IPage page)
    {
        var failed = new List<string>();
        page.Response += (_, r) =>
        {
            if (r.Status >= 400)
            {
                lock (failed)
                {
                    failed.Add($"{r.Status} {r.Request.Method} {r.Url}");
                }
            }
        };
        page.RequestFailed += (_, r) =>
        {
            // A response that becomes a download (the PDF) ends its navigation as ERR_ABORTED; its status was recorded above.
            if (r.Failure == "net::ERR_ABORTED")
            {
                return;
            }

            lock (failed)
            {
                failed.Add($"failed {r.Method} {r.Url}: {r.Failure}");
            }
        };
        return failed;
    }
}
