namespace LeakRights.Core.Content;

/// <summary>
/// The wording of <c>seeds/texts.json</c>, flattened to dotted keys. Only <see cref="RuleCompiler"/> looks texts up, when
/// the content is loaded; the plan uses the templates it attached to each rule.
/// </summary>
public sealed class TextCatalog(IReadOnlyDictionary<string, string> texts)
{
    public IReadOnlyDictionary<string, string> All { get; } = texts;
}

/// <summary>Dates as people in mainland China read them: 2026年12月13日, or 2029年10月 for a month.</summary>
public static class ChineseDates
{
    public static string Format(DateOnly date) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{date.Year}年{date.Month}月{date.Day}日");

    public static string Format(YearMonth month) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{month.Year}年{month.Month}月");
}
