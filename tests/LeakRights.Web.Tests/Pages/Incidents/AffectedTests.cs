using System.Net;
using System.Text.Json;
using LeakRights.Web.Data;
using LeakRights.Web.Incidents;
using LeakRights.Web.Tests.Pages.Admin;
using Microsoft.EntityFrameworkCore;

namespace LeakRights.Web.Tests.Pages.Incidents;

/// <summary>
/// The anonymous "我也受到影响" counter (issue 16, docs/decisions/0011): once per browser, proof of work, replay, expiry,
/// malformed posts and no JavaScript each get a Chinese message and a 4xx (never a 5xx), ranges, and the rate limit.
/// Each test counts on its own incident. The clock moves forward in one test only (challenges are issued at "now").
/// </summary>
public sealed class AffectedTests(LeakRightsFactory factory) : IClassFixture<LeakRightsFactory>
{
    private sealed record Challenge(string Value, int Bits, string Token);

    private async Task CreateAsync(string slug)
    {
        using var staff = await AdminSession.SignedInAsync(factory);
        await IncidentAdmin.CreateAsync(staff, slug, "影响计数测试单位 " + slug);
    }

    private static async Task<Challenge> ChallengeAsync(WebSession s, string slug)
    {
        var response = await s.Client.GetAsync($"/incidents/{slug}/affected/challenge");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl!.NoStore);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return new Challenge(json.GetProperty("challenge").GetString()!, json.GetProperty("bits").GetInt32(), json.GetProperty("token").GetString()!);
    }

    /// <summary>What the page's script does: the smallest nonce with enough leading zero bits.</summary>
    private static string Solve(string challenge, int bits)
    {
        for (var n = 0; ; n++)
        {
            var nonce = n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (AffectedCounter.HasWork(challenge, nonce, bits))
            {
                return nonce;
            }
        }
    }

    private static string Unsolved(string challenge, int bits)
    {
        for (var n = 0; ; n++)
        {
            var nonce = n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!AffectedCounter.HasWork(challenge, nonce, bits))
            {
                return nonce;
            }
        }
    }

    private static async Task<(HttpResponseMessage Response, IDocument Page)> PostAsync(WebSession s, string slug, string? challenge, string? nonce, string? token)
    {
        var fields = new List<KeyValuePair<string, string>>();
        if (challenge is not null)
        {
            fields.Add(new("challenge", challenge));
        }

        if (nonce is not null)
        {
            fields.Add(new("nonce", nonce));
        }

        if (token is not null)
        {
            fields.Add(new("__RequestVerificationToken", token));
        }

        var response = await s.Client.PostAsync($"/incidents/{slug}/affected", new FormUrlEncodedContent(fields));
        return (response, await WebSession.ParseAsync(response));
    }

    private static async Task<(HttpResponseMessage Response, IDocument Page)> CountAsync(WebSession s, string slug)
    {
        var c = await ChallengeAsync(s, slug);
        return await PostAsync(s, slug, c.Value, Solve(c.Value, c.Bits), c.Token);
    }

    private async Task<int> StoredCountAsync(string slug)
    {
        await using var db = factory.CreateDbContext();
        return await db.IncidentAffectedCounts.Where(c => db.Incidents.Any(i => i.Id == c.IncidentId && i.Slug == slug)).SumAsync(c => c.Count);
    }

    private static string Outcome(IDocument page) => page.QuerySelector("[data-affected-outcome]")!.GetAttribute("data-affected-outcome")!;

    [Fact]
    public async Task Post_WithWork_CountsOncePerBrowser()
    {
        await CreateAsync("counted-once");
        using var browser = new WebSession(factory);

        var (first, firstPage) = await CountAsync(browser, "counted-once");
        var (second, secondPage) = await CountAsync(browser, "counted-once");
        using var otherBrowser = new WebSession(factory);
        var (third, _) = await CountAsync(otherBrowser, "counted-once");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(nameof(AffectedOutcome.Counted), Outcome(firstPage));
        Assert.Contains("已登记", firstPage.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(nameof(AffectedOutcome.AlreadyCounted), Outcome(secondPage));
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
        Assert.Equal(2, await StoredCountAsync("counted-once"));
        await using var db = factory.CreateDbContext();
        var bucket = await db.IncidentAffectedCounts.Where(c => db.Incidents.Any(i => i.Id == c.IncidentId && i.Slug == "counted-once")).SingleAsync();
        Assert.Equal(new DateOnly(2026, 11, 27), bucket.Day);
    }

    [Fact]
    public async Task Post_CookieRemembersOnlyTheIncidentsAndIsUnreadable()
    {
        await CreateAsync("cookie-contents");
        using var browser = new WebSession(factory);

        var (response, _) = await CountAsync(browser, "cookie-contents");

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(AffectedCounter.CookieName + "=", StringComparison.Ordinal));
        Assert.Contains("path=/incidents", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("cookie-contents", cookie, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_ReplayedChallengeFromAnotherBrowser_IsRefused()
    {
        await CreateAsync("replayed");
        using var first = new WebSession(factory);
        var c = await ChallengeAsync(first, "replayed");
        var nonce = Solve(c.Value, c.Bits);
        await PostAsync(first, "replayed", c.Value, nonce, c.Token);
        using var second = new WebSession(factory);
        var own = await ChallengeAsync(second, "replayed");

        var (response, page) = await PostAsync(second, "replayed", c.Value, nonce, own.Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(nameof(AffectedOutcome.Replayed), Outcome(page));
        Assert.Contains("已经提交过", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, await StoredCountAsync("replayed"));
    }

    [Fact]
    public async Task Post_WithoutJavaScript_SaysSoWithoutCounting()
    {
        await CreateAsync("no-javascript");
        using var browser = new WebSession(factory);
        var (_, incidentPage) = await browser.GetAsync("/incidents/no-javascript");

        // The form as the cached page has it, posted as is: empty challenge, nonce and token.
        var response = await browser.SubmitAsync(incidentPage, Fields.Of(("challenge", ""), ("nonce", "")), "form[data-affected-form]");
        var page = await WebSession.ParseAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("需要启用 JavaScript", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(incidentPage.QuerySelector("noscript"));
        Assert.Equal(0, await StoredCountAsync("no-javascript"));
    }

    public static TheoryData<string> Tampering() => new() { "garbage-challenge", "other-incident", "letters-in-nonce", "long-nonce", "not-enough-work", "no-token", "wrong-token", "huge-challenge" };

    [Theory]
    [MemberData(nameof(Tampering))]
    public async Task Post_Malformed_IsA400WithAChineseMessageAndNoCount(string how)
    {
        var slug = "malformed-" + how;
        await CreateAsync(slug);
        if (how == "other-incident")
        {
            await CreateAsync("malformed-other-target");
        }

        using var browser = new WebSession(factory);
        var c = await ChallengeAsync(browser, slug);
        var nonce = Solve(c.Value, c.Bits);
        var (challenge, postedNonce, token) = how switch
        {
            "garbage-challenge" => ("CfDJ8-not-a-challenge", nonce, c.Token),
            "other-incident" => await OtherIncidentAsync(browser, c.Token),
            "letters-in-nonce" => (c.Value, "12a", c.Token),
            "long-nonce" => (c.Value, new string('1', 21), c.Token),
            "not-enough-work" => (c.Value, Unsolved(c.Value, c.Bits), c.Token),
            "no-token" => (c.Value, nonce, null),
            "wrong-token" => (c.Value, nonce, "CfDJ8-forged"),
            _ => (new string('x', 5000), nonce, c.Token),
        };
        var (response, page) = await PostAsync(browser, slug, challenge, postedNonce, token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector("[data-affected-outcome]")!.TextContent));
        Assert.Matches("[\u4e00-\u9fff]", page.QuerySelector("h1")!.TextContent);
        Assert.Equal(0, await StoredCountAsync(slug));
    }

    /// <summary>A solved challenge for another incident, posted to this one.</summary>
    private static async Task<(string, string, string?)> OtherIncidentAsync(WebSession browser, string token)
    {
        var other = await ChallengeAsync(browser, "malformed-other-target");
        return (other.Value, Solve(other.Value, other.Bits), token);
    }

    [Fact]
    public async Task Post_ExpiredChallenge_IsRefused()
    {
        await CreateAsync("expired-challenge");
        using var browser = new WebSession(factory);
        var c = await ChallengeAsync(browser, "expired-challenge");
        var nonce = Solve(c.Value, c.Bits);

        factory.Clock.Advance(TimeSpan.FromMinutes(11));
        var (response, page) = await PostAsync(browser, "expired-challenge", c.Value, nonce, c.Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(nameof(AffectedOutcome.Expired), Outcome(page));
        Assert.Equal(0, await StoredCountAsync("expired-challenge"));
    }

    [Theory]
    [InlineData("/incidents/no-such-incident/affected/challenge")]
    [InlineData("/incidents/BAD/affected/challenge")]
    public async Task Challenge_UnknownIncident_Is404(string url)
    {
        using var browser = new WebSession(factory);

        Assert.Equal(HttpStatusCode.NotFound, (await browser.Client.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task Post_UnknownIncident_IsTheFriendly404()
    {
        using var browser = new WebSession(factory);

        var (response, page) = await PostAsync(browser, "no-such-incident", "x", "1", "y");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("找不到这个页面", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_GarbageBodies_NeverA5xx()
    {
        await CreateAsync("garbage-bodies");
        using var browser = new WebSession(factory);
        var bodies = new HttpContent[]
        {
            new StringContent("{\"challenge\":1}", System.Text.Encoding.UTF8, "application/json"),
            new ByteArrayContent([0xff, 0xfe, 0x00]),
            new FormUrlEncodedContent(Fields.Of(("challenge", "\u0000"), ("nonce", "\uD800"))),
            new FormUrlEncodedContent(Fields.Of(("nonce", "１２３"), ("challenge", "a"))),
        };

        foreach (var body in bodies)
        {
            var response = await browser.Client.PostAsync("/incidents/garbage-bodies/affected", body);
            Assert.True((int)response.StatusCode is >= 400 and < 500, $"{(int)response.StatusCode}");
        }

        Assert.Equal(HttpStatusCode.Redirect, (await browser.Client.GetAsync("/incidents/garbage-bodies/affected")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await browser.Client.PostAsync("/incidents/garbage-bodies/AFFECTED?handler=Nope", new FormUrlEncodedContent([]))).StatusCode);
    }

    [Theory]
    [InlineData(0, "少于 10 人")]
    [InlineData(9, "少于 10 人")]
    [InlineData(10, "10+ 人")]
    [InlineData(99, "10+ 人")]
    [InlineData(100, "100+ 人")]
    [InlineData(999, "100+ 人")]
    [InlineData(1000, "1,000+ 人")]
    [InlineData(9999, "1,000+ 人")]
    [InlineData(10000, "10,000+ 人")]
    [InlineData(2_000_000, "10,000+ 人")]
    public void Range_Count_IsShownAsARange(int count, string expected) => Assert.Equal(expected, AffectedCounter.Range(count));

    [Fact]
    public async Task IncidentPage_ShowsTheRangeNotTheExactCount()
    {
        await CreateAsync("shown-as-range");
        await using (var db = factory.CreateDbContext())
        {
            var id = (await db.Incidents.SingleAsync(i => i.Slug == "shown-as-range")).Id;
            db.IncidentAffectedCounts.AddRange(
                new IncidentAffectedCount { IncidentId = id, Day = new DateOnly(2026, 11, 25), Count = 1000 },
                new IncidentAffectedCount { IncidentId = id, Day = new DateOnly(2026, 11, 26), Count = 234 });
            await db.SaveChangesAsync();
        }

        using var browser = new WebSession(factory);
        var (_, page) = await browser.GetAsync("/incidents/shown-as-range");

        Assert.Equal("1,000+ 人", page.QuerySelector("[data-affected-range]")!.TextContent);
        Assert.DoesNotContain("1234", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Counter_StoresNoAddressAndLogsNoChallenge()
    {
        await CreateAsync("nothing-stored");
        using var browser = new WebSession(factory);
        var c = await ChallengeAsync(browser, "nothing-stored");
        var trace = new Trace();
        trace.Apply(browser.Client);

        await PostAsync(browser, "nothing-stored", c.Value, Solve(c.Value, c.Bits), c.Token);
        await factory.Logs.WaitForRequestAsync(trace);

        Assert.DoesNotContain(factory.Logs.Lines, l => l.Contains(c.Value, StringComparison.Ordinal));
        await using var db = factory.CreateDbContext();
        var uses = await db.IncidentChallengeUses.ToListAsync();
        Assert.DoesNotContain(uses, u => u.Hash.Contains(c.Value, StringComparison.Ordinal));
        Assert.DoesNotContain(await db.AuditEntries.ToListAsync(), e => e.Target == "nothing-stored" && e.Kind.Contains("affected", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RateLimit_ManyChallengesFromOneClient_Is429()
    {
        await using var limited = new LeakRightsFactory().With("LeakRights:RateLimits:AffectedPerMinute", "3");
        using (var staff = await AdminSession.SignedInAsync(limited))
        {
            await IncidentAdmin.CreateAsync(staff, "rate-limited", "限流测试单位");
        }

        using var browser = new WebSession(limited);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await browser.Client.GetAsync("/incidents/rate-limited/affected/challenge")).StatusCode);
        }

        var refused = await browser.Client.PostAsync("/incidents/rate-limited/affected", new FormUrlEncodedContent(Fields.Of(("challenge", "a"), ("nonce", "1"))));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, (await browser.Client.GetAsync("/incidents/rate-limited")).StatusCode);
    }
}
