using System.Buffers;
using System.Globalization;
using System.Text.Json;
using LeakRights.Core.Answers;

namespace LeakRights.Core.Cases;

/// <summary>A case read back, with the answers an upgrade could no longer read (their question ids), which were left out.</summary>
public sealed record CaseFileRead(CaseFile File, int Version, IReadOnlyList<string> DroppedAnswers);

/// <summary>
/// The versioned plaintext of a case (<c>{"v":1,"createdOn":…,"answers":{…},"letter":{…},"progress":[…]}</c>), the bytes that
/// are encrypted at rest and exported. Reading is lenient by design: a case saved by an older app must still open, so an
/// answer the current questionnaire no longer accepts is dropped (and reported), never a reason to lose the case.
/// </summary>
public static class CaseFileJson
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 16 };

    public static byte[] Write(CaseFile file)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        // Chinese as UTF-8, not \uXXXX escapes: a third of the size (the payload is never embedded in HTML).
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteNumber("v", CaseFile.CurrentVersion);
            w.WriteString("createdOn", Iso(file.CreatedOn));
            w.WritePropertyName("answers");
            AnswerJson.WriteObject(w, file.Answers);
            w.WriteStartObject("letter");
            foreach (var (k, v) in file.LetterFields.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                w.WriteString(k, v);
            }

            w.WriteEndObject();
            w.WriteBoolean("calendarDetails", file.CalendarDetails);
            w.WriteStartArray("progress");
            foreach (var e in file.Progress)
            {
                w.WriteStartObject();
                w.WriteString("id", e.Id);
                w.WriteString("step", e.Step);
                w.WriteString("kind", e.Kind == ProgressKind.Done ? "done" : "reply");
                w.WriteString("on", Iso(e.On));
                WriteOptional(w, "channel", e.Channel);
                WriteOptional(w, "reference", e.Reference);
                WriteOptional(w, "note", e.Note);
                WriteOptional(w, "reply", e.Reply);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The case in <paramref name="json"/>, or null when it is not a case payload this app can read (corrupt, or written by a newer version).</summary>
    public static CaseFileRead? Read(ReadOnlySpan<byte> json, QuestionnaireWalker walker)
    {
        try
        {
            using var doc = JsonDocument.Parse(json.ToArray(), Options);
            return Read(doc.RootElement, walker);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static CaseFileRead? Read(JsonElement root, QuestionnaireWalker walker)
    {
        try
        {
            return ReadCore(root, walker);
        }
        catch (InvalidOperationException)
        {
            // JSON may escape a lone surrogate ("\ud800"): valid JSON, but no text.
            return null;
        }
    }

    private static CaseFileRead? ReadCore(JsonElement root, QuestionnaireWalker walker)
    {
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("v", out var v) || !v.TryGetInt32(out var version) || version < 1 || version > CaseFile.CurrentVersion
            || !TryDate(root, "createdOn", out var createdOn)
            || !root.TryGetProperty("answers", out var answersElement) || answersElement.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var (raw, _) = AnswerJson.ReadObject(answersElement);
        var dropped = new List<string>();
        AnswerSetParse parsed;
        while (true)
        {
            parsed = walker.ParseAll(raw, acceptLetterFields: false);
            // A required answer that is missing is not a reason to drop others; anything else is dropped and reported.
            var bad = parsed.Errors.Keys.Where(raw.ContainsKey).ToList();
            if (bad.Count == 0)
            {
                break;
            }

            foreach (var id in bad)
            {
                raw.Remove(id);
                dropped.Add(id);
            }
        }

        var letter = new Dictionary<string, string>(StringComparer.Ordinal);
        if (root.TryGetProperty("letter", out var letterElement) && letterElement.ValueKind == JsonValueKind.Object)
        {
            var (letterRaw, _) = AnswerJson.ReadObject(letterElement);
            var letterParse = walker.ParseLetterFields(letterRaw);
            foreach (var (k, value) in letterParse.Fields)
            {
                letter[k] = value;
            }

            dropped.AddRange(letterParse.Errors.Keys);
        }

        var progress = new List<ProgressEntry>();
        if (root.TryGetProperty("progress", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in list.EnumerateArray())
            {
                if (ReadEntry(item) is { } entry)
                {
                    progress.Add(entry);
                }
            }
        }

        var calendarDetails = root.TryGetProperty("calendarDetails", out var cd) && cd.ValueKind == JsonValueKind.True;
        return new CaseFileRead(new CaseFile(parsed.Answers, letter, progress, createdOn) { CalendarDetails = calendarDetails }, version, dropped);
    }

    private static ProgressEntry? ReadEntry(JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object || Str(item, "id") is not { } id || Str(item, "step") is not { } step || !TryDate(item, "on", out var on))
        {
            return null;
        }

        ProgressKind? kind = Str(item, "kind") switch
        {
            "done" => ProgressKind.Done,
            "reply" => ProgressKind.Reply,
            _ => null,
        };
        return kind is null ? null : new ProgressEntry(id, step, kind.Value, on, Str(item, "channel"), Str(item, "reference"), Str(item, "note"), Str(item, "reply"));
    }

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;

    private static bool TryDate(JsonElement e, string name, out DateOnly date)
    {
        date = default;
        return Str(e, name) is { } s && DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void WriteOptional(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }
}
