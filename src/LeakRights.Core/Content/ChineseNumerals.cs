using System.Globalization;

namespace LeakRights.Core.Content;

/// <summary>Reads article labels such as 第一千零三十八条, 第二百五十三条之一, 第八项 and 序言 into citation numbers (1038, 253-1, 8, preamble).</summary>
public static class ChineseNumerals
{
    public const string Preamble = "preamble";

    public static bool TryParseArticleLabel(string label, out string number)
    {
        number = string.Empty;
        if (label == "序言")
        {
            number = Preamble;
            return true;
        }

        if (!label.StartsWith('第'))
        {
            return false;
        }

        var unitAt = label.IndexOfAny(['条', '项']);
        if (unitAt < 2)
        {
            return false;
        }

        if (!TryParse(label.AsSpan(1, unitAt - 1), out var main))
        {
            return false;
        }

        var rest = label.AsSpan(unitAt + 1);
        if (rest.IsEmpty)
        {
            number = main.ToString(CultureInfo.InvariantCulture);
            return true;
        }

        if (rest.Length >= 2 && rest[0] == '之' && TryParse(rest[1..], out var sub))
        {
            number = string.Create(CultureInfo.InvariantCulture, $"{main}-{sub}");
            return true;
        }

        return false;
    }

    /// <summary>Parses a Chinese numeral below 100,000 (一, 十, 二十三, 一千零三十八).</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        if (text.IsEmpty)
        {
            return false;
        }

        var total = 0;
        var digit = -1;
        foreach (var c in text)
        {
            var d = Digit(c);
            if (d >= 0)
            {
                digit = d;
                continue;
            }

            var unit = Unit(c);
            if (unit == 0)
            {
                return false;
            }

            if (digit < 0)
            {
                if (unit != 10)
                {
                    return false;
                }

                digit = 1;
            }

            total += digit * unit;
            digit = -1;
        }

        if (digit > 0)
        {
            total += digit;
        }

        value = total;
        return total > 0;
    }

    private static int Digit(char c) => c switch
    {
        '零' or '〇' => 0,
        '一' => 1,
        '二' or '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => -1,
    };

    private static int Unit(char c) => c switch
    {
        '十' => 10,
        '百' => 100,
        '千' => 1000,
        '万' => 10000,
        _ => 0,
    };
}
