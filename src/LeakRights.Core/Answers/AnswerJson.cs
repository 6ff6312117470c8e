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
            if (!TryGetName(p, out var name))
            {
                errors["answers"] = "问题编号包含无法识别的字符。";
                continue;
            }

            if (!raw.TryAdd(name, ToRaw(p.Value)))
            {
                errors[name] = "同一个问题出现了不止一次。";
            }
        }

        return (raw, errors);
    }

    private static RawAnswer ToRaw(JsonElement v)
    {
        switch (v.ValueKind)
        {
            case JsonValueKind.String:
                return TryGetString(v, out var s) ? RawAnswer.JsonString(s) : RawAnswer.InvalidText();
            case JsonValueKind.Number:
                return RawAnswer.JsonNumber(v.GetRawText());
            case JsonValueKind.Null:
                return RawAnswer.JsonNull();
            case JsonValueKind.Array when v.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String):
                var items = new List<string>();
                foreach (var e in v.EnumerateArray())
                {
                    if (!TryGetString(e, out var item))
                    {
                        return RawAnswer.InvalidText();
                    }

                    items.Add(item);
                }

                return RawAnswer.JsonArray(items);
            default:
                return RawAnswer.JsonOther();
        }
    }

    /// <summary>JSON may escape a lone surrogate ("\ud800"), which is valid JSON but no valid text; reading it throws.</summary>
    private static bool TryGetString(JsonElement e, out string value)
    {
        try
        {
            value = e.GetString()!;
            return true;
        }
        catch (InvalidOperationException)
        {
            value = string.Empty;
            return false;
        }
    }

    private static bool TryGetName(JsonProperty p, out string name)
    {
        try
        {
            name = p.Name;
            return true;
        }
        catch (InvalidOperationException)
        {
            name = string.Empty;
            return false;
        }
    }

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
