using System.Buffers;
using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace LeakRights.Core.Pdf;

/// <summary>
/// Writes laid-out pages as PDF, adding the page header and the footer "第 X 页 / 共 Y 页". PDFsharp keeps the document's
/// structure (pages, objects, cross-reference table); each page's content stream and the fonts are written here
/// (<see cref="PdfContentWriter"/>, <see cref="DocumentFonts"/>): drawing text through PDFsharp cost a glyph look-up,
/// a measurement and event objects per character run, and a new font subset deflated per document — most of a PDF's time
/// (docs/performance.md, finding 28).
/// </summary>
public static class PdfRenderer
{
    private const double FrameSize = 8.5;

    /// <summary>The document, with the regular text drawn from <paramref name="fonts"/>' shared font where it has the character.</summary>
    public static byte[] Render(PdfDocumentModel model, PdfFontSet fonts)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(fonts);
        NotoFontResolver.EnsureRegistered();
        var pages = PdfLayoutEngine.Layout(model.Blocks);
        var framedTotal = pages.Count(p => p.Framed);
        var sectionTotals = pages.Where(p => !p.Framed).GroupBy(p => p.Section).ToDictionary(g => g.Key, g => g.Count());
        var documentFonts = new DocumentFonts(fonts, Texts(model.Frame, pages, framedTotal));

        using var document = new PdfDocument();
        document.Info.Title = model.Title;
        document.Info.Creator = "LeakRights";
        document.Info.Author = "LeakRights";
        document.Options.CompressContentStreams = false; // each page's stream is deflated here (PdfContentWriter.Finish)

        var fontResources = new PdfDictionary(document);
        document.Internals.AddObject(fontResources);
        for (var f = 0; f < documentFonts.Fonts.Count; f++)
        {
            fontResources.Elements[PdfContentWriter.FontName(f)] = documentFonts.Fonts[f].AddTo(document).Reference;
        }

        // Framed pages are numbered among themselves (the plan); an unframed section (a letter) of more than one page is
        // numbered among its own pages, at the foot and nothing else: a recipient can tell a page is missing.
        var number = 0;
        var sectionPages = new Dictionary<int, int>();
        var writer = new PdfContentWriter(documentFonts, new ArrayBufferWriter<byte>(16 * 1024));
        foreach (var layout in pages)
        {
            var page = document.AddPage();
            page.Width = XUnit.FromPoint(PdfLayoutEngine.PageWidth);
            page.Height = XUnit.FromPoint(PdfLayoutEngine.PageHeight);
            page.Resources.Elements["/Font"] = fontResources.Reference;
            writer.Reset();
            if (layout.Framed)
            {
                DrawFrame(writer, model.Frame, ++number, framedTotal);
            }

            foreach (var op in layout.Ops)
            {
                Draw(writer, op);
            }

            if (!layout.Framed && sectionTotals[layout.Section] is var total and > 1)
            {
                // After the text, so the page reads (and extracts) as the letter, then its number.
                var inSection = sectionPages[layout.Section] = sectionPages.GetValueOrDefault(layout.Section) + 1;
                DrawSectionNumber(writer, inSection, total);
            }

            var content = page.Contents.AppendContent();
            content.Elements["/Filter"] = new PdfName("/FlateDecode");
            content.CreateStream(writer.Finish());
        }

        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    /// <summary>Every text the pages will draw, with its weight: what the document's fonts must hold.</summary>
    private static IEnumerable<(bool Bold, string Text)> Texts(PdfPageFrame frame, IReadOnlyList<PageLayout> pages, int framedTotal)
    {
        if (framedTotal > 0)
        {
            yield return (false, frame.Header);
            yield return (false, frame.FooterNote);
        }

        yield return (false, PageNumber(frame.NumberPrefix, 1, 1) + "0123456789");

        foreach (var page in pages)
        {
            foreach (var op in page.Ops)
            {
                if (op is TextOp t)
                {
                    yield return (t.Bold, t.Text);
                }
            }
        }
    }

    private static string PageNumber(string prefix, int number, int total) => string.Create(CultureInfo.InvariantCulture, $"{prefix}第 {number} 页 / 共 {total} 页");

    private static void DrawSectionNumber(PdfContentWriter writer, int number, int total)
    {
        var text = PageNumber(string.Empty, number, total);
        var width = text.Sum(c => TextMeasurer.CharWidth(c, false, FrameSize));
        writer.Text(text, false, FrameSize, PdfLayoutEngine.Muted, (PdfLayoutEngine.PageWidth - width) / 2, PdfLayoutEngine.PageHeight - 40);
    }

    private static void DrawFrame(PdfContentWriter writer, PdfPageFrame frame, int number, int total)
    {
        writer.Text(frame.Header, false, FrameSize, PdfLayoutEngine.Muted, PdfLayoutEngine.MarginX, 34);
        writer.Line(PdfLayoutEngine.MarginX, 48, PdfLayoutEngine.PageWidth - PdfLayoutEngine.MarginX, 48, 0.5, PdfLayoutEngine.Rule);
        var pageText = PageNumber(frame.NumberPrefix, number, total);
        var footerY = PdfLayoutEngine.PageHeight - 40;
        writer.Line(PdfLayoutEngine.MarginX, footerY - 6, PdfLayoutEngine.PageWidth - PdfLayoutEngine.MarginX, footerY - 6, 0.5, PdfLayoutEngine.Rule);
        writer.Text(frame.FooterNote, false, FrameSize, PdfLayoutEngine.Muted, PdfLayoutEngine.MarginX, footerY);
        var width = pageText.Sum(c => TextMeasurer.CharWidth(c, false, FrameSize));
        writer.Text(pageText, false, FrameSize, PdfLayoutEngine.Muted, PdfLayoutEngine.PageWidth - PdfLayoutEngine.MarginX - width, footerY);
    }

    private static void Draw(PdfContentWriter writer, DrawOp op)
    {
        switch (op)
        {
            case TextOp t when t.Text.Length > 0:
                writer.Text(t.Text, t.Bold, t.Size, t.Color, t.X, t.Y + (t.Size * 0.3));
                break;
            case RectOp r:
                writer.Rectangle(r.X, r.Y, r.Width, r.Height, r.Fill, r.Stroke, 0.6);
                break;
            case LineOp l:
                writer.Line(l.X1, l.Y, l.X2, l.Y2, l.Thickness, l.Color);
                break;
            case CheckboxOp c:
                writer.Rectangle(c.X, c.Y, c.Size, c.Size, null, PdfLayoutEngine.Ink, 0.9);
                if (c.Checked)
                {
                    writer.Polyline([(c.X + 2, c.Y + (c.Size * 0.55)), (c.X + (c.Size * 0.42), c.Y + c.Size - 2), (c.X + c.Size - 1.5, c.Y + 1.5)], 1.6, PdfLayoutEngine.Brand);
                }

                break;
        }
    }
}
