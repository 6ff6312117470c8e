using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using LeakRights.Core.Content;

namespace LeakRights.Core.Answers;

/// <summary>
/// Turns raw answers (form fields or JSON values) into validated <see cref="AnswerValue"/>s, with a plain-Chinese
/// message for each problem. It never throws for anything a client can send.
/// </summary>
public sealed class AnswerParser(TimeProvider time)
{
    /// <summary>The earliest month accepted for a month question.</summary>
    public static readonly YearMonth EarliestMonth = new(1990, 1);

    public YearMonth CurrentMonth => ChinaTime.CurrentMonth(time);

    /// <summary>Parses one answer. Returns null value and null error when the question was left unanswered.</summary>
    public (AnswerValue? Value, string? Error) Parse(Question question, RawAnswer raw)
    {
        if (raw.Kind == RawAnswerKind.JsonNull)
        {
            return (null, null);
        }

        if (raw.Kind == RawAnswerKind.InvalidText)
        {
            return (null, Messages.BadCharacters);
        }

        if (raw.Kind == RawAnswerKind.JsonOther)
        {
            return (null, Messages.WrongType(Expected(question.Type)));
        }

        return question.Type switch
        {
            QuestionType.SingleChoice => ParseSingle(question, raw),
            QuestionType.MultiChoice => ParseMulti(question, raw),
            QuestionType.Number => ParseNumber(question, raw),
            QuestionType.Month => ParseMonth(raw),
            _ => ParseText(question, raw),
        };
    }

    /// <summary>The message for a required question left unanswered.</summary>
    public static string RequiredMessage(Question question) => question.Type switch
    {
        QuestionType.SingleChoice => Messages.ChooseOne,
        QuestionType.MultiChoice => Messages.ChooseAtLeastOne,
        _ => Messages.Required,
    };

    private static string Expected(QuestionType type) => type switch
    {
        QuestionType.SingleChoice => "一个选项编号（字符串）",
        QuestionType.MultiChoice => "由选项编号组成的数组",
        QuestionType.Number => "一个数字",
        QuestionType.Month => "“YYYY-MM”格式的月份（字符串）",
        _ => "一段文字（字符串）",
    };

    private static (AnswerValue?, string?) ParseSingle(Question q, RawAnswer raw)
    {
        if (raw.Kind is not (RawAnswerKind.Form or RawAnswerKind.JsonString))
        {
            return (null, Messages.WrongType(Expected(q.Type)));
        }

        var values = raw.Values.Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (values.Count == 0)
        {
            return (null, null);
        }

        if (values.Count > 1)
        {
            return (null, Messages.OnlyOne);
        }

        return q.FindOption(values[0]) is null ? (null, Messages.NotAnOption(values[0])) : (new ChoiceAnswer(values[0]), null);
    }

    private static (AnswerValue?, string?) ParseMulti(Question q, RawAnswer raw)
    {
        if (raw.Kind is not (RawAnswerKind.Form or RawAnswerKind.JsonArray))
        {
            return (null, Messages.WrongType(Expected(q.Type)));
        }

        var chosen = raw.Values.Where(v => v.Length > 0).ToHashSet(StringComparer.Ordinal);
        var unknown = chosen.FirstOrDefault(v => q.FindOption(v) is null);
        if (unknown is not null)
        {
            return (null, Messages.NotAnOption(unknown));
        }

        if (chosen.Count == 0)
        {
            return (null, null);
        }

        var exclusive = q.Options.FirstOrDefault(o => o.Exclusive && chosen.Contains(o.Id));
        if (exclusive is not null && chosen.Count > 1)
        {
            return (null, Messages.Exclusive(exclusive.Label));
        }

        // Normalise to the questionnaire's option order so equal answers compare and encode equally.
        return (new ChoicesAnswer(q.Options.Where(o => chosen.Contains(o.Id)).Select(o => o.Id).ToImmutableArray()), null);
    }

    private static (AnswerValue?, string?) ParseNumber(Question q, RawAnswer raw)
    {
        if (raw.Kind is not (RawAnswerKind.Form or RawAnswerKind.JsonNumber))
        {
            return (null, Messages.WrongType(Expected(q.Type)));
        }

        if (raw.Values.Count > 1)
        {
            return (null, Messages.NumberFormat);
        }

        var text = raw.Values.Count == 0 ? string.Empty : raw.Values[0];
        if (raw.Kind == RawAnswerKind.Form)
        {
            // People type "20,000", "2 万" is not supported; full-width digits are folded to ASCII.
            text = new string(text.Normalize(NormalizationForm.FormKC).Where(c => c is not (',' or ' ' or '，')).ToArray()).Trim();
            if (text.EndsWith('元'))
            {
                text = text[..^1];
            }
        }

        if (text.Length == 0)
        {
            return (null, null);
        }

        if (text.Length > 40 || !decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return (null, Messages.NumberFormat);
        }

        if ((q.Min is { } min && value < min) || (q.Max is { } max && value > max))
        {
            return (null, Messages.NumberRange(q.Min ?? 0, q.Max ?? decimal.MaxValue, q.Unit));
        }

        if (decimal.Round(value, 2) != value)
        {
            return (null, Messages.NumberDecimals);
        }

        return (new NumberAnswer(value / 1.000000000000000000000000000000000m), null);
    }

    private (AnswerValue?, string?) ParseMonth(RawAnswer raw)
    {
        if (raw.Kind is not (RawAnswerKind.Form or RawAnswerKind.JsonString) || raw.Values.Count > 1)
        {
            return (null, Messages.WrongType(Expected(QuestionType.Month)));
        }

        var text = raw.Values.Count == 0 ? string.Empty : raw.Values[0].Trim();
        if (text.Length == 0)
        {
            return (null, null);
        }

        if (raw.Kind == RawAnswerKind.Form)
        {
            text = NormaliseFormMonth(text);
        }

        if (!YearMonth.TryParse(text, out var month))
        {
            return (null, Messages.MonthFormat);
        }

        if (month > CurrentMonth)
        {
            return (null, Messages.MonthFuture);
        }

        if (month < EarliestMonth)
        {
            return (null, Messages.MonthTooEarly(EarliestMonth.Year));
        }

        return (new MonthAnswer(month), null);
    }

    /// <summary>Browsers without a month picker show a text box: accept 2026-10, 2026/10, 2026.10, 2026年10月 and one-digit months.</summary>
    private static string NormaliseFormMonth(string text)
    {
        var t = text.Normalize(NormalizationForm.FormKC).Replace("年", "-", StringComparison.Ordinal).Replace("月", string.Empty, StringComparison.Ordinal)
            .Replace('/', '-').Replace('.', '-').Trim();
        var dash = t.IndexOf('-', StringComparison.Ordinal);
        if (dash == 4 && t.Length == 6 && char.IsAsciiDigit(t[5]))
        {
            t = t[..5] + "0" + t[5];
        }

        return t;
    }

    private static (AnswerValue?, string?) ParseText(Question q, RawAnswer raw)
    {
        if (raw.Kind is not (RawAnswerKind.Form or RawAnswerKind.JsonString) || raw.Values.Count > 1)
        {
            return (null, Messages.WrongType(Expected(QuestionType.Text)));
        }

        var text = raw.Values.Count == 0 ? string.Empty : raw.Values[0].Replace("\r\n", " ", StringComparison.Ordinal).Replace('\n', ' ').Replace('\t', ' ').Trim();
        if (text.Length == 0)
        {
            return (null, null);
        }

        if (FindRefusedCharacter(text) is { } bad)
        {
            return (null, bad < 0 ? Messages.BadCharacters : Messages.InvisibleCharacter(bad));
        }

        var length = new StringInfo(text).LengthInTextElements;
        var max = q.MaxLength ?? 100;
        if (length > max)
        {
            return (null, Messages.TooLong(max, length));
        }

        // Graphemes alone would let one "character" carry any number of combining marks (a 100-character answer of 2,100
        // UTF-16 units made a draft cookie browsers drop). Two units per character still fits any CJK name, even one written
        // wholly in supplementary-plane characters (𠮷).
        return text.Length > max * MaxUtf16UnitsPerCharacter ? (null, Messages.TooManyMarks(max)) : (new TextAnswer(text), null);
    }

    /// <summary>How many UTF-16 code units a text answer may use per allowed character.</summary>
    public const int MaxUtf16UnitsPerCharacter = 2;

    /// <summary>
    /// The first character a text answer may not contain, or null. Value -1 means a control character, a lone surrogate or
    /// U+FFFD (text that was not valid to begin with). Otherwise it is the code point of an invisible or undisplayable
    /// character that could disguise a letter's text: format characters (bidi overrides and isolates U+202A–202E and
    /// U+2066–2069, zero-width characters U+200B–200F, U+2060, U+FEFF, tag characters U+E0000–E007F, soft hyphen …),
    /// private-use characters and noncharacters (U+FDD0–FDEF, U+xxFFFE/U+xxFFFF). One exception: a zero-width joiner
    /// between two emoji (as in 👨‍👩‍👧) is allowed, because that is how such emoji are written; a ZWJ anywhere else is refused.
    /// </summary>
    internal static int? FindRefusedCharacter(string text)
    {
        var previous = -1; // the last code point that was not an emoji modifier or variation selector
        var index = 0;
        while (index < text.Length)
        {
            if (Rune.DecodeFromUtf16(text.AsSpan(index), out var rune, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                return -1; // a lone surrogate
            }

            var cp = rune.Value;
            var category = Rune.GetUnicodeCategory(rune);
            if (category == UnicodeCategory.Control || cp == 0xFFFD)
            {
                return -1;
            }

            if (cp == 0x200D)
            {
                if (!IsEmoji(previous) || !IsEmoji(NextCodePoint(text, index + consumed)))
                {
                    return cp;
                }
            }
            else if (category is UnicodeCategory.Format or UnicodeCategory.PrivateUse || IsNoncharacter(cp))
            {
                return cp;
            }

            if (!IsEmojiModifierOrSelector(cp))
            {
                previous = cp;
            }

            index += consumed;
        }

        return null;
    }

    private static int NextCodePoint(string text, int index) =>
        index < text.Length && Rune.DecodeFromUtf16(text.AsSpan(index), out var next, out _) == System.Buffers.OperationStatus.Done ? next.Value : -1;

    /// <summary>Pictographs are "other symbols" (U+1F468 👨, U+2764 ❤); skin tones and the emoji variation selector may follow them.</summary>
    private static bool IsEmoji(int cp) => cp >= 0x2000 && Rune.IsValid(cp) && Rune.GetUnicodeCategory(new Rune(cp)) == UnicodeCategory.OtherSymbol;

    private static bool IsEmojiModifierOrSelector(int cp) => cp is (>= 0x1F3FB and <= 0x1F3FF) or 0xFE0F;

    private static bool IsNoncharacter(int cp) => cp is >= 0xFDD0 and <= 0xFDEF || (cp & 0xFFFE) == 0xFFFE;
}
