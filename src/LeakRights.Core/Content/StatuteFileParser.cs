using System.Globalization;

namespace LeakRights.Core.Content;

/// <summary>
/// Reads one <c>seeds/statutes/{law}.md</c>: front matter (<c>key: value</c> lines between <c>---</c>), a <c># 来源说明</c>
/// section (provenance, never shown as statute text) and a <c># 条文</c> section with one <c>## 第…条</c> heading per article.
/// </summary>
public static class StatuteFileParser
{
    private const string SourceHeading = "# 来源说明";
    private const string ArticlesHeading = "# 条文";

    public static Law Parse(string fileName, string content, List<SeedError> errors)
    {
        var lines = content.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var front = new Dictionary<string, string>(StringComparer.Ordinal);
        var i = 0;
        if (lines.Length == 0 || lines[0] != "---")
        {
            errors.Add(new SeedError(fileName, "front matter", "the file must start with a '---' front matter block"));
        }
        else
        {
            for (i = 1; i < lines.Length && lines[i] != "---"; i++)
            {
                var colon = lines[i].IndexOf(':', StringComparison.Ordinal);
                if (colon <= 0)
                {
                    errors.Add(new SeedError(fileName, $"front matter line {i + 1}", "expected 'key: value'"));
                    continue;
                }

                var key = lines[i][..colon].Trim();
                if (!front.TryAdd(key, lines[i][(colon + 1)..].Trim()))
                {
                    errors.Add(new SeedError(fileName, $"front matter '{key}'", "the key appears twice"));
                }
            }

            i++;
        }

        var source = new List<string>();
        var articles = new List<(string Number, string Label, string Text)>();
        string? label = null;
        var text = new List<string>();
        var section = 0; // 0 before any section, 1 source note, 2 articles
        for (; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line == SourceHeading)
            {
                section = 1;
                continue;
            }

            if (line == ArticlesHeading)
            {
                section = 2;
                continue;
            }

            if (section == 1)
            {
                source.Add(line);
            }
            else if (section == 2)
            {
                if (line.StartsWith("## ", StringComparison.Ordinal))
                {
                    AddArticle(fileName, label, text, articles, errors);
                    label = line[3..].Trim();
                    text.Clear();
                }
                else if (line.StartsWith("# ", StringComparison.Ordinal))
                {
                    errors.Add(new SeedError(fileName, $"line {i + 1}", "only '## 第…条' article headings may follow '# 条文'"));
                }
                else
                {
                    text.Add(line);
                }
            }
            else if (line.Trim().Length > 0)
            {
                errors.Add(new SeedError(fileName, $"line {i + 1}", $"text outside the '{SourceHeading}' and '{ArticlesHeading}' sections"));
            }
        }

        AddArticle(fileName, label, text, articles, errors);
        if (section != 2 || articles.Count == 0)
        {
            errors.Add(new SeedError(fileName, ArticlesHeading, "the file has no articles"));
        }

        string Required(string key)
        {
            if (front.TryGetValue(key, out var v) && v.Length > 0)
            {
                return v;
            }

            errors.Add(new SeedError(fileName, $"front matter '{key}'", "is required"));
            return string.Empty;
        }

        DateOnly? Date(string key, bool required)
        {
            var v = required ? Required(key) : front.GetValueOrDefault(key);
            if (string.IsNullOrEmpty(v))
            {
                return null;
            }

            if (!ContentRules.TryParseDate(v, out var date))
            {
                errors.Add(new SeedError(fileName, $"front matter '{key}'", $"'{v}' is not a date (YYYY-MM-DD)"));
                return null;
            }

            return date;
        }

        var id = Required("id");
        var expectedId = Path.GetFileNameWithoutExtension(fileName);
        if (id.Length > 0 && id != expectedId)
        {
            errors.Add(new SeedError(fileName, "front matter 'id'", $"'{id}' must match the file name '{expectedId}'"));
        }

        var statusName = front.GetValueOrDefault("status");
        var status = LawStatusNames.TryParse(statusName, out var parsedStatus)
            ? parsedStatus
            : AddError(LawStatus.InForce, new SeedError(fileName, "front matter 'status'", $"'{statusName}' must be 'in-force' or 'superseded'"));
        var order = int.TryParse(front.GetValueOrDefault("order"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var o)
            ? o
            : AddError(0, new SeedError(fileName, "front matter 'order'", "must be a whole number"));

        var duplicates = articles.GroupBy(a => a.Number, StringComparer.Ordinal).Where(g => g.Count() > 1);
        foreach (var dup in duplicates)
        {
            errors.Add(new SeedError(fileName, $"article '{dup.Key}'", "appears more than once"));
        }

        var law = new Law(
            id,
            Required("title"),
            Required("short-title"),
            front.GetValueOrDefault("document-number"),
            Required("issuer"),
            Date("adopted", required: false),
            Date("amended", required: false),
            Date("effective", required: true) ?? DateOnly.MinValue,
            status,
            front.GetValueOrDefault("superseded-by"),
            Date("in-force-until", required: false),
            Date("text-as-of", required: true) ?? DateOnly.MinValue,
            order,
            string.Join('\n', source).Trim(),
            []);

        // The seeded text is revision 1 of every article, in force and checked as of the law's dates.
        return law with { Articles = articles.Select(a => new Article(a.Number, a.Label, a.Text, 1, law.Effective, law.TextAsOf, Repealed: false)).ToList() };

        T AddError<T>(T fallback, SeedError error)
        {
            errors.Add(error);
            return fallback;
        }
    }

    private static void AddArticle(string fileName, string? label, List<string> text, List<(string Number, string Label, string Text)> articles, List<SeedError> errors)
    {
        if (label is null)
        {
            return;
        }

        var body = string.Join('\n', text).Trim();
        if (!ChineseNumerals.TryParseArticleLabel(label, out var number))
        {
            errors.Add(new SeedError(fileName, $"article heading '{label}'", "is not an article label such as 第一千零三十八条, 第二百五十三条之一, 第八项 or 序言"));
            return;
        }

        if (body.Length == 0)
        {
            errors.Add(new SeedError(fileName, $"article '{label}'", "has no text"));
            return;
        }

        articles.Add((number, label, body));
    }
}
