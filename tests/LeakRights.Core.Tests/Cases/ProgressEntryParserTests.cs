using LeakRights.Core.Cases;

namespace LeakRights.Core.Tests.Cases;

/// <summary>The one reader of a contact-log entry (the case page and the API): every mistake named by field, in Chinese.</summary>
public class ProgressEntryParserTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);

    private static readonly HashSet<string> Steps = ["send-deletion-request", "police-pending", "keep-request-proof"];

    private static ProgressEntryParse Parse(params (string Key, string? Value)[] fields) =>
        new ProgressEntryParser(TestContent.Bundle.Progress).Parse(fields.ToDictionary(f => f.Key, f => f.Value), Steps, Today, "new");

    [Fact]
    public void Parse_DoneWithEverything_IsTheEntry()
    {
        var parsed = Parse(("step", "send-deletion-request"), ("kind", "done"), ("on", "2026/11/26"), ("channel", "ems"), ("reference", " EA123456789CN "), ("note", "寄给\n客服部"));

        Assert.True(parsed.IsValid);
        Assert.Equal(new ProgressEntry("new", "send-deletion-request", ProgressKind.Done, new DateOnly(2026, 11, 26), "ems", "EA123456789CN", "寄给 客服部", null), parsed.Entry);
    }

    [Fact]
    public void Parse_ReplyTheStepCanReceive_IsTheEntry()
    {
        var parsed = Parse(("step", "police-pending"), ("kind", "reply"), ("on", "2026-11-27"), ("reply", "not-filed"));

        Assert.Equal(("police-pending", ProgressKind.Reply, "not-filed"), (parsed.Entry!.Step, parsed.Entry.Kind, parsed.Entry.Reply));
    }

    [Theory]
    [InlineData("step", null, "请选择是哪一步。")]
    [InlineData("step", "civil-suit", "这一步不在您的计划里，请从计划中选择。")]
    [InlineData("kind", "maybe", "请选择是“我已经做了”还是“对方答复了”。")]
    [InlineData("on", "", "请填写日期，例如 2026-11-28。")]
    [InlineData("on", "明天", "日期格式不对，请按“年-月-日”填写，例如 2026-11-28。")]
    [InlineData("on", "2026-11-28", "日期不能晚于今天。")]
    [InlineData("on", "1999-12-31", "日期不能早于2000年，请检查年份。")]
    [InlineData("channel", "pigeon", "请从列出的方式中选择一种。")]
    public void Parse_Mistake_NamedByItsField(string field, string? value, string message)
    {
        var fields = new Dictionary<string, string?> { ["step"] = "send-deletion-request", ["kind"] = "done", ["on"] = "2026-11-26", [field] = value };

        var parsed = new ProgressEntryParser(TestContent.Bundle.Progress).Parse(fields, Steps, Today, "new");

        Assert.Null(parsed.Entry);
        Assert.Equal(message, Assert.Single(parsed.Errors, e => e.Key == field).Value);
    }

    [Theory]
    [InlineData("send-deletion-request", null, "请选择对方是怎么答复的。")]
    [InlineData("send-deletion-request", "case-filed", "请从列出的答复中选择一种。")]
    [InlineData("keep-request-proof", "answered", "这一步不需要记录对方的答复。")]
    public void Parse_ReplyMistake_NamedOnReply(string step, string? reply, string message)
    {
        var parsed = Parse(("step", step), ("kind", "reply"), ("on", "2026-11-26"), ("reply", reply));

        Assert.Equal(message, parsed.Errors["reply"]);
    }

    [Fact]
    public void Parse_TooLongOrHiddenCharacters_AreRefused()
    {
        var parsed = Parse(("step", "send-deletion-request"), ("on", "2026-11-26"), ("reference", new string('A', 61)), ("note", "正常\u202E文字"));

        Assert.Equal("最多60个字，现在是61个字。", parsed.Errors["reference"]);
        Assert.StartsWith("包含看不见或无法显示的特殊字符（U+202E）", parsed.Errors["note"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2000-01-01", true)]
    [InlineData("1999-12-31", false)]
    [InlineData("2026-1-5", true)]
    [InlineData("2026.11.27", true)]
    public void Parse_DateForms_AndTheEarliestDay(string on, bool valid)
    {
        var parsed = Parse(("step", "send-deletion-request"), ("on", on));

        Assert.Equal(valid, parsed.IsValid);
        Assert.Equal(valid, parsed.Entry is not null);
    }

    [Fact]
    public void Parse_DoneWithAReplyField_DropsTheReply()
    {
        Assert.Null(Parse(("step", "police-pending"), ("kind", "done"), ("on", "2026-11-26"), ("reply", "not-filed")).Entry!.Reply);
    }

    [Theory]
    [InlineData(60, true)]
    [InlineData(61, false)]
    public void Parse_ReferenceAtItsLimit_IsAccepted(int length, bool valid)
    {
        Assert.Equal(valid, Parse(("step", "send-deletion-request"), ("on", "2026-11-26"), ("reference", new string('号', length))).IsValid);
    }

    [Fact]
    public void Parse_ManyMarksOnFewCharacters_CountedInUtf16Units()
    {
        // 40 characters (within 60) written with 121 UTF-16 units: refused like a text answer with piled-up marks.
        var marks = string.Concat(Enumerable.Repeat("a\u0301\u0301", 40)) + "a";

        Assert.False(Parse(("step", "send-deletion-request"), ("on", "2026-11-26"), ("reference", marks)).IsValid);
        Assert.True(Parse(("step", "send-deletion-request"), ("on", "2026-11-26"), ("reference", string.Concat(Enumerable.Repeat("a\u0301", 60)))).IsValid);
    }

    [Fact]
    public void Parse_ControlCharacter_NamedAsUnrecognised()
    {
        Assert.Equal("包含无法识别的字符，请删除后重试。", Parse(("step", "send-deletion-request"), ("on", "2026-11-26"), ("note", "a\u0007b")).Errors["note"]);
    }
}
