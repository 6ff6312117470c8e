using System.Globalization;
using LeakRights.Core.Answers;
using LeakRights.Core.Content;

namespace LeakRights.Core.Cases;

/// <summary>An entry read from a form or the API, or the errors by field name (in Chinese, for the person or the client).</summary>
public sealed record ProgressEntryParse(ProgressEntry? Entry, IReadOnlyDictionary<string, string> Errors)
{
    public bool IsValid => Errors.Count == 0 && Entry is not null;
}

/// <summary>
/// Reads one contact-log entry: the one way the case page and <c>/api/v1/cases</c> accept progress. Field names:
/// <c>step</c>, <c>kind</c> (done | reply), <c>on</c> (YYYY-MM-DD, China time, not in the future), <c>channel</c>,
/// <c>reply</c> (required for a reply, one the step can receive), <c>reference</c>, <c>note</c>.
/// </summary>
public sealed class ProgressEntryParser(ProgressCatalog catalog)
{
    /// <summary>No contact log entry is dated before this (the person's own dates are checked for typos such as 0226).</summary>
    public static readonly DateOnly Earliest = new(2000, 1, 1);

    /// <summary>
    /// Parses <paramref name="fields"/> (absent and empty are the same). <paramref name="steps"/> are the step keys the entry may
    /// concern (the steps of the case's plan); <paramref name="id"/> names the new entry.
    /// </summary>
    public ProgressEntryParse Parse(IReadOnlyDictionary<string, string?> fields, IReadOnlySet<string> steps, DateOnly today, string id)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        string? Field(string name) => fields.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;

        var step = Field("step");
        if (step is null)
        {
            errors["step"] = "请选择是哪一步。";
        }
        else if (!steps.Contains(step))
        {
            errors["step"] = "这一步不在您的计划里，请从计划中选择。";
        }

        ProgressKind? kind = Field("kind") switch
        {
            null or "done" => ProgressKind.Done,
            "reply" => ProgressKind.Reply,
            _ => null,
        };
        if (kind is null)
        {
            errors["kind"] = "请选择是“我已经做了”还是“对方答复了”。";
        }

        DateOnly on = default;
        var onText = Field("on");
        if (onText is null)
        {
            errors["on"] = "请填写日期，例如 2026-11-28。";
        }
        else if (!DateOnly.TryParseExact(onText.Replace('/', '-').Replace('.', '-'), ["yyyy-MM-dd", "yyyy-M-d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out on))
        {
            errors["on"] = "日期格式不对，请按“年-月-日”填写，例如 2026-11-28。";
        }
        else if (on > today)
        {
            errors["on"] = "日期不能晚于今天。";
        }
        else if (on < Earliest)
        {
            errors["on"] = "日期不能早于2000年，请检查年份。";
        }

        var channel = Field("channel");
        if (channel is not null && catalog.Channel(channel) is null)
        {
            errors["channel"] = "请从列出的方式中选择一种。";
        }

        var reply = Field("reply");
        if (kind == ProgressKind.Reply && step is not null && steps.Contains(step))
        {
            var allowed = catalog.RepliesFor(step);
            if (allowed.Count == 0)
            {
                errors["reply"] = "这一步不需要记录对方的答复。";
            }
            else if (reply is null)
            {
                errors["reply"] = "请选择对方是怎么答复的。";
            }
            else if (!allowed.Any(r => r.Id == reply))
            {
                errors["reply"] = "请从列出的答复中选择一种。";
            }
        }
        else if (kind == ProgressKind.Done)
        {
            reply = null;
        }

        var reference = Text(Field("reference"), catalog.Limits.Reference, "reference", errors);
        var note = Text(Field("note"), catalog.Limits.Note, "note", errors);
        return errors.Count > 0
            ? new ProgressEntryParse(null, errors)
            : new ProgressEntryParse(new ProgressEntry(id, step!, kind!.Value, on, channel, reference, note, reply), errors);
    }

    private static string? Text(string? value, int max, string field, Dictionary<string, string> errors)
    {
        if (value is null)
        {
            return null;
        }

        var text = value.Replace("\r\n", " ", StringComparison.Ordinal).Replace('\n', ' ').Replace('\t', ' ').Trim();
        if (AnswerParser.FindRefusedCharacter(text) is { } bad)
        {
            errors[field] = bad < 0 ? Messages.BadCharacters : Messages.InvisibleCharacter(bad);
            return null;
        }

        var length = new StringInfo(text).LengthInTextElements;
        if (length > max || text.Length > max * AnswerParser.MaxUtf16UnitsPerCharacter)
        {
            errors[field] = Messages.TooLong(max, length);
            return null;
        }

        return text;
    }
}
