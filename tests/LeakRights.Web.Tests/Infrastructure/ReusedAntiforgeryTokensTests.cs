using System.Net;
using LeakRights.Web.Infrastructure;
using LeakRights.Web.Tests.Pages.Admin;
using Microsoft.Extensions.DependencyInjection;

namespace LeakRights.Web.Tests.Infrastructure;

/// <summary>
/// One form token per antiforgery cookie (issue 15): a returning browser gets the same token without Data Protection work, and
/// the reuse never accepts a post the framework would refuse.
/// </summary>
[Collection(ReadOnlyApp.Name)]
public sealed class ReusedAntiforgeryTokensTests(LeakRightsFactory factory)
{
    private ReusedAntiforgeryTokens Tokens => factory.Services.GetRequiredService<ReusedAntiforgeryTokens>();

    internal static string TokenOf(IDocument page) =>
        page.QuerySelector<IHtmlInputElement>("main form[method=post] input[name=__RequestVerificationToken]")?.Value
        ?? throw new InvalidOperationException("no form token on " + page.Url);

    /// <summary>A browser's antiforgery cookie, as a Cookie header value, from a first visit to step 1.</summary>
    private static async Task<string> AntiforgeryCookieAsync(HttpClient client)
    {
        var response = await client.GetAsync("/check/1");
        return response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal)).Split(';')[0];
    }

    [Fact]
    public async Task GetStep_ReturningBrowser_GetsTheSameTokenWithoutMintingAgain()
    {
        using var s = new WebSession(factory);
        var (_, first) = await s.GetAsync("/check/1");
        var (_, second) = await s.GetAsync("/check/1");
        var reusedBefore = Tokens.ReusedTokens;
        var (third, thirdPage) = await s.GetAsync("/check/1");

        Assert.Equal(TokenOf(second), TokenOf(thirdPage));
        Assert.Equal(reusedBefore + 1, Tokens.ReusedTokens);
        Assert.False(third.Headers.Contains("Set-Cookie") && third.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal)));
        Assert.Contains("no-store", third.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.NotEqual(TokenOf(first), string.Empty);
    }

    [Fact]
    public async Task PostStep_RememberedPair_IsAcceptedWithoutDecrypting()
    {
        using var s = new WebSession(factory);
        await s.GetAsync("/check/1");
        var (_, page) = await s.GetAsync("/check/1");
        var before = Tokens.ReusedValidations;

        var response = await s.SubmitAsync(page, Fields.Of(("source", "unknown"), ("nav", "next")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.EndsWith("/check/2", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(before + 1, Tokens.ReusedValidations);
        var (_, next) = await s.FollowAsync(response);
        Assert.NotNull(next.QuerySelector("fieldset#q-data-types"));
    }

    [Fact]
    public async Task PostStep_RememberedTokenOfAnotherBrowser_IsRefused()
    {
        using var alice = new WebSession(factory);
        await alice.GetAsync("/check/1");
        var (_, alicePage) = await alice.GetAsync("/check/1");
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        var malloryCookie = await AntiforgeryCookieAsync(client);
        using var returning = new HttpRequestMessage(HttpMethod.Get, "/check/1");
        returning.Headers.Add("Cookie", malloryCookie);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(returning)).StatusCode);

        // Mallory's cookie with Alice's (remembered, valid) form token: a pair the framework never minted.
        using var forged = new HttpRequestMessage(HttpMethod.Post, "/check/1")
        {
            Content = new FormUrlEncodedContent(Fields.Of(("source", "bank"), ("nav", "next"), ("__RequestVerificationToken", TokenOf(alicePage)))),
        };
        forged.Headers.Add("Cookie", malloryCookie);
        var response = await client.SendAsync(forged);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task PostStep_RememberedTokenWithoutItsCookie_IsRefused()
    {
        using var s = new WebSession(factory);
        await s.GetAsync("/check/1");
        var (_, page) = await s.GetAsync("/check/1");

        using var client = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        var response = await client.PostAsync("/check/1", new FormUrlEncodedContent(Fields.Of(("source", "bank"), ("nav", "next"), ("__RequestVerificationToken", TokenOf(page)))));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task PostStep_AlteredRememberedToken_IsRefused()
    {
        using var s = new WebSession(factory);
        await s.GetAsync("/check/1");
        var (_, page) = await s.GetAsync("/check/1");
        var token = TokenOf(page);
        var altered = token[..^2] + (token[^2] == 'A' ? "B" : "A") + token[^1];

        var response = await s.Client.PostAsync("/check/1", new FormUrlEncodedContent(Fields.Of(("source", "bank"), ("nav", "next"), ("__RequestVerificationToken", altered))));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task GetAdminPage_SignedIn_GetsAFreshTokenEveryTime()
    {
        using var s = await AdminSession.SignedInAsync(factory, "tokens");
        var before = Tokens.ReusedTokens;
        var (_, first) = await s.GetAsync("/admin/password");
        var (_, second) = await s.GetAsync("/admin/password");

        Assert.NotEqual(TokenOf(first), TokenOf(second));
        Assert.Equal(before, Tokens.ReusedTokens);
    }
}

/// <summary>The reuse ends after <see cref="ReusedAntiforgeryTokens.EntryLifetime"/> (a revoked key stops being honoured).</summary>
[Collection(MovingClockApp.Name)]
public sealed class ReusedAntiforgeryTokensExpiryTests(MovingClockApp.App factory)
{
    [Fact]
    public async Task GetStep_AfterTheEntryLifetime_MintsANewToken()
    {
        using var s = new WebSession(factory);
        await s.GetAsync("/check/1");
        var (_, before) = await s.GetAsync("/check/1");
        var (_, reused) = await s.GetAsync("/check/1");
        Assert.Equal(ReusedAntiforgeryTokensTests.TokenOf(before), ReusedAntiforgeryTokensTests.TokenOf(reused));

        factory.Clock.Advance(ReusedAntiforgeryTokens.EntryLifetime + TimeSpan.FromSeconds(1));
        var (_, after) = await s.GetAsync("/check/1");

        Assert.NotEqual(ReusedAntiforgeryTokensTests.TokenOf(before), ReusedAntiforgeryTokensTests.TokenOf(after));
    }
}
