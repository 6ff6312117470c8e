using LeakRights.Core.Content;

namespace LeakRights.Core.Tests.Content;

public class TextCatalogTests
{
    private static readonly Dictionary<string, string> Values = new(StringComparer.Ordinal)
    {
        ["organisation"] = "某银行",
        ["loss-amount"] = "20,000",
    };

    private static TextCatalog Catalog(string template) => new(new Dictionary<string, string>(StringComparer.Ordinal) { ["k"] = template });

    [Fact]
    public void Get_MissingKey_ThrowsNamingIt()
    {
        var ex = Assert.Throws<KeyNotFoundException>(() => Catalog("x").Get("nope"));

        Assert.Contains("'nope'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Contains_TellsWhetherKeyExists()
    {
        Assert.True(Catalog("x").Contains("k"));
        Assert.False(Catalog("x").Contains("K"));
    }

    [Theory]
    [InlineData("没有占位符", "没有占位符")]
    [InlineData("{organisation}", "某银行")]
    [InlineData("向{organisation}索赔{loss-amount}元。", "向某银行索赔20,000元。")]
    [InlineData("{organisation}{loss-amount}", "某银行20,000")]
    [InlineData("未知{unknown}保留", "未知{unknown}保留")]
    [InlineData("没有闭合{organisation", "没有闭合{organisation")]
    [InlineData("{organisation}然后{没有闭合", "某银行然后{没有闭合")]
    [InlineData("右括号}在前{organisation}", "右括号}在前某银行")]
    public void Format_Template_FillsKnownPlaceholdersOnly(string template, string expected)
    {
        Assert.Equal(expected, Catalog(template).Format("k", Values));
    }

    [Theory]
    [InlineData("无", new string[0])]
    [InlineData("a{x}b{y}c", new[] { "x", "y" })]
    [InlineData("{x}{", new[] { "x" })]
    [InlineData("{x", new string[0])]
    [InlineData("}{x}", new[] { "x" })]
    [InlineData("a{}b", new[] { "" })]
    public void PlaceholdersIn_Template_ListsNames(string template, string[] expected)
    {
        Assert.Equal(expected, TextCatalog.PlaceholdersIn(template));
    }

    [Fact]
    public void FormatMonth_WritesChineseYearAndMonthWithoutPadding()
    {
        Assert.Equal("2026年3月", TextCatalog.FormatMonth(new YearMonth(2026, 3)));
    }
}
