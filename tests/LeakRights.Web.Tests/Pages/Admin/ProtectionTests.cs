using System.Net;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace LeakRights.Web.Tests.Pages.Admin;

/// <summary>Every page under /Admin, found from the app's own endpoints, refuses anonymous requests and forged posts.</summary>
public sealed class ProtectionTests(LeakRightsFactory factory) : IClassFixture<LeakRightsFactory>
{
    private List<string> AdminUrls()
    {
        factory.CreateClient().Dispose();
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        return endpoints
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is { ViewEnginePath: var path } && path.StartsWith("/Admin/", StringComparison.Ordinal) && path != "/Admin/Login")
            .Select(e => "/" + e.RoutePattern.RawText!.Replace("{law}", "pipl", StringComparison.Ordinal).Replace("{article}", "47", StringComparison.Ordinal).Replace("{id}", "police-110", StringComparison.Ordinal).Replace("{slug}", "no-such-incident", StringComparison.Ordinal))
            .Distinct()
            .ToList();
    }

    [Fact]
    public void AdminPages_AreAllFound()
    {
        var urls = AdminUrls();

        Assert.True(urls.Count >= 11, string.Join(", ", urls));
        Assert.Contains("/admin/statutes/pipl/47", urls);
        Assert.Contains("/admin/backup", urls);
    }

    [Fact]
    public async Task Get_EveryAdminPageAnonymously_RedirectsToLogin()
    {
        using var s = new WebSession(factory);
        foreach (var url in AdminUrls())
        {
            var response = await s.Client.GetAsync(url);

            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{url}: {(int)response.StatusCode}");
            Assert.StartsWith("http://localhost/admin/login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Post_EveryAdminPageAnonymously_IsRefused()
    {
        using var s = new WebSession(factory);
        foreach (var url in AdminUrls().Append("/admin/backup?handler=Export"))
        {
            var response = await s.Client.PostAsync(url, new FormUrlEncodedContent(Fields.Of(("Text", "x"))));

            Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, $"{url}: {(int)response.StatusCode}");
            if (response.StatusCode == HttpStatusCode.Redirect)
            {
                Assert.Contains("/admin/login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task Post_SignedInWithoutAntiforgeryToken_IsRefusedAndChangesNothing()
    {
        using var s = await AdminSession.SignedInAsync(factory);
        foreach (var url in AdminUrls())
        {
            var response = await s.Client.PostAsync(url + "?handler=Save", new FormUrlEncodedContent(Fields.Of(("Text", "伪造"), ("Note", "x"), ("Effective", "2026-01-01"), ("ExpectedRevision", "1"))));

            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{url}: {(int)response.StatusCode}");
        }

        var (_, page) = await s.GetAsync("/statutes/pipl");
        Assert.DoesNotContain("伪造", page.Body!.TextContent, StringComparison.Ordinal);
    }
}
