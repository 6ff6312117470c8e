using System.Globalization;
using System.Text;

namespace LeakRights.Core.Content;

/// <summary>
/// Display wording keyed by id (from <c>seeds/texts.json</c>), kept apart from rule logic.
/// Templates may use the placeholders in <see cref="Placeholders"/>, written as <c>{name}</c>.
/// </summary>
public sealed class TextCatalog(IReadOnlyDictionary<string, string> texts)
{
    public static readonly IReadOnlySet<string> Placeholders = new HashSet<string>(StringComparer.Ordinal)
    {
        "organisation",
        "limitation-date",
        "loss-amount",
    };

    public IReadOnlyDictionary<string, string> All { get; } = texts;

    public bool Contains(string key) => All.ContainsKey(key);

    public string Get(string key) => All.TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"Missing text '{key}'.");

    /// <summary>Fills <c>{name}</c> placeholders; unknown names are left as they are (validation rejects them in seeds).</summary>
    public string Format(string key, IReadOnlyDictionary<string, string> values)
    {
        var template = Get(key);
        if (!template.Contains('{', StringComparison.Ordinal))
        {
            return template;
        }

        var sb = new StringBuilder(template.Length + 16);
        var i = 0;
        while (i < template.Length)
        {
            var open = template.IndexOf('{', i);
            if (open < 0)
            {
                sb.Append(template, i, template.Length - i);
                break;
            }

            var close = template.IndexOf('}', open + 1);
            if (close < 0)
            {
                sb.Append(template, i, template.Length - i);
                break;
            }

            sb.Append(template, i, open - i);
            var name = template[(open + 1)..close];
            sb.Append(values.TryGetValue(name, out var v) ? v : template[open..(close + 1)]);
            i = close + 1;
        }

        return sb.ToString();
    }

    /// <summary>The placeholder names a template uses.</summary>
    public static IEnumerable<string> PlaceholdersIn(string template)
    {
        var i = 0;
        while ((i = template.IndexOf('{', i)) >= 0)
        {
            var close = template.IndexOf('}', i + 1);
            if (close < 0)
            {
                yield break;
            }

            yield return template[(i + 1)..close];
            i = close + 1;
        }
    }

    public static string FormatMonth(YearMonth month) =>
        string.Create(CultureInfo.InvariantCulture, $"{month.Year}年{month.Month}月");
}
