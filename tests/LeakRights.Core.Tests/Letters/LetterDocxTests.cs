using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using LeakRights.Core.Letters;
using LeakRights.Core.Rules;
using LeakRights.Core.Tests.Pdf;

namespace LeakRights.Core.Tests.Letters;

/// <summary>Each letter as an editable .docx, opened again with the Open XML SDK: the same text as the plan's letter, nothing else.</summary>
public class LetterDocxTests
{
    private static readonly Plan Plan = PlanPdfTests.Scenario("bank-insider-sold-data-with-fraud-loss");

    public static TheoryData<string> LetterIds() => [.. Plan.Letters.Select(l => l.Id)];

    private static WordprocessingDocument Open(byte[] docx) => WordprocessingDocument.Open(new MemoryStream(docx), isEditable: false);

    [Theory]
    [MemberData(nameof(LetterIds))]
    public void Render_EachLetter_HasTheLettersLinesInOrder(string id)
    {
        var letter = Plan.Letters.Single(l => l.Id == id);

        using var doc = Open(LetterDocx.Render(letter));
        var paragraphs = doc.MainDocumentPart!.Document!.Body!.Elements<Paragraph>().Select(p => p.InnerText).ToList();

        var expected = letter.Paragraphs.Prepend(letter.Title).Concat(letter.Closing).Concat(letter.Signature).Select(l => l.Text);
        Assert.Equal(expected, paragraphs);
    }

    [Fact]
    public void Render_Letter_IsValidWordWithoutHeaderOrFooter()
    {
        using var doc = Open(LetterDocx.Render(Plan.Letters[0]));

        Assert.Empty(new OpenXmlValidator().Validate(doc).Select(e => $"{e.Path?.XPath}: {e.Description}"));
        Assert.Empty(doc.MainDocumentPart!.HeaderParts);
        Assert.Empty(doc.MainDocumentPart.FooterParts);
        Assert.DoesNotContain("LeakRights", doc.MainDocumentPart.Document!.InnerText, StringComparison.Ordinal);
        Assert.DoesNotContain("不是法律意见", doc.MainDocumentPart.Document.InnerText, StringComparison.Ordinal);
        Assert.Equal(Plan.Letters[0].Title.Text, doc.PackageProperties.Title);
    }

    [Fact]
    public void Render_Blanks_AreHighlightedAndNothingElseIs()
    {
        var letter = PlanPdfTests.Scenario("bank-insider-sold-data-with-fraud-loss", new Dictionary<string, string>()).Letters[0];

        using var doc = Open(LetterDocx.Render(letter));
        var runs = doc.MainDocumentPart!.Document!.Body!.Descendants<Run>().ToList();

        var highlighted = runs.Where(r => r.RunProperties?.Highlight is not null).Select(r => r.InnerText).ToList();
        Assert.Equal(letter.Paragraphs.Prepend(letter.Title).Concat(letter.Closing).Concat(letter.Signature).SelectMany(l => l.Segments).Count(s => s.Blank), highlighted.Count);
        Assert.All(highlighted, t => Assert.Matches("^＿+$", t));
        Assert.Contains(runs, r => r.RunProperties?.Highlight is null && r.InnerText.Contains("个人信息", StringComparison.Ordinal));
    }

    [Fact]
    public void Render_Layout_IsAPrintedChineseLetter_TitleCentredBold_BodyIndented_ClosingAndSignaturePlaced()
    {
        var letter = Plan.Letters.Single(l => l.Id == "deletion-request");

        using var doc = Open(LetterDocx.Render(letter));
        var body = doc.MainDocumentPart!.Document!.Body!;
        var paragraphs = body.Elements<Paragraph>().ToList();
        var title = paragraphs[0];
        var first = paragraphs[1];
        var closing = paragraphs.Skip(1 + letter.Paragraphs.Count).Take(letter.Closing.Count).ToList();
        var signature = paragraphs.Skip(1 + letter.Paragraphs.Count + letter.Closing.Count).ToList();

        Assert.Equal(JustificationValues.Center, title.ParagraphProperties!.Justification!.Val!.Value);
        Assert.All(title.Descendants<RunProperties>(), r => Assert.NotNull(r.Bold));
        Assert.All(title.Descendants<RunProperties>(), r => Assert.Equal("36", r.FontSize!.Val!.Value));
        Assert.Null(title.ParagraphProperties.Indentation);
        Assert.Equal(JustificationValues.Both, first.ParagraphProperties!.Justification!.Val!.Value);
        Assert.Equal(200, first.ParagraphProperties.Indentation!.FirstLineChars!.Value);
        Assert.All(first.Descendants<RunProperties>(), r => Assert.Null(r.Bold));
        Assert.All(first.Descendants<RunProperties>(), r => Assert.Equal(("SimSun", "Times New Roman", "28"), (r.RunFonts!.EastAsia!.Value, r.RunFonts.Ascii!.Value, r.FontSize!.Val!.Value)));
        Assert.Equal([true, false], closing.Select(p => p.ParagraphProperties!.Indentation is not null)); // 此致 indented, addressee at the margin
        Assert.All(signature, p => Assert.Equal(JustificationValues.Right, p.ParagraphProperties!.Justification!.Val!.Value));
        var section = body.Elements<SectionProperties>().Single();
        Assert.Equal((11906U, 16838U), (section.GetFirstChild<PageSize>()!.Width!.Value, section.GetFirstChild<PageSize>()!.Height!.Value)); // A4
        Assert.Equal(1800U, section.GetFirstChild<PageMargin>()!.Left!.Value);
        Assert.True(string.IsNullOrEmpty(doc.PackageProperties.Creator)); // nothing about the product in the file either
        Assert.All(body.Descendants<Text>(), t => Assert.Equal(DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve, t.Space!.Value));
    }

    [Fact]
    public void FileName_IsAsciiWithTheLetterAndTheDate()
    {
        Assert.Equal("leakrights-letter-police-statement-20261127.docx", LetterDocx.FileName(Plan.Letters.Single(l => l.Id == "police-statement"), Plan));
    }
}
