using LeakRights.Core.Content;

namespace LeakRights.Core.Tests.Content;

public class TextTemplateTests
{
    private static readonly Dictionary<string, string> Values = new(StringComparer.Ordinal)
    {
        ["organisation"] = "某银行",
        ["loss-amount"] = "20,000",
    };

    [Theory]
    [InlineData("没有占位符", "没有占位符")]
    [InlineData("{organisation}", "某银行")]
    [InlineData("向{organisation}索赔{loss-amount}元。", "向某银行索赔20,000元。")]
    [InlineData("{organisation}{loss-amount}", "某银行20,000")]
    [InlineData("未知{unknown}留空", "未知留空")]
    [InlineData("没有闭合{organisation", "没有闭合{organisation")]
    [InlineData("{organisation}然后{没有闭合", "某银行然后{没有闭合")]
    [InlineData("右括号}在前{organisation}", "右括号}在前某银行")]
    [InlineData("", "")]
    public void Render_Template_FillsPlaceholders(string template, string expected)
    {
        Assert.Equal(expected, TextTemplate.Parse(template).Render(Values));
    }

    [Fact]
    public void Render_MissingValue_UsesTheMissingCallback()
    {
        Assert.Equal("致＿＿：某银行", TextTemplate.Parse("致{x}：{organisation}").Render(Values, name => name == "x" ? "＿＿" : "?"));
    }

    [Fact]
    public void Render_MissingCallbackRendersAnotherTemplate_BothCorrect()
    {
        // Rendering reuses a per-thread builder (issue 15); a render inside a render must not share it.
        var inner = TextTemplate.Parse("《{organisation}》");

        var outer = TextTemplate.Parse("前{x}后{organisation}").Render(Values, _ => inner.Render(Values));

        Assert.Equal("前《某银行》后某银行", outer);
    }

    [Fact]
    public void Render_AfterAVeryLongRender_StartsEmpty()
    {
        var longValue = new string('长', 10_000);
        Assert.Equal("甲" + longValue, TextTemplate.Parse("甲{v}").Render(new Dictionary<string, string> { ["v"] = longValue }));
        Assert.Equal("乙短", TextTemplate.Parse("乙{v}").Render(new Dictionary<string, string> { ["v"] = "短" }));
        Assert.Equal("丙短", TextTemplate.Parse("丙{v}").Render(new Dictionary<string, string> { ["v"] = "短" }));
    }

    [Theory]
    [InlineData("无", new string[0])]
    [InlineData("a{x}b{y}c{x}", new[] { "x", "y" })]
    [InlineData("{x}{", new[] { "x" })]
    [InlineData("{x", new string[0])]
    [InlineData("}{x}", new[] { "x" })]
    [InlineData("a{}b", new[] { "" })]
    public void Placeholders_Template_ListsNamesOnce(string template, string[] expected)
    {
        Assert.Equal(expected, TextTemplate.Parse(template).Placeholders);
    }

    [Fact]
    public void Parts_KeepLiteralAndPlaceholderOrder()
    {
        Assert.Equal([("申请人：", false), ("your-name", true), ("（签名）", false)], TextTemplate.Parse("申请人：{your-name}（签名）").Parts);
        Assert.Equal([("a", true), ("b", false)], TextTemplate.Parse("{a}b").Parts);
        Assert.Equal([("a", true), ("b", true)], TextTemplate.Parse("{a}{b}").Parts);
        Assert.Empty(TextTemplate.Empty.Parts);
        Assert.Equal(string.Empty, TextTemplate.Empty.Source);
    }

    [Fact]
    public void Format_Month_WritesChineseYearAndMonthWithoutPadding()
    {
        Assert.Equal("2026年3月", ChineseDates.Format(new YearMonth(2026, 3)));
        Assert.Equal("2026年12月3日", ChineseDates.Format(new DateOnly(2026, 12, 3)));
    }
}
