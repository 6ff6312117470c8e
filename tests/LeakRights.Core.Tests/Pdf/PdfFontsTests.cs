using System.Buffers.Binary;
using LeakRights.Core.Pdf;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace LeakRights.Core.Tests.Pdf;

/// <summary>
/// The PDF writer's own fonts and content (issue 15, finding 28): subsets that keep the outlines and advances, one shared font
/// made of public text only and copied into every PDF, text that reads back exactly where the layout put it, and drawings.
/// </summary>
public sealed class PdfFontsTests
{
    private const string Rare = "龘靐齉"; // in the common faces, in no seed file

    private static TrueTypeFace CommonRegular => NotoFontResolver.Face(bold: false, common: true);

    private static List<Letter> Letters(byte[] pdf)
    {
        using var doc = PdfDocument.Open(pdf);
        return [.. doc.GetPages().SelectMany(p => p.Letters)];
    }

    private static byte[] RenderOne(PdfBlock block, PdfFontSet fonts) =>
        PdfRenderer.Render(new PdfDocumentModel("测试", new PdfPageFrame("页眉", "页脚"), [block]), fonts);

    [Fact]
    public void Subset_ChosenGlyphs_KeepsTheirOutlinesAndAdvancesInTheGivenOrderAndAValidChecksum()
    {
        var face = CommonRegular;
        int[] glyphs = [0, face.GlyphOf('信'), face.GlyphOf('A'), face.GlyphOf('息')];

        var subset = face.Subset(glyphs);
        var read = new TrueTypeFace("subset", subset);

        Assert.Equal(4, read.GlyphCount);
        for (var i = 0; i < glyphs.Length; i++)
        {
            // The same outline, padded to four bytes.
            var original = face.GlyphData(glyphs[i]);
            var copied = read.GlyphData(i);
            Assert.True(copied.StartsWith(original), $"glyph {i}");
            Assert.True(copied.Length - original.Length is >= 0 and < 4 && !copied[original.Length..].ContainsAnyExcept((byte)0), $"glyph {i} padding");
            Assert.Equal(face.Advance(glyphs[i]), read.Advance(i));
        }

        Assert.Equal(face.Ascender, read.Ascender);
        Assert.Equal(face.UnitsPerEm, read.UnitsPerEm);
        Assert.Equal(4, BinaryPrimitives.ReadUInt16BigEndian(subset.AsSpan(FindTable(subset, "hhea") + 34))); // numberOfHMetrics
        foreach (var tag in new[] { "glyf", "head", "hhea", "hmtx", "loca", "maxp" })
        {
            var (offset, length, checksum) = TableRecord(subset, tag);
            var padded = new byte[(length + 3) & ~3];
            subset.AsSpan(offset, length).CopyTo(padded);
            if (tag == "head")
            {
                padded.AsSpan(8, 4).Clear(); // checkSumAdjustment is left out of head's own checksum
            }

            Assert.Equal(Sum(padded), checksum);
        }

        uint sum = 0;
        for (var i = 0; i < subset.Length; i += 4)
        {
            sum = unchecked(sum + BinaryPrimitives.ReadUInt32BigEndian(subset.AsSpan(i)));
        }

        Assert.Equal(0xB1B0AFBAu, sum);
    }

    [Fact]
    public void Subset_WithoutNotdefFirst_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => CommonRegular.Subset([CommonRegular.GlyphOf('信')]));
    }

    [Fact]
    public void Face_MappedFromItsFile_ReadsAsTheFilesBytesDo()
    {
        var path = Path.Combine(NotoFontResolver.DefaultFontDirectory, "NotoSansSC_700Bold.common.ttf");
        var fromBytes = new TrueTypeFace("bytes", File.ReadAllBytes(path));
        var mapped = NotoFontResolver.Face(bold: true, common: true);
        int[] glyphs = [0, .. "信息保护法Ab1：".Select(c => mapped.GlyphOf(c))];

        Assert.All(glyphs.Skip(1), g => Assert.NotEqual(0, g));
        Assert.Equal(glyphs, "信息保护法Ab1：".Select(c => fromBytes.GlyphOf(c)).Prepend(0).ToArray());
        Assert.Equal(fromBytes.Subset(glyphs), mapped.Subset(glyphs));
        Assert.Equal((fromBytes.UnitsPerEm, fromBytes.GlyphCount, fromBytes.Ascender, fromBytes.CapHeight), (mapped.UnitsPerEm, mapped.GlyphCount, mapped.Ascender, mapped.CapHeight));
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, true)]
    [InlineData(false, false)]
    [InlineData(true, false)]
    public void BundledFace_EveryGlyph_IsSimple(bool bold, bool common)
    {
        // Composite glyphs are refused only when a subset would embed one (TrueTypeFace.Subset): a face rebuilt with one
        // must fail here, not in a person's PDF.
        var face = NotoFontResolver.Face(bold, common);
        var outlines = 0;
        for (var g = 0; g < face.GlyphCount; g++)
        {
            var data = face.GlyphData(g);
            if (data.Length > 0)
            {
                Assert.True(BinaryPrimitives.ReadInt16BigEndian(data) >= 0, $"glyph {g} of {face.PostScriptName} is composite");
                outlines++;
            }
        }

        Assert.True(outlines > 20_000, $"{outlines} outlines in {face.PostScriptName}");
    }

    [Fact]
    public void Subset_ACompositeGlyph_IsRefused()
    {
        var face = CommonRegular;
        var subset = face.Subset([0, face.GlyphOf('信')]);
        var glyf = FindTable(subset, "glyf");
        var loca = FindTable(subset, "loca");
        var second = glyf + (int)BinaryPrimitives.ReadUInt32BigEndian(subset.AsSpan(loca + 4));
        BinaryPrimitives.WriteInt16BigEndian(subset.AsSpan(second), -1);

        var broken = new TrueTypeFace("broken", subset);
        Assert.NotEmpty(broken.Subset([0]));
        var ex = Assert.Throws<InvalidDataException>(() => broken.Subset([0, 1]));
        Assert.Contains("composite", ex.Message, StringComparison.Ordinal);
        Assert.Contains("(1)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PublicCharacters_Seeds_HoldTheStatutesAndTemplatesButNothingElse()
    {
        var chars = TestContent.Bundle.PublicCharacters;
        var codePoints = chars.EnumerateRunes().Select(r => r.Value).ToList();

        Assert.Contains('侵', chars);                        // statutes
        Assert.Contains('您', chars);                        // questionnaire and letters
        Assert.All(Rare, c => Assert.DoesNotContain(c, chars));
        Assert.Equal(codePoints.Distinct().Order(), codePoints);
    }

    [Fact]
    public void Render_TwoPeoplesPdfs_ShareTheSameFontBytesWhichHoldNoTypedCharacter()
    {
        var fonts = TestContent.Bundle.PdfFonts;
        var mine = PlanPdf.Render(PlanPdfTests.Scenario("courier-waybill-leak-spam-calls-only", Fields("王" + Rare)), fonts: fonts);
        var theirs = PlanPdf.Render(PlanPdfTests.Scenario("courier-waybill-leak-spam-calls-only", Fields("李四")), fonts: fonts);

        var shared = fonts.SharedFont!;
        Assert.True(ContainsBytes(mine, shared.Program), "the shared font program is in the first PDF as it is");
        Assert.True(ContainsBytes(theirs, shared.Program), "and in the second");
        Assert.All(Rare, c => Assert.False(shared.TryGetCode(c, out _)));

        // Regular text the shared font has is drawn with it; the typed characters come from this PDF's own font, and read back.
        var letters = Letters(mine);
        var regular = letters.Where(l => (l.FontName ?? string.Empty).Contains("Regular", StringComparison.Ordinal) && shared.TryGetCode(l.Value[0], out _)).ToList();
        Assert.True(regular.Count > 1000, $"{regular.Count} letters");
        Assert.All(regular, l => Assert.Contains(shared.BaseFont, l.FontName, StringComparison.Ordinal));
        Assert.All(letters.Where(l => Rare.Contains(l.Value, StringComparison.Ordinal)), l => Assert.DoesNotContain(shared.BaseFont, l.FontName, StringComparison.Ordinal));
        Assert.Contains("王" + Rare, PlanPdfTests.Text(mine), StringComparison.Ordinal);
        Assert.DoesNotContain(Rare[0], PlanPdfTests.Text(theirs));
    }

    [Fact]
    public void Render_SharedFontOrNone_SameLettersInTheSamePlaces()
    {
        var plan = PlanPdfTests.Scenario("bank-insider-sold-data-with-fraud-loss");

        var shared = Letters(PlanPdf.Render(plan, fonts: TestContent.Bundle.PdfFonts));
        var alone = Letters(PlanPdf.Render(plan, fonts: PdfFontSet.None));

        Assert.Equal(alone.Count, shared.Count);
        Assert.True(shared.Count > 5000, $"{shared.Count} letters");
        for (var i = 0; i < shared.Count; i++)
        {
            Assert.Equal(alone[i].Value, shared[i].Value);
            Assert.Equal(alone[i].StartBaseLine.X, shared[i].StartBaseLine.X, 2);
            Assert.Equal(alone[i].StartBaseLine.Y, shared[i].StartBaseLine.Y, 2);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Render_AParagraph_EachCharacterReadsBackWhereTheLayoutPutIt(bool bold)
    {
        const string text = "甲·乙•丙 Ab1，龘";
        var pdf = RenderOne(new ParagraphBlock(text, bold ? ParagraphStyle.Strong : ParagraphStyle.Normal), TestContent.Bundle.PdfFonts);

        var page = PdfLayoutEngine.Layout([new ParagraphBlock(text, bold ? ParagraphStyle.Strong : ParagraphStyle.Normal)])[0];
        var op = Assert.Single(page.Ops.OfType<TextOp>());
        var letters = Letters(pdf).Where(l => l.StartBaseLine.Y is > 60 and < 790).ToList(); // between the frame's header and footer
        Assert.Equal(text.Replace(" ", string.Empty, StringComparison.Ordinal), string.Concat(letters.Select(l => l.Value)).Replace(" ", string.Empty, StringComparison.Ordinal));

        // The baseline: the line box's top (the op's y + 0.3 em, as the layout draws) plus the face's ascent, from the page's top.
        var baseline = PdfLayoutEngine.PageHeight - (op.Y + (op.Size * 0.3)) - (op.Size * 1.16);
        var x = op.X;
        Assert.Equal(text.Length, letters.Count);
        foreach (var (letter, c) in letters.Zip(text))
        {
            Assert.Equal(baseline, letter.StartBaseLine.Y, 2);
            Assert.Equal(c.ToString(), letter.Value);
        }

        Assert.Equal(x, letters[0].StartBaseLine.X, 2);
        var width = text.Sum(c => TextMeasurer.CharWidth(c, bold, op.Size));
        Assert.Equal(x + width, letters[^1].EndBaseLine.X, 1);
        Assert.All(letters, l => Assert.Contains(bold ? "Bold" : "Regular", l.FontName, StringComparison.Ordinal));
    }

    [Fact]
    public void Render_ShadedTableHeaderAndFrameRules_DrawnAsFilledAndStrokedPaths()
    {
        var model = new PdfDocumentModel("测试", new PdfPageFrame("页眉", "页脚"), [new TableBlock([1, 1], ["甲", "乙"], [["丙", "丁"]])]);
        var page = PdfLayoutEngine.Layout(model.Blocks)[0];
        var rect = page.Ops.OfType<RectOp>().First(r => r.Fill is not null);

        using var doc = PdfDocument.Open(PdfRenderer.Render(model, PdfFontSet.None));
        var paths = doc.GetPage(1).Paths;

        var filled = paths.Where(p => p.IsFilled).Select(p => p.GetBoundingRectangle()!.Value).ToList();
        Assert.Contains(filled, b => Math.Abs(b.Left - rect.X) < 0.01 && Math.Abs(b.Top - (PdfLayoutEngine.PageHeight - rect.Y)) < 0.01
            && Math.Abs(b.Width - rect.Width) < 0.01 && Math.Abs(b.Height - rect.Height) < 0.01);
        // The frame's two rules, header and footer, full content width.
        var rules = paths.Where(p => p.IsStroked && !p.IsFilled).Select(p => p.GetBoundingRectangle()!.Value)
            .Where(b => Math.Abs(b.Width - PdfLayoutEngine.ContentWidth) < 0.01).ToList();
        Assert.Contains(rules, b => Math.Abs(b.Bottom - (PdfLayoutEngine.PageHeight - 48)) < 0.01);
        Assert.Contains(rules, b => Math.Abs(b.Bottom - 46) < 0.01);
    }

    [Fact]
    public void Render_ANameWithACharacterBeyondUFFFF_DrawsItFromTheFullFaceWhereTheLayoutPutIt()
    {
        const string text = "王𬱖明收"; // U+2CC56, CJK Extension E: in the full faces only, as a surrogate pair
        var pdf = RenderOne(new ParagraphBlock(text), TestContent.Bundle.PdfFonts);

        var letters = Letters(pdf).Where(l => l.StartBaseLine.Y is > 60 and < 790).ToList();
        Assert.Equal(["王", "𬱖", "明", "收"], letters.Select(l => l.Value));
        Assert.DoesNotContain("Common", letters[1].FontName, StringComparison.Ordinal);
        // Each character one em (10.5 pt) after the previous: the layout measured the pair as 2 × ½ em.
        Assert.Equal(letters[0].StartBaseLine.X + 10.5, letters[1].StartBaseLine.X, 2);
        Assert.Equal(letters[0].StartBaseLine.X + 21, letters[2].StartBaseLine.X, 2);
    }

    [Fact]
    public void Render_AnEmojiAndALoneSurrogate_OneBoxForTheEmojiNothingForTheSurrogateAndTheRestInPlace()
    {
        const string text = "甲😀乙\uD800丙";
        var pdf = RenderOne(new ParagraphBlock(text), TestContent.Bundle.PdfFonts);

        var letters = Letters(pdf).Where(l => l.StartBaseLine.Y is > 60 and < 790).ToList();
        var jia = Assert.Single(letters, l => l.Value == "甲");
        var yi = Assert.Single(letters, l => l.Value == "乙");
        var bing = Assert.Single(letters, l => l.Value == "丙");
        Assert.Equal(4, letters.Count); // 甲, a .notdef box, 乙, 丙
        Assert.Equal(jia.StartBaseLine.X + 21, yi.StartBaseLine.X, 2);     // the emoji: one em, as measured (2 × ½)
        Assert.Equal(yi.StartBaseLine.X + 15.75, bing.StartBaseLine.X, 2); // the lone surrogate: a gap of ½ em, as measured
    }

    [Fact]
    public void DocumentFonts_OnlyBoldTextOrNone_LeavesTheSharedFontOut()
    {
        var set = TestContent.Bundle.PdfFonts;

        var bold = new DocumentFonts(set, [(true, "行动计划")]);
        var none = new DocumentFonts(set, [(false, string.Empty)]);
        var regular = new DocumentFonts(set, [(false, "行动计划"), (true, "行动计划")]);

        Assert.Equal("NotoSansSC-Common-Bold", Assert.Single(bold.Fonts).Face.PostScriptName);
        Assert.Empty(none.Fonts);
        Assert.Same(set.SharedFont, regular.Fonts[0]);
        Assert.Equal(2, regular.Fonts.Count);
        Assert.Equal(0, regular.Lookup(false, '行').Font);
        Assert.Equal(1, regular.Lookup(true, '行').Font);
    }

    [Fact]
    public void Render_TextAndShapes_CarryTheLayoutsColoursAndLineWidths()
    {
        var model = new PdfDocumentModel("测试", new PdfPageFrame("页眉", "页脚"), [new HeadingBlock("标题", 1), new TableBlock([1, 1], ["甲", "乙"], [["丙", "丁"]])]);
        var page = PdfLayoutEngine.Layout(model.Blocks)[0];
        var heading = page.Ops.OfType<TextOp>().First();
        var fill = page.Ops.OfType<RectOp>().First(r => r.Fill is not null);
        var stroked = page.Ops.OfType<RectOp>().First(r => r.Stroke is not null);

        using var doc = PdfDocument.Open(PdfRenderer.Render(model, TestContent.Bundle.PdfFonts));
        var pdfPage = doc.GetPage(1);

        var title = pdfPage.Letters.First(l => l.Value == "标");
        AssertColour(heading.Color, title.Color.ToRGBValues());
        AssertColour(PdfLayoutEngine.Muted, pdfPage.Letters.First(l => l.Value == "页").Color.ToRGBValues()); // the frame
        var paths = pdfPage.Paths;
        AssertColour(fill.Fill!.Value, paths.First(p => p.IsFilled).FillColor!.ToRGBValues());
        var border = paths.First(p => p.IsStroked && Math.Abs(p.GetBoundingRectangle()!.Value.Width - stroked.Width) < 0.01);
        AssertColour(stroked.Stroke!.Value, border.StrokeColor!.ToRGBValues());
        Assert.Equal(0.6, (double)border.LineWidth, 3);
        var rule = paths.First(p => p.IsStroked && Math.Abs(p.GetBoundingRectangle()!.Value.Width - PdfLayoutEngine.ContentWidth) < 0.01);
        AssertColour(PdfLayoutEngine.Rule, rule.StrokeColor!.ToRGBValues());
        Assert.Equal(0.5, (double)rule.LineWidth, 3);
    }

    [Fact]
    public void Render_ThePagesContent_HasNoDrawingInsideATextObjectAndClosesEveryOne()
    {
        var pdf = PlanPdf.Render(PlanPdfTests.Scenario("bank-insider-sold-data-with-fraud-loss"), fonts: TestContent.Bundle.PdfFonts);

        using var doc = PdfDocument.Open(pdf);
        foreach (var page in doc.GetPages())
        {
            var inText = false;
            foreach (var op in page.Operations.Select(o => o.Operator))
            {
                if (op == "BT")
                {
                    Assert.False(inText, $"page {page.Number}: BT inside a text object");
                    inText = true;
                }
                else if (op == "ET")
                {
                    Assert.True(inText, $"page {page.Number}: ET without BT");
                    inText = false;
                }
                else if (op is "m" or "l" or "re" or "S" or "f" or "w")
                {
                    Assert.False(inText, $"page {page.Number}: '{op}' inside a text object");
                }
            }

            Assert.False(inText, $"page {page.Number}: a text object left open");
        }
    }

    [Fact]
    public void ToUnicode_EveryFont_IsAWellFormedCMapWithBlocksOfAtMostAHundred()
    {
        var font = EmbeddableFont.Create(CommonRegular, TestContent.Bundle.PublicCharacters.EnumerateRunes().Select(r => r.Value), System.IO.Compression.CompressionLevel.Fastest);
        using var inflated = new MemoryStream();
        using (var zlib = new System.IO.Compression.ZLibStream(new MemoryStream(font.ToUnicode), System.IO.Compression.CompressionMode.Decompress))
        {
            zlib.CopyTo(inflated);
        }

        var map = System.Text.Encoding.ASCII.GetString(inflated.ToArray());
        Assert.StartsWith("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n", map, StringComparison.Ordinal);
        Assert.Contains("/Registry (Adobe) /Ordering (UCS) /Supplement 0", map, StringComparison.Ordinal);
        Assert.Contains("/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n", map, StringComparison.Ordinal);
        Assert.Contains("1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n", map, StringComparison.Ordinal);
        Assert.EndsWith("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n", map, StringComparison.Ordinal);
        var blocks = System.Text.RegularExpressions.Regex.Matches(map, @"(\d+) beginbfchar\n((?:<[0-9A-F]{4}> <[0-9A-F]{4,8}>\n)*)endbfchar\n");
        Assert.Equal(System.Text.RegularExpressions.Regex.Count(map, "beginbfchar"), blocks.Count);
        Assert.All(blocks, b => Assert.Equal(int.Parse(b.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), b.Groups[2].Value.Count(c => c == '\n')));
        Assert.All(blocks, b => Assert.InRange(int.Parse(b.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), 1, 100));
        Assert.Equal(font.CharacterCount, blocks.Sum(b => int.Parse(b.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Render_BrokenSurrogates_NeverThrowAndKeepTheRest()
    {
        // Built in code: xunit's theory data would turn a lone surrogate into U+FFFD on its way to the test.
        string[] texts =
        [
            "甲" + '\uD800',              // a high surrogate at the very end
            "甲" + '\uDC00' + "乙",       // a low surrogate without its high one
            string.Concat('\uD800', '\uD800') + "乙", // two high surrogates
        ];

        foreach (var text in texts)
        {
            var pdf = RenderOne(new ParagraphBlock(text), TestContent.Bundle.PdfFonts);

            var body = string.Concat(Letters(pdf).Where(l => l.StartBaseLine.Y is > 60 and < 790).Select(l => l.Value));
            Assert.Equal(new string([.. text.Where(c => !char.IsSurrogate(c))]), body);
        }
    }

    [Fact]
    public void For_ControlCharactersInThePublicText_AreLeftOutOfTheSharedFont()
    {
        var set = PdfFontSet.For("甲\u0001乙\t");

        Assert.True(set.SharedFont!.TryGetCode('甲', out _));
        Assert.False(set.SharedFont.TryGetCode('\u0001', out _));
        Assert.False(set.SharedFont.TryGetCode('\t', out _));
        Assert.True(set.SharedFont.TryGetCode('A', out _)); // printable ASCII always
    }

    private static void AssertColour(PdfSharp.Drawing.XColor expected, (double R, double G, double B) actual)
    {
        // Written with three decimals.
        Assert.InRange(actual.R - (expected.R / 255.0), -0.001, 0.001);
        Assert.InRange(actual.G - (expected.G / 255.0), -0.001, 0.001);
        Assert.InRange(actual.B - (expected.B / 255.0), -0.001, 0.001);
    }

    private static Dictionary<string, string> Fields(string name) => new(PlanPdfTests.Letters) { ["your-name"] = name };

    private static bool ContainsBytes(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;

    private static int FindTable(byte[] font, string tag) => TableRecord(font, tag).Offset;

    private static uint Sum(byte[] data)
    {
        uint sum = 0;
        for (var i = 0; i < data.Length; i += 4)
        {
            sum = unchecked(sum + BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(i)));
        }

        return sum;
    }

    private static (int Offset, int Length, uint Checksum) TableRecord(byte[] font, string tag)
    {
        int tables = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(4));
        for (var i = 0; i < tables; i++)
        {
            var record = font.AsSpan(12 + (16 * i));
            if (System.Text.Encoding.ASCII.GetString(record[..4]) == tag)
            {
                return ((int)BinaryPrimitives.ReadUInt32BigEndian(record[8..]), (int)BinaryPrimitives.ReadUInt32BigEndian(record[12..]), BinaryPrimitives.ReadUInt32BigEndian(record[4..]));
            }
        }

        throw new InvalidOperationException(tag);
    }
}
