using LeakRights.Core.Incidents;
using LeakRights.Core.Markdown;

namespace LeakRights.Core.Pdf;

/// <summary>
/// Lays out a referral letter (线索材料) with the plan's own blocks: the letter on pages without the product's header and
/// footer (it is the person's letter), then the cited articles verbatim, as an attachment of the same letter.
/// </summary>
public static class ReferralPdfComposer
{
    public const string DocumentTitle = "公益诉讼线索材料";

    public static PdfDocumentModel Compose(ReferralLetter referral)
    {
        ArgumentNullException.ThrowIfNull(referral);
        var blocks = new List<PdfBlock>(PlanPdfComposer.Letter(referral.Letter));
        blocks.Add(new PageBreakBlock(Framed: false));
        blocks.Add(new HeadingBlock("附：引用的法律条文", 2));
        blocks.Add(new ParagraphBlock("以下为上文引用的条文原文，以官方公布的文本为准。", ParagraphStyle.Muted));
        foreach (var c in referral.Citations)
        {
            blocks.Add(new QuotationBlock($"《{c.Law}》{c.Article}", string.Join('\n', MarkdownRenderer.ToParagraphs(c.Text)), null));
        }

        return new PdfDocumentModel(DocumentTitle, new PdfPageFrame(DocumentTitle, string.Empty), blocks);
    }

    public static byte[] Render(ReferralLetter referral, PdfFontSet? fonts = null) => PdfRenderer.Render(Compose(referral), fonts ?? PdfFontSet.None);
}
