using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using LeakRights.Core.Content;
using LeakRights.Core.Rules;

namespace LeakRights.Core.Letters;

/// <summary>
/// One letter of the plan as an editable Word document (.docx), so the person can correct it before printing: the letter
/// alone, as a citizen's letter looks (no product header or footer), blanks highlighted so they are easy to find and fill.
/// It renders <see cref="PlanLetter"/> as the plan filled it; it decides nothing.
/// </summary>
public static class LetterDocx
{
    private const string ChineseFont = "SimSun";
    private const string LatinFont = "Times New Roman";
    private const string BodySize = "28"; // half-points: 14 pt, the usual size of a printed letter in China
    private const string TitleSize = "36";

    public static byte[] Render(PlanLetter letter)
    {
        ArgumentNullException.ThrowIfNull(letter);
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            document.PackageProperties.Title = letter.Title.Text;
            document.PackageProperties.Creator = string.Empty;
            var main = document.AddMainDocumentPart();
            var body = new Body();
            body.Append(Paragraph(letter.Title, JustificationValues.Center, bold: true, size: TitleSize, firstLineIndent: false));
            foreach (var line in letter.Paragraphs)
            {
                body.Append(Paragraph(line, JustificationValues.Both, bold: false, size: BodySize, firstLineIndent: true));
            }

            foreach (var (line, i) in letter.Closing.Select((l, i) => (l, i)))
            {
                // 此致 is indented like a paragraph; the addressee that follows starts at the margin.
                body.Append(Paragraph(line, JustificationValues.Left, bold: false, size: BodySize, firstLineIndent: i == 0));
            }

            foreach (var line in letter.Signature)
            {
                body.Append(Paragraph(line, JustificationValues.Right, bold: false, size: BodySize, firstLineIndent: false));
            }

            body.Append(new SectionProperties(
                new PageSize { Width = 11906U, Height = 16838U }, // A4
                new PageMargin { Top = 1440, Bottom = 1440, Left = 1800U, Right = 1800U, Header = 720U, Footer = 720U, Gutter = 0U }));
            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    /// <summary>leakrights-letter-deletion-request-20261127.docx: ASCII, so every browser and system keeps the name.</summary>
    public static string FileName(PlanLetter letter, Plan plan) =>
        string.Create(CultureInfo.InvariantCulture, $"leakrights-letter-{letter.Id}-{plan.GeneratedAt.ToOffset(ChinaTime.Offset):yyyyMMdd}.docx");

    private static Paragraph Paragraph(LetterLine line, JustificationValues justification, bool bold, string size, bool firstLineIndent)
    {
        // Child order follows the schema (w:spacing, w:ind, w:jc; w:rFonts, w:b, w:sz, w:szCs, w:highlight).
        var properties = new ParagraphProperties(new SpacingBetweenLines { After = "120", Line = "360", LineRule = LineSpacingRuleValues.Auto });
        if (firstLineIndent)
        {
            properties.Append(new Indentation { FirstLineChars = 200 }); // two characters
        }

        properties.Append(new Justification { Val = justification });
        var paragraph = new Paragraph(properties);
        foreach (var segment in line.Segments.Where(s => s.Text.Length > 0))
        {
            var run = new RunProperties(new RunFonts { Ascii = LatinFont, HighAnsi = LatinFont, EastAsia = ChineseFont });
            if (bold)
            {
                run.Append(new Bold());
            }

            run.Append(new FontSize { Val = size }, new FontSizeComplexScript { Val = size });
            if (segment.Blank)
            {
                run.Append(new Highlight { Val = HighlightColorValues.Yellow });
            }

            paragraph.Append(new Run(run, new Text(segment.Text) { Space = SpaceProcessingModeValues.Preserve }));
        }

        return paragraph;
    }
}
