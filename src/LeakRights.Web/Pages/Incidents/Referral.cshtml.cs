using LeakRights.Core.Content;
using LeakRights.Core.Incidents;
using LeakRights.Core.Letters;
using LeakRights.Core.Pdf;
using LeakRights.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LeakRights.Web.Pages.Incidents;

/// <summary>
/// The referral letter (线索材料) for a published incident: GET shows the form (addressee, province, the person's optional
/// details), POST downloads the PDF 线索材料-{slug}.pdf (or the Word file). Bad input shows the form again with a Chinese
/// message and everything typed; the details are used for this file only, never stored or logged. A missing or
/// unpublished incident is a friendly 404.
/// </summary>
public sealed class ReferralModel(IIncidentCatalog incidents, ReferralLetterBuilder builder, PlanService plans, ContentBundle content, PdfRenderGate gate) : PageModel
{
    public const string PdfContentType = "application/pdf";

    public Incident? Incident { get; private set; }

    public ReferralTemplate Template => content.PublicInterest.Referral;

    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, string?> Values { get; private set; } = new Dictionary<string, string?>();

    public IActionResult OnGet([FromRoute] string? slug)
    {
        Incident = Find(slug);
        if (Incident is null)
        {
            return NotFoundPage();
        }

        Values = new Dictionary<string, string?> { [ReferralLetterBuilder.AddresseeField] = Template.Addressees.Count > 0 ? Template.Addressees[0].Id : null };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromRoute] string? slug, CancellationToken cancellationToken)
    {
        Incident = Find(slug);
        if (Incident is null)
        {
            return NotFoundPage();
        }

        Response.Headers.CacheControl = "no-store";
        string[] fields = [ReferralLetterBuilder.AddresseeField, ReferralLetterBuilder.ProvinceField, ReferralLetterBuilder.NameField, ReferralLetterBuilder.ContactField, ReferralLetterBuilder.AffectedField];
        Values = fields.ToDictionary(f => f, f => (string?)Request.Form[f].ToString(), StringComparer.Ordinal);
        var parsed = builder.Parse(Values);
        if (!parsed.IsValid)
        {
            Errors = parsed.Errors;
            return Page();
        }

        var letter = builder.Build(Incident, parsed.Request!, plans.Content);
        return Request.Form["format"] == "docx"
            ? File(LetterDocx.Render(letter.Letter), Plan.LetterModel.DocxContentType, ReferralLetterBuilder.FileName(Incident, "docx"))
            : File(await gate.RenderAsync(() => ReferralPdfComposer.Render(letter, plans.PdfFonts), cancellationToken), PdfContentType, ReferralLetterBuilder.FileName(Incident, "pdf"));
    }

    // A blank slug binds as null; a slug longer than any id is not looked up.
    private Incident? Find(string? slug) => slug is { Length: > 0 and <= 100 } ? incidents.FindIncident(slug) : null;

    private PageResult NotFoundPage()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
