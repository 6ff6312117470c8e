using System.Text;

namespace LeakRights.Core.Content;

/// <summary>
/// A wording template of <c>seeds/</c>, resolved and checked when the content is loaded: its placeholders (<c>{name}</c>) are
/// known, so rendering cannot meet a missing text or an unknown name at request time.
/// </summary>
public sealed class TextTemplate
{
    private readonly IReadOnlyList<(string Text, bool IsPlaceholder)> _parts;

    private TextTemplate(string source, IReadOnlyList<(string Text, bool IsPlaceholder)> parts)
    {
        Source = source;
        _parts = parts;
        Placeholders = parts.Where(p => p.IsPlaceholder).Select(p => p.Text).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>The empty template: what an entry holds before its wording is attached.</summary>
    public static TextTemplate Empty { get; } = new(string.Empty, []);

    public string Source { get; }

    public IReadOnlyList<string> Placeholders { get; }

    public static TextTemplate Parse(string source)
    {
        var parts = new List<(string, bool)>();
        var i = 0;
        while (i < source.Length)
        {
            var open = source.IndexOf('{', i);
            var close = open < 0 ? -1 : source.IndexOf('}', open + 1);
            if (open < 0 || close < 0)
            {
                parts.Add((source[i..], false));
                break;
            }

            if (open > i)
            {
                parts.Add((source[i..open], false));
            }

            parts.Add((source[(open + 1)..close], true));
            i = close + 1;
        }

        return new TextTemplate(source, parts);
    }

    private const int MaxCachedBuilder = 4096;

    [ThreadStatic]
    private static StringBuilder? _builder;

    /// <summary>Fills the placeholders; a name without a value is rendered by <paramref name="missing"/> (by default: left out).</summary>
    public string Render(IReadOnlyDictionary<string, string> values, Func<string, string>? missing = null)
    {
        if (_parts.Count == 1 && !_parts[0].IsPlaceholder)
        {
            return _parts[0].Text;
        }

        // One builder per thread, reused: a plan renders hundreds of templates (issue 15: allocations per plan).
        var sb = _builder ?? new StringBuilder(256);
        _builder = null;
        foreach (var (text, isPlaceholder) in _parts)
        {
            sb.Append(!isPlaceholder ? text : values.TryGetValue(text, out var v) ? v : missing?.Invoke(text) ?? string.Empty);
        }

        var result = sb.ToString();
        if (sb.Capacity <= MaxCachedBuilder)
        {
            _builder = sb.Clear();
        }

        return result;
    }

    /// <summary>The template split into literal text and placeholder parts, in order (letters mark missing values as blanks).</summary>
    public IReadOnlyList<(string Text, bool IsPlaceholder)> Parts => _parts;

    public override string ToString() => Source;
}
