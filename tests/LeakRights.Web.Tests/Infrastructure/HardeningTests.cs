using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace LeakRights.Web.Tests.Infrastructure;

public sealed class HardeningTests
{
    public static TheoryData<string> Urls() => new(["/", "/check/1", "/api/v1/questionnaire", "/css/site.css", "/no-such-page", "/api/v1/statutes/x/y", "/healthz"]);

    [Theory]
    [MemberData(nameof(Urls))]
    public async Task Response_Always_CarriesSecurityHeaders(string url)
    {
        using var factory = new LeakRightsFactory().With("AllowedHosts", "leakrights.example");
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
