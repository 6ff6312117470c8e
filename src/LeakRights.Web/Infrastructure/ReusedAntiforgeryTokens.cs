using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace LeakRights.Web.Infrastructure;

/// <summary>
/// The framework's antiforgery, minting one form token per antiforgery cookie instead of one per request (docs/performance.md,
/// issue 15). Every form page otherwise costs a Data Protection <c>Unprotect</c> of the cookie and a <c>Protect</c> of a fresh form
/// token, and every post two <c>Unprotect</c>s. Here, for an anonymous visitor who already holds an antiforgery cookie:
/// <list type="bullet">
/// <item>a form page reuses the form token this instance last minted or accepted for exactly that cookie value;</item>
/// <item>a post whose form token is exactly that pair is accepted without decrypting either (compared in constant time).</item>
/// </list>
/// What does not change: a post still needs the cookie and a form token that the framework minted for that cookie (a pair enters the
/// cache only after the framework minted or validated it); signed-in admins always go through the framework (their tokens carry the
/// user); a first visit mints both tokens as before; a forged or stale pair falls through to the framework and fails there. A form
/// token has never expired in the framework either (any token minted for a cookie stays valid for that cookie), so reusing one for
/// the same cookie gives an attacker nothing the per-request token did not. Entries are bounded (count and age), so a Data
/// Protection key revoked by an operator stops being honoured within <see cref="EntryLifetime"/>.
/// </summary>
public sealed class ReusedAntiforgeryTokens(IAntiforgery framework, IOptions<AntiforgeryOptions> options, TimeProvider time) : IAntiforgery, IDisposable
{
    /// <summary>How long a minted or accepted pair is reused.</summary>
    public static readonly TimeSpan EntryLifetime = TimeSpan.FromMinutes(20);

    /// <summary>The most cookies remembered at once (about 0.5 KB each).</summary>
    public const int MaxEntries = 20_000;

    private readonly AntiforgeryOptions _options = options.Value;
    private readonly MemoryCache _pairs = new(new MemoryCacheOptions { SizeLimit = MaxEntries, Clock = new TimeProviderClock(time) });

    /// <summary>Counts for tests and diagnostics: form tokens served from the cache and posts accepted from it.</summary>
    public long ReusedTokens => Interlocked.Read(ref _reusedTokens);

    /// <inheritdoc cref="ReusedTokens"/>
    public long ReusedValidations => Interlocked.Read(ref _reusedValidations);

    private long _reusedTokens;
    private long _reusedValidations;

    public AntiforgeryTokenSet GetAndStoreTokens(HttpContext httpContext)
    {
        var cookie = CookieOf(httpContext);
        if (cookie is not null && _pairs.TryGetValue(cookie, out string? formToken) && formToken is not null)
        {
            Interlocked.Increment(ref _reusedTokens);
            if (!httpContext.Response.HasStarted)
            {
                // As the framework does: a response carrying a form token is never cached.
                httpContext.Response.Headers[HeaderNames.CacheControl] = "no-cache, no-store";
                httpContext.Response.Headers[HeaderNames.Pragma] = "no-cache";
            }

            return new AntiforgeryTokenSet(formToken, cookieToken: null, _options.FormFieldName, _options.HeaderName);
        }

        var tokens = framework.GetAndStoreTokens(httpContext);
        Remember(httpContext, cookie, tokens);
        return tokens;
    }

    public AntiforgeryTokenSet GetTokens(HttpContext httpContext) => framework.GetTokens(httpContext);

    public async Task<bool> IsRequestValidAsync(HttpContext httpContext)
    {
        if (await IsRememberedPairAsync(httpContext))
        {
            return true;
        }

        var valid = await framework.IsRequestValidAsync(httpContext);
        if (valid)
        {
            await RememberPostedPairAsync(httpContext);
        }

        return valid;
    }

    public async Task ValidateRequestAsync(HttpContext httpContext)
    {
        if (await IsRememberedPairAsync(httpContext))
        {
            return;
        }

        await framework.ValidateRequestAsync(httpContext);
        await RememberPostedPairAsync(httpContext);
    }

    public void SetCookieTokenAndHeader(HttpContext httpContext) => framework.SetCookieTokenAndHeader(httpContext);

    public void Dispose() => _pairs.Dispose();

    /// <summary>The antiforgery cookie of an anonymous request over an acceptable scheme, or null (then the framework decides).</summary>
    private string? CookieOf(HttpContext context)
    {
        if (context.User.Identity?.IsAuthenticated == true
            || (_options.Cookie.SecurePolicy == CookieSecurePolicy.Always && !context.Request.IsHttps)
            || _options.Cookie.Name is not { } name)
        {
            return null;
        }

        return context.Request.Cookies.TryGetValue(name, out var value) && !string.IsNullOrEmpty(value) && value.Length <= 1024 ? value : null;
    }

    private void Remember(HttpContext context, string? cookie, AntiforgeryTokenSet tokens)
    {
        // Only a cookie the browser sent and the framework accepted (it minted no new one) is remembered: a first visit's pair is
        // remembered when it comes back, so one-off visitors do not fill the cache.
        if (cookie is not null && tokens.CookieToken is null && tokens.RequestToken is { } formToken)
        {
            Put(cookie, formToken);
        }
    }

    private async Task<bool> IsRememberedPairAsync(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method) || CookieOf(context) is not { } cookie
            || !_pairs.TryGetValue(cookie, out string? remembered) || remembered is null)
        {
            return false;
        }

        var posted = await PostedTokenAsync(context);
        if (posted is null || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(posted), Encoding.ASCII.GetBytes(remembered)))
        {
            return false;
        }

        Interlocked.Increment(ref _reusedValidations);
        return true;
    }

    private async Task RememberPostedPairAsync(HttpContext context)
    {
        if (CookieOf(context) is { } cookie && await PostedTokenAsync(context) is { } posted)
        {
            Put(cookie, posted);
        }
    }

    private async Task<string?> PostedTokenAsync(HttpContext context)
    {
        if (_options.HeaderName is { } header && context.Request.Headers.TryGetValue(header, out var fromHeader) && fromHeader.Count == 1)
        {
            return fromHeader[0];
        }

        if (!context.Request.HasFormContentType)
        {
            return null;
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        return form.TryGetValue(_options.FormFieldName, out var fromForm) && fromForm.Count == 1 ? fromForm[0] : null;
    }

    private void Put(string cookie, string formToken)
    {
        if (formToken.Length > 1024)
        {
            return;
        }

        using var entry = _pairs.CreateEntry(cookie);
        entry.Value = formToken;
        entry.Size = 1;
        entry.AbsoluteExpirationRelativeToNow = EntryLifetime;
    }

    /// <summary>Lets tests move the entries' clock with a fake <see cref="TimeProvider"/>.</summary>
    private sealed class TimeProviderClock(TimeProvider time) : Microsoft.Extensions.Internal.ISystemClock
    {
        public DateTimeOffset UtcNow => time.GetUtcNow();
    }
}

/// <summary>Registration of <see cref="ReusedAntiforgeryTokens"/> around the framework's antiforgery.</summary>
public static class ReusedAntiforgeryRegistration
{
    /// <summary>Wraps the registered <see cref="IAntiforgery"/> (call after <c>AddRazorPages</c>, which registers it).</summary>
    public static IServiceCollection AddReusedAntiforgeryTokens(this IServiceCollection services)
    {
        var registered = services.LastOrDefault(d => d.ServiceType == typeof(IAntiforgery))
            ?? throw new InvalidOperationException("Antiforgery must be registered (AddRazorPages) before AddReusedAntiforgeryTokens.");
        var implementation = registered.ImplementationType
            ?? throw new InvalidOperationException("The registered IAntiforgery is not a type registration; cannot wrap it.");
        services.Remove(registered);
        services.AddSingleton(implementation);
        services.AddSingleton(sp => new ReusedAntiforgeryTokens(
            (IAntiforgery)sp.GetRequiredService(implementation), sp.GetRequiredService<IOptions<AntiforgeryOptions>>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IAntiforgery>(sp => sp.GetRequiredService<ReusedAntiforgeryTokens>());
        return services;
    }
}
