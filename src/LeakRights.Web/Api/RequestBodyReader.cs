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

    public static async Task<BodyResult> ReadAnswersAsync(HttpRequest request, QuestionnaireWalker walker, bool acceptLetterFields)
    {
        if (!IsJson(request.ContentType))
        {
            return new BodyResult(null, Problems.UnsupportedMediaType());
        }

        if (request.ContentLength > MaxBodyBytes)
        {
            return new BodyResult(null, Problems.BodyTooLarge());
        }

        // A pooled buffer: the API is the hottest path, and a fresh 64 KiB array per request is a lot of garbage.
        var buffer = ArrayPool<byte>.Shared.Rent(MaxBodyBytes + 1);
        try
        {
            var length = await ReadLimitedAsync(request.Body, buffer, request.HttpContext.RequestAborted);
            return length > MaxBodyBytes
                ? new BodyResult(null, Problems.BodyTooLarge())
                : Parse(buffer.AsMemory(0, length), walker, acceptLetterFields);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Parses the body; the document does not outlive this call, so the pooled buffer can be returned after it.</summary>
    private static BodyResult Parse(ReadOnlyMemory<byte> bytes, QuestionnaireWalker walker, bool acceptLetterFields)
    {
        // Invalid UTF-8 inside a string passes the JSON parser but fails when the string is read: refuse it up front.
        if (!System.Text.Unicode.Utf8.IsValid(bytes.Span))
        {
            return new BodyResult(null, Problems.Validation(new Dictionary<string, string> { ["body"] = "请求内容不是有效的 JSON（UTF-8 编码）。" }));
        }

        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(bytes, Options);
        }
        catch (JsonException)
        {
            return new BodyResult(null, Problems.Validation(new Dictionary<string, string> { ["body"] = "请求内容不是有效的 JSON（UTF-8 编码）。" }));
        }

        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                return new BodyResult(null, Problems.Validation(new Dictionary<string, string> { ["body"] = "请求内容应当是一个 JSON 对象：{\"answers\": {…}}。" }));
            }

            var rootErrors = new Dictionary<string, string>(StringComparer.Ordinal);
            JsonElement? answers = null;
            foreach (var p in doc.RootElement.EnumerateObject())
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
                return new BodyResult(null, Problems.Validation(rootErrors));
            }

            var (raw, duplicates) = AnswerJson.ReadObject(answers.Value);
            var parsed = walker.ParseAll(raw, acceptLetterFields);
            var errors = rootErrors.Concat(duplicates).Concat(parsed.Errors)
                .GroupBy(e => e.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);
            return errors.Count > 0 ? new BodyResult(null, Problems.Validation(errors)) : new BodyResult(parsed, null);
        }
    }

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
}
