using System.Net;
using System.Text;
using LeakRights.Web.Infrastructure;
using LeakRights.Web.Tests.Pages.Admin;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LeakRights.Web.Tests.Infrastructure;

/// <summary>Host names, cookie security and the default: what changes with where the app runs.</summary>
public sealed class HostingSecurityTests(LeakRightsFactory factory) : IClassFixture<LeakRightsFactory>
{
    [Fact]
    public async Task Request_UnknownHostHeader_Is400AndNeverARedirectToThatHost()
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://evil.example"), AllowAutoRedirect = false });

        var response = await client.GetAsync("/admin");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task Request_LocalHostHeader_IsServed()
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync("/admin");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("localhost", response.Headers.Location!.Host);
    }

    [Fact]
    public async Task Cookies_DefaultInTesting_AreSecureOnlyOnHttps()
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });

        var response = await client.GetAsync("/check/1");

        var antiforgery = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        Assert.DoesNotContain("secure", antiforgery, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("Production", null, true)]
    [InlineData("Staging", null, true)]
    [InlineData("Development", null, false)]
    [InlineData("Testing", null, false)]
    [InlineData("Production", false, false)]
    [InlineData("Development", true, true)]
    public void SecureCookiesIn_Environment_DefaultsToOnOutsideDevelopmentAndTesting(string environment, bool? setting, bool expected)
    {
        var options = new SecurityOptions { SecureCookies = setting };

        Assert.Equal(expected, options.SecureCookiesIn(new HostEnvironment { EnvironmentName = environment }));
    }

    private sealed class HostEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = string.Empty;

        public string ApplicationName { get; set; } = "LeakRights.Web";

        public string ContentRootPath { get; set; } = string.Empty;

        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = null!;
    }
}

/// <summary>With LeakRights:Security:SecureCookies on, the draft, antiforgery and admin cookies are Secure even on plain http.</summary>
public sealed class SecureCookieTests : IClassFixture<SecureCookieTests.SecureCookiesFactory>
{
    private readonly SecureCookiesFactory _factory;

    public SecureCookieTests(SecureCookiesFactory factory) => _factory = factory;

    public sealed class SecureCookiesFactory : LeakRightsFactory
    {
        public SecureCookiesFactory() => With("LeakRights:Security:SecureCookies", "true");
    }

    [Fact]
    public async Task DraftAndAntiforgeryCookies_SettingOn_AreSecure()
    {
        using var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });
        var (cookie, token) = await FormAsync(client, "/check/1");

        var post = await PostAsync(client, "/check/1", cookie, token, ("source", "unknown"), ("nav", "next"));

        Assert.Contains("secure", cookie.Header, StringComparison.OrdinalIgnoreCase);
        var draft = post.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(AnswerDraftStore.CookieName + "=", StringComparison.Ordinal));
        Assert.Contains("secure", draft, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AdminCookie_SettingOn_IsSecure()
    {
        await AdminSession.CreateAccountAsync(_factory, "secure-cookie-admin");
        using var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });
        var (cookie, token) = await FormAsync(client, "/admin/login");

        var post = await PostAsync(client, "/admin/login", cookie, token, ("UserName", "secure-cookie-admin"), ("Password", AdminSession.Password));

        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        var admin = post.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("lr_admin=", StringComparison.Ordinal));
        Assert.Contains("secure", admin, StringComparison.OrdinalIgnoreCase);
    }

    private sealed record AntiforgeryCookie(string Pair, string Header);

    private static async Task<(AntiforgeryCookie Cookie, string Token)> FormAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var header = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        var page = await WebSession.ParseAsync(response);
        var token = page.QuerySelector<IHtmlInputElement>("main form input[name=__RequestVerificationToken]")!.Value;
        return (new AntiforgeryCookie(header.Split(';')[0], header), token);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, AntiforgeryCookie cookie, string token, params (string Key, string Value)[] fields)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new FormUrlEncodedContent(Fields.Of(fields).Append(new("__RequestVerificationToken", token))),
        };

        // A browser would not send a Secure cookie over http; sending it by hand lets the test see the answer's cookies.
        request.Headers.Add("Cookie", cookie.Pair);
        return await client.SendAsync(request);
    }
}

/// <summary>
/// Development with a clock that can be made to throw: exception details reach a developer on this machine and nobody
/// else, whatever the environment. The client's address comes from a test header.
/// </summary>
public sealed class ExceptionDetailsTests(ExceptionDetailsTests.DevelopmentFactory factory) : IClassFixture<ExceptionDetailsTests.DevelopmentFactory>
{
    private const string Secret = "secret-detail-Q7";
    private const string Answers = """{"answers":{"source":"unknown","data-types":["contact"],"scale":"unknown","discovery":["spam"],"evidence":["none"],"harms":["spam"],"ongoing-danger":"no","police-report":"no","discovered-on":"2026-11"}}""";

    public sealed class DevelopmentFactory : LeakRightsFactory
    {
        public FailingClock FailingClock { get; } = new(new DateTimeOffset(2026, 11, 27, 2, 0, 0, TimeSpan.Zero));

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Development");
            builder.ConfigureServices(s =>
            {
                s.AddSingleton<TimeProvider>(FailingClock);
                s.AddTransient<IStartupFilter, RemoteAddressFromHeader>();
            });
        }
    }

    public sealed class FailingClock(DateTimeOffset now) : TimeProvider
    {
        public bool Fail { get; set; }

        public override DateTimeOffset GetUtcNow() => Fail ? throw new InvalidOperationException(Secret) : now;
    }

    private sealed class RemoteAddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue("X-Test-Remote", out var remote))
                {
                    context.Connection.RemoteIpAddress = IPAddress.Parse(remote.ToString());
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }

    [Theory]
    [InlineData("203.0.113.50", null)]
    [InlineData("10.1.2.3", null)]
    [InlineData("127.0.0.1", "203.0.113.50")]
    public async Task ApiError_DevelopmentButNotThisMachine_IsProblemWithoutDetails(string remote, string? forwardedFor)
    {
        var response = await SendFailingAsync(remote, forwardedFor);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("出错了", body, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Assert.DoesNotContain("cookie-value-Q7", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PageError_DevelopmentButNotThisMachine_IsChinesePageWithoutDetails()
    {
        using var s = new WebSession(factory);
        var (_, page) = await s.GetAsync("/admin/login");
        s.Client.DefaultRequestHeaders.Add("X-Test-Remote", "203.0.113.50");

        HttpResponseMessage response;
        factory.FailingClock.Fail = true;
        try
        {
            response = await s.SubmitAsync(page, Fields.Of(("UserName", "nobody"), ("Password", "nothing at all")));
        }
        finally
        {
            factory.FailingClock.Fail = false;
        }

        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("出错了", body, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApiError_DevelopmentOnThisMachine_ShowsDeveloperDetails()
    {
        var response = await SendFailingAsync("127.0.0.1", null);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains(Secret, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Error_AnyClient_IsLoggedAs500WithItsRoute()
    {
        await SendFailingAsync("203.0.113.51", null);

        Assert.Contains(factory.Logs.Lines, l => l.StartsWith("HTTP \"POST\" \"/api/v1/plans\" responded 500", StringComparison.Ordinal));
        Assert.DoesNotContain(factory.Logs.Lines, l => l.StartsWith("HTTP \"POST\" \"/api/v1/plans\" responded 200", StringComparison.Ordinal));
    }

    private async Task<HttpResponseMessage> SendFailingAsync(string remote, string? forwardedFor)
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/plans") { Content = new StringContent(Answers, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Test-Remote", remote);
        request.Headers.Add("Cookie", "lr_draft=cookie-value-Q7");
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        factory.FailingClock.Fail = true;
        try
        {
            return await client.SendAsync(request);
        }
        finally
        {
            factory.FailingClock.Fail = false;
        }
    }
}

/// <summary>X-Forwarded-* believed from a known proxy (127.0.0.1 here) only, and never X-Forwarded-Host.</summary>
[Collection(RealServerGroup.Name)]
public sealed class ForwardedHeadersTests(RealServerFactory server)
{
    private const string Answers = """{"answers":{"source":"unknown","data-types":["contact"],"scale":"unknown","discovery":["spam"],"evidence":["none"],"harms":["spam"],"ongoing-danger":"no","police-report":"no","discovered-on":"2026-11"}}""";

    [Fact]
    public async Task RateLimit_ClientsBehindKnownProxy_EachGetTheirOwnQuota()
    {
        using var client = server.CreateRealClient();

        var first = new List<HttpStatusCode>();
        for (var i = 0; i <= RealServerFactory.Pdf; i++)
        {
            first.Add(await PostPdfAsync(client, "192.0.2.10"));
        }

        var second = await PostPdfAsync(client, "192.0.2.11");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], first);
        Assert.Equal(HttpStatusCode.OK, second);
    }

    [Fact]
    public async Task Redirect_KnownProxySaysHttps_UsesHttpsAndIgnoresForwardedHost()
    {
        using var client = server.CreateRealClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin");
        request.Headers.Add("X-Forwarded-For", "192.0.2.20");
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-Host", "evil.example");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("https", response.Headers.Location!.Scheme);
        Assert.Equal("127.0.0.1", response.Headers.Location.Host);
    }

    private static async Task<HttpStatusCode> PostPdfAsync(HttpClient client, string forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/plans/pdf") { Content = new StringContent(Answers, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}
