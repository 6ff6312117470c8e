namespace LeakRights.Web.Infrastructure;

/// <summary>
/// Refuses urlencoded form posts that contain an encoded NUL character (%00) with 400. No form of ours can legitimately
/// carry one, and MVC's form binding answers such a post with a misleading 404 instead of reaching the page.
/// </summary>
public sealed class FormSanityMiddleware(RequestDelegate next)
{
    private const int MaxInspectedBytes = 1024 * 1024;

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (HttpMethods.IsPost(request.Method)
            && request.ContentType is { } type
            && type.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase)
            && request.ContentLength is null or <= MaxInspectedBytes)
        {
            request.EnableBuffering(MaxInspectedBytes);
            using var reader = new StreamReader(request.Body, System.Text.Encoding.Latin1, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
            var body = await reader.ReadToEndAsync(context.RequestAborted);
            request.Body.Position = 0;
            if (body.Contains("%00", StringComparison.Ordinal) || body.Contains('\0', StringComparison.Ordinal))
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }
        }

        await next(context);
    }
}
