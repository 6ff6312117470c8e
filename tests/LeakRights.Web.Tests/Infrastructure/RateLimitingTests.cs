using System.Net;
using System.Text;
using LeakRights.Web.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace LeakRights.Web.Tests.Infrastructure;

/// <summary>The app with small limits; each test case comes from its own client address, so cases share one host but not a quota.</summary>
public sealed class RateLimitedFactory : LeakRightsFactory
{
    public const int Plans = 4;
    public const int Pdf = 2;
    public const int SignIn = 3;
    public const int Cases = 3;
    private static int _nextClient;

    public RateLimitedFactory()
    {
        With("LeakRights:RateLimits:PlansPerMinute", Plans.ToString(System.Globalization.CultureInfo.InvariantCulture));
        With("LeakRights:RateLimits:PdfPerMinute", Pdf.ToString(System.Globalization.CultureInfo.InvariantCulture));
        With("LeakRights:RateLimits:SignInPerMinute", SignIn.ToString(System.Globalization.CultureInfo.InvariantCulture));
        With("LeakRights:RateLimits:CasesPerMinute", Cases.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>A client address no other test uses.</summary>
    public static IPAddress NewClient()
    {
        var n = Interlocked.Increment(ref _nextClient);
        return new IPAddress([198, 51, (byte)(n / 250), (byte)(1 + (n % 250))]);
    }

    /// <summary>Sends one request as if from <paramref name="client"/>; the body, if any, is JSON.</summary>
    public Task<HttpContext> SendAsync(string method, string pathAndQuery, IPAddress client, string? json = null) =>
        Server.SendAsync(c =>
        {
            var q = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
            c.Request.Method = method;
            c.Request.Scheme = "http";
            c.Request.Host = new HostString("localhost");
            c.Request.Path = q < 0 ? pathAndQuery : pathAndQuery[..q];
            c.Request.QueryString = q < 0 ? QueryString.Empty : new QueryString(pathAndQuery[q..]);
            c.Connection.RemoteIpAddress = client;
            if (json is not null)
            {
                var bytes = Encoding.UTF8.GetBytes(json);
                c.Request.ContentType = "application/json";
                c.Request.ContentLength = bytes.Length;
                c.Request.Body = new MemoryStream(bytes);
            }
        });
}

public sealed class RateLimitingTests(RateLimitedFactory factory) : IClassFixture<RateLimitedFactory>
{
    private const string Answers = """{"answers":{"source":"unknown","data-types":["contact"],"scale":"unknown","discovery":["spam"],"evidence":["none"],"harms":["spam"],"ongoing-danger":"no","police-report":"no","discovered-on":"2026-11"}}""";
    private const string Token = "CfDJ8-not-a-real-token";
    private const string CaseId = "AAAAAAAAAAAA";
    private const string CaseSecret = "AAAAAAAAAAAAAAAAAAAAAA";

    /// <summary>Every spelling of every limited route: method, path and query, body or not, and the limit that must hold.</summary>
    public static TheoryData<string, string, bool, string> Spellings() => new()
    {
        // The plan API.
        { "POST", "/api/v1/plans", true, RateLimiting.Plans },
        { "POST", "/api/v1/plans/", true, RateLimiting.Plans },
        { "POST", "/API/V1/PLANS", true, RateLimiting.Plans },
        { "POST", "/Api/V1/Plans/?x=1", true, RateLimiting.Plans },

        // The PDF API.
        { "POST", "/api/v1/plans/pdf", true, RateLimiting.Pdf },
        { "POST", "/api/v1/plans/pdf/", true, RateLimiting.Pdf },
        { "POST", "/API/V1/PLANS/PDF", true, RateLimiting.Pdf },
        { "POST", "/api/v1/plans/Pdf/?handler=x", true, RateLimiting.Pdf },

        // The plan page, including the old download spellings (now not found, and counted as plan views).
        { "GET", $"/plan/{Token}", false, RateLimiting.Plans },
        { "HEAD", $"/plan/{Token}", false, RateLimiting.Plans },
        { "GET", $"/PLAN/{Token}/", false, RateLimiting.Plans },
        { "POST", $"/plan/{Token}?handler=Pdf", false, RateLimiting.Plans },
        { "POST", $"/plan/{Token}?handler=pdf", false, RateLimiting.Plans },
        { "POST", $"/plan/{Token}?handler=PDF", false, RateLimiting.Plans },
        { "POST", $"/plan/{Token}?handler=Pdf&handler=x", false, RateLimiting.Plans },
        { "POST", $"/plan/{Token}/?handler=pdf", false, RateLimiting.Plans },
        { "GET", $"/plan/{Token}?handler=Calendar", false, RateLimiting.Plans },
        { "GET", $"/plan/{Token}?handler=calendar", false, RateLimiting.Plans },

        // The downloads, each its own endpoint with the file limit.
        { "POST", $"/plan/{Token}/pdf", false, RateLimiting.Pdf },
        { "POST", $"/plan/{Token}/pdf/", false, RateLimiting.Pdf },
        { "POST", $"/PLAN/{Token}/PDF", false, RateLimiting.Pdf },
        { "GET", $"/plan/{Token}/pdf", false, RateLimiting.Pdf },
        { "GET", $"/plan/{Token}/calendar", false, RateLimiting.Pdf },
        { "GET", $"/plan/{Token}/Calendar/", false, RateLimiting.Pdf },
        { "HEAD", $"/plan/{Token}/calendar", false, RateLimiting.Pdf },

        // Building a plan link from the review page.
        { "POST", "/check/review", false, RateLimiting.Plans },
        { "POST", "/check/review/", false, RateLimiting.Plans },
        { "POST", "/CHECK/REVIEW?handler=x", false, RateLimiting.Plans },

        // Saved cases: every request counts (each opens and decrypts a case), found or not.
        { "POST", "/api/v1/cases", true, RateLimiting.Cases },
        { "POST", "/API/V1/CASES/", true, RateLimiting.Cases },
        { "GET", $"/api/v1/cases/{CaseId}", false, RateLimiting.Cases },
        { "GET", $"/Api/V1/Cases/{CaseId}/?x=1", false, RateLimiting.Cases },
        { "DELETE", $"/api/v1/cases/{CaseId}", false, RateLimiting.Cases },
        { "POST", $"/api/v1/cases/{CaseId}/progress", true, RateLimiting.Cases },
        { "POST", $"/API/v1/cases/{CaseId}/PROGRESS/", true, RateLimiting.Cases },
        { "DELETE", $"/api/v1/cases/{CaseId}/progress/abc", false, RateLimiting.Cases },
        { "GET", $"/case/{CaseId}/{CaseSecret}/export", false, RateLimiting.Cases },
        { "POST", $"/CASE/{CaseId}/{CaseSecret}/Export/", false, RateLimiting.Cases },
        { "GET", "/case/import", false, RateLimiting.Cases },
        { "POST", "/case/import/?handler=x", false, RateLimiting.Cases },

        // Signing in.
        { "POST", "/admin/login", false, RateLimiting.SignIn },
        { "POST", "/admin/login/", false, RateLimiting.SignIn },
        { "POST", "/ADMIN/LOGIN", false, RateLimiting.SignIn },
        { "POST", "/admin/Login/?handler=x", false, RateLimiting.SignIn },
    };

    [Theory]
    [MemberData(nameof(Spellings))]
    public async Task Request_AnySpelling_IsRefusedOnceItsLimitIsUsedUp(string method, string pathAndQuery, bool json, string policy)
    {
        var limit = policy switch
        {
            RateLimiting.Plans => RateLimitedFactory.Plans,
            RateLimiting.Pdf => RateLimitedFactory.Pdf,
            RateLimiting.Cases => RateLimitedFactory.Cases,
            _ => RateLimitedFactory.SignIn,
        };
        var client = RateLimitedFactory.NewClient();

        var statuses = new List<int>();
        HttpContext last = null!;
        for (var i = 0; i <= limit; i++)
        {
            last = await factory.SendAsync(method, pathAndQuery, client, json ? Answers : null);
            statuses.Add(last.Response.StatusCode);
        }

        Assert.DoesNotContain(StatusCodes.Status429TooManyRequests, statuses.Take(limit));
        Assert.Equal(StatusCodes.Status429TooManyRequests, statuses[^1]);
        Assert.True(int.Parse(last.Response.Headers.RetryAfter.ToString(), System.Globalization.CultureInfo.InvariantCulture) > 0);
    }

    /// <summary>A new endpoint under these routes (another download, say) must come with its limit: this lists them from the endpoint table.</summary>
    [Fact]
    public void Endpoints_BuildingPlansFilesCasesOrSigningIn_AllCarryALimit()
    {
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Route: "/" + e.RoutePattern.RawText!.TrimStart('/'), Policy: e.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName))
            .Where(e => e.Route.StartsWith("/plan/", StringComparison.OrdinalIgnoreCase)
                || e.Route.StartsWith("/api/v1/plans", StringComparison.OrdinalIgnoreCase)
                || e.Route.StartsWith("/api/v1/cases", StringComparison.OrdinalIgnoreCase)
                || e.Route.StartsWith("/case/", StringComparison.OrdinalIgnoreCase)
                || e.Route.StartsWith("/check/review", StringComparison.OrdinalIgnoreCase)
                || e.Route.StartsWith("/admin/login", StringComparison.OrdinalIgnoreCase))
            .OrderBy(e => e.Route, StringComparer.Ordinal)
            .Select(e => $"{e.Route} {e.Policy}")
            .ToList();

        Assert.Equal(
            [
                "/admin/login signin",
                "/api/v1/cases cases",
                "/api/v1/cases/{id} cases",
                "/api/v1/cases/{id} cases",
                "/api/v1/cases/{id}/progress cases",
                "/api/v1/cases/{id}/progress/{entryId} cases",
                "/api/v1/plans plans",
                "/api/v1/plans/pdf pdf",
                "/case/deleted cases",
                "/case/import cases",
                "/case/{id}/{secret} cases",
                "/case/{id}/{secret}/calendar.ics cases",
                "/case/{id}/{secret}/export cases",
                "/case/{id}/{secret}/letter pdf",
                "/case/{id}/{secret}/pdf pdf",
                "/check/review plans",
                "/plan/{token} plans",
                "/plan/{token}/calendar pdf",
                "/plan/{token}/letter pdf",
                "/plan/{token}/pdf pdf",
            ],
            endpoints);
    }

    [Fact]
    public async Task ApiPlans_OverTheLimit_Returns429ProblemWithRetryAfter()
    {
        var client = RateLimitedFactory.NewClient();

        var statuses = new List<int>();
        HttpContext last = null!;
        for (var i = 0; i < RateLimitedFactory.Plans + 2; i++)
        {
            last = await factory.SendAsync("POST", "/api/v1/plans", client, Answers);
            statuses.Add(last.Response.StatusCode);
        }

        Assert.Equal([200, 200, 200, 200, 429, 429], statuses);
        Assert.Equal("application/problem+json", last.Response.ContentType);
        Assert.Contains("请求太频繁", await new StreamReader(last.Response.Body).ReadToEndAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PdfApi_HasItsOwnStricterLimit()
    {
        var client = RateLimitedFactory.NewClient();

        var pdfs = new List<int>();
        for (var i = 0; i <= RateLimitedFactory.Pdf; i++)
        {
            pdfs.Add((await factory.SendAsync("POST", "/api/v1/plans/pdf", client, Answers)).Response.StatusCode);
        }

        var plan = await factory.SendAsync("POST", "/api/v1/plans", client, Answers);

        Assert.Equal([200, 200, 429], pdfs);
        Assert.Equal(StatusCodes.Status200OK, plan.Response.StatusCode);
    }

    [Fact]
    public async Task PdfDownloads_PageAndCalendarAndApi_ShareOneLimitPerClient()
    {
        var client = RateLimitedFactory.NewClient();

        var first = await factory.SendAsync("POST", "/api/v1/plans/pdf", client, Answers);
        var second = await factory.SendAsync("GET", $"/plan/{Token}/calendar", client);
        var third = await factory.SendAsync("POST", $"/plan/{Token}/pdf", client);
        var other = await factory.SendAsync("POST", $"/plan/{Token}/pdf", RateLimitedFactory.NewClient());

        Assert.Equal(StatusCodes.Status200OK, first.Response.StatusCode);
        Assert.NotEqual(StatusCodes.Status429TooManyRequests, second.Response.StatusCode);
        Assert.Equal(StatusCodes.Status429TooManyRequests, third.Response.StatusCode);
        Assert.NotEqual(StatusCodes.Status429TooManyRequests, other.Response.StatusCode);
    }

    [Fact]
    public async Task SignInForm_Get_IsNotCounted()
    {
        var client = RateLimitedFactory.NewClient();

        var statuses = new List<int>();
        for (var i = 0; i < RateLimitedFactory.SignIn + 2; i++)
        {
            statuses.Add((await factory.SendAsync("GET", "/admin/login", client)).Response.StatusCode);
        }

        Assert.All(statuses, s => Assert.Equal(StatusCodes.Status200OK, s));
    }

    [Fact]
    public async Task AdminSignIn_OverTheLimit_ShowsChinese429Page()
    {
        using var s = new WebSession(factory);
        var (_, page) = await s.GetAsync("/admin/login");

        HttpResponseMessage last = null!;
        for (var i = 0; i <= RateLimitedFactory.SignIn; i++)
        {
            last = await s.SubmitAsync(page, Fields.Of(("UserName", "nobody"), ("Password", "nothing at all")));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, last.StatusCode);
        Assert.Equal("text/html", last.Content.Headers.ContentType!.MediaType);
        Assert.Contains("请求太频繁", await last.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(last.Headers.Contains("Retry-After"));
    }

    [Fact]
    public async Task ForwardedFor_FromAnUnknownProxy_IsIgnored()
    {
        var client = RateLimitedFactory.NewClient();

        var statuses = new List<int>();
        for (var i = 0; i <= RateLimitedFactory.Pdf; i++)
        {
            var context = await factory.Server.SendAsync(c =>
            {
                c.Request.Method = "GET";
                c.Request.Host = new HostString("localhost");
                c.Request.Path = $"/plan/{Token}/calendar";
                c.Request.Headers["X-Forwarded-For"] = $"192.0.2.{100 + i}";
                c.Connection.RemoteIpAddress = client;
            });
            statuses.Add(context.Response.StatusCode);
        }

        Assert.Equal(StatusCodes.Status429TooManyRequests, statuses[^1]);
    }

    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    [InlineData("::1", "::1")]
    public void ClientKey_Address_GroupsIPv6By64(string address, string expected)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(address);

        Assert.Equal(expected, RateLimiting.ClientKey(context));
    }
}
