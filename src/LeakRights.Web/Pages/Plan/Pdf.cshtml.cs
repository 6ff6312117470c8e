using LeakRights.Core.Answers;
using LeakRights.Core.Content;
using LeakRights.Core.Pdf;
using LeakRights.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LeakRights.Web.Pages.Plan;

/// <summary>The download form's fields and messages, shown on the plan page (empty) and on the PDF page (after a mistake).</summary>
public sealed record DownloadForm(string Token, IReadOnlyList<Question> Questions, IReadOnlyDictionary<string, string> Values, IReadOnlyDictionary<string, string> Errors)
{
    /// <summary>The plan's letters (id, title): each can also be downloaded alone as an editable Word file.</summary>
    public IReadOnlyList<(string Id, string Title)> Letters { get; init; } = [];

    /// <summary>
    /// Reads the letter details posted with the download form (the PDF and the Word letters share it): the parse, and the
    /// form to show again with what was typed, valid or not, so nothing is lost.
    /// </summary>
    public static (LetterFieldsParse Details, DownloadForm Again) Read(string token, IFormCollection form, QuestionnaireWalker walker)
    {
        var questions = walker.Questionnaire.LetterQuestions.ToList();
        var raw = questions
            .Where(q => form.ContainsKey(q.Id))
            .ToDictionary(q => q.Id, q => RawAnswer.FromForm(form[q.Id].Select(v => v ?? string.Empty).ToList()), StringComparer.Ordinal);
        var details = walker.ParseLetterFields(raw);
        var typed = raw.ToDictionary(r => r.Key, r => details.Fields.GetValueOrDefault(r.Key) ?? (r.Value.Values.Count > 0 ? r.Value.Values[0] : string.Empty), StringComparer.Ordinal);
        return (details, new DownloadForm(token, questions, typed, details.Errors));
    }
}

/// <summary>
/// Downloads the plan as a PDF with the letters filled in from the optional details. Its own endpoint, so it has its own
/// rate limit. Invalid details show the form again with messages; the details are used for one PDF, never stored or logged.
/// </summary>
public sealed class PdfModel(PlanLinks links, PlanService plans, QuestionnaireWalker walker) : PageModel
{
    public DownloadForm Form { get; private set; } = null!;

    /// <summary>Nothing to show here without a post: back to the plan's download section.</summary>
    public IActionResult OnGet([FromRoute] string token) => RedirectToPage("/Plan/Index", null, new { token }, "download-title");

    public IActionResult OnPost([FromRoute] string token)
    {
        var answers = links.Open(token, out _);
        if (answers is null)
        {
            return RedirectToPage("/Plan/Index", new { token });
        }

        var (details, again) = DownloadForm.Read(token, Request.Form, walker);

        Response.Headers.CacheControl = "no-store";
        if (!details.IsValid)
        {
            Form = again;
            return Page();
        }

        var plan = plans.Build(answers, details.Fields);
        return File(PlanPdf.Render(plan), "application/pdf", PlanPdfComposer.FileName(plan));
    }
}
