namespace LeakRights.Web.Tests.Pages.Check;

public sealed class ReviewTests(LeakRightsFactory factory) : IClassFixture<LeakRightsFactory>
{
    [Fact]
    public async Task Get_CompletedCheck_ListsEveryAnswerWithChangeLinks()
    {
        using var s = new WebSession(factory);

        var review = await CheckFlow.CompleteAsync(s, CheckFlow.BankFraud);

        var text = review.Body!.TextContent;
        Assert.Contains("第 6 步，共 6 步", text, StringComparison.Ordinal);
        Assert.Contains("银行、信用卡中心", text, StringComparison.Ordinal);
        Assert.Contains("某银行某支行", text, StringComparison.Ordinal);
        Assert.Contains("20,000 元", text, StringComparison.Ordinal);
        Assert.Contains("2026年10月", text, StringComparison.Ordinal);
        Assert.Equal(5, review.QuerySelectorAll("a[href$='?return=review']").Length);
    }

    [Fact]
    public async Task Get_IncompleteAnswers_RedirectsToFirstMissingStep()
    {
        using var s = new WebSession(factory);
        await StepTests.PassStepOne(s);

        var response = await s.Client.GetAsync("/check/review");

        Assert.Equal("/check/2", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Post_CompletedCheck_RedirectsToPlanLink()
    {
        using var s = new WebSession(factory);

        var link = await CheckFlow.PlanLinkAsync(s, CheckFlow.BankFraud);

        Assert.StartsWith("/plan/", link, StringComparison.Ordinal);
        Assert.DoesNotContain("bank", link, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_CompletedCheck_StartingOverGoesThroughTheConfirmation()
    {
        using var s = new WebSession(factory);

        var review = await CheckFlow.CompleteAsync(s, CheckFlow.BankFraud);

        Assert.NotNull(review.QuerySelector("main a[href='/check/restart']"));
        Assert.Empty(review.QuerySelectorAll("form[action*=handler]"));
    }
}
