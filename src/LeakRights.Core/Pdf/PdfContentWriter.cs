using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using PdfSharp.Drawing;

namespace LeakRights.Core.Pdf;

/// <summary>
/// Writes one page's content stream: text as glyph codes of the document's fonts (<see cref="DocumentFonts"/>), rectangles,
/// lines and polylines. Takes the layout's coordinates (points from the top-left corner, y downwards, text positioned by the
/// top of its line as PDFsharp's top-left string format did) and writes PDF's (from the bottom-left corner). Colour, line
/// width and font are written only when they change; text runs share one text object until a drawing comes between them.
/// </summary>
internal sealed class PdfContentWriter(DocumentFonts fonts, ArrayBufferWriter<byte> buffer)
{
    private static readonly byte[] Hex = "0123456789ABCDEF"u8.ToArray();
    private static readonly string[] FontNames = [.. Enumerable.Range(0, 16).Select(i => "/F" + i.ToString(CultureInfo.InvariantCulture))];
    private readonly double[] _ascent = [Ascent(bold: false), Ascent(bold: true)];
    private XColor? _fill;
    private XColor? _stroke;
    private double _lineWidth = -1;
    private int _font = -1;
    private double _fontSize = -1;
    private bool _inText;

    /// <summary>The resource name of the document's font number <paramref name="index"/>.</summary>
    public static string FontName(int index) => index < FontNames.Length ? FontNames[index] : "/F" + index.ToString(CultureInfo.InvariantCulture);

    public void Reset()
    {
        buffer.ResetWrittenCount();
        _fill = null;
        _stroke = null;
        _lineWidth = -1;
        _font = -1;
        _fontSize = -1;
        _inText = false;
    }

    /// <summary>The page's content, deflated for a <c>/FlateDecode</c> stream.</summary>
    public byte[] Finish()
    {
        EndText();
        return EmbeddableFont.Deflate(buffer.WrittenSpan, CompressionLevel.Fastest);
    }

    /// <summary>
    /// A single line of text whose line box starts at (<paramref name="x"/>, <paramref name="top"/>), as <c>TJ</c> arrays
    /// of glyph codes, one per run of the same font. A lone surrogate (no glyph) is drawn as a gap of half an em, the width
    /// the layout gave it (<see cref="TextMeasurer"/>).
    /// </summary>
    public void Text(string text, bool bold, double size, XColor color, double x, double top)
    {
        var first = -1;
        for (var i = 0; i < text.Length && first < 0; i++)
        {
            first = DocumentFonts.CodePointAt(text, ref i);
        }

        if (first < 0)
        {
            return; // nothing a font can draw
        }

        if (!_inText)
        {
            Write("BT\n"u8);
            _inText = true;
        }

        Fill(color);
        Write("1 0 0 1 "u8);
        Number(x);
        Space();
        Number(PdfLayoutEngine.PageHeight - top - (size * _ascent[bold ? 1 : 0]));
        Write(" Tm\n"u8);
        var run = fonts.Lookup(bold, first).Font;
        SelectFont(run, size);
        Write("[<"u8);
        var inHex = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = DocumentFonts.CodePointAt(text, ref i);
            if (c < 0)
            {
                Write(inHex ? "> -500 "u8 : "-500 "u8);
                inHex = false;
                continue;
            }

            var (font, code) = fonts.Lookup(bold, c);
            if (font != run)
            {
                Write(inHex ? ">] TJ\n"u8 : "] TJ\n"u8);
                SelectFont(font, size);
                Write("[<"u8);
                inHex = true;
                run = font;
            }
            else if (!inHex)
            {
                Write("<"u8);
                inHex = true;
            }

            var span = buffer.GetSpan(4);
            span[0] = Hex[(code >> 12) & 0xF];
            span[1] = Hex[(code >> 8) & 0xF];
            span[2] = Hex[(code >> 4) & 0xF];
            span[3] = Hex[code & 0xF];
            buffer.Advance(4);
        }

        Write(inHex ? ">] TJ\n"u8 : "] TJ\n"u8);
    }

    public void Line(double x1, double y1, double x2, double y2, double width, XColor color)
    {
        Polyline([(x1, y1), (x2, y2)], width, color);
    }

    public void Polyline(ReadOnlySpan<(double X, double Y)> points, double width, XColor color)
    {
        EndText();
        Stroke(color, width);
        for (var i = 0; i < points.Length; i++)
        {
            Point(points[i].X, points[i].Y);
            Write(i == 0 ? " m\n"u8 : " l\n"u8);
        }

        Write("S\n"u8);
    }

    public void Rectangle(double x, double y, double width, double height, XColor? fill, XColor? stroke, double strokeWidth)
    {
        EndText();
        if (fill is { } f)
        {
            Fill(f);
            Box(x, y, width, height);
            Write(" re f\n"u8);
        }

        if (stroke is { } s)
        {
            Stroke(s, strokeWidth);
            Box(x, y, width, height);
            Write(" re S\n"u8);
        }
    }

    private void SelectFont(int font, double size)
    {
        if (font != _font || size != _fontSize)
        {
            Ascii(FontName(font));
            Space();
            Number(size);
            Write(" Tf\n"u8);
            _font = font;
            _fontSize = size;
        }
    }

    private static double Ascent(bool bold)
    {
        var face = NotoFontResolver.Face(bold, common: true);
        return (double)face.Ascender / face.UnitsPerEm;
    }

    private void Box(double x, double y, double width, double height)
    {
        Point(x, y + height);
        Space();
        Number(width);
        Space();
        Number(height);
    }

    private void Point(double x, double y)
    {
        Number(x);
        Space();
        Number(PdfLayoutEngine.PageHeight - y);
    }

    private void EndText()
    {
        if (_inText)
        {
            Write("ET\n"u8);
            _inText = false;
        }
    }

    private void Fill(XColor color)
    {
        if (_fill != color)
        {
            Rgb(color);
            Write(" rg\n"u8);
            _fill = color;
        }
    }

    private void Stroke(XColor color, double width)
    {
        if (_stroke != color)
        {
            Rgb(color);
            Write(" RG\n"u8);
            _stroke = color;
        }

        if (width != _lineWidth)
        {
            Number(width);
            Write(" w\n"u8);
            _lineWidth = width;
        }
    }

    private void Rgb(XColor color)
    {
        Number(color.R / 255.0);
        Space();
        Number(color.G / 255.0);
        Space();
        Number(color.B / 255.0);
    }

    /// <summary>A number with at most three decimals and no trailing zeros ("12", "-0.5", "798.03"), as PDF reads it.</summary>
    private void Number(double value)
    {
        var thousandths = (long)Math.Round(value * 1000, MidpointRounding.AwayFromZero);
        var span = buffer.GetSpan(24);
        var at = 0;
        if (thousandths < 0)
        {
            span[at++] = (byte)'-';
            thousandths = -thousandths;
        }

        var whole = thousandths / 1000;
        var fraction = (int)(thousandths % 1000);
        if (!Utf8Formatter.TryFormat(whole, span[at..], out var written))
        {
            throw new InvalidOperationException("A coordinate could not be written.");
        }

        at += written;
        if (fraction != 0)
        {
            span[at++] = (byte)'.';
            span[at++] = (byte)('0' + (fraction / 100));
            if (fraction % 100 != 0)
            {
                span[at++] = (byte)('0' + (fraction / 10 % 10));
                if (fraction % 10 != 0)
                {
                    span[at++] = (byte)('0' + (fraction % 10));
                }
            }
        }

        buffer.Advance(at);
    }

    private void Space() => Write(" "u8);

    private void Ascii(string text)
    {
        var span = buffer.GetSpan(text.Length);
        var written = Encoding.ASCII.GetBytes(text, span);
        buffer.Advance(written);
    }

    private void Write(ReadOnlySpan<byte> bytes) => buffer.Write(bytes);
}
