using System.Net;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace LeakRights.Web.Infrastructure;

/// <summary>Settings under "LeakRights:Security". See docs/deployment.md.</summary>
public sealed class SecurityOptions
{
    public const string Section = "LeakRights:Security";

    /// <summary>
    /// Marks every cookie (draft answers, antiforgery, admin session) Secure, whatever the request's scheme. Unset means on,
    /// except in Development and Testing (plain http on localhost), where a cookie is Secure only on an HTTPS request.
    /// </summary>
    public bool? SecureCookies { get; set; }

    /// <summary>
    /// Reverse proxies whose X-Forwarded-For / X-Forwarded-Proto are believed: single addresses and CIDR networks.
    /// Empty (the default) believes nobody: the client is the address that connected.
    /// </summary>
    public IList<string> KnownProxies { get; } = [];

    public bool SecureCookiesIn(IHostEnvironment environment) =>
        SecureCookies ?? !(environment.IsDevelopment() || environment.IsEnvironment("Testing"));

    /// <summary>The proxies as networks (a single address is a /32 or /128); null when an entry is neither.</summary>
    public static System.Net.IPNetwork? ParseProxy(string? entry)
    {
        var trimmed = entry?.Trim();
        if (System.Net.IPNetwork.TryParse(trimmed, out var network))
        {
            return network;
        }

        return IPAddress.TryParse(trimmed, out var address)
            ? new System.Net.IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128)
            : null;
    }

    /// <summary>Refuses, at start, a proxy entry that is neither an address nor a network, naming the setting and the entry.</summary>
    public sealed class Validator : IValidateOptions<SecurityOptions>
    {
        public ValidateOptionsResult Validate(string? name, SecurityOptions options)
        {
            ArgumentNullException.ThrowIfNull(options);
            var failures = options.KnownProxies
                .Select((entry, i) => (entry, i))
                .Where(p => ParseProxy(p.entry) is null)
                .Select(p => $"{Section}:KnownProxies:{p.i}: '{Data.ContentSnapshot.Printable(p.entry)}' is neither an IP address nor a network such as 10.0.0.0/8.")
                .ToList();
            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }
    }
}

/// <summary>
/// What depends on where the app runs: which Host names it answers (AllowedHosts), which proxies it believes, whether
/// cookies are always Secure, and that no exception details reach anyone but a developer on this machine.
/// </summary>
public static class HostingSecurity
{
    public static IServiceCollection AddLeakRightsHostingSecurity(this IServiceCollection services)
    {
        services.AddValidatedOptions<SecurityOptions>(SecurityOptions.Section);
        services.AddSingleton<IValidateOptions<SecurityOptions>, SecurityOptions.Validator>();

        // Raises every cookie the app writes to Secure (the admin cookie asks for SameAsRequest and is raised here too).
        services.AddOptions<CookiePolicyOptions>().Configure<IOptions<SecurityOptions>, IHostEnvironment>((o, security, environment) =>
            o.Secure = security.Value.SecureCookiesIn(environment) ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest);

        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<SecurityOptions>>((o, security) =>
        {
            // Never X-Forwarded-Host: the Host must stay the one AllowedHosts checked.
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var entry in security.Value.KnownProxies)
            {
                o.KnownIPNetworks.Add(SecurityOptions.ParseProxy(entry) ?? throw new InvalidOperationException($"{SecurityOptions.Section}:KnownProxies: '{entry}' was not validated."));
            }
        });

        // A wrong Host header gets a bare 400 without the framework's English text.
        services.Configure<HostFilteringOptions>(o => o.IncludeFailureMessage = false);
        return services;
    }

    /// <summary>Believes X-Forwarded-* only from the configured proxies; must come first in the pipeline.</summary>
    public static WebApplication UseLeakRightsForwardedHeaders(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<SecurityOptions>>().Value.KnownProxies.Count > 0)
        {
            app.UseForwardedHeaders();
        }

        return app;
    }

    /// <summary>
    /// Unhandled exceptions become the Chinese error page (problem details under /api) for everyone, except a request from
    /// this machine in Development, which gets the developer exception page. Client mistakes Kestrel reports as
    /// exceptions (too large, too slow, malformed body) become their own 400/408/413 instead of a 500.
    /// </summary>
    public static WebApplication UseLeakRightsExceptionHandling(this WebApplication app)
    {
        var development = app.Environment.IsDevelopment();
        app.UseWhen(context => !(development && IsLocal(context)), branch => branch.UseExceptionHandler("/error/500"));
        return app;
    }

    /// <summary>A request from this machine that no proxy forwarded (a local proxy would make every visitor look local).</summary>
    public static bool IsLocal(HttpContext context) =>
        context.Connection.RemoteIpAddress is { } ip
        && IPAddress.IsLoopback(ip)
        && !context.Request.Headers.ContainsKey("X-Forwarded-For")
        && !context.Request.Headers.ContainsKey("Forwarded");
}
