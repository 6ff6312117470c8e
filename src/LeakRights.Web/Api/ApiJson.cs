using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Text.Unicode;
using LeakRights.Core.Rules;
using LeakRights.Web.Data;

namespace LeakRights.Web.Api;

/// <summary>
/// How the API writes JSON: the web defaults (camelCase names), Chinese kept readable (HTML-sensitive characters are still
/// escaped). A plan is written through compile-time generated code (<see cref="ApiJsonContext"/>) in one synchronous pass
/// into the response, and its cited articles — public legal text, 30 of a plan's 60 KB — come pre-encoded from the content
/// snapshot (issue 15: reflection-based streaming serialisation of every article's text was ~30 % of the plans API's time).
/// </summary>
public static class ApiJson
{
    public static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = Encoder };

    /// <summary>
    /// The generated code with its own options (the web defaults): the generated fast paths apply only to options without an
    /// encoder, so the encoder goes on the writers instead (<see cref="Write"/>).
    /// </summary>
    private static ApiJsonContext Context => ApiJsonContext.Default;

    /// <summary>The API's encoder and generated metadata for the options minimal APIs use for the other responses.</summary>
    public static void Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Encoder = Encoder;
        options.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default);
    }

    /// <summary>A 200 response with <paramref name="plan"/> as JSON, written in one pass.</summary>
    public static IResult Plan(PlanResponse plan) => new PlanResult(plan);

    /// <summary>
    /// The cited articles as the API writes them, encoded once per content snapshot and combination of articles. The key is
    /// made of the articles' references, revisions, titles and dates alone (as the plan page's boxes, <c>CitationMarkup</c>):
    /// nothing of a person's, and a plan built just before an edit never puts its older text under the newer key.
    /// </summary>
    public static CitationList Citations(ContentSnapshot snapshot, IReadOnlyList<PlanCitation> cites)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(cites);
        return snapshot.Cached(Key(cites), cites, static list =>
        {
            var items = new List<CitationDto>(list.Count);
            foreach (var c in list)
            {
                items.Add(new CitationDto(c.Ref.ToString(), c.Law, c.Article, c.Text, c.Revision, Core.Content.ContentRules.FormatDate(c.Effective)));
            }

            var buffer = new System.Buffers.ArrayBufferWriter<byte>(64 * 1024);
            Write(buffer, items, Context.ListCitationDto);
            return new CitationList(items, buffer.WrittenSpan.ToArray());
        });
    }

    private static void Write<T>(System.Buffers.IBufferWriter<byte> output, T value, JsonTypeInfo<T> info)
    {
        using var writer = new Utf8JsonWriter(output, WriterOptions);
        JsonSerializer.Serialize(writer, value, info);
    }

    private static string Key(IReadOnlyList<PlanCitation> cites)
    {
        var key = new StringBuilder("api-citations");
        foreach (var c in cites)
        {
            key.Append('|').Append(c.Ref.LawId).Append('#').Append(c.Ref.Number).Append('@').Append(c.Revision.ToString(CultureInfo.InvariantCulture))
                .Append('|').Append(c.Law).Append('|').Append(c.Article).Append('|').Append(c.Effective.DayNumber);
        }

        return key.ToString();
    }

    private sealed class PlanResult(PlanResponse plan) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = "application/json; charset=utf-8";
            Write(response.BodyWriter, plan, Context.PlanResponse);
            await response.BodyWriter.FlushAsync(httpContext.RequestAborted);
        }
    }
}

/// <summary>
/// A plan's cited articles (<c>citations</c>, an array of <see cref="CitationDto"/>) with that array already encoded as JSON
/// (<see cref="ApiJson.Citations"/>); written as is. Immutable: one instance serves every plan citing the same articles.
/// </summary>
[JsonConverter(typeof(Converter))]
public sealed class CitationList(List<CitationDto> items, byte[] json) : IReadOnlyList<CitationDto>
{
    public int Count => items.Count;

    internal byte[] Json => json;

    public CitationDto this[int index] => items[index];

    public IEnumerator<CitationDto> GetEnumerator() => items.GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Writes the encoded array; reads a plain array (and encodes it again).</summary>
    internal sealed class Converter : JsonConverter<CitationList>
    {
        public override CitationList? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var info = (JsonTypeInfo<List<CitationDto>>)options.GetTypeInfo(typeof(List<CitationDto>));
            var items = JsonSerializer.Deserialize(ref reader, info) ?? [];
            return new CitationList(items, JsonSerializer.SerializeToUtf8Bytes(items, info));
        }

        public override void Write(Utf8JsonWriter writer, CitationList value, JsonSerializerOptions options)
        {
            ArgumentNullException.ThrowIfNull(writer);
            ArgumentNullException.ThrowIfNull(value);
            writer.WriteRawValue(value.Json, skipInputValidation: true);
        }
    }
}

/// <summary>Serialisation code generated at compile time for the plan (the API's largest and most frequent response).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(PlanResponse))]
[JsonSerializable(typeof(List<CitationDto>))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;
