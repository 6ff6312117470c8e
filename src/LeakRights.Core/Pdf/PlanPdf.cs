using LeakRights.Core.Rules;

namespace LeakRights.Core.Pdf;

/// <summary>Plan → PDF bytes, with the fonts registered once per process. The letters are those the plan was built with.</summary>
public static class PlanPdf
{
    public static byte[] Render(Plan plan)
    {
        NotoFontResolver.EnsureRegistered();
        return PdfRenderer.Render(PlanPdfComposer.Compose(plan));
    }
}
