using PdfSharp.Fonts;

namespace LeakRights.Core.Pdf;

/// <summary>
/// The bundled Noto Sans SC faces (no system font is needed): for the PDF writer and <see cref="TextMeasurer"/> as
/// <see cref="TrueTypeFace"/>s over the memory-mapped files (<see cref="Face"/>), and to PDFsharp as its font resolver, which
/// only tests comparing with PDFsharp's measurements use. Two families: <see cref="Family"/> (the full faces) and
/// <see cref="CommonFamily"/> (the same outlines and widths for Latin, punctuation, symbols, the CJK Unified Ideographs block
/// and every character of seeds/, about a third of the glyphs; built by .tools/fonts/subset_common.py). Text is measured and
/// subset from the common faces; a character they lack comes from the full ones (<see cref="CommonCovers(char)"/>), which are
/// mapped only when a document needs one.
/// </summary>
public sealed class NotoFontResolver : IFontResolver
{
    public const string Family = "Noto Sans SC";
    public const string CommonFamily = "Noto Sans SC Common";
    private const string RegularFace = "NotoSansSC-Regular";
    private const string BoldFace = "NotoSansSC-Bold";
    private const string CommonRegularFace = "NotoSansSC-Common-Regular";
    private const string CommonBoldFace = "NotoSansSC-Common-Bold";
    private static readonly Lock Gate = new();
    private static bool _registered;
    private static string _fontDirectory = DefaultFontDirectory;
    // The faces by index (common regular, common bold, full regular, full bold), each mapped on first use under FaceGate and
    // kept; a failure is not kept (the next PDF tries again), as for the shared font (PdfFontSet).
    private static readonly (string Name, string File)[] FaceFiles =
    [
        ("NotoSansSC-Common-Regular", "NotoSansSC_400Regular.common.ttf"),
        ("NotoSansSC-Common-Bold", "NotoSansSC_700Bold.common.ttf"),
        ("NotoSansSC-Regular", "NotoSansSC_400Regular.ttf"),
        ("NotoSansSC-Bold", "NotoSansSC_700Bold.ttf"),
    ];

    private static readonly TrueTypeFace?[] Faces = new TrueTypeFace?[4];
    private static readonly Lock FaceGate = new();

    private readonly Dictionary<string, Lazy<byte[]>> _faces;

    private NotoFontResolver(string fontDirectory)
    {
        // PDFsharp's own copy of a face, read only if PDFsharp is asked to draw with it: the app's PDFs are written by
        // PdfContentWriter and measured by TextMeasurer from the mapped faces, so only tests that compare with PDFsharp do.
        Lazy<byte[]> Read(string file) => new(() => File.ReadAllBytes(Path.Combine(fontDirectory, file)));
        _faces = new(StringComparer.Ordinal)
        {
            [RegularFace] = Read("NotoSansSC_400Regular.ttf"),
            [BoldFace] = Read("NotoSansSC_700Bold.ttf"),
            [CommonRegularFace] = Read("NotoSansSC_400Regular.common.ttf"),
            [CommonBoldFace] = Read("NotoSansSC_700Bold.common.ttf"),
        };
    }

    /// <summary>The folder the font files are copied to on build.</summary>
    public static string DefaultFontDirectory => Path.Combine(AppContext.BaseDirectory, "Fonts");

    /// <summary>Registers the resolver with PDFsharp once per process (PDFsharp allows one global resolver).</summary>
    public static void EnsureRegistered(string? fontDirectory = null)
    {
        // Called for every text run of every PDF (CommonCovers): no lock once registered.
        if (Volatile.Read(ref _registered))
        {
            return;
        }

        lock (Gate)
        {
            if (_registered)
            {
                return;
            }

            var dir = fontDirectory ?? DefaultFontDirectory;
            foreach (var file in new[] { "NotoSansSC_400Regular.ttf", "NotoSansSC_700Bold.ttf", "NotoSansSC_400Regular.common.ttf", "NotoSansSC_700Bold.common.ttf" })
            {
                if (!File.Exists(Path.Combine(dir, file)))
                {
                    throw new FileNotFoundException($"The Noto Sans SC font file '{file}' is missing from '{dir}'.");
                }
            }

            _fontDirectory = dir;
            GlobalFontSettings.FontResolver = new NotoFontResolver(dir);
            Volatile.Write(ref _registered, true);
        }
    }

    /// <summary>Whether both common faces have a glyph for every character of <paramref name="text"/> (line breaks aside).</summary>
    public static bool CommonCovers(string text)
    {
        foreach (var c in text)
        {
            if (!CommonCovers(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether both common faces have a glyph for <paramref name="c"/> (read from their maps: two array look-ups).</summary>
    public static bool CommonCovers(char c)
    {
        EnsureRegistered();
        return LoadedFace(0).GlyphOf(c) != 0 && LoadedFace(1).GlyphOf(c) != 0;
    }

    /// <summary>
    /// Whether the regular faces have a glyph for <paramref name="codePoint"/>: what the PDF can print of a person's own text
    /// (a rare character of a name, CJK Extension B and beyond, may have none and print as a box).
    /// </summary>
    public static bool Prints(int codePoint)
    {
        EnsureRegistered();
        return LoadedFace(0).GlyphOf(codePoint) != 0 || LoadedFace(2).GlyphOf(codePoint) != 0;
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        familyName == CommonFamily ? new(bold ? CommonBoldFace : CommonRegularFace) : new(bold ? BoldFace : RegularFace);

    public byte[]? GetFont(string faceName) => _faces.TryGetValue(faceName, out var face) ? face.Value : _faces[RegularFace].Value;

    /// <summary>
    /// A face for the PDF writer (<see cref="DocumentFonts"/>, <see cref="PdfFontSet"/>), read on first use: the common faces for almost every document, the
    /// full ones only when a document has a character the common ones lack.
    /// </summary>
    internal static TrueTypeFace Face(bool bold, bool common)
    {
        EnsureRegistered();
        return LoadedFace((common ? 0 : 2) + (bold ? 1 : 0));
    }

    private static TrueTypeFace LoadedFace(int index)
    {
        if (Volatile.Read(ref Faces[index]) is { } face)
        {
            return face;
        }

        lock (FaceGate)
        {
            if (Faces[index] is not { } loaded)
            {
                loaded = ReadFace(FaceFiles[index].Name, FaceFiles[index].File);
                Volatile.Write(ref Faces[index], loaded);
            }

            return loaded;
        }
    }

    /// <summary>A face for the PDF writer and the measurer, its file memory-mapped once per process (<see cref="MappedFile"/>).</summary>
    private static TrueTypeFace ReadFace(string name, string file) => new(name, MappedFile.Map(Path.Combine(_fontDirectory, file)));
}
