using LeakRights.Core.Pdf;
using PdfSharp.Drawing;
using UglyToad.PdfPig;

namespace LeakRights.Core.Tests.Pdf;

/// <summary>
/// The common Noto Sans SC faces (issue 15): a PDF's text is drawn with them, a character they lack with the full face, and
/// both give the same layout (same advance widths), so choosing one never changes a document's text or line breaks.
/// </summary>
public sealed class CommonFacesTests
{
    private static readonly Dictionary<string, string> RareName = new()
    {
        ["your-name"] = "王㐀明",   // U+3400, CJK Extension A: in the full faces only
        ["your-contact"] = "13800000000",
        ["organisation-address"] = "北京市某区某路1号",
    };

    private static List<string> FontNames(byte[] pdf)
    {
        using var doc = PdfDocument.Open(pdf);
        return doc.GetPages().SelectMany(p => p.Letters.Select(l => l.FontName ?? string.Empty)).Distinct().ToList();
    }

    private static string Text(byte[] pdf)
    {
        using var doc = PdfDocument.Open(pdf);
        return string.Concat(doc.GetPages().Select(p => string.Concat(p.Letters.Select(l => l.Value))));
    }

    [Fact]
    public void Render_TextTheCommonFacesCover_UsesOnlyTheCommonFaces()
    {
        var pdf = PlanPdfTests.Render(PlanPdfTests.Scenario("courier-waybill-leak-spam-calls-only"));

        var fonts = FontNames(pdf);

        Assert.NotEmpty(fonts);
        Assert.All(fonts, f => Assert.Contains("Common", f, StringComparison.Ordinal));
        Assert.Contains("王小明", Text(pdf), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ACharacterOutsideTheCommonFaces_DrawsItFromTheFullFaceAndKeepsTheCharacter()
    {
        var pdf = PlanPdfTests.Render(PlanPdfTests.Scenario("courier-waybill-leak-spam-calls-only", RareName));

        using var doc = PdfDocument.Open(pdf);
        var letters = doc.GetPages().SelectMany(p => p.Letters).ToList();

        // Only the character the common faces lack comes from a full face (read only for it); the rest stays common.
        Assert.All(letters.Where(l => l.Value == "㐀"), l => Assert.DoesNotContain("Common", l.FontName, StringComparison.Ordinal));
        Assert.Contains(letters, l => l.Value == "㐀");
        Assert.All(letters.Where(l => l.Value != "㐀"), l => Assert.Contains("Common", l.FontName, StringComparison.Ordinal));
        Assert.Contains("王㐀明", Text(pdf), StringComparison.Ordinal);
    }

    [Fact]
    public void CommonCovers_SeedsAndCommonText_TrueButNotForExtensionAOrEmoji()
    {
        Assert.True(NotoFontResolver.CommonCovers("个人信息保护法第六十九条：处理个人信息侵害个人信息权益造成损害，ABC abc 123 （）“”《》、。①"));
        Assert.False(NotoFontResolver.CommonCovers("㐀"));
        Assert.False(NotoFontResolver.CommonCovers("\U0001F600"));
    }

    [Fact]
    public void CommonFaces_EveryCoveredCharacterOfTheSeeds_HasTheFullFacesAdvanceWidth()
    {
        NotoFontResolver.EnsureRegistered();
        var characters = Directory.EnumerateFiles(TestContent.SeedsDirectory, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".json", StringComparison.Ordinal) || f.EndsWith(".md", StringComparison.Ordinal))
            .SelectMany(File.ReadAllText)
            .Where(c => c >= ' ' && !char.IsSurrogate(c))
            .Distinct()
            .Concat(Enumerable.Range(0x4E00, 0x9FFF - 0x4E00 + 1).Where(i => i % 7 == 0).Select(i => (char)i))
            .Distinct()
            .Where(c => NotoFontResolver.CommonCovers(c.ToString()))
            .ToList();
        var measure = XGraphics.CreateMeasureContext(new XSize(1000, 1000), XGraphicsUnit.Point, XPageDirection.Downwards);

        Assert.True(characters.Count > 3000, $"{characters.Count} characters");
        foreach (var bold in new[] { false, true })
        {
            var full = PdfSharpFont(bold, common: false);
            var common = PdfSharpFont(bold, common: true);
            foreach (var c in characters)
            {
                var s = c.ToString();
                Assert.Equal(measure.MeasureString(s, full).Width, measure.MeasureString(s, common).Width, 6);
            }
        }
    }

    /// <summary>
    /// <see cref="TextMeasurer"/> reads advance widths from the mapped faces itself; it replaced PDFsharp's measurement, which
    /// layouts were made with until then. Every BMP character in both weights (surrogate halves aside: half an em by design)
    /// must measure as PDFsharp measured it on the face it would have used, or line breaks and pages would move.
    /// </summary>
    [Fact]
    public void CharWidth_EveryBmpCharacterBothWeights_EqualsPdfSharpsMeasurement()
    {
        NotoFontResolver.EnsureRegistered();
        var measure = XGraphics.CreateMeasureContext(new XSize(1000, 1000), XGraphicsUnit.Point, XPageDirection.Downwards);
        var compared = 0;
        foreach (var bold in new[] { false, true })
        {
            var (full, common) = (PdfSharpFont(bold, common: false), PdfSharpFont(bold, common: true));
            for (var i = 0; i <= char.MaxValue; i++)
            {
                var c = (char)i;
                if (char.IsSurrogate(c))
                {
                    Assert.Equal(6.0, TextMeasurer.CharWidth(c, bold, 12), 9);
                    continue;
                }

                var expected = measure.MeasureString(c.ToString(), NotoFontResolver.CommonCovers(c) ? common : full).Width;
                var actual = TextMeasurer.CharWidth(c, bold, 1000);
                if (Math.Abs(expected - actual) > 1e-6)
                {
                    Assert.Fail($"U+{i:X4} ({(bold ? "bold" : "regular")}): PDFsharp {expected}, TextMeasurer {actual}");
                }

                compared++;
            }
        }

        Assert.Equal(2 * (65536 - 2048), compared);
        Assert.Equal(TextMeasurer.CharWidth('信', false, 1000) * 10.5 / 1000, TextMeasurer.CharWidth('信', false, 10.5), 9);
    }

    private static XFont PdfSharpFont(bool bold, bool common) =>
        new(common ? NotoFontResolver.CommonFamily : NotoFontResolver.Family, 1000, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, new XPdfFontOptions(PdfSharp.Pdf.PdfFontEncoding.Unicode));

    [Fact]
    public void CmapCharacters_CommonFace_CoversTheCjkBlockAndNotExtensionA()
    {
        var covered = CmapCharacters(File.ReadAllBytes(Path.Combine(NotoFontResolver.DefaultFontDirectory, "NotoSansSC_400Regular.common.ttf")));
        var full = CmapCharacters(File.ReadAllBytes(Path.Combine(NotoFontResolver.DefaultFontDirectory, "NotoSansSC_400Regular.ttf")));

        Assert.Contains('\u4E00', covered);
        Assert.Contains('\u9FA5', covered);
        Assert.Contains('A', covered);
        Assert.DoesNotContain('\u3400', covered);
        Assert.Contains('\u3400', full);
        Assert.True(covered.IsSubsetOf(full));
        Assert.InRange(covered.Count, 20_992, 30_000);
    }

    [Theory]
    [InlineData("NotoSansSC_400Regular.common.ttf")]
    [InlineData("NotoSansSC_700Bold.common.ttf")]
    public void CmapSegments_CommonFace_TheCjkBlockIsAFewRunsOfConsecutiveGlyphs(string file)
    {
        // PDFsharp finds a character's glyph by scanning the cmap segments from the first (12 % of a PDF's CPU with the
        // original glyph order's 315 segments): the common faces number their glyphs in code point order, so the CJK block is
        // a few segments with a constant delta, and few segments come before it (.tools/fonts/subset_common.py).
        var segments = Format4Segments(File.ReadAllBytes(Path.Combine(NotoFontResolver.DefaultFontDirectory, file)));

        var cjk = segments.FindIndex(s => s.End >= 0x4E00);
        var block = segments.Where(s => s.End >= 0x4E00 && s.Start <= 0x9FA5).ToList();
        Assert.Equal(0x4E00, block[0].Start);
        Assert.True(block[^1].End >= 0x9FA5, $"ends at U+{block[^1].End:X4}");
        Assert.InRange(block.Count, 1, 3); // U+58FF shares a glyph with another character: the run is cut around it
        Assert.All(block, s => Assert.Equal(0, s.RangeOffset));
        Assert.InRange(cjk, 1, 130);
        Assert.InRange(segments.Count, cjk + block.Count, 160);
    }

    /// <summary>The segments of a font's Windows Unicode BMP cmap (format 4): start, end and idRangeOffset (0 = constant delta).</summary>
    private static List<(int Start, int End, int RangeOffset)> Format4Segments(byte[] font)
    {
        static int U16(byte[] b, int at) => (b[at] << 8) | b[at + 1];
        static int U32(byte[] b, int at) => (U16(b, at) << 16) | U16(b, at + 2);
        var cmap = Enumerable.Range(0, U16(font, 4)).Select(i => 12 + (16 * i)).Single(r => System.Text.Encoding.ASCII.GetString(font, r, 4) == "cmap");
        var table = U32(font, cmap + 8);
        var sub = Enumerable.Range(0, U16(font, table + 2)).Select(i => table + 4 + (8 * i))
            .Where(r => U16(font, r) == 3 && U16(font, r + 2) == 1).Select(r => table + U32(font, r + 4)).Single();
        Assert.Equal(4, U16(font, sub));
        var count = U16(font, sub + 6) / 2;
        var ends = sub + 14;
        var starts = ends + (2 * count) + 2;
        var offsets = starts + (4 * count);
        return [.. Enumerable.Range(0, count).Select(i => (U16(font, starts + (2 * i)), U16(font, ends + (2 * i)), U16(font, offsets + (2 * i))))];
    }

    /// <summary>The BMP characters a TrueType font maps to a glyph other than .notdef (its Windows Unicode BMP cmap, format 4).</summary>
    private static HashSet<char> CmapCharacters(byte[] font)
    {
        var map = TrueTypeFace.ReadCmap(font);
        return [.. Enumerable.Range(0, map.Length).Where(c => map[c] != 0).Select(c => (char)c)];
    }
}
