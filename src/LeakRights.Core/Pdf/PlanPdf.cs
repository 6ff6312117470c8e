using LeakRights.Core.Rules;

namespace LeakRights.Core.Pdf;

/// <summary>Plan → PDF bytes, with the fonts registered once per process. The letters are those the plan was built with.</summary>
public static class PlanPdf
{
    /// <summary>The plan as a PDF; <paramref name="caseLink"/> (a saved case) is printed on its first page with a QR code.</summary>
    /// <paramref name="fonts"/> is the content's shared font (<see cref="Content.ContentBundle.PdfFonts"/>); without it every glyph
    /// is embedded for this document alone (the same pages, more work).
    public static byte[] Render(Plan plan, CaseLinkPrint? caseLink = null, PdfFontSet? fonts = null) =>
        PdfRenderer.Render(PlanPdfComposer.Compose(plan, caseLink), fonts ?? PdfFontSet.None);
}
