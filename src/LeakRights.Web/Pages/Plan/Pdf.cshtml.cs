using LeakRights.Core.Answers;
using LeakRights.Core.Content;
using LeakRights.Core.Pdf;
using LeakRights.Web.Cases;
using LeakRights.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LeakRights.Web.Pages.Plan;

/// <summary>
/// The download form's fields and messages, shown on the plan and case pages (empty, or with the case's saved details) and on
/// the PDF page (after a mistake). <see cref="BasePath"/> is where the downloads live: <c>/plan/{token}</c> or <c>/case/{id}/{secret}</c>.
/// </summary>
public sealed record DownloadForm(string BasePath, IReadOnlyList<Question> Questions, IReadOnlyDictionary<string, string> Values, IReadOnlyDictionary<string, string> Errors)
{
    /// <summary>The plan's letters (id, title): each can also be downloaded alone as an editable Word file.</summary>
    public IReadOnlyList<(string Id, string Title)> Letters { get; init; } = [];

    /// <summary>On a case: the details can be saved into the case (a "保存到案件" button posting to the case page).</summary>
    public bool CanSave { get; init; }

    /// <summary>On a case: the version the page showed, posted with "保存到案件" so another device's save is not overwritten.</summary>
    public int Version { get; init; }

    /// <summary>The form for <paramref name="plan"/> filled with <paramref name="values"/> (a case's saved details), without messages.</summary>
    public static DownloadForm Empty(string basePath, QuestionnaireWalker walker, LeakRights.Core.Rules.Plan plan, IReadOnlyDictionary<string, string>? values = null) =>
        new(basePath, [.. walker.Questionnaire.LetterQuestions], values ?? new Dictionary<string, string>(), new Dictionary<string, string>())
        {
            Letters = [.. plan.Letters.Select(l => (l.Id, l.Title.Text))],
        };

    /// <summary>Whether the form carries any letter detail field (the one-button download posts none: a case then uses its saved details).</summary>
    public static bool HasDetails(IFormCollection form, QuestionnaireWalker walker) => walker.Questionnaire.LetterQuestions.Any(q => form.ContainsKey(q.Id));

    /// <summary>
    /// Reads the letter details posted with the download form (the PDF and the Word letters share it): the parse, and the
    /// form to show again with what was typed, valid or not, so nothing is lost.
    /// </summary>
    public static (LetterFieldsParse Details, DownloadForm Again) Read(string basePath, IFormCollection form, QuestionnaireWalker walker)
    {
        var questions = walker.Questionnaire.LetterQuestions.ToList();
        var raw = questions
            .Where(q => form.ContainsKey(q.Id))
            .ToDictionary(q => q.Id, q => RawAnswer.FromForm(form[q.Id].Select(v => v ?? string.Empty).ToList()), StringComparer.Ordinal);
        var details = walker.ParseLetterFields(raw);
        var typed = raw.ToDictionary(r => r.Key, r => details.Fields.GetValueOrDefault(r.Key) ?? (r.Value.Values.Count > 0 ? r.Value.Values[0] : string.Empty), StringComparer.Ordinal);
        return (details, new DownloadForm(basePath, questions, typed, details.Errors));
    }
}

/// <summary>
/// Downloads the plan (of a plan link or a saved case) as a PDF with the letters filled in from the optional details. Its own
/// endpoint, so it has its own rate limit. Invalid details show the form again with messages; on a plan link the details are
/// used for one PDF, never stored or logged; on a case, a form posted without details uses those saved in the case, and the
/// PDF prints the case link with its QR code.
/// </summary>
public sealed class PdfModel(PlanSources sources, PlanService plans, QuestionnaireWalker walker, PdfRenderGate gate) : PageModel
{
    public DownloadForm Form { get; private set; } = null!;

    /// <summary>Nothing to show here without a post: back to the plan's download section.</summary>
    public IActionResult OnGet() => Redirect(PlanSources.FallbackPath(RouteData.Values) + "#download-title");

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var source = await sources.OpenAsync(RouteData.Values, cancellationToken);
        if (source is null)
        {
            return Redirect(PlanSources.FallbackPath(RouteData.Values));
        }

        var (details, again) = DownloadForm.Read(source.BasePath, Request.Form, walker);

        Response.Headers.CacheControl = "no-store";
        if (!details.IsValid)
        {
            Form = again with { CanSave = source.Case is not null, Version = source.Version };
            return Page();
        }

        var fields = DownloadForm.HasDetails(Request.Form, walker) ? details.Fields : source.LetterFields;
        var plan = plans.Build(source.Answers, fields, source.Progress);
        var print = source.Case is { } link ? CaseLinkPrints.For(CaseLinkPrints.AbsoluteUrl(Request, link)) : null;
        var pdf = await gate.RenderAsync(() => PlanPdf.Render(plan, print, plans.PdfFonts), cancellationToken);
        return File(pdf, "application/pdf", PlanPdfComposer.FileName(plan));
    }
}
