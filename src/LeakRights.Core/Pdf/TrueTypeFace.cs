using System.Buffers.Binary;

namespace LeakRights.Core.Pdf;

/// <summary>
/// A TrueType face read once: its glyph outlines and advances, its Windows Unicode BMP map, and what a PDF font descriptor
/// needs. <see cref="Subset"/> writes a font program holding only some glyphs, renumbered 0…n-1 in the order given, which is
/// what <see cref="EmbeddableFont"/> embeds. Only simple glyphs are supported (the bundled Noto faces have no composite
/// glyph); a composite glyph is refused when a subset would embed it, rather than embedded with a broken outline. The face's
/// bytes are not copied: the bundled faces are memory-mapped files (<see cref="MappedFile"/>), of which only the tables and
/// the outlines subset are ever read. Thread-safe once constructed (read-only).
/// </summary>
internal sealed class TrueTypeFace
{
    private static readonly string[] CopiedTables = ["cvt ", "fpgm", "prep"];

    private readonly ReadOnlyMemory<byte> _data;
    private readonly Dictionary<string, (int Offset, int Length)> _tables = new(StringComparer.Ordinal);
    private readonly int[] _glyphOffsets;
    private readonly ushort[] _advances;
    private readonly short[] _leftBearings;
    private readonly ushort[] _glyphOfChar;
    private readonly Dictionary<int, ushort> _glyphOfSupplementary;

    public TrueTypeFace(string postScriptName, byte[] data)
        : this(postScriptName, new ReadOnlyMemory<byte>(data))
    {
    }

    public TrueTypeFace(string postScriptName, ReadOnlyMemory<byte> data)
    {
        PostScriptName = postScriptName;
        _data = data;
        var span = data.Span;
        int tables = BinaryPrimitives.ReadUInt16BigEndian(span[4..]);
        for (var i = 0; i < tables; i++)
        {
            var record = span[(12 + (16 * i))..];
            var tag = System.Text.Encoding.ASCII.GetString(record[..4]);
            _tables[tag] = ((int)BinaryPrimitives.ReadUInt32BigEndian(record[8..]), (int)BinaryPrimitives.ReadUInt32BigEndian(record[12..]));
        }

        var head = Table("head");
        UnitsPerEm = BinaryPrimitives.ReadUInt16BigEndian(head[18..]);
        BoundingBox = (BinaryPrimitives.ReadInt16BigEndian(head[36..]), BinaryPrimitives.ReadInt16BigEndian(head[38..]),
            BinaryPrimitives.ReadInt16BigEndian(head[40..]), BinaryPrimitives.ReadInt16BigEndian(head[42..]));
        var longOffsets = BinaryPrimitives.ReadInt16BigEndian(head[50..]) == 1;
        GlyphCount = BinaryPrimitives.ReadUInt16BigEndian(Table("maxp")[4..]);
        var hhea = Table("hhea");
        Ascender = BinaryPrimitives.ReadInt16BigEndian(hhea[4..]);
        Descender = BinaryPrimitives.ReadInt16BigEndian(hhea[6..]);
        int metrics = BinaryPrimitives.ReadUInt16BigEndian(hhea[34..]);
        CapHeight = _tables.ContainsKey("OS/2") && BinaryPrimitives.ReadUInt16BigEndian(Table("OS/2")) >= 2
            ? BinaryPrimitives.ReadInt16BigEndian(Table("OS/2")[88..])
            : Ascender;

        var loca = Table("loca");
        _glyphOffsets = new int[GlyphCount + 1];
        for (var g = 0; g <= GlyphCount; g++)
        {
            _glyphOffsets[g] = longOffsets ? (int)BinaryPrimitives.ReadUInt32BigEndian(loca[(4 * g)..]) : 2 * BinaryPrimitives.ReadUInt16BigEndian(loca[(2 * g)..]);
        }

        var hmtx = Table("hmtx");
        _advances = new ushort[GlyphCount];
        _leftBearings = new short[GlyphCount];
        for (var g = 0; g < GlyphCount; g++)
        {
            _advances[g] = g < metrics ? BinaryPrimitives.ReadUInt16BigEndian(hmtx[(4 * g)..]) : _advances[metrics - 1];
            _leftBearings[g] = g < metrics
                ? BinaryPrimitives.ReadInt16BigEndian(hmtx[((4 * g) + 2)..])
                : BinaryPrimitives.ReadInt16BigEndian(hmtx[((4 * metrics) + (2 * (g - metrics)))..]);
        }

        // A subset this class wrote has no cmap (PDF viewers take glyphs by number): it maps no character.
        _glyphOfChar = _tables.ContainsKey("cmap") ? ReadCmap(span) : new ushort[65536];
        _glyphOfSupplementary = _tables.ContainsKey("cmap") ? ReadSupplementaryCmap(span) : [];
    }

    /// <summary>The face's PostScript-style name, without spaces (used in the PDF's font names).</summary>
    public string PostScriptName { get; }

    public int UnitsPerEm { get; }

    public int GlyphCount { get; }

    public int Ascender { get; }

    public int Descender { get; }

    public int CapHeight { get; }

    public (short XMin, short YMin, short XMax, short YMax) BoundingBox { get; }

    /// <summary>
    /// The glyph for the Unicode code point <paramref name="codePoint"/> (beyond U+FFFF too: the full faces map ~440 such
    /// characters, CJK Extension B-G among them, which people's names can have), 0 (.notdef) when the face has none.
    /// </summary>
    public int GlyphOf(int codePoint) => codePoint <= 0xFFFF
        ? _glyphOfChar[codePoint]
        : _glyphOfSupplementary.GetValueOrDefault(codePoint);

    /// <summary>A glyph's outline as stored in the glyf table.</summary>
    public ReadOnlySpan<byte> GlyphData(int glyph) => Table("glyf").Slice(_glyphOffsets[glyph], _glyphOffsets[glyph + 1] - _glyphOffsets[glyph]);

    /// <summary>A glyph's advance width in font units.</summary>
    public int Advance(int glyph) => _advances[glyph];

    /// <summary>
    /// A font program with only <paramref name="glyphs"/> (each an original glyph number; the first must be 0, .notdef), glyph
    /// <c>i</c> of the result being <c>glyphs[i]</c>: glyf, loca (long offsets), hmtx, head, hhea, maxp and the hinting tables.
    /// PDF viewers take the glyphs by number (CIDToGIDMap Identity), so no cmap is needed.
    /// </summary>
    public byte[] Subset(IReadOnlyList<int> glyphs)
    {
        ArgumentNullException.ThrowIfNull(glyphs);
        if (glyphs.Count == 0 || glyphs[0] != 0)
        {
            throw new ArgumentException("The first glyph of a subset must be .notdef (0).", nameof(glyphs));
        }

        var n = glyphs.Count;
        var glyfSource = Table("glyf");
        var glyfLength = 0;
        foreach (var g in glyphs)
        {
            glyfLength += Pad4(_glyphOffsets[g + 1] - _glyphOffsets[g]);
        }

        var glyf = new byte[glyfLength];
        var loca = new byte[4 * (n + 1)];
        var hmtx = new byte[4 * n];
        var at = 0;
        for (var i = 0; i < n; i++)
        {
            var g = glyphs[i];
            BinaryPrimitives.WriteUInt32BigEndian(loca.AsSpan(4 * i), (uint)at);
            var length = _glyphOffsets[g + 1] - _glyphOffsets[g];
            var outline = glyfSource.Slice(_glyphOffsets[g], length);
            if (length > 0 && BinaryPrimitives.ReadInt16BigEndian(outline) < 0)
            {
                throw new InvalidDataException($"The face {PostScriptName} has a composite glyph ({g}); only simple glyphs can be embedded.");
            }

            outline.CopyTo(glyf.AsSpan(at));
            at += Pad4(length);
            BinaryPrimitives.WriteUInt16BigEndian(hmtx.AsSpan(4 * i), _advances[g]);
            BinaryPrimitives.WriteInt16BigEndian(hmtx.AsSpan((4 * i) + 2), _leftBearings[g]);
        }

        BinaryPrimitives.WriteUInt32BigEndian(loca.AsSpan(4 * n), (uint)at);

        var head = Table("head").ToArray();
        BinaryPrimitives.WriteUInt32BigEndian(head.AsSpan(8), 0);
        BinaryPrimitives.WriteInt16BigEndian(head.AsSpan(50), 1);
        var hhea = Table("hhea").ToArray();
        BinaryPrimitives.WriteUInt16BigEndian(hhea.AsSpan(34), (ushort)n);
        var maxp = Table("maxp").ToArray();
        BinaryPrimitives.WriteUInt16BigEndian(maxp.AsSpan(4), (ushort)n);

        var tables = new SortedDictionary<string, byte[]>(StringComparer.Ordinal)
        {
            ["glyf"] = glyf,
            ["head"] = head,
            ["hhea"] = hhea,
            ["hmtx"] = hmtx,
            ["loca"] = loca,
            ["maxp"] = maxp,
        };
        foreach (var tag in CopiedTables)
        {
            if (_tables.ContainsKey(tag))
            {
                tables[tag] = Table(tag).ToArray();
            }
        }

        return Assemble(tables);
    }

    /// <summary>The Windows Unicode BMP map (format 4) of a TrueType font: glyph per UTF-16 code unit, 0 where none.</summary>
    internal static ushort[] ReadCmap(ReadOnlySpan<byte> font)
    {
        var offset = CmapSubtable(font, encoding: 1, format: 4);
        return offset >= 0 ? Format4(font[offset..]) : throw new InvalidDataException("The font has no Windows Unicode BMP cmap (format 4).");
    }

    /// <summary>The code points beyond U+FFFF of the Windows Unicode full-repertoire map (format 12), if the font has one.</summary>
    private static Dictionary<int, ushort> ReadSupplementaryCmap(ReadOnlySpan<byte> font)
    {
        var result = new Dictionary<int, ushort>();
        var offset = CmapSubtable(font, encoding: 10, format: 12);
        if (offset < 0)
        {
            return result;
        }

        var table = font[offset..];
        var groups = (int)BinaryPrimitives.ReadUInt32BigEndian(table[12..]);
        for (var g = 0; g < groups; g++)
        {
            var group = table[(16 + (12 * g))..];
            var start = (int)BinaryPrimitives.ReadUInt32BigEndian(group);
            var end = (int)BinaryPrimitives.ReadUInt32BigEndian(group[4..]);
            var glyph = (int)BinaryPrimitives.ReadUInt32BigEndian(group[8..]);
            for (var c = Math.Max(start, 0x10000); c <= end; c++)
            {
                result[c] = (ushort)(glyph + (c - start));
            }
        }

        return result;
    }

    /// <summary>The offset of the font's Windows (platform 3) cmap subtable with this encoding and format; -1 if none.</summary>
    private static int CmapSubtable(ReadOnlySpan<byte> font, int encoding, int format)
    {
        int tables = BinaryPrimitives.ReadUInt16BigEndian(font[4..]);
        for (var i = 0; i < tables; i++)
        {
            var record = font[(12 + (16 * i))..];
            if (!record[..4].SequenceEqual("cmap"u8))
            {
                continue;
            }

            var cmap = (int)BinaryPrimitives.ReadUInt32BigEndian(record[8..]);
            int subtables = BinaryPrimitives.ReadUInt16BigEndian(font[(cmap + 2)..]);
            for (var j = 0; j < subtables; j++)
            {
                var sub = font[(cmap + 4 + (8 * j))..];
                var offset = cmap + (int)BinaryPrimitives.ReadUInt32BigEndian(sub[4..]);
                if (BinaryPrimitives.ReadUInt16BigEndian(sub) == 3 && BinaryPrimitives.ReadUInt16BigEndian(sub[2..]) == encoding
                    && BinaryPrimitives.ReadUInt16BigEndian(font[offset..]) == format)
                {
                    return offset;
                }
            }

            return -1;
        }

        throw new InvalidDataException("The font has no cmap table.");
    }

    private static ushort[] Format4(ReadOnlySpan<byte> table)
    {
        var segments = BinaryPrimitives.ReadUInt16BigEndian(table[6..]) / 2;
        var ends = table[14..];
        var starts = table[(16 + (2 * segments))..];
        var deltas = table[(16 + (4 * segments))..];
        var rangeOffsets = table[(16 + (6 * segments))..];
        var result = new ushort[65536];
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

                result[c] = (ushort)glyph;
            }
        }

        return result;
    }

    private ReadOnlySpan<byte> Table(string tag) =>
        _tables.TryGetValue(tag, out var t) ? _data.Span.Slice(t.Offset, t.Length) : throw new InvalidDataException($"The face {PostScriptName} has no {tag} table.");

    private static int Pad4(int length) => (length + 3) & ~3;

    private static byte[] Assemble(SortedDictionary<string, byte[]> tables)
    {
        var count = tables.Count;
        var headerLength = 12 + (16 * count);
        var total = headerLength + tables.Values.Sum(t => Pad4(t.Length));
        var font = new byte[total];
        var span = font.AsSpan();
        BinaryPrimitives.WriteUInt32BigEndian(span, 0x00010000);
        BinaryPrimitives.WriteUInt16BigEndian(span[4..], (ushort)count);
        var entrySelector = (int)Math.Floor(Math.Log2(count));
        var searchRange = 16 * (1 << entrySelector);
        BinaryPrimitives.WriteUInt16BigEndian(span[6..], (ushort)searchRange);
        BinaryPrimitives.WriteUInt16BigEndian(span[8..], (ushort)entrySelector);
        BinaryPrimitives.WriteUInt16BigEndian(span[10..], (ushort)((16 * count) - searchRange));
        var offset = headerLength;
        var i = 0;
        var headOffset = 0;
        foreach (var (tag, data) in tables)
        {
            var record = span[(12 + (16 * i))..];
            System.Text.Encoding.ASCII.GetBytes(tag, record);
            BinaryPrimitives.WriteUInt32BigEndian(record[4..], Checksum(data));
            BinaryPrimitives.WriteUInt32BigEndian(record[8..], (uint)offset);
            BinaryPrimitives.WriteUInt32BigEndian(record[12..], (uint)data.Length);
            data.CopyTo(span[offset..]);
            if (tag == "head")
            {
                headOffset = offset;
            }

            offset += Pad4(data.Length);
            i++;
        }

        // The whole font's checksum adjustment, as the OpenType specification defines it.
        BinaryPrimitives.WriteUInt32BigEndian(span[(headOffset + 8)..], unchecked(0xB1B0AFBA - Checksum(font)));
        return font;
    }

    private static uint Checksum(ReadOnlySpan<byte> data)
    {
        uint sum = 0;
        var i = 0;
        for (; i + 4 <= data.Length; i += 4)
        {
            sum = unchecked(sum + BinaryPrimitives.ReadUInt32BigEndian(data[i..]));
        }

        if (i < data.Length)
        {
            Span<byte> last = stackalloc byte[4];
            last.Clear();
            data[i..].CopyTo(last);
            sum = unchecked(sum + BinaryPrimitives.ReadUInt32BigEndian(last));
        }

        return sum;
    }
}
