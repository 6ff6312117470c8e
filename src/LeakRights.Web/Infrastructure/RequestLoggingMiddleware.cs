using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;

namespace LeakRights.Web.Infrastructure;

/// <summary>
/// Logs one line per request with the route template instead of the path (a plan link's path carries encrypted answers),
/// and never the query string, headers or body. Answers, names and contact details therefore cannot reach the logs.
/// The status is the one the client gets: an exception that escapes is logged as the 500 the exception handler will send
/// (or 499 when the client went away); an error page shown for this request (status code page, exception handler) is not logged a second time.
/// </summary>
public sealed partial class RequestLoggingMiddleware(RequestDelegate next, ILogger<RequestLoggingMiddleware> logger)
{
    public const int ClientClosedRequest = 499;

    public async Task InvokeAsync(HttpContext context)
    {
        // An error page re-executed for this request is not logged twice; the instance's own warm-up is logged once, as a count.
        if (context.Features.Get<IStatusCodeReExecuteFeature>() is not null || context.Features.Get<IExceptionHandlerFeature>() is not null
            || StartupWarmUp.IsWarmUp(context))
        {
            await next(context);
            return;
        }

        var start = Stopwatch.GetTimestamp();
        int? failedStatus = null;
        try
        {
            await next(context);
        }
        catch (Exception ex)
        {
            failedStatus = context.RequestAborted.IsCancellationRequested && ex is OperationCanceledException or IOException
                ? ClientClosedRequest
                : ex is Cases.CaseStoreUnavailableException ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError;
            throw;
        }
        finally
        {
            var endpoint = context.GetEndpoint();
            var route = (endpoint as RouteEndpoint)?.RoutePattern.RawText ?? endpoint?.DisplayName ?? "(no endpoint)";
            if (!route.StartsWith('/'))
            {
                route = "/" + route;
            }

            var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            var status = failedStatus ?? context.Response.StatusCode;
            // A readiness poll's 503 is its answer ("not ready yet", every start for ~15-20 s), not a failure: logged as a
            // request. Were the database the reason, the health check service logs that check's error itself.
            if (status >= 500 && !(status == StatusCodes.Status503ServiceUnavailable && route == WarmUpHealthCheck.ReadinessPath))
            {
                LogRequestError(logger, context.Request.Method, route, status, elapsed);
            }
            else
            {
                LogRequest(logger, context.Request.Method, route, status, elapsed);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "HTTP {RequestMethod} {Route} responded {StatusCode} in {Elapsed:0.0} ms")]
    private static partial void LogRequest(ILogger logger, string requestMethod, string route, int statusCode, double elapsed);

    [LoggerMessage(Level = LogLevel.Error, Message = "HTTP {RequestMethod} {Route} responded {StatusCode} in {Elapsed:0.0} ms")]
    private static partial void LogRequestError(ILogger logger, string requestMethod, string route, int statusCode, double elapsed);
}
