using System.Net;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;

namespace LeakRights.Web.Tests.Infrastructure;

public sealed class HardeningTests
{
    private const string Answers = """{"answers":{"source":"unknown","data-types":["contact"],"scale":"unknown","discovery":["spam"],"evidence":["none"],"harms":["spam"],"ongoing-danger":"no","police-report":"no","discovered-on":"2026-11"}}""";

    public static TheoryData<string> Urls() => new(["/", "/check/1", "/api/v1/questionnaire", "/css/site.css", "/no-such-page", "/api/v1/statutes/x/y", "/healthz"]);

    [Theory]
    [MemberData(nameof(Urls))]
    public async Task Response_Always_CarriesSecurityHeaders(string url)
    {
        using var factory = new LeakRightsFactory();
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://leakrights.example") }); // HSTS is never sent for localhost

        var response = await client.GetAsync(url);

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.StartsWith("max-age=", response.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public async Task ApiPlans_OverTheLimit_Returns429ProblemWithRetryAfter()
    {
        using var factory = new LeakRightsFactory().With("LeakRights:RateLimits:PlansPerMinute", "3");
        using var client = factory.CreateClient();

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage last = null!;
        for (var i = 0; i < 5; i++)
        {
            last = await client.PostAsync("/api/v1/plans", new StringContent(Answers, Encoding.UTF8, "application/json"));
            statuses.Add(last.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal("application/problem+json", last.Content.Headers.ContentType!.MediaType);
        Assert.Contains("请求太频繁", await last.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(int.Parse(last.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) > 0);
    }

    [Fact]
    public async Task AdminSignIn_OverTheLimit_ShowsChinese429Page()
    {
        using var factory = new LeakRightsFactory().With("LeakRights:RateLimits:SignInPerMinute", "2");
        using var s = new WebSession(factory);
        var (_, page) = await s.GetAsync("/admin/login");

        HttpResponseMessage last = null!;
        for (var i = 0; i < 3; i++)
        {
            last = await s.SubmitAsync(page, Fields.Of(("UserName", "nobody"), ("Password", "nothing at all")));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, last.StatusCode);
        Assert.Contains("请求太频繁", await last.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(last.Headers.Contains("Retry-After"));
    }

    [Fact]
    public async Task PdfApi_HasItsOwnStricterLimit()
    {
        using var factory = new LeakRightsFactory().With("LeakRights:RateLimits:PdfPerMinute", "1").With("LeakRights:RateLimits:PlansPerMinute", "100");
        using var client = factory.CreateClient();

        var first = await client.PostAsync("/api/v1/plans/pdf", new StringContent(Answers, Encoding.UTF8, "application/json"));
        var second = await client.PostAsync("/api/v1/plans/pdf", new StringContent(Answers, Encoding.UTF8, "application/json"));
        var plan = await client.PostAsync("/api/v1/plans", new StringContent(Answers, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.Equal(HttpStatusCode.OK, plan.StatusCode);
    }

    [Fact]
    public async Task UnhandledError_OutsideDevelopment_ShowsNoExceptionText()
    {
        using var factory = new LeakRightsFactory();
        using var s = new WebSession(factory);

        var (response, page) = await s.GetAsync("/error/500");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("出错了", page.QuerySelector("h1")!.TextContent);
        Assert.DoesNotContain("Exception", page.Body!.TextContent, StringComparison.Ordinal);
    }
}
