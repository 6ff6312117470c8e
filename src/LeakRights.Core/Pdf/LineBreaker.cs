namespace LeakRights.Core.Pdf;

/// <summary>
/// Breaks Chinese (and mixed Chinese/Latin) text into lines that fit a width, following the usual rules: no line starts
/// with closing punctuation, no line ends with opening punctuation, Latin words and numbers stay whole unless a single
/// word is longer than the line, in which case it is broken rather than overflowing. A number stays with the Chinese
/// character after it (15日, 2026年), a fill-in blank (＿＿＿＿) stays whole, and so does a field label after an ideographic
/// space (　　地址：), unless the line holds nothing else.
/// </summary>
public static class LineBreaker
{
    /// <summary>Characters that must not begin a line (行首禁则).</summary>
    public const string NoLineStart = "，。、；：？！）》」』】〕〉”’…—·．,.;:?!)]}%％～~ー々〻ゝゞ";

    /// <summary>Characters that must not end a line (行尾禁则).</summary>
    public const string NoLineEnd = "（《「『【〔〈“‘([{";

    /// <summary>Breaks one paragraph (no newlines) into lines no wider than <paramref name="maxWidth"/>.</summary>
    public static List<string> Break(string text, double maxWidth, Func<char, double> charWidth)
    {
        var lines = new List<string>();
        if (string.IsNullOrEmpty(text))
        {
            lines.Add(string.Empty);
            return lines;
        }

        var units = Units(text);
        var start = 0; // first unit of the current line
        var width = 0.0;
        var i = 0;
        while (i < units.Count)
        {
            var w = Width(units[i], charWidth);
            if (width + w <= maxWidth || i == start && IsSpace(units[i]))
            {
                width += w;
                i++;
                continue;
            }

            // units[i] does not fit. Find the latest break position b in (start, i] that the rules allow.
            var b = i;
            while (b > start && !CanBreakBefore(units, b))
            {
                b--;
            }

            if (b == start)
            {
                // Nothing allowed: the line is a single unbreakable run. A word wider than the line is broken by characters;
                // otherwise the rules give way and the line breaks before units[i].
                if (i == start)
                {
                    var (head, tail) = SplitWord(units[i], maxWidth, charWidth);
                    lines.Add(head);
                    units[i] = tail;
                    width = 0;
                    continue;
                }

                b = i;
            }

            lines.Add(Join(units, start, b).TrimEnd());
            start = b;
            while (start < units.Count && IsSpace(units[start]))
            {
                start++;
            }

            i = start;
            width = 0;
        }

        if (start < units.Count)
        {
            lines.Add(Join(units, start, units.Count).TrimEnd());
        }

        return lines;
    }

    /// <summary>Splits text into units: a Latin word or number (with its joining characters) is one unit, a space is one, anything else one character each.</summary>
    internal static List<string> Units(string text)
    {
        var units = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            if (IsWordChar(text[i]))
            {
                var j = i;
                while (j < text.Length && (IsWordChar(text[j]) || (IsJoiner(text[j]) && j + 1 < text.Length && IsWordChar(text[j + 1]))))
                {
                    j++;
                }

                units.Add(text[i..j]);
                i = j;
            }
            else if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length)
            {
                units.Add(text.Substring(i, 2));
                i += 2;
            }
            else
            {
                units.Add(text[i].ToString());
                i++;
            }
        }

        return units;
    }

    private const char Blank = '＿';

    private static bool IsCjk(char c) => c is >= '\u3400' and <= '\u9FFF';

    private static bool CanBreakBefore(List<string> units, int index)
    {
        if (index <= 0 || index >= units.Count)
        {
            return index > 0;
        }

        var next = units[index];
        var previous = units[index - 1];
        if (NoLineStart.Contains(next[0], StringComparison.Ordinal))
        {
            return false;
        }

        if (NoLineEnd.Contains(previous[^1], StringComparison.Ordinal))
        {
            return false;
        }

        // 「15」 at a line's end and 「日」 on the next, or a blank cut into two short lines nobody can write in.
        if ((char.IsAsciiDigit(previous[^1]) && IsCjk(next[0])) || (previous[^1] == Blank && next[0] == Blank))
        {
            return false;
        }

        return !InFieldLabel(units, index);
    }

    /// <summary>
    /// Whether the break falls inside a field label — a few Chinese characters after an ideographic space and before a
    /// full-width colon, as in 「…有限公司　　地址：」 — which would print 「地」 at a line's end and 「址：」 on the next.
    /// </summary>
    private static bool InFieldLabel(List<string> units, int index)
    {
        const int longest = 6;
        var from = index - 1;
        while (from >= 0 && index - from <= longest && units[from].Length == 1 && IsCjk(units[from][0]))
        {
            from--;
        }

        if (from < 0 || from == index - 1 || units[from] != "　")
        {
            return false;
        }

        var to = index;
        while (to < units.Count && to - from <= longest && units[to].Length == 1 && IsCjk(units[to][0]))
        {
            to++;
        }

        return to > index && to < units.Count && to - from - 1 <= longest && units[to] == "：";
    }

    private static (string Head, string Tail) SplitWord(string word, double maxWidth, Func<char, double> charWidth)
    {
        var width = 0.0;
        var n = 0;
        while (n < word.Length && width + charWidth(word[n]) <= maxWidth)
        {
            width += charWidth(word[n]);
            n++;
        }

        n = Math.Max(1, n);
        return (word[..n], word[n..]);
    }

    private static double Width(string unit, Func<char, double> charWidth)
    {
        var w = 0.0;
        foreach (var c in unit)
        {
            w += charWidth(c);
        }

        return w;
    }

    private static string Join(List<string> units, int from, int to) => string.Concat(units.Skip(from).Take(to - from));

    private static bool IsSpace(string unit) => unit.Length == 1 && unit[0] == ' ';

    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '@' or '_' or '#' or '&' or '+' or '=' || (c >= '\u00C0' && c <= '\u024F');

    private static bool IsJoiner(char c) => c is '.' or '-' or '/' or ':' or '\'' or ',';
}
