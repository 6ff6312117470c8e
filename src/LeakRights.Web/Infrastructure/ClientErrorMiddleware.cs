namespace LeakRights.Web.Infrastructure;

/// <summary>
/// Kestrel reports a client's broken request body as a <see cref="BadHttpRequestException"/> when the app reads it: too
/// large (413), too slow or stopped mid-way (408), malformed chunks (400). That is the client's mistake, not a 500: answer
/// with its own status, and let the status code pages write the Chinese page or, under /api, problem details.
/// </summary>
public sealed partial class ClientErrorMiddleware(RequestDelegate next, ILogger<ClientErrorMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (BadHttpRequestException ex) when (!context.Response.HasStarted)
        {
            LogBadRequest(logger, ex.StatusCode, ex.Message);
            context.Response.Clear();
            context.Response.StatusCode = ex.StatusCode;
            context.Response.Headers.Connection = "close";

            // The rest of the body is unusable; the error page that is shown next must not try to read it again.
            context.Request.Body = Stream.Null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Bad request body ({StatusCode}): {Reason}")]
    private static partial void LogBadRequest(ILogger logger, int statusCode, string reason);
}
