using System.Collections.Concurrent;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace LeakRights.Core.Pdf;

/// <summary>
/// Character widths of the Noto Sans SC faces, measured once per character at 1000 pt and scaled, so laying out a
/// document costs dictionary look-ups rather than font measurement. Thread-safe.
/// </summary>
public static class TextMeasurer
{
    private const double ReferenceSize = 1000;
    // Widths at the reference size per weight, by UTF-16 unit; NaN = not measured yet. Read for every character laid out,
    // so an array rather than a dictionary (1 MB for both weights, once per process).
    private static readonly double[][] Widths = [NewTable(), NewTable()];
    private static readonly ConcurrentDictionary<(bool Bold, double Size, bool Common), XFont> Fonts = new();
    private static readonly Lock MeasureGate = new();
    private static XGraphics? _measure;

    /// <summary>
    /// The face to draw with: the common faces (<see cref="NotoFontResolver.CommonFamily"/>) when the document allows, else the
    /// full ones. Both have the same advance widths, so a character is measured on whichever face has it (the common one first).
    /// </summary>
    public static XFont Font(bool bold, double size, bool common = false) => Fonts.GetOrAdd((bold, size, common), k =>
    {
        NotoFontResolver.EnsureRegistered();
        return new XFont(k.Common ? NotoFontResolver.CommonFamily : NotoFontResolver.Family, k.Size, k.Bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, new XPdfFontOptions(PdfFontEncoding.Unicode));
    });

    public static double CharWidth(char c, bool bold, double size)
    {
        var table = Widths[bold ? 1 : 0];
        var width = Volatile.Read(ref table[c]);
        if (double.IsNaN(width))
        {
            width = Measure((bold, c));
            Volatile.Write(ref table[c], width);
        }

        return width * size / ReferenceSize;
    }

    public static Func<char, double> For(bool bold, double size) => c => CharWidth(c, bold, size);

    private static double[] NewTable()
    {
        var table = new double[char.MaxValue + 1];
        Array.Fill(table, double.NaN);
        return table;
    }

    private static double Measure((bool Bold, char C) key)
    {
        if (char.IsSurrogate(key.C))
        {
            return ReferenceSize / 2;
        }

        // The common faces have the full faces' advance widths (CommonFacesTests): measuring on them keeps the 10 MB full faces
        // out of memory until a document needs a character only they have.
        var font = Font(key.Bold, ReferenceSize, common: NotoFontResolver.CommonCovers(key.C.ToString()));
        lock (MeasureGate)
        {
            _measure ??= XGraphics.CreateMeasureContext(new XSize(10000, 10000), XGraphicsUnit.Point, XPageDirection.Downwards);
            return _measure.MeasureString(key.C.ToString(), font).Width;
        }
    }
}
