using PdfSharp.Fonts;

namespace LeakRights.Core.Pdf;

/// <summary>
/// Serves the bundled Noto Sans SC faces to PDFsharp (no system font is needed). The files are read once per process;
/// PDFsharp embeds only the glyphs a document uses. Two families: <see cref="Family"/> (the full faces) and
/// <see cref="CommonFamily"/> (the same outlines and widths for Latin, punctuation, symbols, the CJK Unified Ideographs block
/// and every character of seeds/, about a third of the glyphs; built by .tools/fonts/subset_common.py). PDFsharp writes
/// per-glyph tables sized by the face's glyph count into every PDF, so a document drawn with the common faces is faster to
/// make and smaller; a document with any character the common faces lack is drawn with the full ones (<see cref="CommonCovers"/>).
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
    private static HashSet<char> _commonCoverage = [];
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<byte[]>> Files = new(StringComparer.Ordinal);
    private static string _fontDirectory = DefaultFontDirectory;
    private static readonly Lazy<TrueTypeFace>[] Faces =
    [
        new(() => ReadFace("NotoSansSC-Common-Regular", "NotoSansSC_400Regular.common.ttf"), LazyThreadSafetyMode.PublicationOnly),
        new(() => ReadFace("NotoSansSC-Common-Bold", "NotoSansSC_700Bold.common.ttf"), LazyThreadSafetyMode.PublicationOnly),
        new(() => ReadFace("NotoSansSC-Regular", "NotoSansSC_400Regular.ttf"), LazyThreadSafetyMode.PublicationOnly),
        new(() => ReadFace("NotoSansSC-Bold", "NotoSansSC_700Bold.ttf"), LazyThreadSafetyMode.PublicationOnly),
    ];

    private readonly Dictionary<string, Lazy<byte[]>> _faces;

    private NotoFontResolver(string fontDirectory)
    {
        Lazy<byte[]> Read(string file) => fontDirectory == _fontDirectory ? FileBytes(file) : new(() => File.ReadAllBytes(Path.Combine(fontDirectory, file)));
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

            var regular = CmapCharacters(File.ReadAllBytes(Path.Combine(dir, "NotoSansSC_400Regular.common.ttf")));
            regular.IntersectWith(CmapCharacters(File.ReadAllBytes(Path.Combine(dir, "NotoSansSC_700Bold.common.ttf"))));
            _commonCoverage = regular;
            _fontDirectory = dir;
            GlobalFontSettings.FontResolver = new NotoFontResolver(dir);
            Volatile.Write(ref _registered, true);
        }
    }

    /// <summary>Whether both common faces have a glyph for every character of <paramref name="text"/> (line breaks aside).</summary>
    public static bool CommonCovers(string text)
    {
        EnsureRegistered();
        foreach (var c in text)
        {
            if (!_commonCoverage.Contains(c))
            {
                return false;
            }
        }

        return true;
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
        return Faces[(common ? 0 : 2) + (bold ? 1 : 0)].Value;
    }

    /// <summary>The BMP characters a TrueType font maps to a glyph other than .notdef (its Windows Unicode BMP cmap, format 4).</summary>
    internal static HashSet<char> CmapCharacters(byte[] font)
    {
        var map = TrueTypeFace.ReadCmap(font);
        var result = new HashSet<char>();
        for (var c = 0; c < map.Length; c++)
        {
            if (map[c] != 0)
            {
                result.Add((char)c);
            }
        }

        return result;
    }

    private static TrueTypeFace ReadFace(string name, string file) => new(name, FileBytes(file).Value);

    /// <summary>Each font file read once per process, shared by PDFsharp (which measures text) and the PDF writer.</summary>
    private static Lazy<byte[]> FileBytes(string file) =>
        Files.GetOrAdd(file, f => new Lazy<byte[]>(() => File.ReadAllBytes(Path.Combine(_fontDirectory, f)), LazyThreadSafetyMode.PublicationOnly));
}
