using LeakRights.Core.Content;
using LeakRights.Core.Rules;

namespace LeakRights.Core.Pdf;

/// <summary>Plan → PDF bytes, with the fonts registered once per process.</summary>
public sealed class PlanPdf(Questionnaire questionnaire, LetterSet letters)
{
    private readonly PlanPdfComposer _composer = new(questionnaire, letters);

    public byte[] Render(Plan plan, IReadOnlyDictionary<string, string> letterFields)
    {
        NotoFontResolver.EnsureRegistered();
        return PdfRenderer.Render(_composer.Compose(plan, letterFields));
    }
}
