using System.Buffers;
using System.Text.Json;
using LeakRights.Core.Answers;

namespace LeakRights.Web.Api;

/// <summary>Reads a <c>{"answers": {…}}</c> body defensively: size, media type, JSON syntax and depth, duplicate keys.</summary>
internal static class RequestBodyReader
{
    public const int MaxBodyBytes = 64 * 1024;
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 16, CommentHandling = JsonCommentHandling.Disallow, AllowTrailingCommas = false };

    public sealed record BodyResult(AnswerSetParse? Parsed, IResult? Error);

    /// <summary>What a body parser made of the JSON: a value, or the problem details to answer with.</summary>
    public sealed record Body<T>(T? Value, IResult? Error)
        where T : class
    {
        public static Body<T> Invalid(IReadOnlyDictionary<string, string> errors) => new(null, Problems.Validation(errors));
    }

    public static async Task<BodyResult> ReadAnswersAsync(HttpRequest request, QuestionnaireWalker walker, bool acceptLetterFields)
    {
        var body = await ReadJsonAsync(request, root => ParseAnswers(root, walker, acceptLetterFields));
        return new BodyResult(body.Value, body.Error);
    }

    /// <summary>
    /// Checks the media type, the size (64 KiB), UTF-8, JSON syntax and depth, then hands the root element to
    /// <paramref name="parse"/>. The element lives only during that call (the body sits in a pooled buffer).
    /// </summary>
    public static async Task<Body<T>> ReadJsonAsync<T>(HttpRequest request, Func<JsonElement, Body<T>> parse)
        where T : class
    {
        if (!IsJson(request.ContentType))
        {
            return new Body<T>(null, Problems.UnsupportedMediaType());
        }

        if (request.ContentLength > MaxBodyBytes)
        {
            return new Body<T>(null, Problems.BodyTooLarge());
        }

        // A pooled buffer: the API is the hottest path, and a fresh 64 KiB array per request is a lot of garbage.
        var buffer = ArrayPool<byte>.Shared.Rent(MaxBodyBytes + 1);
        try
        {
            var length = await ReadLimitedAsync(request.Body, buffer, request.HttpContext.RequestAborted);
            return length > MaxBodyBytes
                ? new Body<T>(null, Problems.BodyTooLarge())
                : Parse(buffer.AsMemory(0, length), parse);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Parses the body; the document does not outlive this call, so the pooled buffer can be returned after it.</summary>
    private static Body<T> Parse<T>(ReadOnlyMemory<byte> bytes, Func<JsonElement, Body<T>> parse)
        where T : class
    {
        // Invalid UTF-8 inside a string passes the JSON parser but fails when the string is read: refuse it up front.
        if (!System.Text.Unicode.Utf8.IsValid(bytes.Span))
        {
            return Body<T>.Invalid(new Dictionary<string, string> { ["body"] = "请求内容不是有效的 JSON（UTF-8 编码）。" });
        }

        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(bytes, Options);
        }
        catch (JsonException)
        {
            return Body<T>.Invalid(new Dictionary<string, string> { ["body"] = "请求内容不是有效的 JSON（UTF-8 编码）。" });
        }

        using (doc)
        {
            return parse(doc.RootElement);
        }
    }

    private static Body<AnswerSetParse> ParseAnswers(JsonElement root, QuestionnaireWalker walker, bool acceptLetterFields)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return Body<AnswerSetParse>.Invalid(new Dictionary<string, string> { ["body"] = "请求内容应当是一个 JSON 对象：{\"answers\": {…}}。" });
        }

        var rootErrors = new Dictionary<string, string>(StringComparer.Ordinal);
        JsonElement? answers = null;
        foreach (var p in root.EnumerateObject())
        {
            if (p.Name != "answers")
            {
                rootErrors[p.Name] = "不认识这个字段：请求内容只应包含 answers。";
            }
            else if (answers is not null)
            {
                rootErrors["answers"] = "answers 出现了不止一次。";
            }
            else
            {
                answers = p.Value;
            }
        }

        if (answers is null || answers.Value.ValueKind != JsonValueKind.Object)
        {
            rootErrors["answers"] = "缺少 answers，或者 answers 不是一个对象。";
            return Body<AnswerSetParse>.Invalid(rootErrors);
        }

        var (raw, duplicates) = AnswerJson.ReadObject(answers.Value);
        var parsed = walker.ParseAll(raw, acceptLetterFields);
        var errors = Merge(rootErrors, duplicates, parsed.Errors);
        return errors.Count > 0 ? Body<AnswerSetParse>.Invalid(errors) : new Body<AnswerSetParse>(parsed, null);
    }

    /// <summary>Error sets merged by field, the first message for a field winning.</summary>
    public static Dictionary<string, string> Merge(params IEnumerable<KeyValuePair<string, string>>[] errors) =>
        errors.SelectMany(e => e)
            .GroupBy(e => e.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);

    private static bool IsJson(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType) || !Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var mt))
        {
            return false;
        }

        var media = mt.MediaType.Value ?? string.Empty;
        var charsetOk = !mt.Charset.HasValue || mt.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase);
        return charsetOk && (media.Equals("application/json", StringComparison.OrdinalIgnoreCase) || media.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Reads at most MaxBodyBytes + 1 bytes into the buffer and returns how many; more than MaxBodyBytes means too long.</summary>
    private static async Task<int> ReadLimitedAsync(Stream body, byte[] buffer, CancellationToken cancellationToken)
    {
        var total = 0;
        int read;
        while (total <= MaxBodyBytes && (read = await body.ReadAsync(buffer.AsMemory(total, MaxBodyBytes + 1 - total), cancellationToken)) > 0)
        {
            total += read;
        }

        return total;
    }
}

/// <summary>RFC 9457 problem details in Chinese.</summary>
internal static class Problems
{
    public static IResult Validation(IReadOnlyDictionary<string, string> errors) =>
        TypedResults.ValidationProblem(
            errors.ToDictionary(e => e.Key, e => new[] { e.Value }, StringComparer.Ordinal),
            detail: "请按 errors 中每个字段的说明修改后重试。",
            title: "提交的内容有误");

    public static IResult BodyTooLarge() => Validation(new Dictionary<string, string> { ["body"] = "请求内容超过了 64 KiB 的上限。" });

    public static IResult UnsupportedMediaType() =>
        TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "不支持的内容类型", detail: "请以 application/json（UTF-8）发送请求内容。");

    public static IResult NotFound(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "找不到", detail: detail);

    public static IResult PreconditionFailed(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status412PreconditionFailed, title: "内容已经更新", detail: detail);

    public static IResult Conflict(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "内容已经更新", detail: detail);
}
