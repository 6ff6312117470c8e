using System.Collections.Concurrent;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using PdfSharp.Pdf;

namespace LeakRights.Core.Pdf;

/// <summary>
/// A subset of a face ready to be written into any number of PDFs: its font program (deflated), its widths and its
/// ToUnicode map (so text can be searched and copied), and the code (CID) of each character (Unicode code point) it has.
/// Immutable.
/// </summary>
internal sealed class EmbeddableFont
{
    private readonly Dictionary<int, int> _codes;
    private readonly ushort[]? _bmpCodes;

    private EmbeddableFont(TrueTypeFace face, string baseFont, byte[] program, int programLength, string widths, byte[] toUnicode, Dictionary<int, int> codes, bool dense)
    {
        if (dense)
        {
            // The shared font is asked for every character of every PDF: an array for the BMP (128 KB, once).
            _bmpCodes = new ushort[char.MaxValue + 1];
            foreach (var (c, code) in codes)
            {
                if (c <= char.MaxValue)
                {
                    _bmpCodes[c] = (ushort)code;
                }
            }
        }

        Face = face;
        BaseFont = baseFont;
        Program = program;
        ProgramLength = programLength;
        Widths = widths;
        ToUnicode = toUnicode;
        _codes = codes;
    }

    public TrueTypeFace Face { get; }

    /// <summary>The PDF font name: a six-letter subset tag (from the glyphs it holds) + the face's name.</summary>
    public string BaseFont { get; }

    public byte[] Program { get; }

    public int ProgramLength { get; }

    /// <summary>The CID font's <c>/W</c> array.</summary>
    public string Widths { get; }

    public byte[] ToUnicode { get; }

    public int CharacterCount => _codes.Count;

    public bool TryGetCode(int codePoint, out int code)
    {
        if (_bmpCodes is not null && codePoint <= char.MaxValue)
        {
            code = _bmpCodes[codePoint];
            return code != 0;
        }

        return _codes.TryGetValue(codePoint, out code);
    }

    /// <summary>
    /// The subset of <paramref name="face"/> with a glyph for each of the code points <paramref name="characters"/> the face
    /// has (the others are left out: callers check <see cref="TryGetCode"/>). Codes are 1…n in the characters' order, a code
    /// per character even where two share a glyph; 0 is .notdef.
    /// </summary>
    public static EmbeddableFont Create(TrueTypeFace face, IEnumerable<int> characters, CompressionLevel level, bool dense = false)
    {
        // A code per character, not per glyph: two characters drawn with one glyph (· and • in Noto) keep their own text.
        var glyphs = new List<int> { 0 };
        var codes = new Dictionary<int, int>();
        var unicodes = new List<(int Code, int CodePoint)>();
        foreach (var c in characters)
        {
            var glyph = face.GlyphOf(c);
            if (glyph == 0 || codes.ContainsKey(c))
            {
                continue;
            }

            codes[c] = glyphs.Count;
            unicodes.Add((glyphs.Count, c));
            glyphs.Add(glyph);
        }

        var program = face.Subset(glyphs);
        var widths = new StringBuilder("[0[");
        for (var i = 0; i < glyphs.Count; i++)
        {
            widths.Append(i == 0 ? string.Empty : " ").Append(((int)Math.Round(face.Advance(glyphs[i]) * 1000.0 / face.UnitsPerEm)).ToString(CultureInfo.InvariantCulture));
        }

        widths.Append("]]");
        var tag = SubsetTag(glyphs);
        return new EmbeddableFont(face, tag + "+" + face.PostScriptName, Deflate(program, level), program.Length, widths.ToString(), Deflate(ToUnicodeMap(unicodes), level), codes, dense);
    }

    /// <summary>Writes the font's five objects into <paramref name="document"/>; returns the Type0 font to name in resources.</summary>
    public PdfDictionary AddTo(PdfDocument document)
    {
        var program = Indirect(document);
        program.Elements["/Length1"] = new PdfInteger(ProgramLength);
        program.Elements["/Filter"] = new PdfName("/FlateDecode");
        program.CreateStream(Program);

        var (xMin, yMin, xMax, yMax) = Face.BoundingBox;
        var scale = 1000.0 / Face.UnitsPerEm;
        var descriptor = Indirect(document);
        descriptor.Elements["/Type"] = new PdfName("/FontDescriptor");
        descriptor.Elements["/FontName"] = new PdfName("/" + BaseFont);
        descriptor.Elements["/Flags"] = new PdfInteger(32);
        descriptor.Elements["/FontBBox"] = new PdfLiteral(string.Create(CultureInfo.InvariantCulture, $"[{Math.Round(xMin * scale)} {Math.Round(yMin * scale)} {Math.Round(xMax * scale)} {Math.Round(yMax * scale)}]"));
        descriptor.Elements["/ItalicAngle"] = new PdfInteger(0);
        descriptor.Elements["/Ascent"] = new PdfInteger((int)Math.Round(Face.Ascender * scale));
        descriptor.Elements["/Descent"] = new PdfInteger((int)Math.Round(Face.Descender * scale));
        descriptor.Elements["/CapHeight"] = new PdfInteger((int)Math.Round(Face.CapHeight * scale));
        descriptor.Elements["/StemV"] = new PdfInteger(80);
        descriptor.Elements["/FontFile2"] = program.Reference;

        var cidFont = Indirect(document);
        cidFont.Elements["/Type"] = new PdfName("/Font");
        cidFont.Elements["/Subtype"] = new PdfName("/CIDFontType2");
        cidFont.Elements["/BaseFont"] = new PdfName("/" + BaseFont);
        cidFont.Elements["/CIDSystemInfo"] = new PdfLiteral("<</Registry(Adobe)/Ordering(Identity)/Supplement 0>>");
        cidFont.Elements["/FontDescriptor"] = descriptor.Reference;
        cidFont.Elements["/DW"] = new PdfInteger(1000);
        cidFont.Elements["/W"] = new PdfLiteral(Widths);
        cidFont.Elements["/CIDToGIDMap"] = new PdfName("/Identity");

        var toUnicode = Indirect(document);
        toUnicode.Elements["/Filter"] = new PdfName("/FlateDecode");
        toUnicode.CreateStream(ToUnicode);

        var font = Indirect(document);
        font.Elements["/Type"] = new PdfName("/Font");
        font.Elements["/Subtype"] = new PdfName("/Type0");
        font.Elements["/BaseFont"] = new PdfName("/" + BaseFont);
        font.Elements["/Encoding"] = new PdfName("/Identity-H");
        font.Elements["/DescendantFonts"] = new PdfArray(document, cidFont.Reference!);
        font.Elements["/ToUnicode"] = toUnicode.Reference;
        return font;
    }

    private static PdfDictionary Indirect(PdfDocument document)
    {
        var dictionary = new PdfDictionary(document);
        document.Internals.AddObject(dictionary);
        return dictionary;
    }

    /// <summary>
    /// A zlib stream (what PDF's FlateDecode reads), with its Adler-32 trailer: PDFsharp's own content-stream compression
    /// leaves the trailer out, which lenient viewers tolerate and strict zlib readers reject.
    /// </summary>
    internal static byte[] Deflate(ReadOnlySpan<byte> data, CompressionLevel level)
    {
        using var output = new MemoryStream((data.Length / 2) + 64);
        using (var zlib = new ZLibStream(output, level, leaveOpen: true))
        {
            zlib.Write(data);
        }

        return output.ToArray();
    }

    private static string SubsetTag(List<int> glyphs)
    {
        var hash = 2166136261u;
        foreach (var g in glyphs)
        {
            hash = unchecked((hash ^ (uint)g) * 16777619u);
        }

        Span<char> tag = stackalloc char[6];
        for (var i = 0; i < tag.Length; i++)
        {
            tag[i] = (char)('A' + (hash % 26));
            hash /= 26;
        }

        return new string(tag);
    }

    private static byte[] ToUnicodeMap(List<(int Code, int CodePoint)> unicodes)
    {
        var map = new StringBuilder();
        map.Append("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n")
            .Append("/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n")
            .Append("/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n")
            .Append("1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
        for (var start = 0; start < unicodes.Count; start += 100)
        {
            var count = Math.Min(100, unicodes.Count - start);
            map.Append(count.ToString(CultureInfo.InvariantCulture)).Append(" beginbfchar\n");
            for (var i = start; i < start + count; i++)
            {
                // The destination is UTF-16BE: a character beyond U+FFFF is its surrogate pair.
                map.Append('<').Append(unicodes[i].Code.ToString("X4", CultureInfo.InvariantCulture)).Append("> <");
                foreach (var unit in char.ConvertFromUtf32(unicodes[i].CodePoint))
                {
                    map.Append(((int)unit).ToString("X4", CultureInfo.InvariantCulture));
                }

                map.Append(">\n");
            }

            map.Append("endbfchar\n");
        }

        map.Append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
        return Encoding.ASCII.GetBytes(map.ToString());
    }
}

/// <summary>
/// The fonts every PDF of one content can share: a subset of the regular common face with every character of the public
/// content (statutes, steps, letters, questionnaire: <see cref="Content.ContentBundle.PublicCharacters"/>), subset, deflated and
/// mapped once and then copied into each PDF as it is. Built from public text only, so it never carries a glyph because of
/// what someone typed. Characters a document has beyond it (a name, an address, a statute edited since) and all bold text are
/// embedded per document (<see cref="DocumentFonts"/>). Instances are cached per character set; thread-safe.
/// </summary>
public sealed class PdfFontSet
{
    private static readonly ConcurrentDictionary<string, Lazy<PdfFontSet>> Cache = new(StringComparer.Ordinal);

    private PdfFontSet(EmbeddableFont? sharedFont) => SharedFont = sharedFont;

    /// <summary>No shared font: every PDF embeds only what it uses.</summary>
    public static PdfFontSet None { get; } = new(null);

    internal EmbeddableFont? SharedFont { get; }

    /// <summary>
    /// The set for <paramref name="publicCharacters"/> (public text only), built on first use and kept for the process. A
    /// failed build (a font file unreadable) is not kept: the next PDF tries again.
    /// </summary>
    public static PdfFontSet For(string publicCharacters)
    {
        ArgumentNullException.ThrowIfNull(publicCharacters);
        var codePoints = DocumentFonts.CodePoints(publicCharacters).Where(c => c >= 0 && !Rune.IsControl(new Rune(c))).Distinct().Order().ToList();
        var key = string.Concat(codePoints.Select(char.ConvertFromUtf32));
        return Cache.GetOrAdd(key, _ => new Lazy<PdfFontSet>(() =>
        {
            // Printable ASCII always: numbers, dates and links are drawn on every plan.
            var all = Enumerable.Range(0x20, 0x5F).Concat(codePoints).Distinct().Order();
            return new PdfFontSet(EmbeddableFont.Create(NotoFontResolver.Face(bold: false, common: true), all, CompressionLevel.SmallestSize, dense: true));
        }, LazyThreadSafetyMode.PublicationOnly)).Value;
    }
}

/// <summary>
/// The fonts of one PDF: which font and code draws each character. Regular text uses the shared font of the
/// <see cref="PdfFontSet"/> where it has the character (the shared font is left out of a document that draws nothing with
/// it); everything else is embedded for this document only, from the common face where it has the glyph, else from the full
/// face (the 10 MB faces are read only when a document needs them). A character no face has is drawn as .notdef (a box,
/// one em wide as the layout measured a character beyond U+FFFF), as before.
/// </summary>
internal sealed class DocumentFonts
{
    private readonly List<EmbeddableFont> _fonts = [];
    private readonly Dictionary<(bool Bold, int CodePoint), (int Font, int Code)> _map = [];
    private readonly EmbeddableFont? _shared;

    public DocumentFonts(PdfFontSet set, IEnumerable<(bool Bold, string Text)> texts)
    {
        // Most characters of a plan are regular text the shared font has: they are only checked against it here, and the
        // few others collected for this document's own fonts.
        var shared = set.SharedFont;
        var sharedUsed = false;
        var others = new HashSet<(bool Bold, int CodePoint)>();
        foreach (var (bold, text) in texts)
        {
            for (var i = 0; i < text.Length; i++)
            {
                var c = CodePointAt(text, ref i);
                if (c < 0)
                {
                    continue;
                }

                if (!bold && shared is not null && shared.TryGetCode(c, out _))
                {
                    sharedUsed = true;
                }
                else
                {
                    others.Add((bold, c));
                }
            }
        }

        if (sharedUsed)
        {
            _shared = shared;
            _fonts.Add(shared!);
        }

        foreach (var bold in new[] { false, true })
        {
            var rest = others.Where(w => w.Bold == bold).Select(w => w.CodePoint).Order().ToList();
            foreach (var common in new[] { true, false })
            {
                if (rest.Count == 0)
                {
                    break;
                }

                var face = NotoFontResolver.Face(bold, common);
                var drawable = rest.Where(c => face.GlyphOf(c) != 0).ToList();
                if (drawable.Count == 0)
                {
                    continue;
                }

                var font = EmbeddableFont.Create(face, drawable, CompressionLevel.Fastest);
                _fonts.Add(font);
                foreach (var c in drawable)
                {
                    font.TryGetCode(c, out var code);
                    _map[(bold, c)] = (_fonts.Count - 1, code);
                }

                rest = [.. rest.Except(drawable)];
            }

            if (rest.Count > 0 && _fonts.Count == 0)
            {
                // Only characters no face has: a font with nothing but .notdef to draw them with.
                _fonts.Add(EmbeddableFont.Create(NotoFontResolver.Face(bold, common: true), [], CompressionLevel.Fastest));
            }

            foreach (var c in rest)
            {
                _map[(bold, c)] = (0, 0);
            }
        }
    }

    public IReadOnlyList<EmbeddableFont> Fonts => _fonts;

    public (int Font, int Code) Lookup(bool bold, int codePoint) =>
        !bold && _shared is not null && _shared.TryGetCode(codePoint, out var code) ? (0, code) : _map[(bold, codePoint)];

    /// <summary>
    /// The text's Unicode code points, a surrogate pair as one; a lone surrogate (which no font can draw and the layout gave
    /// half an em) as -1, for callers to skip.
    /// </summary>
    public static IEnumerable<int> CodePoints(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            yield return CodePointAt(text, ref i);
        }
    }

    /// <summary>The code point at <paramref name="i"/> (-1 for a lone surrogate), moving <paramref name="i"/> to its last unit.</summary>
    public static int CodePointAt(string text, ref int i)
    {
        var c = text[i];
        if (!char.IsSurrogate(c))
        {
            return c;
        }

        if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
        {
            i++;
            return char.ConvertToUtf32(c, text[i]);
        }

        return -1;
    }
}
