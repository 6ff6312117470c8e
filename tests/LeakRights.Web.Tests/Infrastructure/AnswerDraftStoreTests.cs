using System.Net;
using LeakRights.Web.Infrastructure;

namespace LeakRights.Web.Tests.Infrastructure;

/// <summary>
/// The draft cookie: it expires after 12 hours by the app's clock, and answers that would not fit in it are refused with a
/// message instead of a cookie the browser drops. The app's cookie cap is lowered to 800 characters, so that a long
/// organisation name crosses it; the clock only moves forward, so each test measures from where it starts.
/// </summary>
[Collection(MovingClockApp.Name)]
public sealed class AnswerDraftStoreTests(MovingClockApp.App factory)
{
    /// <summary>Answers step 1 as a person does: the source first, then the questions it brings up.</summary>
    private static async Task<HttpResponseMessage> PostStep1Async(WebSession s, string organisation)
    {
        var (_, more) = await s.GetAsync("/check/1");
        if (more.QuerySelector("input[name=organisation-name]") is null)
        {
            (_, more) = await s.FollowAsync(await s.SubmitAsync(more, Fields.Of(("source", "bank"), ("nav", "next"))));
        }

        return await s.SubmitAsync(more, Fields.Of(("source", "bank"), ("insider", "yes"), ("organisation-name", organisation), ("nav", "next")));
    }

    [Fact]
    public async Task Read_JustBeforeTwelveHours_KeepsAnswers_OneSecondAfter_StartsAgain()
    {
        using var s = new WebSession(factory);
        var saved = factory.Clock.GetUtcNow();
        Assert.Equal(HttpStatusCode.Redirect, (await PostStep1Async(s, "某银行某支行")).StatusCode);

        factory.Clock.SetUtcNow(saved + TimeSpan.FromHours(12) - TimeSpan.FromMinutes(1));
        var (kept, step2) = await s.GetAsync("/check/2");
        var (_, step1) = await s.GetAsync("/check/1");
        factory.Clock.SetUtcNow(saved + TimeSpan.FromHours(12) + TimeSpan.FromSeconds(1));
        var (lost, _) = await s.GetAsync("/check/2");
        var (_, step1Later) = await s.GetAsync("/check/1");

        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
        Assert.NotNull(step2.QuerySelector("input[name=data-types]"));
        Assert.Equal("某银行某支行", step1.QuerySelector<IHtmlInputElement>("input[name=organisation-name]")!.Value);
        Assert.Equal(HttpStatusCode.Redirect, lost.StatusCode);
        Assert.EndsWith("/check/1", lost.Headers.Location!.OriginalString, StringComparison.Ordinal);
        // The follow-up is no longer shown (its input is in the page for site.js, disabled).
        Assert.Null(step1Later.QuerySelector("input[name=organisation-name]:not([disabled])"));
    }

    [Fact]
    public async Task Write_AnswersTooLargeForTheCookie_ReshowsStepWithMessageAndKeepsInput()
    {
        using var s = new WebSession(factory);
        var longName = string.Concat(Enumerable.Repeat("某某银行股份有限公司", 10)); // 100 characters: valid, but over this app's cap

        var response = await PostStep1Async(s, longName);
        var page = await WebSession.ParseAsync(response);
        var shorter = await PostStep1Async(s, "某银行某支行");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith(AnswerDraftStore.CookieName + "=", StringComparison.Ordinal)));
        Assert.Contains("浏览器无法保存", page.QuerySelector("[data-error-summary]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(longName, page.QuerySelector<IHtmlInputElement>("input[name=organisation-name]")!.Value);
        Assert.True(page.QuerySelector<IHtmlInputElement>("input[name=source][value=bank]")!.IsChecked);
        Assert.True(page.QuerySelector<IHtmlInputElement>("input[name=insider][value=yes]")!.IsChecked);
        Assert.Equal(HttpStatusCode.Redirect, shorter.StatusCode);
    }

    /// <summary>The red-team input: 100 characters each carrying 20 combining marks made a 17 KB cookie browsers drop.</summary>
    [Fact]
    public async Task Post_CharactersWithPiledUpCombiningMarks_IsRefusedNamingTheField()
    {
        using var s = new WebSession(factory);
        var zalgo = string.Concat(Enumerable.Repeat("某" + new string('\u0301', 20), 100));

        var response = await PostStep1Async(s, zalgo);
        var page = await WebSession.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = page.QuerySelector("[data-error-summary]")!.TextContent;
        Assert.Contains("涉事单位名称", summary, StringComparison.Ordinal);
        Assert.Contains("附加符号", summary, StringComparison.Ordinal);
        Assert.Equal(zalgo, page.QuerySelector<IHtmlInputElement>("input[name=organisation-name]")!.Value);
    }

    [Fact]
    public async Task Post_BidiOverrideInOrganisationName_IsRefusedNamingFieldAndCharacter()
    {
        using var s = new WebSession(factory);

        var response = await PostStep1Async(s, "某银行\u202E行支某");
        var page = await WebSession.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = page.QuerySelector("[data-error-summary]")!.TextContent;
        Assert.Contains("涉事单位名称", summary, StringComparison.Ordinal);
        Assert.Contains("U+202E", summary, StringComparison.Ordinal);
    }
}
