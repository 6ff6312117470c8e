using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using LeakRights.Core.Answers;
using LeakRights.Core.Cases;
using LeakRights.Core.Content;
using LeakRights.Web.Cases;
using LeakRights.Web.Infrastructure;
using Microsoft.Net.Http.Headers;

namespace LeakRights.Web.Api;

/// <summary>A saved case as the API returns it. <c>plan</c> is the v1 plan of <c>POST /api/v1/plans</c>, rebuilt from the case's answers and progress.</summary>
public sealed record CaseResponse(
    string Id,
    int Version,
    string CreatedOn,
    JsonObject Answers,
    IReadOnlyDictionary<string, string> Letter,
    IReadOnlyList<ProgressEntryDto> Progress,
    PlanResponse Plan)
{
    /// <summary>Answers saved by an older app that today's questionnaire no longer accepts (question ids); they were left out.</summary>
    public IReadOnlyList<string> DroppedAnswers { get; init; } = [];
}

/// <summary>The answer to creating a case: the only time the secret is sent.</summary>
public sealed record CreatedCaseResponse(string Id, string Secret, string Link, int Version, CaseResponse Case);

/// <summary>One contact-log entry: <c>kind</c> is done | reply, <c>on</c> YYYY-MM-DD (China time).</summary>
public sealed record ProgressEntryDto(string Id, string Step, string Kind, string On, string? Channel, string? Reference, string? Note, string? Reply);

/// <summary>
/// <c>/api/v1/cases</c>: create, read, add and delete progress entries, delete a case (docs/api.md, "Cases"). The case id is
/// in the path and its secret in <c>Authorization: Bearer</c>; a missing id, a wrong or missing secret and a malformed one all
/// get the same 404. Bodies are read like the plan API's (64 KiB, UTF-8 JSON, no duplicate keys). Every endpoint carries the
/// <see cref="RateLimiting.Cases"/> limit. A database failure is a 503 (the error page turns <see cref="CaseStoreUnavailableException"/> into one).
/// </summary>
public static class CaseEndpoints
{
    public const string NotFoundDetail = "无法打开这个案件：链接不完整、案件已经删除，或者密钥不对。请检查链接是否完整复制。";

    public const string StaleDetail = "这个案件已经在别处（另一台设备或另一个窗口）更新过了，您提交时看到的不是最新内容。请重新打开案件，确认后再提交。";

    private const int SaveAttempts = 5;
    private const int EntryIdBytes = 6;

    private static readonly HashSet<string> EntryFields = new(["step", "kind", "on", "channel", "reply", "reference", "note"], StringComparer.Ordinal);

    public static IEndpointRouteBuilder MapLeakRightsCaseApi(this IEndpointRouteBuilder app)
    {
        // A group of its own (its limit applies to these endpoints only); "/cases" rather than "" so the route logged is /api/v1/cases.
        var cases = app.MapGroup("/api/v1").RequireRateLimiting(RateLimiting.Cases);
        cases.MapPost("/cases", CreateAsync);
        cases.MapGet("/cases/{id}", GetAsync);
        cases.MapDelete("/cases/{id}", DeleteAsync);
        cases.MapPost("/cases/{id}/progress", AddEntryAsync);
        cases.MapDelete("/cases/{id}/progress/{entryId}", DeleteEntryAsync);
        return app;
    }

    private static async Task<IResult> CreateAsync(HttpContext context, QuestionnaireWalker walker, CaseStore store, PlanService plans, TimeProvider time)
    {
        var body = await RequestBodyReader.ReadJsonAsync(context.Request, root => ParseCase(root, walker));
        if (body.Error is not null)
        {
            return body.Error;
        }

        var (answers, letter) = body.Value!;
        var file = new CaseFile(answers, letter, [], ChinaTime.Today(time));
        var link = await store.CreateAsync(file, context.RequestAborted);
        var request = context.Request;
        var absolute = $"{request.Scheme}://{request.Host}{request.PathBase}{link.Path}";
        NoStore(context, 1);
        return TypedResults.Created($"/api/v1/cases/{link.Id}", new CreatedCaseResponse(link.Id, link.Secret, absolute, 1, ToResponse(link.Id, file, 1, [], plans)));
    }

    private static async Task<IResult> GetAsync(string id, HttpContext context, CaseStore store, PlanService plans)
    {
        if (await store.OpenAsync(id, Secret(context.Request), context.RequestAborted) is not { } opened)
        {
            return CaseNotFound();
        }

        NoStore(context, opened.Version);
        return TypedResults.Ok(ToResponse(id, opened.File, opened.Version, opened.DroppedAnswers, plans));
    }

    private static async Task<IResult> DeleteAsync(string id, HttpContext context, CaseStore store)
    {
        NoStore(context, null);
        return await store.DeleteAsync(id, Secret(context.Request), context.RequestAborted) ? TypedResults.NoContent() : CaseNotFound();
    }

    private static async Task<IResult> AddEntryAsync(string id, HttpContext context, CaseStore store, PlanService plans, ProgressEntryParser parser, ContentBundle content, TimeProvider time)
    {
        var secret = Secret(context.Request);
        if (await store.OpenAsync(id, secret, context.RequestAborted) is not { } opened)
        {
            return CaseNotFound();
        }

        var body = await RequestBodyReader.ReadJsonAsync(context.Request, ParseEntryFields);
        if (body.Error is not null)
        {
            return body.Error;
        }

        var fields = body.Value!;
        var ifMatch = IfMatch(context.Request);
        for (var attempt = 1; ; attempt++)
        {
            if (ifMatch.Count > 0 && !ifMatch.Contains(opened.Version))
            {
                return Problems.PreconditionFailed(StaleDetail);
            }

            if (opened.File.Progress.Count >= content.Progress.Limits.Entries)
            {
                return Problems.Validation(new Dictionary<string, string> { ["progress"] = $"一个案件最多记录 {content.Progress.Limits.Entries} 条。请先删除不再需要的记录。" });
            }

            // The steps of the case's plan as it is now; an entry for a step the plan no longer has is refused by the parser.
            var plan = plans.Build(opened.File.Answers, opened.File.LetterFields, opened.File.Progress);
            var steps = plan.Paths.SelectMany(p => p.Steps).Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
            var parsed = parser.Parse(fields, steps, ChinaTime.Today(time), NewEntryId(opened.File));
            if (!parsed.IsValid)
            {
                return Problems.Validation(parsed.Errors);
            }

            var file = opened.File.WithEntry(parsed.Entry!);
            switch (await store.SaveAsync(id, secret, file, opened.Version, context.RequestAborted))
            {
                case CaseSaveResult.Saved saved:
                    NoStore(context, saved.Version);
                    return TypedResults.Created($"/api/v1/cases/{id}", ToResponse(id, file, saved.Version, opened.DroppedAnswers, plans));
                case CaseSaveResult.NotFound:
                    return CaseNotFound();
            }

            // Another device saved in between. With If-Match the client asked to be told; without, the entry is added to
            // the newer case (never in place of the other device's entries).
            if (ifMatch.Count > 0)
            {
                return Problems.PreconditionFailed(StaleDetail);
            }

            if (attempt == SaveAttempts || await store.OpenAsync(id, secret, context.RequestAborted) is not { } fresh)
            {
                return attempt == SaveAttempts ? Problems.Conflict(StaleDetail) : CaseNotFound();
            }

            opened = fresh;
        }
    }

    private static async Task<IResult> DeleteEntryAsync(string id, string entryId, HttpContext context, CaseStore store)
    {
        var secret = Secret(context.Request);
        var ifMatch = IfMatch(context.Request);
        for (var attempt = 1; ; attempt++)
        {
            if (await store.OpenAsync(id, secret, context.RequestAborted) is not { } opened)
            {
                return CaseNotFound();
            }

            if (ifMatch.Count > 0 && !ifMatch.Contains(opened.Version))
            {
                return Problems.PreconditionFailed(StaleDetail);
            }

            if (!opened.File.Progress.Any(e => e.Id == entryId))
            {
                return Problems.NotFound("这个案件里没有这条记录（可能已经删除了）。");
            }

            switch (await store.SaveAsync(id, secret, opened.File.WithoutEntry(entryId), opened.Version, context.RequestAborted))
            {
                case CaseSaveResult.Saved saved:
                    NoStore(context, saved.Version);
                    return TypedResults.NoContent();
                case CaseSaveResult.NotFound:
                    return CaseNotFound();
            }

            if (ifMatch.Count > 0)
            {
                return Problems.PreconditionFailed(StaleDetail);
            }

            if (attempt == SaveAttempts)
            {
                return Problems.Conflict(StaleDetail);
            }
        }
    }

    /// <summary>The same answer for a missing id, a wrong secret, a malformed one and none at all: nothing to enumerate.</summary>
    private static IResult CaseNotFound() => Problems.NotFound(NotFoundDetail);

    /// <summary>The secret of <c>Authorization: Bearer {secret}</c>, or null. Its shape is checked by the store.</summary>
    internal static string? Secret(HttpRequest request)
    {
        var values = request.Headers.Authorization;
        if (values.Count != 1 || values[0] is not { } value || !value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return value["Bearer ".Length..].Trim();
    }

    /// <summary>The versions named by <c>If-Match</c>; empty when there is none or it is <c>*</c>. A tag that is no version matches nothing.</summary>
    private static HashSet<int> IfMatch(HttpRequest request)
    {
        var versions = new HashSet<int>();
        if (request.Headers.IfMatch.Count == 0)
        {
            return versions;
        }

        if (!EntityTagHeaderValue.TryParseList(request.Headers.IfMatch, out var tags) || tags.Count == 0)
        {
            versions.Add(-1);
            return versions;
        }

        if (tags.Any(t => t.Equals(EntityTagHeaderValue.Any)))
        {
            return [];
        }

        foreach (var tag in tags)
        {
            var text = tag.Tag.Value ?? string.Empty;
            versions.Add(!tag.IsWeak && text.Length > 2 && int.TryParse(text.AsSpan(1, text.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : -1);
        }

        return versions;
    }

    private static void NoStore(HttpContext context, int? version)
    {
        context.Response.Headers.CacheControl = "no-store";
        if (version is { } v)
        {
            context.Response.Headers.ETag = new EntityTagHeaderValue($"\"{v.ToString(CultureInfo.InvariantCulture)}\"").ToString();
        }
    }

    private static string NewEntryId(CaseFile file)
    {
        while (true)
        {
            var id = System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(EntryIdBytes));
            if (!file.Progress.Any(e => e.Id == id))
            {
                return id;
            }
        }
    }

    internal static CaseResponse ToResponse(string id, CaseFile file, int version, IReadOnlyList<string> dropped, PlanService plans) => new(
        id,
        version,
        Iso(file.CreatedOn),
        JsonNode.Parse(AnswerJson.Write(file.Answers))!.AsObject(),
        new SortedDictionary<string, string>(file.LetterFields.ToDictionary(), StringComparer.Ordinal),
        file.Progress.Select(e => new ProgressEntryDto(e.Id, e.Step, e.Kind == ProgressKind.Done ? "done" : "reply", Iso(e.On), e.Channel, e.Reference, e.Note, e.Reply)).ToList(),
        ApiMapping.ToResponse(plans.Build(file.Answers, file.LetterFields, file.Progress), plans.Content))
    {
        DroppedAnswers = dropped,
    };

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// <c>{"answers":{…},"letter":{…}}</c>: the answers as <c>POST /plans</c> reads them; the letter details (name, contact,
    /// address, what happened) in <c>letter</c> or, as <c>POST /plans/pdf</c> takes them, among the answers (not both).
    /// </summary>
    private static RequestBodyReader.Body<CaseBody> ParseCase(JsonElement root, QuestionnaireWalker walker)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return RequestBodyReader.Body<CaseBody>.Invalid(new Dictionary<string, string> { ["body"] = "请求内容应当是一个 JSON 对象：{\"answers\": {…}, \"letter\": {…}}。" });
        }

        var rootErrors = new Dictionary<string, string>(StringComparer.Ordinal);
        JsonElement? answers = null;
        JsonElement? letter = null;
        foreach (var p in root.EnumerateObject())
        {
            switch (p.Name)
            {
                case "answers" when answers is null:
                    answers = p.Value;
                    break;
                case "letter" when letter is null:
                    letter = p.Value;
                    break;
                case "answers" or "letter":
                    rootErrors[p.Name] = $"{p.Name} 出现了不止一次。";
                    break;
                default:
                    rootErrors[p.Name] = "不认识这个字段：请求内容只应包含 answers 和 letter。";
                    break;
            }
        }

        if (answers is null || answers.Value.ValueKind != JsonValueKind.Object)
        {
            rootErrors["answers"] = "缺少 answers，或者 answers 不是一个对象。";
            return RequestBodyReader.Body<CaseBody>.Invalid(rootErrors);
        }

        var (raw, duplicates) = AnswerJson.ReadObject(answers.Value);
        var parsed = walker.ParseAll(raw, acceptLetterFields: true);
        var letterErrors = new Dictionary<string, string>(StringComparer.Ordinal);
        var letterFields = new Dictionary<string, string>(parsed.LetterFields, StringComparer.Ordinal);
        if (letter is { } l)
        {
            if (l.ValueKind != JsonValueKind.Object)
            {
                letterErrors["letter"] = "letter 应当是一个对象，例如 {\"your-name\": \"…\"}。";
            }
            else
            {
                var (letterRaw, letterDuplicates) = AnswerJson.ReadObject(l);
                foreach (var (key, message) in letterDuplicates)
                {
                    letterErrors[key] = message;
                }

                var known = walker.Questionnaire.LetterQuestions.Select(q => q.Id).ToHashSet(StringComparer.Ordinal);
                foreach (var key in letterRaw.Keys)
                {
                    if (!known.Contains(key))
                    {
                        letterErrors[key] = "不认识这个信函字段：letter 只可包含 " + string.Join("、", known) + "。";
                    }
                    else if (raw.ContainsKey(key))
                    {
                        letterErrors[key] = "这个字段在 answers 和 letter 中都出现了，请只写一次。";
                    }
                }

                var letterParse = walker.ParseLetterFields(letterRaw);
                foreach (var (key, message) in letterParse.Errors)
                {
                    letterErrors.TryAdd(key, message);
                }

                foreach (var (key, value) in letterParse.Fields)
                {
                    letterFields[key] = value;
                }
            }
        }

        var errors = RequestBodyReader.Merge(rootErrors, duplicates, parsed.Errors, letterErrors);
        return errors.Count > 0
            ? RequestBodyReader.Body<CaseBody>.Invalid(errors)
            : new RequestBodyReader.Body<CaseBody>(new CaseBody(parsed.Answers, letterFields), null);
    }

    /// <summary>A progress entry's fields (<see cref="ProgressEntryParser"/> names them): strings or null, nothing else.</summary>
    private static RequestBodyReader.Body<Dictionary<string, string?>> ParseEntryFields(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return RequestBodyReader.Body<Dictionary<string, string?>>.Invalid(new Dictionary<string, string> { ["body"] = "请求内容应当是一个 JSON 对象：{\"step\": …, \"kind\": …, \"on\": …}。" });
        }

        var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in root.EnumerateObject())
        {
            if (!EntryFields.Contains(p.Name))
            {
                errors[p.Name] = "不认识这个字段：只可包含 " + string.Join("、", EntryFields) + "。";
            }
            else if (fields.ContainsKey(p.Name))
            {
                errors[p.Name] = "同一个字段出现了不止一次。";
            }
            else if (p.Value.ValueKind == JsonValueKind.Null)
            {
                fields[p.Name] = null;
            }
            else if (p.Value.ValueKind != JsonValueKind.String || !TryGetString(p.Value, out var text))
            {
                errors[p.Name] = "应当是一段文字（字符串）。";
                fields[p.Name] = null;
            }
            else
            {
                fields[p.Name] = text;
            }
        }

        return errors.Count > 0 ? RequestBodyReader.Body<Dictionary<string, string?>>.Invalid(errors) : new RequestBodyReader.Body<Dictionary<string, string?>>(fields, null);
    }

    /// <summary>JSON may escape a lone surrogate ("\ud800"): valid JSON, but no text.</summary>
    private static bool TryGetString(JsonElement e, out string value)
    {
        try
        {
            value = e.GetString() ?? string.Empty;
            return true;
        }
        catch (InvalidOperationException)
        {
            value = string.Empty;
            return false;
        }
    }

    private sealed record CaseBody(AnswerSet Answers, IReadOnlyDictionary<string, string> Letter);
}
