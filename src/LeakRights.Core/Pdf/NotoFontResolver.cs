using PdfSharp.Fonts;

namespace LeakRights.Core.Pdf;

/// <summary>
/// Serves the bundled Noto Sans SC faces to PDFsharp (no system font is needed). The files are read once per process;
/// PDFsharp embeds only the glyphs a document uses.
/// </summary>
public sealed class NotoFontResolver : IFontResolver
{
    public const string Family = "Noto Sans SC";
    private const string RegularFace = "NotoSansSC-Regular";
    private const string BoldFace = "NotoSansSC-Bold";
    private static readonly Lock Gate = new();
    private static bool _registered;

    private readonly Lazy<byte[]> _regular;
    private readonly Lazy<byte[]> _bold;

    private NotoFontResolver(string fontDirectory)
    {
        _regular = new Lazy<byte[]>(() => File.ReadAllBytes(Path.Combine(fontDirectory, "NotoSansSC_400Regular.ttf")));
        _bold = new Lazy<byte[]>(() => File.ReadAllBytes(Path.Combine(fontDirectory, "NotoSansSC_700Bold.ttf")));
    }

    /// <summary>The folder the font files are copied to on build.</summary>
    public static string DefaultFontDirectory => Path.Combine(AppContext.BaseDirectory, "Fonts");

    /// <summary>Registers the resolver with PDFsharp once per process (PDFsharp allows one global resolver).</summary>
    public static void EnsureRegistered(string? fontDirectory = null)
    {
        lock (Gate)
        {
            if (_registered)
            {
                return;
            }

            var dir = fontDirectory ?? DefaultFontDirectory;
            if (!File.Exists(Path.Combine(dir, "NotoSansSC_400Regular.ttf")))
            {
                throw new FileNotFoundException($"The Noto Sans SC font files are missing from '{dir}'.");
            }

            GlobalFontSettings.FontResolver = new NotoFontResolver(dir);
            _registered = true;
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? BoldFace : RegularFace);

    public byte[]? GetFont(string faceName) => faceName == BoldFace ? _bold.Value : _regular.Value;
}
