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
        // Items of 3 to 8 lines, so that if items could be split, page ends would fall inside some of them.
        var items = Enumerable.Range(1, 40).Select(i => new ListItem($"第{i}项", Filler(100 + (i % 4 * 60)))).ToList();

        var pages = PdfLayoutEngine.Layout([new ListBlock(ListKind.Checkbox, items)]);

        Assert.True(pages.Count > 2);
        var placed = pages.SelectMany((p, n) => p.Ops.OfType<TextOp>().Select(t => (Page: n, t.Text, t.Y))).ToList();
        var next = 0;
        foreach (var item in items)
        {
            var alone = TextsOn(PdfLayoutEngine.Layout([new ListBlock(ListKind.Checkbox, [item])])[0]);
            var lines = placed.Skip(next).Take(alone.Count).ToList();
            Assert.Equal(alone, lines.Select(l => l.Text));
            Assert.True(lines.All(l => l.Page == lines[0].Page), $"{item.Title} is split over pages {string.Join(",", lines.Select(l => l.Page + 1).Distinct())}");
            Assert.Contains(pages[lines[0].Page].Ops.OfType<CheckboxOp>(), box => Math.Abs(box.Y - (lines[0].Y + 3.5)) < 0.01);
            next += alone.Count;
        }

        Assert.Equal(placed.Count, next);
    }

    /// <summary>Layouts of the block after 1 to 70 one-line paragraphs: between them, the block starts at every height of a page.</summary>
    private static IEnumerable<IReadOnlyList<PageLayout>> AtEveryHeight(params PdfBlock[] blocks) =>
        Enumerable.Range(1, 70).Select(n => PdfLayoutEngine.Layout([.. Enumerable.Repeat<PdfBlock>(new ParagraphBlock("填充"), n), .. blocks]));

    [Fact]
    public void Layout_TableRows_StayWholeAndHeaderStaysWithFirstRow()
    {
        var rows = Enumerable.Range(1, 60).Select(i => (IReadOnlyList<string>)[$"部门{i}", "12345", Filler(40 + (i % 3 * 30))]).ToList();
        var firstCells = rows.Select(r => r[0]).Append("部门").ToHashSet(StringComparer.Ordinal);

        foreach (var pages in AtEveryHeight(new TableBlock([1, 1, 3], ["部门", "电话", "怎么说"], rows)))
        {
            var headerPages = pages.Where(p => TextsOn(p).Contains("怎么说")).ToList();
            Assert.Contains("部门1", TextsOn(headerPages[0]));
            // Every page the table goes on to starts with its header row again.
            var tablePages = pages.Where(p => TextsOn(p).Any(firstCells.Contains)).ToList();
            Assert.True(tablePages.Count > 1);
            Assert.Equal(tablePages.Count, headerPages.Count);
            Assert.All(tablePages.Skip(1), p => Assert.Equal("部门", p.Ops.OfType<TextOp>().OrderBy(t => t.Y).ThenBy(t => t.X).First(t => firstCells.Contains(t.Text)).Text));
            foreach (var page in pages)
            {
                // A whole row is drawn with its three bordered cells on the page of its first cell.
                var rects = page.Ops.OfType<RectOp>().ToList();
                Assert.Equal(3 * TextsOn(page).Count(firstCells.Contains), rects.Count);
                Assert.All(rects, r => Assert.True(r.Y + r.Height <= PdfLayoutEngine.Bottom + 0.01));
            }
        }
    }

    [Fact]
    public void Layout_QuotationTitle_StaysWithItsFirstLine()
    {
        foreach (var pages in AtEveryHeight(new QuotationBlock("《某法》第一条", Filler(300), "第 1 版")))
        {
            var titlePage = pages.Single(p => TextsOn(p).Contains("《某法》第一条"));
            var texts = TextsOn(titlePage);
            Assert.True(texts.IndexOf("《某法》第一条") < texts.Count - 1, "the title is the last line of its page");
        }
    }

    [Fact]
    public void Layout_QuotationCaption_NeverStartsAPageAlone()
    {
        foreach (var pages in AtEveryHeight(new QuotationBlock("《某法》第一条", Filler(300) + "条文最后一句。", "第 1 版　·　施行日期 2021-11-01")))
        {
            var captionPage = pages.Single(p => TextsOn(p).Contains("第 1 版　·　施行日期 2021-11-01"));
            Assert.Contains(TextsOn(captionPage), t => t.EndsWith("条文最后一句。", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Layout_Heading_StaysWithTheParagraphAfterIt()
    {
        foreach (var pages in AtEveryHeight(new HeadingBlock("找哪些部门", 2), new ParagraphBlock("向有关部门投诉。")))
        {
            var headingPage = pages.Single(p => TextsOn(p).Contains("找哪些部门"));
            Assert.Contains("向有关部门投诉。", TextsOn(headingPage));
        }
    }

    [Fact]
    public void Layout_LetterEnd_ClosingSignatureAndDateStayOnTheSheetOfTheBodysLastLine()
    {
        static LeakRights.Core.Rules.LetterLine Line(string text) => new([new LeakRights.Core.Rules.LetterSegment(text, false)]);
        var letter = new LeakRights.Core.Rules.PlanLetter(
            "deletion-request",
            "send-deletion-request",
            Line("个人信息删除申请书"),
            [Line(Filler(200)), Line(Filler(120) + "正文最后一行。")],
            [Line("此致"), Line("某某公司")],
            [Line("申请人：王小明（签名）"), Line("日期：2026年12月8日")]);
        var blocks = PlanPdfComposer.Letter(letter).Skip(1).ToArray(); // without its page break, so it starts at every height

        foreach (var pages in AtEveryHeight(blocks))
        {
            var closing = pages.Single(p => TextsOn(p).Contains("此致"));
            var texts = TextsOn(closing);
            Assert.Contains("某某公司", texts);
            Assert.Contains("申请人：王小明（签名）", texts);
            Assert.Contains("日期：2026年12月8日", texts);
            Assert.Contains(texts, t => t.EndsWith("正文最后一行。", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Layout_AuthoritiesTable_EveryWebsiteOfTheDirectoryOnOneLine()
    {
        var authorities = TestContent.Bundle.Authorities.Where(a => a.Website is not null).ToList();
        var rows = authorities.Select(a => (IReadOnlyList<string>)[a.Name, a.Hotline ?? "—", a.Website!, a.HowTo]).ToList();

        var texts = PdfLayoutEngine.Layout([new TableBlock(PlanPdfComposer.AuthorityColumns, PlanPdfComposer.AuthorityHeader, rows)]).SelectMany(TextsOn).ToHashSet(StringComparer.Ordinal);

        Assert.Contains("www.cyberpolice.cn", authorities.Select(a => a.Website));
        Assert.All(authorities, a => Assert.Contains(a.Website!, texts));
    }

    [Fact]
    public void Layout_PageBreak_StartsANewPage()
    {
        var pages = PdfLayoutEngine.Layout([new ParagraphBlock("第一页"), new PageBreakBlock(), new ParagraphBlock("第二页")]);

        Assert.Equal(2, pages.Count);
        Assert.Equal(["第二页"], TextsOn(pages[1]));
    }
}
