using System.Buffers;
using System.Text.Json;

namespace LeakRights.Core.Answers;

/// <summary>Reads and writes answer sets in the JSON shape of the API (<c>{"source":"bank","data-types":["identity"],…}</c>).</summary>
public static class AnswerJson
{
    /// <summary>Reads the properties of an answers object into raw answers, reporting duplicate keys.</summary>
    public static (Dictionary<string, RawAnswer> Raw, Dictionary<string, string> Errors) ReadObject(JsonElement answers)
    {
        var raw = new Dictionary<string, RawAnswer>(StringComparer.Ordinal);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in answers.EnumerateObject())
        {
            if (!raw.TryAdd(p.Name, ToRaw(p.Value)))
            {
                errors[p.Name] = "同一个问题出现了不止一次。";
            }
        }

        return (raw, errors);
    }

    private static RawAnswer ToRaw(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.String => RawAnswer.JsonString(v.GetString()!),
        JsonValueKind.Number => RawAnswer.JsonNumber(v.GetRawText()),
        JsonValueKind.Null => RawAnswer.JsonNull(),
        JsonValueKind.Array when v.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String) => RawAnswer.JsonArray(v.EnumerateArray().Select(e => e.GetString()!).ToList()),
        _ => RawAnswer.JsonOther(),
    };

    public static byte[] Write(AnswerSet answers, IReadOnlyDictionary<string, string>? extraText = null)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var w = new Utf8JsonWriter(buffer))
        {
            WriteObject(w, answers, extraText);
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static void WriteObject(Utf8JsonWriter w, AnswerSet answers, IReadOnlyDictionary<string, string>? extraText = null)
    {
        w.WriteStartObject();
        foreach (var (id, value) in answers.Values)
        {
            switch (value)
            {
                case ChoiceAnswer c:
                    w.WriteString(id, c.OptionId);
                    break;
                case ChoicesAnswer m:
                    w.WriteStartArray(id);
                    foreach (var o in m.OptionIds)
                    {
                        w.WriteStringValue(o);
                    }

                    w.WriteEndArray();
                    break;
                case NumberAnswer n:
                    w.WriteNumber(id, n.Value);
                    break;
                case MonthAnswer mo:
                    w.WriteString(id, mo.Value.ToString());
                    break;
                case TextAnswer t:
                    w.WriteString(id, t.Value);
                    break;
            }
        }

        foreach (var (id, text) in extraText ?? new Dictionary<string, string>())
        {
            w.WriteString(id, text);
        }

        w.WriteEndObject();
    }

    /// <summary>Reads answers written by <see cref="Write"/> (a cookie or a plan link) and validates them against the current questionnaire.</summary>
    public static AnswerSetParse? TryRead(ReadOnlySpan<byte> json, QuestionnaireWalker walker)
    {
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 8 });
            using var doc = JsonDocument.ParseValue(ref reader);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var (raw, _) = ReadObject(doc.RootElement);
            return walker.ParseAll(raw, acceptLetterFields: false);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
