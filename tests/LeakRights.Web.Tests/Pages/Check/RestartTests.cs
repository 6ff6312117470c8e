using System.Net;
using LeakRights.Web.Infrastructure;

namespace LeakRights.Web.Tests.Pages.Check;

public sealed class RestartTests(LeakRightsFactory factory) : IClassFixture<LeakRightsFactory>
{
    [Fact]
    public async Task Get_WithAnswers_AsksFirstAndKeepsThem()
    {
        using var s = new WebSession(factory);
        await StepTests.PassFirstThreeSteps(s);

        var (response, page) = await s.GetAsync("/check/restart");
        var step3 = await s.Client.GetAsync("/check/3");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out _));
        var form = page.QuerySelector("main form[method=post]")!;
        Assert.NotNull(form.QuerySelector("input[name=__RequestVerificationToken]"));
        Assert.NotNull(form.GetAttribute("data-clear-drafts"));
        Assert.Equal(HttpStatusCode.OK, step3.StatusCode);
    }

    [Fact]
    public async Task Post_WithAnswers_ClearsTheDraftCookieAndStepOneIsEmpty()
    {
        using var s = new WebSession(factory);
        await StepTests.PassFirstThreeSteps(s);
        var (_, page) = await s.GetAsync("/check/restart");

        var response = await s.SubmitAsync(page, []);
        var (_, step1) = await s.GetAsync("/check/1");
        var step2 = await s.Client.GetAsync("/check/2");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/check/1", response.Headers.Location!.OriginalString);
        var cleared = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(AnswerDraftStore.CookieName + "=", StringComparison.Ordinal));
        Assert.Contains("expires=Thu, 01 Jan 1970", cleared, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(step1.QuerySelectorAll("input:checked"));
        Assert.Equal("/check/1", step2.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryToken_IsRefusedAndKeepsTheAnswers()
    {
        using var s = new WebSession(factory);
        await StepTests.PassStepOne(s);

        var response = await s.Client.PostAsync("/check/restart", new FormUrlEncodedContent([]));
        var step2 = await s.Client.GetAsync("/check/2");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, step2.StatusCode);
    }

    [Fact]
    public async Task Get_StepAndPlan_LinkToTheConfirmationNotToStepOne()
    {
        using var s = new WebSession(factory);
        var link = await CheckFlow.PlanLinkAsync(s, CheckFlow.BankFraud);

        var (_, step) = await s.GetAsync("/check/2");
        var (_, plan) = await s.GetAsync(link);

        Assert.NotNull(step.QuerySelector("main a[href='/check/restart']"));
        var restart = plan.QuerySelectorAll("main a").Single(a => a.TextContent.Trim() == "重新开始");
        Assert.Equal("/check/restart", restart.GetAttribute("href"));
    }
}
