using System.Diagnostics;

namespace LeakRights.Web.Infrastructure;

/// <summary>
/// Logs one line per request with the route template instead of the path (a plan link's path carries encrypted answers),
/// and never the query string, headers or body. Answers, names and contact details therefore cannot reach the logs.
/// </summary>
public sealed partial class RequestLoggingMiddleware(RequestDelegate next, ILogger<RequestLoggingMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
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
            var status = context.Response.StatusCode;
            if (status >= 500)
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
