using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace LeakRights.Web.Infrastructure;

/// <summary>Per-minute limits per client IP. A value of 0 turns that limit off (used for load tests on one machine).</summary>
public sealed class RateLimitOptions
{
    public const string Section = "LeakRights:RateLimits";

    /// <summary>The highest limit accepted: far above any real use, low enough to catch a typing slip.</summary>
    public const int MaxPerMinute = 1_000_000;

    [Display(Name = Section + ":PlansPerMinute")]
    [Range(0, MaxPerMinute)]
    public int PlansPerMinute { get; set; } = 60;

    [Display(Name = Section + ":PdfPerMinute")]
    [Range(0, MaxPerMinute)]
    public int PdfPerMinute { get; set; } = 20;

    /// <summary>Opening and changing saved cases: the case API and the case pages (each opening decrypts a case and builds its plan).</summary>
    [Display(Name = Section + ":CasesPerMinute")]
    [Range(0, MaxPerMinute)]
    public int CasesPerMinute { get; set; } = 30;

    /// <summary>The "我也受到影响" counter: its challenge and its post (issue 16; docs/decisions/0011).</summary>
    [Display(Name = Section + ":AffectedPerMinute")]
    [Range(0, MaxPerMinute)]
    public int AffectedPerMinute { get; set; } = 10;

    [Display(Name = Section + ":SignInPerMinute")]
    [Range(0, MaxPerMinute)]
    public int SignInPerMinute { get; set; } = 10;
}

/// <summary>
/// The framework's rate limiter with one named policy per limit, attached to ENDPOINTS (the API's minimal endpoints and
/// page conventions below), so routing decides what a request is: a trailing slash, another letter case or a query string
/// reaches the same endpoint and therefore the same limit. Partitioned by client IP (after forwarded headers from known
/// proxies; an IPv6 client by its /64). Refusals are 429 with Retry-After, as a Chinese page or problem details.
/// </summary>
public static class RateLimiting
{
    /// <summary>Building a plan: the plan API, the review page, the plan page.</summary>
    public const string Plans = "plans";

    /// <summary>Generating a file: the PDF API, the plan's PDF and .ics downloads.</summary>
    public const string Pdf = "pdf";

    /// <summary>
    /// Saved cases: every request of <c>/api/v1/cases</c> and of the case pages (<c>/case/…</c>: attach it to each new case
    /// page with a convention below).
    /// </summary>
    public const string Cases = "cases";

    /// <summary>The "我也受到影响" counter: its challenge (GET) and its post, per client.</summary>
    public const string Affected = "affected";

    /// <summary>Signing in to the admin area (posts only; showing the form is free).</summary>
    public const string SignIn = "signin";

    public static IServiceCollection AddLeakRightsRateLimiting(this IServiceCollection services)
    {
        services.AddValidatedOptions<RateLimitOptions>(RateLimitOptions.Section);
        services.AddRateLimiter(_ => { });

        // The limits are read when the rate limiter's options are first built (after the settings were validated), not while
        // services are registered.
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>>((o, configured) =>
        {
            var limits = configured.Value;
            o.AddPolicy(Plans, new ClientLimitPolicy(limits.PlansPerMinute, countSafeReads: true));
            o.AddPolicy(Pdf, new ClientLimitPolicy(limits.PdfPerMinute, countSafeReads: true));
            o.AddPolicy(Cases, new ClientLimitPolicy(limits.CasesPerMinute, countSafeReads: true));
            o.AddPolicy(SignIn, new ClientLimitPolicy(limits.SignInPerMinute, countSafeReads: false));
            o.AddPolicy(Affected, new ClientLimitPolicy(limits.AffectedPerMinute, countSafeReads: true));
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = WriteRejectionAsync;
        });

        // Pages get their limit by convention, per page: the rate limiter does not read attributes on page handlers, which
        // is why the downloads are pages of their own (/plan/{token}/pdf, /plan/{token}/calendar).
        services.Configure<RazorPagesOptions>(o =>
        {
            // A saved case: its page (every form on it posts to it) and its subscribed calendar, polled by calendar apps.
            Limit(o, "/Case/Index", Cases);
            Limit(o, "/Case/Calendar", Cases);
            Limit(o, "/Case/Deleted", Cases);
            Limit(o, "/Check/Review", Plans);
            Limit(o, "/Plan/Index", Plans);
            Limit(o, "/Plan/Pdf", Pdf);
            Limit(o, "/Plan/Calendar", Pdf);
            Limit(o, "/Plan/Letter", Pdf);
            Limit(o, "/Incidents/Referral", Pdf);
            Limit(o, "/Case/Export", Cases);
            Limit(o, "/Case/Import", Cases);
            Limit(o, "/Admin/Login", SignIn);
            Limit(o, "/Incidents/Affected", Affected);
        });
        return services;
    }

    /// <summary>The partition key: the client's address, an IPv6 client by its /64 (one subscriber usually holds a whole /64).</summary>
    public static string ClientKey(HttpContext context) => ClientAddress.Key(context.Connection.RemoteIpAddress ?? IPAddress.Loopback);

    private static void Limit(RazorPagesOptions options, string page, string policy) =>
        options.Conventions.AddPageApplicationModelConvention(page, m => m.EndpointMetadata.Add(new EnableRateLimitingAttribute(policy)));

    private static async ValueTask WriteRejectionAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var response = context.HttpContext.Response;
        var retry = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? Math.Max(1, (int)Math.Ceiling(after.TotalSeconds)) : 60;
        response.Headers.RetryAfter = retry.ToString(CultureInfo.InvariantCulture);
        response.Headers.CacheControl = "no-store";
        if (context.HttpContext.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            await Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "请求太频繁", detail: $"请 {retry} 秒后再试。").ExecuteAsync(context.HttpContext);
            return;
        }

        response.ContentType = "text/html; charset=utf-8";
        await response.WriteAsync(
            $"<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>请求太频繁</title><link rel=\"stylesheet\" href=\"/css/site.css\"></head><body><main class=\"wrap\"><h1>请求太频繁</h1><p>您的操作太频繁了，请 {retry} 秒后再试。您的答案仍保存在您的浏览器里。</p><p><a href=\"/\">回到首页</a></p></main></body></html>",
            cancellationToken);
    }

    /// <summary>A fixed one-minute window per client. <paramref name="countSafeReads"/> false leaves GET and HEAD (showing a form) unlimited.</summary>
    private sealed class ClientLimitPolicy(int permitPerMinute, bool countSafeReads) : IRateLimiterPolicy<string>
    {
        public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => null;

        public RateLimitPartition<string> GetPartition(HttpContext httpContext)
        {
            var method = httpContext.Request.Method;
            // The instance's own start-up warm-up (a per-process secret, from loopback) does not use up anyone's permits.
            if (permitPerMinute <= 0 || (!countSafeReads && (HttpMethods.IsGet(method) || HttpMethods.IsHead(method))) || StartupWarmUp.IsWarmUp(httpContext))
            {
                return RateLimitPartition.GetNoLimiter(string.Empty);
            }

            return RateLimitPartition.GetFixedWindowLimiter(ClientKey(httpContext), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = permitPerMinute,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            });
        }
    }
}
