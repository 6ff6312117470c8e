using System.Globalization;
using System.Text.RegularExpressions;

namespace LeakRights.Core.Content;

/// <summary>
/// The rules every law, article and authority follows wherever it comes from: the seed files, the admin editor, an imported
/// backup, or a row already in the database at start-up. Kept in one place so the four cannot drift apart.
/// </summary>
public static partial class ContentRules
{
    /// <summary>Law and authority ids: lower-case letters, digits and single hyphens (pipl, civil-code, spb-12305).</summary>
    public const int MaxIdLength = 100;

    public const int MaxArticleTextLength = 20_000;

    /// <summary>Article labels (第一千零三十八条) and article numbers.</summary>
    public const int MaxLabelLength = 32;

    /// <summary>Law titles, short titles, issuers and document numbers.</summary>
    public const int MaxTitleLength = 200;

    public const int MaxSourceNoteLength = 20_000;

    public const int MaxChangeNoteLength = 500;

    public const int MaxEditorLength = 64;

    /// <summary>Every text field of an authority (name, hotline, website, handles, how-to, status note).</summary>
    public const int MaxAuthorityFieldLength = 1000;

    public static bool IsValidId(string? id) => id is { Length: > 0 and <= MaxIdLength } && IdRegex().IsMatch(id);

    /// <summary>True when <paramref name="number"/> is the citation number of <paramref name="label"/> (第二百五十三条之一 → 253-1).</summary>
    public static bool IsArticleNumberOf(string? number, string? label) =>
        number is not null && label is { Length: > 0 and <= MaxLabelLength }
        && ChineseNumerals.TryParseArticleLabel(label, out var parsed) && parsed == number;

    /// <summary>A host name with an optional path, shown with https:// in front: no scheme, no spaces, nothing a browser could run.</summary>
    public static bool IsValidWebsite(string? website) => website is { Length: > 0 and <= MaxAuthorityFieldLength } && WebsiteRegex().IsMatch(website);

    public static bool IsDate(string? value) => TryParseDate(value, out _);

    /// <summary>The one date format of seeds, the database and backups: YYYY-MM-DD.</summary>
    public static bool TryParseDate(string? value, out DateOnly date) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    public static string FormatDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Required text: present, not blank, at most <paramref name="max"/> UTF-16 code units.</summary>
    public static bool IsRequiredText(string? value, int max) => !string.IsNullOrWhiteSpace(value) && value.Length <= max;

    /// <summary>Optional text: absent, or at most <paramref name="max"/> UTF-16 code units.</summary>
    public static bool IsOptionalText(string? value, int max) => value is null || value.Length <= max;

    /// <summary>Every article the rules cite, with where (in plain words for admins) it is cited.</summary>
    public static IEnumerable<(string Where, string Ref)> CitationsIn(RuleSet rules) =>
        rules.Urgent.SelectMany(u => u.Cites.Select(c => (Where: $"紧急事项 {u.Key}", Ref: c)))
            .Concat(rules.Paths.SelectMany(p => p.Steps).SelectMany(s => s.Cites.Concat(s.Additions.SelectMany(a => a.Cites)).Select(c => (Where: $"步骤 {s.Key}", Ref: c))))
            .Concat(rules.Deadlines.SelectMany(d => d.Cites.Select(c => (Where: $"期限 {d.Key}", Ref: c))))
            .Concat(rules.Facts.SelectMany(f => f.Cites.Select(c => (Where: $"提示 {f.Id}", Ref: c))))
            .Concat(rules.CriminalThreshold.Cites.Select(c => (Where: "刑事追诉标准", Ref: c)))
            .Concat(rules.Limitation.Cites.Select(c => (Where: "诉讼时效", Ref: c)))
            .Distinct();

    /// <summary>Every authority the rules name, with where it is named.</summary>
    public static IEnumerable<(string Where, string Id)> AuthoritiesIn(RuleSet rules) =>
        rules.Urgent.SelectMany(u => u.Authorities.Select(a => (Where: $"紧急事项 {u.Key}", Id: a)))
            .Concat(rules.Paths.SelectMany(p => p.Steps).SelectMany(s => s.Authorities.Select(a => (Where: $"步骤 {s.Key}", Id: a))))
            .Concat(rules.Paths.SelectMany(p => p.Authorities.SelectMany(r => r.Authorities.Select(a => (Where: $"途径 {p.Id}", Id: a)))))
            .Distinct();

    [GeneratedRegex(@"^[a-z0-9]+(-[a-z0-9]+)*\z", RegexOptions.CultureInvariant)]
    private static partial Regex IdRegex();

    [GeneratedRegex(@"^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+(/[A-Za-z0-9._~/%?=&-]*)?\z", RegexOptions.CultureInvariant)]
    private static partial Regex WebsiteRegex();
}
