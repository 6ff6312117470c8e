using Microsoft.Playwright;
using UglyToad.PdfPig;

namespace LeakRights.Web.Tests.Browser;

/// <summary>
/// Every answer a person gives reaches the review page, the plan and the letters: several boxes on every multi-select
/// question, going back to add one, changing a radio and reloading mid-step, on a phone and a desktop, with JavaScript
/// on and off. (Until this test, a script bug kept only the last box ticked and 363 tests still passed.) The same
/// flow checks the print button, which only makes sense with JavaScript.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class AnswerKeepingBrowserTests(BrowserFixture browser)
{
    private const string DataTypes = "姓名、身份证号、手机号、电话、邮箱、住址、行踪轨迹（实时位置、出行记录）";
    private const string Discovery = "频繁接到推销、骚扰电话或短信、诈骗者准确说出了我的个人信息、新闻报道";
    private const string Evidence = "骚扰来电、短信的截图或录音、损失凭证（转账记录、银行流水）、与泄露者或诈骗者的聊天记录";
    private const string Harms = "骚扰、威胁、人肉搜索或上门、已造成财产损失、严重的精神困扰";

    // The letters state the same choices in the letter's own words (seeds/letters.json labels): categories, never the
    // options' examples as facts (the person ticked 手机号、电话、邮箱 as one option and may have had no email leaked).
    private const string LetterDataTypes = "身份信息、联系方式、住址、行踪轨迹";
    private const string LetterDiscovery = "频繁接到推销、骚扰电话或短信、诈骗者准确说出了本人的个人信息、看到新闻报道";
    private const string LetterHarms = "受到骚扰（具体为：＿＿＿＿，例如电话骚扰、威胁、人肉搜索、上门）、造成财产损失、精神上受到严重困扰";

    public static TheoryData<string, bool> ViewportsAndScript() => new()
    {
        { "phone", true },
        { "phone", false },
        { "desktop", true },
        { "desktop", false },
    };

    [SkippableTheory]
    [MemberData(nameof(ViewportsAndScript))]
    public async Task SeveralBoxes_BackAddChangeReload_ReviewPlanAndLettersShowExactlyTheChoices(string viewport, bool javaScript)
    {
        Skip.If(browser.SkipReason is not null, browser.SkipReason);
        await using var context = await browser.NewContextAsync(viewport == "phone" ? BrowserFixture.Phone : BrowserFixture.Desktop, javaScript);
        await context.AddInitScriptAsync("window.print = () => { window.printed = (window.printed || 0) + 1; };");
        var page = await context.NewPageAsync();
        var failed = BrowserCheck.RecordFailedResponses(page);

        // Step 1: the source reveals two follow-up questions on the same step: in place with JavaScript, after the step is
        // shown again without.
        await page.GotoAsync("/check/1");
        await BrowserCheck.TickAsync(page, "source", "bank");
        if (!javaScript)
        {
            await BrowserCheck.NextAsync(page);
        }

        await BrowserCheck.TickAsync(page, "insider", "yes");
        await page.Locator("input[name='organisation-name']").FillAsync("某银行某支行");
        await BrowserCheck.NextAsync(page);

        // Step 2: three data types.
        await BrowserCheck.TickAsync(page, "data-types", "identity", "contact", "address");
        await BrowserCheck.TickAsync(page, "scale", "unknown");
        await BrowserCheck.NextAsync(page);

        // Step 3: two ways of discovery, two pieces of evidence.
        await BrowserCheck.TickAsync(page, "discovery", "spam", "fraud-contact");
        await page.Locator("input[name='discovered-on']").FillAsync("2026-10");
        await BrowserCheck.TickAsync(page, "evidence", "call-sms-records", "chat-records");
        await BrowserCheck.NextAsync(page);

        // Step 4: three harms, one of them reveals the amount question.
        await BrowserCheck.TickAsync(page, "harms", "harassment", "financial-loss", "distress");
        await BrowserCheck.TickAsync(page, "ongoing-danger", "no");
        if (!javaScript)
        {
            await BrowserCheck.NextAsync(page);
        }

        Assert.Equal(["distress", "financial-loss", "harassment"], await BrowserCheck.CheckedAsync(page, "harms"));
        await page.Locator("input[name='loss-amount']").FillAsync("20000");
        await BrowserCheck.NextAsync(page);

        // Step 5, then back to step 3 to add a way of discovery and a piece of evidence.
        await BrowserCheck.TickAsync(page, "contacted-organisation", "not-yet");
        await BrowserCheck.TickAsync(page, "police-report", "no");
        await BrowserCheck.BackAsync(page);
        await BrowserCheck.BackAsync(page);
        Assert.Contains("第 3 步", await page.Locator(".progress-label").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(["call-sms-records", "chat-records"], await BrowserCheck.CheckedAsync(page, "evidence"));
        await page.Locator("label:has(input[name='discovery'][value='news'])").ClickAsync();
        await page.Locator("label:has(input[name='evidence'][value='loss-proof'])").ClickAsync();
        Assert.Equal(["fraud-contact", "news", "spam"], await BrowserCheck.CheckedAsync(page, "discovery"));
        Assert.Equal(["call-sms-records", "chat-records", "loss-proof"], await BrowserCheck.CheckedAsync(page, "evidence"));

        // Back again to step 2: reload it (what was saved stays), then add the location.
        await BrowserCheck.BackAsync(page);
        await page.ReloadAsync();
        Assert.Equal(["address", "contact", "identity"], await BrowserCheck.CheckedAsync(page, "data-types"));
        await page.Locator("label:has(input[name='data-types'][value='location'])").ClickAsync();
        Assert.Equal(["address", "contact", "identity", "location"], await BrowserCheck.CheckedAsync(page, "data-types"));
        await BrowserCheck.NextAsync(page);

        // Step 3 shows what was added before going back; step 4: reload, then change the radio to ongoing danger.
        Assert.Equal(["fraud-contact", "news", "spam"], await BrowserCheck.CheckedAsync(page, "discovery"));
        await BrowserCheck.NextAsync(page);
        await page.ReloadAsync();
        Assert.Equal(["distress", "financial-loss", "harassment"], await BrowserCheck.CheckedAsync(page, "harms"));
        await BrowserCheck.TickAsync(page, "ongoing-danger", "yes");
        await BrowserCheck.NextAsync(page);
        Assert.Equal(["not-yet"], await BrowserCheck.CheckedAsync(page, "contacted-organisation"));
        await BrowserCheck.NextAsync(page);

        // The review page lists exactly what was chosen.
        Assert.Contains("/check/review", page.Url, StringComparison.Ordinal);
        var review = await BrowserCheck.ListedAnswersAsync(page);
        Assert.Equal(DataTypes, review["哪些信息被泄露了？"]);
        Assert.Equal(Discovery, review["您是怎么发现的？"]);
        Assert.Equal(Evidence, review["您手上已经有哪些证据？"]);
        Assert.Equal(Harms, review["泄露给您造成了哪些影响？"]);
        Assert.Equal("是", review["现在是否仍在遭受威胁或诈骗（如正被要求转账、人身安全受到威胁）？"]);

        // The plan reflects it: ongoing danger first, the location used to harass flagged, the summary exact.
        await BrowserCheck.NavigateAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "生成我的行动计划" }).ClickAsync());
        Assert.Equal("现在就拨打110", (await page.Locator("#first-action h2").InnerTextAsync()).Trim());
        Assert.Equal(1, await page.Locator(".flags h3").GetByText("行踪轨迹被用于违法犯罪").CountAsync());
        var summary = await BrowserCheck.ListedAnswersAsync(page, "dl.summary-list");
        Assert.Equal(DataTypes, summary["哪些信息被泄露了？"]);
        Assert.Equal(Harms, summary["泄露给您造成了哪些影响？"]);

        // The print button is there only when it can work: shown and printing with JavaScript, hidden without.
        var print = page.Locator("main button[data-print]");
        Assert.Equal(javaScript, await print.IsVisibleAsync());
        if (javaScript)
        {
            await print.ClickAsync();
            Assert.Equal(1, await page.EvaluateAsync<int>("() => window.printed || 0"));
        }

        // The letters in the PDF list exactly the chosen data types, ways of discovery and harms.
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "下载 PDF" }).ClickAsync());
        var text = PdfText(await File.ReadAllBytesAsync((await download.PathAsync())!));
        var letters = Occurrences(text, "个人信息被泄露：");
        Assert.True(letters.Count >= 2, $"expected the letters to name the data types, found {letters.Count}");
        Assert.All(letters, at => Assert.StartsWith(LetterDataTypes + "，具体为：", text[at..], StringComparison.Ordinal));
        Assert.DoesNotContain("邮箱", string.Concat(letters.Select(at => text.Substring(at, 40))), StringComparison.Ordinal);
        var discoveries = Occurrences(text, "发现经过：");
        Assert.NotEmpty(discoveries);
        Assert.All(discoveries, at => AssertWholeList(LetterDiscovery, text[at..]));
        Assert.Contains("泄露给本人造成的影响：" + LetterHarms + "（财产损失约 20,000 元）", text, StringComparison.Ordinal);

        Assert.True(failed.Count == 0, string.Join("\n", failed));
    }

    [SkippableFact]
    public async Task NoneOption_ClearsTheOthersAndTheOtherWayRound()
    {
        Skip.If(browser.SkipReason is not null, browser.SkipReason);
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/check/1");
        await BrowserCheck.TickAsync(page, "source", "unknown");
        await BrowserCheck.NextAsync(page);
        await BrowserCheck.TickAsync(page, "data-types", "identity");
        await BrowserCheck.TickAsync(page, "scale", "only-me");
        await BrowserCheck.NextAsync(page);

        await BrowserCheck.TickAsync(page, "evidence", "call-sms-records", "leaked-copy");
        await page.Locator("label:has(input[name='evidence'][value='none'])").ClickAsync();
        Assert.Equal(["none"], await BrowserCheck.CheckedAsync(page, "evidence"));
        await page.Locator("label:has(input[name='evidence'][value='loss-proof'])").ClickAsync();
        Assert.Equal(["loss-proof"], await BrowserCheck.CheckedAsync(page, "evidence"));
    }

    [SkippableFact]
    public async Task Reload_BeforeSubmitting_KeepsWhatWasTypedAndTicked()
    {
        Skip.If(browser.SkipReason is not null, browser.SkipReason);
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/check/1");
        await BrowserCheck.TickAsync(page, "source", "bank");

        await BrowserCheck.TickAsync(page, "insider", "unsure");
        await page.Locator("input[name='organisation-name']").FillAsync("某某快递");
        await page.Locator("label:has(input[name='source'][value='courier'])").ClickAsync();
        await page.ReloadAsync();

        Assert.Equal(["courier"], await BrowserCheck.CheckedAsync(page, "source"));
        Assert.Equal(["unsure"], await BrowserCheck.CheckedAsync(page, "insider"));
        Assert.Equal("某某快递", await page.Locator("input[name='organisation-name']").InputValueAsync());
        await BrowserCheck.NextAsync(page);

        await BrowserCheck.TickAsync(page, "data-types", "identity", "address", "credentials");
        await page.ReloadAsync();
        Assert.Equal(["address", "credentials", "identity"], await BrowserCheck.CheckedAsync(page, "data-types"));
    }

    [SkippableFact]
    public async Task SubmitThenRevisit_ServerAnswersWinOverOldDrafts()
    {
        Skip.If(browser.SkipReason is not null, browser.SkipReason);
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/check/1");
        await BrowserCheck.TickAsync(page, "source", "unknown");
        await BrowserCheck.NextAsync(page);
        await BrowserCheck.TickAsync(page, "data-types", "identity", "contact");
        await BrowserCheck.TickAsync(page, "scale", "only-me");
        await BrowserCheck.NextAsync(page);

        // Another tab (same cookies, its own sessionStorage) changes step 2.
        var other = await context.NewPageAsync();
        await other.GotoAsync("/check/2");
        await other.Locator("label:has(input[name='data-types'][value='identity'])").ClickAsync();
        await other.Locator("label:has(input[name='data-types'][value='contact'])").ClickAsync();
        await BrowserCheck.TickAsync(other, "data-types", "address");
        await BrowserCheck.NextAsync(other);

        // The first tab's submitted draft is gone: it shows what the server has now.
        await page.GotoAsync("/check/2");
        Assert.Equal(["address"], await BrowserCheck.CheckedAsync(page, "data-types"));

        // An unsent change made on an older state is not put back once the server's answers have changed.
        await page.Locator("label:has(input[name='data-types'][value='credit'])").ClickAsync();
        await other.GotoAsync("/check/2");
        await other.Locator("label:has(input[name='data-types'][value='address'])").ClickAsync();
        await BrowserCheck.TickAsync(other, "data-types", "health");
        await BrowserCheck.NextAsync(other);
        await page.ReloadAsync();
        Assert.Equal(["health"], await BrowserCheck.CheckedAsync(page, "data-types"));
    }

    [SkippableFact]
    public async Task GeneratingThePlan_DropsInputLeftUnsent()
    {
        Skip.If(browser.SkipReason is not null, browser.SkipReason);
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await BrowserCheck.BuildPlanAsync(page, BrowserCheck.BankFraud);
        await BrowserCheck.NavigateAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "修改答案" }).ClickAsync());
        await BrowserCheck.NavigateAsync(page, () => page.Locator("a[href='/check/2?return=review']").ClickAsync());
        await page.Locator("label:has(input[name='data-types'][value='credit'])").ClickAsync(); // left unsent

        await page.GotoAsync("/check/review");
        await BrowserCheck.NavigateAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "生成我的行动计划" }).ClickAsync());
        await BrowserCheck.NavigateAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "修改答案" }).ClickAsync());
        await BrowserCheck.NavigateAsync(page, () => page.Locator("a[href='/check/2?return=review']").ClickAsync());

        Assert.Equal(["contact", "identity", "property"], await BrowserCheck.CheckedAsync(page, "data-types"));
    }

    [SkippableTheory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task StartOver_AfterConfirming_StepOneIsEmpty(bool javaScript)
    {
        Skip.If(browser.SkipReason is not null, browser.SkipReason);
        await using var context = await browser.NewContextAsync(BrowserFixture.Phone, javaScript);
        var page = await context.NewPageAsync();
        await BrowserCheck.BuildPlanAsync(page, BrowserCheck.BankFraud);

        // From the plan: the link asks first, then step 1 is empty although the answers were complete.
        await BrowserCheck.NavigateAsync(page, () => page.Locator("main a[href='/check/restart']").ClickAsync());
        Assert.Equal("清除答案，重新开始？", await page.Locator("h1").InnerTextAsync());
        await BrowserCheck.NavigateAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "清除答案，重新开始" }).ClickAsync());
        Assert.EndsWith("/check/1", page.Url, StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("main input:checked").CountAsync());
        Assert.DoesNotContain(await context.CookiesAsync(), c => c.Name == "lr_draft");

        // An unsent tick on the empty step 1 does not come back after starting over from the step page.
        await page.Locator("label:has(input[name='source'][value='app'])").ClickAsync();
        await BrowserCheck.NavigateAsync(page, () => page.Locator("main a[href='/check/restart']").ClickAsync());
        await BrowserCheck.NavigateAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "清除答案，重新开始" }).ClickAsync());
        Assert.Equal(0, await page.Locator("main input:checked").CountAsync());
        await page.ReloadAsync();
        Assert.Equal(0, await page.Locator("main input:checked").CountAsync());
    }

    /// <summary>The text starts with exactly this list: not a longer one (no further "、" item follows).</summary>
    private static void AssertWholeList(string expected, string text)
    {
        Assert.StartsWith(expected, text, StringComparison.Ordinal);
        Assert.NotEqual('、', text[expected.Length]);
    }

    private static string PdfText(byte[] pdf)
    {
        using var doc = PdfDocument.Open(pdf);
        return string.Concat(doc.GetPages().SelectMany(p => p.Letters).Select(l => l.Value));
    }

    /// <summary>The positions just after each occurrence of <paramref name="marker"/>.</summary>
    private static List<int> Occurrences(string text, string marker)
    {
        var found = new List<int>();
        for (var i = text.IndexOf(marker, StringComparison.Ordinal); i >= 0; i = text.IndexOf(marker, i + 1, StringComparison.Ordinal))
        {
            found.Add(i + marker.Length);
        }

        return found;
    }
}
