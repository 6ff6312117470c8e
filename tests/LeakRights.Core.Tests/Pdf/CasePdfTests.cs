using LeakRights.Core.Cases;
using LeakRights.Core.Pdf;
using UglyToad.PdfPig;

namespace LeakRights.Core.Tests.Pdf;

/// <summary>A saved case's PDF (issue 13): its link printed on the first page with the QR code, the contact log, and the link never in the metadata.</summary>
public class CasePdfTests
{
    private const string Url = "https://leakrights.example.cn/case/AbCdEfGhIjKl/0123456789abcdefghijkl";

    private static readonly IReadOnlyList<IReadOnlyList<bool>> Checker =
        [.. Enumerable.Range(0, 29).Select(r => (IReadOnlyList<bool>)[.. Enumerable.Range(0, 29).Select(c => (r + c) % 2 == 0)])];

    private static LeakRights.Core.Rules.Plan Plan() => TestContent.BuildPlan(
        TestContent.Answers("""{"source":"courier","insider":"no","organisation-name":"某某快递","data-types":["contact","address"],"scale":"only-me","discovery":["spam"],"evidence":["call-sms-records"],"harms":["spam"],"ongoing-danger":"no","contacted-organisation":"not-yet","police-report":"no","discovered-on":"2026-11","infringer-known":"yes","infringer-known-on":"2026-11"}"""),
        progress: [new ProgressEntry("e1", "send-deletion-request", ProgressKind.Done, new DateOnly(2026, 11, 26), "ems", "EA123456789CN", null, null)]);

    [Fact]
    public void Render_WithCaseLink_PrintsLinkNoteAndLogOnTheFirstPages()
    {
        var pdf = PlanPdf.Render(Plan(), new CaseLinkPrint("您的案件链接", Url, Checker, "链接丢失后无法找回。"), TestContent.Bundle.PdfFonts);

        using var doc = PdfDocument.Open(pdf);
        var first = string.Concat(doc.GetPage(1).Letters.Select(l => l.Value));
        Assert.Contains("您的案件链接", first, StringComparison.Ordinal);
        Assert.Contains(Url, first, StringComparison.Ordinal);
        Assert.Contains("链接丢失后无法找回。", first, StringComparison.Ordinal);
        var text = string.Concat(doc.GetPages().Select(p => string.Concat(p.Letters.Select(l => l.Value))));
        Assert.Contains("已经做了什么", text, StringComparison.Ordinal);
        Assert.Contains("编号：EA123456789CN", text, StringComparison.Ordinal);
        var info = doc.Information;
        Assert.All(new[] { info.Title, info.Subject, info.Keywords, info.Author, info.Creator, info.Producer }, v => Assert.DoesNotContain("case/", v ?? string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public void Compose_WithCaseLink_DrawsTheQrModulesAsSquares()
    {
        var model = PlanPdfComposer.Compose(Plan(), new CaseLinkPrint("您的案件链接", Url, Checker, "note"));
        var qr = Assert.Single(model.Blocks.OfType<QrBlock>());
        Assert.Same(Checker, qr.Modules);
        var pages = PdfLayoutEngine.Layout(model.Blocks);
        var squares = pages[0].Ops.OfType<RectOp>().Count(r => Math.Abs(r.Width - (qr.Size / 29)) < 0.001 && Math.Abs(r.Height - r.Width) < 0.001);
        Assert.Equal(Checker.Sum(row => row.Count(m => m)), squares);
    }

    [Fact]
    public void Render_WithCaseLink_DrawsEveryDarkModuleInItsRowAndColumnFromTheTop()
    {
        // Not symmetric under any flip: the top row and the left column dark, a scatter elsewhere.
        IReadOnlyList<IReadOnlyList<bool>> modules =
            [.. Enumerable.Range(0, 29).Select(r => (IReadOnlyList<bool>)[.. Enumerable.Range(0, 29).Select(c => r == 0 || c == 0 || ((r * 7) + (c * 3)) % 5 == 0)])];
        var pdf = PlanPdf.Render(Plan(), new CaseLinkPrint("您的案件链接", Url, modules, "note"), TestContent.Bundle.PdfFonts);
        var size = Assert.Single(PlanPdfComposer.Compose(Plan(), new CaseLinkPrint("您的案件链接", Url, modules, "note")).Blocks.OfType<QrBlock>()).Size;
        var module = size / 29;

        using var doc = PdfDocument.Open(pdf);
        var squares = doc.GetPage(1).Paths.Where(p => p.IsFilled).Select(p => p.GetBoundingRectangle()!.Value)
            .Where(b => Math.Abs(b.Width - module) < 0.01 && Math.Abs(b.Height - module) < 0.01).ToList();
        var top = squares.Max(b => b.Top);
        var drawn = squares.Select(b => ((int)Math.Round((top - b.Top) / module), (int)Math.Round((b.Left - PdfLayoutEngine.MarginX) / module))).ToHashSet();

        var dark = Enumerable.Range(0, 29).SelectMany(r => Enumerable.Range(0, 29).Where(c => modules[r][c]).Select(c => (r, c))).ToHashSet();
        Assert.Equal(dark.Count, squares.Count);
        Assert.True(dark.SetEquals(drawn), "every dark module at its row and column, row 0 at the top");
    }

    [Fact]
    public void Compose_PlanWithoutCase_HasNoLinkAndNoLog()
    {
        var model = PlanPdfComposer.Compose(TestContent.BuildPlan(TestContent.Answers("""{"source":"unknown","data-types":["contact"],"scale":"only-me","discovery":["spam"],"evidence":["none"],"harms":["spam"],"ongoing-danger":"no","contacted-organisation":"not-yet","police-report":"no","discovered-on":"2026-11"}""")));
        Assert.Empty(model.Blocks.OfType<QrBlock>());
        Assert.DoesNotContain(model.Blocks.OfType<HeadingBlock>(), h => h.Text is "您的案件链接" or "已经做了什么");
    }
}
