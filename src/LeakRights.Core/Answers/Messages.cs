using System.Globalization;

namespace LeakRights.Core.Answers;

/// <summary>Validation messages shown to the person (web form) or the client (API problem details), in plain Chinese.</summary>
internal static class Messages
{
    public const string ChooseOne = "请选择一项。";
    public const string ChooseAtLeastOne = "请至少选择一项。";
    public const string Required = "请填写这一项。";
    public const string OnlyOne = "这道题只能选择一项。";
    public const string UnknownQuestion = "没有这道题：问题编号不正确。";
    public const string NotOnThisPage = "表单里有本页没有的内容，已经忽略。请核对本页答案后重新提交。";
    public const string NumberFormat = "请填写一个数字，例如 20000。";
    public const string MonthFormat = "请按“年-月”填写，例如 2026-10。";
    public const string MonthFuture = "发现时间不能晚于本月。";
    public const string BadCharacters = "包含无法识别的字符，请删除后重试。";

    public static string NotAnOption(string value) => $"“{Clip(value)}”不是这道题的选项，请重新选择。";

    public static string Exclusive(string label) => $"“{label}”不能和其他选项同时选择。";

    public static string NumberRange(decimal min, decimal max, string? unit) =>
        string.Create(CultureInfo.InvariantCulture, $"请填写 {min} 到 {max}{(unit is null ? string.Empty : " " + unit)} 之间的数字。");

    public static string NumberDecimals => "最多保留两位小数。";

    public static string MonthTooEarly(int year) => string.Create(CultureInfo.InvariantCulture, $"年份不能早于{year}年。");

    public static string TooLong(int max, int actual) => string.Create(CultureInfo.InvariantCulture, $"最多{max}个字，现在是{actual}个字。");

    /// <summary>An invisible or undisplayable character (bidi override, zero-width, tag, private-use, noncharacter), named by its code point.</summary>
    public static string InvisibleCharacter(int codePoint) =>
        string.Create(CultureInfo.InvariantCulture, $"包含看不见或无法显示的特殊字符（U+{codePoint:X4}），它可能会让信函上的文字显示错乱。这种字符常随复制的文字一起带进来，请删除后重新输入。");

    public static string TooManyMarks(int max) =>
        string.Create(CultureInfo.InvariantCulture, $"内容太长：最多{max}个字。这段文字里有大量叠加在字上的附加符号，请删除这些符号。");

    public static string WrongType(string expected) => $"格式不对：这道题的答案应当是{expected}。";

    private static string Clip(string value)
    {
        var clean = new string(value.Where(c => !char.IsControl(c)).Take(40).ToArray());
        return value.Length > 40 ? clean + "…" : clean;
    }
}
