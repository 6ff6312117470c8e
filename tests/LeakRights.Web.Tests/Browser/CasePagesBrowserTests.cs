using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using LeakRights.Web.Tests.Pages.Case;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace LeakRights.Web.Tests.Browser;

/// <summary>The case file's export and import pages in a real browser: axe-core (WCAG 2.x A/AA) as they open and with an error, and a download.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class CasePagesBrowserTests(BrowserFixture browser, ITestOutputHelper output)
{
    private static readonly AxeRunOptions Wcag = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
    };

    [SkippableFact]
    public async Task Axe_ExportAndImportPages_NoViolationsAndThePlainFileDownloads()
    {
        Skip.If(browser.SkipReason is not null, browser.SkipReason);
        var link = await ExportImportSession.StoredCaseAsync(browser.Factory);
        // axe runs as script in the page, so JavaScript is on (the pages themselves use none).
        await using var context = await browser.NewContextAsync(BrowserFixture.Phone);
        var page = await context.NewPageAsync();
        var problems = new List<string>();

        await page.GotoAsync(link.Path + "/export");
        problems.AddRange(await ViolationsAsync(page, "export"));
        await page.FillAsync("#f-passphrase", "short");
        await BrowserCheck.NavigateAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "下载案件文件" }).ClickAsync());
        problems.AddRange(await ViolationsAsync(page, "export with an error"));
        Assert.Equal(string.Empty, await page.InputValueAsync("#f-passphrase"));

        await page.CheckAsync("#f-mode-plain");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "下载案件文件" }).ClickAsync());
        Assert.Equal("leakrights-case-20261127.json", download.SuggestedFilename);

        await page.GotoAsync("/case/import");
        problems.AddRange(await ViolationsAsync(page, "import"));
        await BrowserCheck.NavigateAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "导入" }).ClickAsync());
        problems.AddRange(await ViolationsAsync(page, "import with an error"));

        await page.GotoAsync("/case/AAAAAAAAAAAA/AAAAAAAAAAAAAAAAAAAAAA/export");
        problems.AddRange(await ViolationsAsync(page, "export of no case"));

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private async Task<List<string>> ViolationsAsync(IPage page, string name)
    {
        var result = await page.RunAxe(Wcag);
        output.WriteLine($"{name}: {result.Violations.Length} violation(s); {result.Passes.Length} rules passed");
        return result.Violations.Select(v => $"{name}: {v.Id} ({v.Impact}) {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => string.Join(",", n.Target)))}").ToList();
    }
}
