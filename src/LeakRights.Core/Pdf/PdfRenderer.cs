using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace LeakRights.Core.Pdf;

/// <summary>Draws laid-out pages with PDFsharp, adding the page header and the footer "第 X 页 / 共 Y 页".</summary>
public static class PdfRenderer
{
    public static byte[] Render(PdfDocumentModel model)
    {
        var pages = PdfLayoutEngine.Layout(model.Blocks);
        using var document = new PdfDocument();
        document.Info.Title = model.Title;
        document.Info.Creator = "LeakRights";
        document.Info.Author = "LeakRights";
        document.Options.CompressContentStreams = true;
        document.Options.FlateEncodeMode = PdfFlateEncodeMode.BestSpeed;

        // The common faces when every character allows (faster and smaller, see NotoFontResolver), else the full faces.
        var common = NotoFontResolver.CommonCovers(model.Frame.Header) && NotoFontResolver.CommonCovers(model.Frame.FooterNote)
            && pages.All(p => p.Ops.All(op => op is not TextOp t || NotoFontResolver.CommonCovers(t.Text)));

        // Framed pages are numbered among themselves (the plan); unframed pages (letters) carry nothing but their text.
        var framedTotal = pages.Count(p => p.Framed);
        var number = 0;
        for (var i = 0; i < pages.Count; i++)
        {
            var page = document.AddPage();
            page.Width = XUnit.FromPoint(PdfLayoutEngine.PageWidth);
            page.Height = XUnit.FromPoint(PdfLayoutEngine.PageHeight);
            using var gfx = XGraphics.FromPdfPage(page);
            if (pages[i].Framed)
            {
                DrawFrame(gfx, model.Frame, ++number, framedTotal, common);
            }

            foreach (var op in pages[i].Ops)
            {
                Draw(gfx, op, common);
            }
        }

        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    private static void DrawFrame(XGraphics gfx, PdfPageFrame frame, int number, int total, bool common)
    {
        var font = TextMeasurer.Font(false, 8.5, common);
        var brush = new XSolidBrush(PdfLayoutEngine.Muted);
        gfx.DrawString(frame.Header, font, brush, PdfLayoutEngine.MarginX, 34, XStringFormats.TopLeft);
        gfx.DrawLine(new XPen(PdfLayoutEngine.Rule, 0.5), PdfLayoutEngine.MarginX, 48, PdfLayoutEngine.PageWidth - PdfLayoutEngine.MarginX, 48);
        var pageText = string.Create(CultureInfo.InvariantCulture, $"第 {number} 页 / 共 {total} 页");
        var footerY = PdfLayoutEngine.PageHeight - 40;
        gfx.DrawLine(new XPen(PdfLayoutEngine.Rule, 0.5), PdfLayoutEngine.MarginX, footerY - 6, PdfLayoutEngine.PageWidth - PdfLayoutEngine.MarginX, footerY - 6);
        gfx.DrawString(frame.FooterNote, font, brush, PdfLayoutEngine.MarginX, footerY, XStringFormats.TopLeft);
        var width = pageText.Sum(c => TextMeasurer.CharWidth(c, false, 8.5));
        gfx.DrawString(pageText, font, brush, PdfLayoutEngine.PageWidth - PdfLayoutEngine.MarginX - width, footerY, XStringFormats.TopLeft);
    }

    private static void Draw(XGraphics gfx, DrawOp op, bool common)
    {
        switch (op)
        {
            case TextOp t when t.Text.Length > 0:
                gfx.DrawString(t.Text, TextMeasurer.Font(t.Bold, t.Size, common), new XSolidBrush(t.Color), t.X, t.Y + (t.Size * 0.3), XStringFormats.TopLeft);
                break;
            case RectOp r:
                var rect = new XRect(r.X, r.Y, r.Width, r.Height);
                if (r.Fill is { } fill)
                {
                    gfx.DrawRectangle(new XSolidBrush(fill), rect);
                }

                if (r.Stroke is { } stroke)
                {
                    gfx.DrawRectangle(new XPen(stroke, 0.6), rect);
                }

                break;
            case LineOp l:
                gfx.DrawLine(new XPen(l.Color, l.Thickness), l.X1, l.Y, l.X2, l.Y2);
                break;
            case CheckboxOp c:
                var pen = new XPen(PdfLayoutEngine.Ink, 0.9);
                gfx.DrawRectangle(pen, c.X, c.Y, c.Size, c.Size);
                if (c.Checked)
                {
                    var tick = new XPen(PdfLayoutEngine.Brand, 1.6);
                    gfx.DrawLines(tick, [new XPoint(c.X + 2, c.Y + (c.Size * 0.55)), new XPoint(c.X + (c.Size * 0.42), c.Y + c.Size - 2), new XPoint(c.X + c.Size - 1.5, c.Y + 1.5)]);
                }

                break;
        }
    }
}
