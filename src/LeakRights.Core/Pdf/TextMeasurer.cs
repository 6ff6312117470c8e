namespace LeakRights.Core.Pdf;

/// <summary>
/// Character widths of the Noto Sans SC faces: each character's advance width read once from the face (the common face when
/// it has the character, else the full one; both have the same advances) and scaled, so laying out a document costs array
/// look-ups. Read from the same memory-mapped faces the PDF writer embeds (<see cref="NotoFontResolver.Face"/>); PDFsharp's
/// own measurement gave the same widths (a test compares every character) but kept a parsed copy of each face in memory.
/// Thread-safe.
/// </summary>
public static class TextMeasurer
{
    private const double ReferenceSize = 1000;
    // Widths at the reference size per weight, by UTF-16 unit; NaN = not measured yet. Read for every character laid out,
    // so an array rather than a dictionary (1 MB for both weights, once per process).
    private static readonly double[][] Widths = [NewTable(), NewTable()];

    public static double CharWidth(char c, bool bold, double size)
    {
        var table = Widths[bold ? 1 : 0];
        var width = Volatile.Read(ref table[c]);
        if (double.IsNaN(width))
        {
            width = Measure(bold, c);
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

    private static double Measure(bool bold, char c)
    {
        if (char.IsSurrogate(c))
        {
            return ReferenceSize / 2;
        }

        // The common faces have the full faces' advance widths (CommonFacesTests): measuring on them keeps the 10 MB full faces
        // unmapped until a document needs a character only they have. A character neither face has takes .notdef's width.
        var face = NotoFontResolver.Face(bold, common: NotoFontResolver.CommonCovers(c));
        return face.Advance(face.GlyphOf(c)) * ReferenceSize / face.UnitsPerEm;
    }
}
