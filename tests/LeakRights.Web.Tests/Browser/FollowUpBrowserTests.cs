using Microsoft.Playwright;

namespace LeakRights.Web.Tests.Browser;

/// <summary>
/// Issue 12, item 5: follow-up questions respond in place. With JavaScript they appear right under the answer that triggers
/// them, without a reload, and the step posts once; without JavaScript the step is shown again, scrolled to the new
/// questions, saying what appeared.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class FollowUpBrowserTests(BrowserFixture browser)
{
    /// <summary>The ids of the questions the person can see, in page order.</summary>
    private static Task<string[]> VisibleQuestionsAsync(IPage page) =>
        page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('main form .question')].filter(q => q.checkVisibility()).map(q => q.id)");

    [SkippableFact]
    public async Task Answer_WithJavaScript_FollowUpsAppearUnderTheTriggerWithoutReload()
    {
        Skip.If(browser.SkipReason is not null, browser.SkipReason);
        await using var context = await browser.NewContextAsync(BrowserFixture.Phone);
        var page = await context.NewPageAsync();
        var failed = BrowserCheck.RecordFailedResponses(page);
        await page.GotoAsync("/check/1");
        await page.EvaluateAsync("() => { window.samePage = true; }");
        Assert.Equal(["q-source"], await VisibleQuestionsAsync(page));

        await page.Locator("label:has(input[name='source'][value='bank'])").ClickAsync();

        // In place: the same document (no reload), the two follow-ups straight after the source question.
        Assert.True(await page.EvaluateAsync<bool>("() => window.samePage === true"));
        Assert.Equal(["q-source", "q-insider", "q-organisation-name"], await VisibleQuestionsAsync(page));
        var source = await page.Locator("#q-source").BoundingBoxAsync();
        var insider = await page.Locator("#q-insider").BoundingBoxAsync();
        Assert.InRange(insider!.Y - (source!.Y + source.Height), 0, 60);

        // Another answer hides them again (and they would not post); a state body adds its own follow-up.
        await page.Locator("label:has(input[name='source'][value='unknown'])").ClickAsync();
        Assert.Equal(["q-source"], await VisibleQuestionsAsync(page));
        Assert.True(await page.Locator("input[name='insider']").First.IsDisabledAsync());
        await page.Locator("label:has(input[name='source'][value='government'])").ClickAsync();
        Assert.Equal(["q-source", "q-government-body", "q-insider", "q-organisation-name"], await VisibleQuestionsAsync(page));

        // One post saves the trigger and the follow-ups and goes on.
        await page.Locator("label:has(input[name='source'][value='bank'])").ClickAsync();
        await BrowserCheck.TickAsync(page, "insider", "yes");
        await page.Locator("#f-organisation-name").FillAsync("某银行某支行");
        await BrowserCheck.NextAsync(page);
        Assert.EndsWith("/check/2", page.Url, StringComparison.Ordinal);
        await page.GotoAsync("/check/1");
        Assert.Equal(["yes"], await BrowserCheck.CheckedAsync(page, "insider"));
        Assert.Equal("某银行某支行", await page.Locator("#f-organisation-name").InputValueAsync());
        Assert.Empty(failed);
    }

    [SkippableFact]
    public async Task Answer_WithJavaScript_RevealedAmountIsValidatedByTheServer()
    {
        Skip.If(browser.SkipReason is not null, browser.SkipReason);
        await using var context = await browser.NewContextAsync(BrowserFixture.Phone);
        var page = await context.NewPageAsync();
        var answers = CheckFlow.BankFraud.Where(a => a.Key is not ("harms" or "loss-amount" or "ongoing-danger")).ToDictionary(a => a.Key, a => a.Value);
        await BrowserCheck.CompleteAsync(page, answers.Append(new("harms", ["spam"])).Append(new("ongoing-danger", ["no"])).ToDictionary(a => a.Key, a => a.Value));
        await page.GotoAsync("/check/4");
        Assert.False(await page.Locator("#q-loss-amount").IsVisibleAsync());

        await page.Locator("label:has(input[name='harms'][value='financial-loss'])").ClickAsync();
        Assert.True(await page.Locator("#q-loss-amount").IsVisibleAsync());
        await page.Locator("#f-loss-amount").FillAsync("很多");
        await BrowserCheck.NavigateAsync(page, () => page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^(下一步|保存并返回核对)") }).ClickAsync());

        Assert.Contains("/check/4", page.Url, StringComparison.Ordinal);
        Assert.StartsWith("大约损失了多少元？请填写", (await page.Locator("[data-error-summary] li").First.InnerTextAsync()).Trim(), StringComparison.Ordinal);
        Assert.True(await page.Locator("#q-loss-amount").IsVisibleAsync());
        await page.Locator("#f-loss-amount").FillAsync("20000");
        await BrowserCheck.NextAsync(page);
        Assert.DoesNotContain("/check/4", page.Url, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Answer_WithoutJavaScript_StepShownAgainScrolledToTheNewQuestions()
    {
        Skip.If(browser.SkipReason is not null, browser.SkipReason);
        await using var context = await browser.NewContextAsync(BrowserFixture.Phone, javaScript: false);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/check/1");
        Assert.Equal(["q-source"], await VisibleQuestionsAsync(page));

        await page.Locator("label:has(input[name='source'][value='bank'])").ClickAsync();
        await BrowserCheck.NextAsync(page);

        Assert.EndsWith("#new-questions", page.Url, StringComparison.Ordinal);
        Assert.Equal(["q-source", "q-insider", "q-organisation-name"], await VisibleQuestionsAsync(page));
        // Scrolled down past the 16 sources to the notice, which names what appeared, with the first new question below it.
        var notice = page.Locator("#new-questions");
        var box = await notice.BoundingBoxAsync();
        Assert.InRange(box!.Y, 0, BrowserFixture.Phone.Height - box.Height);
        Assert.True(await page.EvaluateAsync<double>("() => window.scrollY") > 300);
        Assert.Contains("新增了 2 个问题", await notice.InnerTextAsync(), StringComparison.Ordinal);
    }
}
