using LeakRights.Core.Pdf;

namespace LeakRights.Core.Tests.Pdf;

public class PdfLayoutTests
{
    private static List<string> TextsOn(PageLayout page) => page.Ops.OfType<TextOp>().Select(t => t.Text).ToList();

    private static string Filler(int characters) => string.Concat(Enumerable.Repeat("个人信息受法律保护。", characters / 10));

    [Fact]
    public void Layout_StatuteLongerThanAPage_FlowsOntoNextPageWithNothingLost()
    {
        var text = Filler(4000);

        var pages = PdfLayoutEngine.Layout([new QuotationBlock("《某法》第一条", text, "第 1 版")]);

        Assert.True(pages.Count >= 2);
        var laidOut = string.Concat(pages.SelectMany(p => p.Ops.OfType<TextOp>()).Where(t => t.Text != "《某法》第一条" && t.Text != "第 1 版").Select(t => t.Text));
        Assert.Equal(text, laidOut);
        Assert.All(pages.SelectMany(p => p.Ops.OfType<TextOp>()), t => Assert.InRange(t.Y, PdfLayoutEngine.Top, PdfLayoutEngine.Bottom));
    }

    [Fact]
    public void Layout_HeadingAtBottomOfPage_MovesToNextPageWithItsBlock()
    {
        // Fill the first page almost completely, then a heading and a paragraph.
        var blocks = new List<PdfBlock>();
        var page1 = PdfLayoutEngine.Layout([new ParagraphBlock(Filler(1000))]);
        Assert.Single(page1);
        var lines = page1[0].Ops.Count;
        var linesPerPage = (int)((PdfLayoutEngine.Bottom - PdfLayoutEngine.Top) / (PdfLayoutEngine.BodySize * PdfLayoutEngine.LineFactor));
        var perLine = Filler(1000).Length / lines;
        blocks.Add(new ParagraphBlock(Filler((linesPerPage - 1) * perLine)));
        blocks.Add(new HeadingBlock("找哪些部门", 2));
        blocks.Add(new ParagraphBlock("向有关部门投诉。"));

        var pages = PdfLayoutEngine.Layout(blocks);

        Assert.Equal(2, pages.Count);
        Assert.DoesNotContain("找哪些部门", TextsOn(pages[0]));
        Assert.Equal("找哪些部门", TextsOn(pages[1])[0]);
        Assert.Contains("向有关部门投诉。", TextsOn(pages[1]));
    }

    [Fact]
    public void Layout_ListItems_AreNotSplitAcrossPages()
    {
        var items = Enumerable.Range(1, 40).Select(i => new ListItem($"第{i}项", Filler(150))).ToList();

        var pages = PdfLayoutEngine.Layout([new ListBlock(ListKind.Checkbox, items)]);

        Assert.True(pages.Count > 1);
        foreach (var i in Enumerable.Range(1, 40))
        {
            var page = pages.Single(p => TextsOn(p).Contains($"第{i}项"));
            var boxes = page.Ops.OfType<CheckboxOp>().Count();
            Assert.True(boxes > 0);
        }

        // Every item's lines are on the page that holds its title.
        var totalLines = pages.Sum(p => p.Ops.OfType<TextOp>().Count());
        Assert.Equal(items.Count * (1 + PdfLayoutEngine.Layout([new ListBlock(ListKind.Checkbox, [items[0]])])[0].Ops.OfType<TextOp>().Count() - 1), totalLines);
    }

    [Fact]
    public void Layout_TableRows_StayWholeAndHeaderStaysWithFirstRow()
    {
        var rows = Enumerable.Range(1, 60).Select(i => (IReadOnlyList<string>)[$"部门{i}", "12345", Filler(40)]).ToList();

        var pages = PdfLayoutEngine.Layout([new ParagraphBlock(Filler(1500)), new TableBlock([1, 1, 3], ["部门", "电话", "怎么说"], rows)]);

        var headerPage = pages.Single(p => TextsOn(p).Contains("怎么说"));
        Assert.Contains("部门1", TextsOn(headerPage));
        foreach (var page in pages)
        {
            var rects = page.Ops.OfType<RectOp>().ToList();
            Assert.All(rects, r => Assert.True(r.Y + r.Height <= PdfLayoutEngine.Bottom + 0.01));
        }
    }

    [Fact]
    public void Layout_PageBreak_StartsANewPage()
    {
        var pages = PdfLayoutEngine.Layout([new ParagraphBlock("第一页"), new PageBreakBlock(), new ParagraphBlock("第二页")]);

        Assert.Equal(2, pages.Count);
        Assert.Equal(["第二页"], TextsOn(pages[1]));
    }
}
