using LeakRights.Core.Markdown;

namespace LeakRights.Core.Tests.Markdown;

public class MarkdownRendererTests
{
    [Theory]
    [InlineData("[a](javascript:alert(1))", "a")]
    [InlineData("[第四条](/statutes/pipl#a-4)", "第四条")]
    [InlineData("见[第四条](/statutes/pipl#a-4)的规定", "见第四条的规定")]
    [InlineData("[**加粗**链接](data:text/html,x)", "加粗链接")]
    [InlineData("![图](data:text/html;base64,PHNjcmlwdD4=)", "图")]
    public void ToParagraphs_StrippedLink_KeepsItsTextOnce(string markdown, string expected)
    {
        Assert.Equal([expected], MarkdownRenderer.ToParagraphs(markdown));
    }

    /// <summary>The PDF quotes an article through ToParagraphs: kept links and emphasis print their text once too.</summary>
    [Fact]
    public void ToParagraphs_KeptLinkEmphasisAndCode_TextOnceInOrder()
    {
        Assert.Equal(["见全国人大与第四条和代码", "第二段"], MarkdownRenderer.ToParagraphs("见[全国人大](https://www.npc.gov.cn/)与**第四条**和`代码`\n\n第二段"));
    }

    [Theory]
    [InlineData("[a](javascript:alert(1))", "<p>a</p>\n")]
    [InlineData("[第四条](/statutes/pipl#a-4)", "<p>第四条</p>\n")]
    [InlineData("见[**第四条**](/x)的规定", "<p>见<strong>第四条</strong>的规定</p>\n")]
    public void ToHtml_StrippedLink_KeepsItsTextOnceWithoutAnchor(string markdown, string expected)
    {
        Assert.Equal(expected, MarkdownRenderer.ToHtml(markdown));
    }

    [Fact]
    public void ToHtml_AllowedLink_IsKept()
    {
        Assert.Equal("<p><a href=\"https://www.npc.gov.cn/\">全国人大</a></p>\n", MarkdownRenderer.ToHtml("[全国人大](https://www.npc.gov.cn/)"));
    }
}
