using System.Net;

namespace LeakRights.Web.Tests.Pages.Plan;

/// <summary>The plan's download endpoints, /plan/{token}/pdf and /plan/{token}/calendar (the posts themselves are in DownloadTests).</summary>
public sealed class PdfTests(LeakRightsFactory factory) : IClassFixture<LeakRightsFactory>
{
    private const string BadToken = "CfDJ8AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

    [Fact]
    public async Task Get_PdfPage_RedirectsToThePlansDownloadSection()
    {
        using var s = new WebSession(factory);
        var link = await CheckFlow.PlanLinkAsync(s, CheckFlow.BankFraud);

        var response = await s.Client.GetAsync(link + "/pdf");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(link + "#download-title", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Post_InvalidToken_RedirectsToThePlanPageThatExplains()
    {
        using var s = new WebSession(factory);
        var link = await CheckFlow.PlanLinkAsync(s, CheckFlow.BankFraud);
        var (_, page) = await s.GetAsync(link);

        var response = await s.SubmitAsync(page, [], "form[action$='/pdf']", action: $"/plan/{BadToken}/pdf");
        var (final, shown) = await s.FollowAsync(response);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, final.StatusCode);
        Assert.Contains("无效或已过期", shown.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetCalendar_InvalidToken_RedirectsToThePlanPageThatExplains()
    {
        using var s = new WebSession(factory);

        var response = await s.Client.GetAsync($"/plan/{BadToken}/calendar");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/plan/{BadToken}", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryToken_IsRefused()
    {
        using var s = new WebSession(factory);
        var link = await CheckFlow.PlanLinkAsync(s, CheckFlow.BankFraud);

        var response = await s.Client.PostAsync(link + "/pdf", new FormUrlEncodedContent(Fields.Of(("your-name", "李雷"))));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
