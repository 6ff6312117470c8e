using System.Buffers.Binary;
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

    private readonly Dictionary<string, Lazy<byte[]>> _faces;

    private NotoFontResolver(string fontDirectory)
    {
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

            var regular = CmapCharacters(File.ReadAllBytes(Path.Combine(dir, "NotoSansSC_400Regular.common.ttf")));
            regular.IntersectWith(CmapCharacters(File.ReadAllBytes(Path.Combine(dir, "NotoSansSC_700Bold.common.ttf"))));
            _commonCoverage = regular;
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

    /// <summary>The BMP characters a TrueType font maps to a glyph other than .notdef (its Windows Unicode BMP cmap, format 4).</summary>
    internal static HashSet<char> CmapCharacters(byte[] font)
    {
        var data = font.AsSpan();
        int tables = BinaryPrimitives.ReadUInt16BigEndian(data[4..]);
        var cmap = -1;
        for (var i = 0; i < tables; i++)
        {
            var record = data[(12 + (16 * i))..];
            if (record[..4].SequenceEqual("cmap"u8))
            {
                cmap = (int)BinaryPrimitives.ReadUInt32BigEndian(record[8..]);
            }
        }

        if (cmap < 0)
        {
            throw new InvalidDataException("The font has no cmap table.");
        }

        int subtables = BinaryPrimitives.ReadUInt16BigEndian(data[(cmap + 2)..]);
        for (var i = 0; i < subtables; i++)
        {
            var record = data[(cmap + 4 + (8 * i))..];
            var platform = BinaryPrimitives.ReadUInt16BigEndian(record);
            var encoding = BinaryPrimitives.ReadUInt16BigEndian(record[2..]);
            var offset = cmap + (int)BinaryPrimitives.ReadUInt32BigEndian(record[4..]);
            if (platform == 3 && encoding == 1 && BinaryPrimitives.ReadUInt16BigEndian(data[offset..]) == 4)
            {
                return Format4(data[offset..]);
            }
        }

        throw new InvalidDataException("The font has no Windows Unicode BMP cmap (format 4).");
    }

    private static HashSet<char> Format4(ReadOnlySpan<byte> table)
    {
        var segments = BinaryPrimitives.ReadUInt16BigEndian(table[6..]) / 2;
        var ends = table[14..];
        var starts = table[(16 + (2 * segments))..];
        var deltas = table[(16 + (4 * segments))..];
        var rangeOffsets = table[(16 + (6 * segments))..];
        var result = new HashSet<char>();
        for (var s = 0; s < segments; s++)
        {
            int end = BinaryPrimitives.ReadUInt16BigEndian(ends[(2 * s)..]);
            int start = BinaryPrimitives.ReadUInt16BigEndian(starts[(2 * s)..]);
            var delta = BinaryPrimitives.ReadInt16BigEndian(deltas[(2 * s)..]);
            int rangeOffset = BinaryPrimitives.ReadUInt16BigEndian(rangeOffsets[(2 * s)..]);
            for (var c = start; c <= end && c != 0xFFFF; c++)
            {
                int glyph;
                if (rangeOffset == 0)
                {
                    glyph = (c + delta) & 0xFFFF;
                }
                else
                {
                    // idRangeOffset counts from its own position in the table.
                    var at = (2 * s) + rangeOffset + (2 * (c - start));
                    glyph = BinaryPrimitives.ReadUInt16BigEndian(rangeOffsets[at..]);
                    glyph = glyph == 0 ? 0 : (glyph + delta) & 0xFFFF;
                }

                if (glyph != 0)
                {
                    result.Add((char)c);
                }
            }
        }

        return result;
    }
}
