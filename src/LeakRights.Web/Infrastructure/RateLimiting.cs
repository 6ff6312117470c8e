using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;

namespace LeakRights.Web.Infrastructure;

/// <summary>Per-minute limits per client IP. A value of 0 turns that limit off (used for load tests on one machine).</summary>
public sealed class RateLimitOptions
{
    public int PlansPerMinute { get; set; } = 60;

    public int PdfPerMinute { get; set; } = 20;

    public int SignInPerMinute { get; set; } = 10;
}

/// <summary>
/// The framework's rate limiter, partitioned by client IP and by what is asked: building a plan (API, review page, plan
/// page), generating a PDF, signing in. Refusals are 429 with Retry-After, as a Chinese page or problem details.
/// </summary>
public static class RateLimiting
{
    public static IServiceCollection AddLeakRightsRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var limits = configuration.GetSection("LeakRights:RateLimits").Get<RateLimitOptions>() ?? new RateLimitOptions();
        services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                var (kind, permit) = Classify(context.Request, limits);
                if (kind is null || permit <= 0)
                {
                    return RateLimitPartition.GetNoLimiter(string.Empty);
                }

                var ip = context.Connection.RemoteIpAddress ?? IPAddress.Loopback;
                return RateLimitPartition.GetFixedWindowLimiter($"{kind}:{ip}", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = permit,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                });
            });
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (context, cancellationToken) =>
            {
                var response = context.HttpContext.Response;
                var retry = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? (int)Math.Ceiling(after.TotalSeconds) : 60;
                response.Headers.RetryAfter = retry.ToString(CultureInfo.InvariantCulture);
                if (context.HttpContext.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
                {
                    await Results.Problem(statusCode: 429, title: "请求太频繁", detail: $"请 {retry} 秒后再试。").ExecuteAsync(context.HttpContext);
                    return;
                }

                response.ContentType = "text/html; charset=utf-8";
                await response.WriteAsync(
                    $"<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>请求太频繁</title><link rel=\"stylesheet\" href=\"/css/site.css\"></head><body><main class=\"wrap\"><h1>请求太频繁</h1><p>您的操作太频繁了，请 {retry} 秒后再试。您的答案仍保存在您的浏览器里。</p><p><a href=\"/\">回到首页</a></p></main></body></html>",
                    cancellationToken);
            };
        });
        return services;
    }

    private static (string? Kind, int Permit) Classify(HttpRequest request, RateLimitOptions limits)
    {
        var path = request.Path.Value ?? string.Empty;
        var post = HttpMethods.IsPost(request.Method);
        if (post && path.Equals("/api/v1/plans/pdf", StringComparison.OrdinalIgnoreCase))
        {
            return ("pdf", limits.PdfPerMinute);
        }

        if (path.StartsWith("/plan/", StringComparison.OrdinalIgnoreCase) && request.Query["handler"] is var h && (h == "Pdf" || h == "Calendar"))
        {
            return ("pdf", limits.PdfPerMinute);
        }

        if ((post && (path.Equals("/api/v1/plans", StringComparison.OrdinalIgnoreCase) || path.Equals("/check/review", StringComparison.OrdinalIgnoreCase)))
            || (HttpMethods.IsGet(request.Method) && path.StartsWith("/plan/", StringComparison.OrdinalIgnoreCase)))
        {
            return ("plans", limits.PlansPerMinute);
        }

        if (post && path.Equals("/admin/login", StringComparison.OrdinalIgnoreCase))
        {
            return ("signin", limits.SignInPerMinute);
        }

        return (null, 0);
    }
}
