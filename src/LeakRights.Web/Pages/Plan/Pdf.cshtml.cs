using LeakRights.Core.Answers;
using LeakRights.Core.Content;
using LeakRights.Core.Pdf;
using LeakRights.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LeakRights.Web.Pages.Plan;

/// <summary>The download form's fields and messages, shown on the plan page (empty) and on the PDF page (after a mistake).</summary>
public sealed record DownloadForm(string Token, IReadOnlyList<Question> Questions, IReadOnlyDictionary<string, string> Values, IReadOnlyDictionary<string, string> Errors);

/// <summary>
/// Downloads the plan as a PDF with the letters filled in from the optional details. Its own endpoint, so it has its own
/// rate limit. Invalid details show the form again with messages; the details are used for one PDF, never stored or logged.
/// </summary>
public sealed class PdfModel(PlanLinks links, PlanService plans, QuestionnaireWalker walker, AnswerParser parser, PlanPdf pdf) : PageModel
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

        var questions = walker.Questionnaire.LetterQuestions.ToList();
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var q in questions)
        {
            var posted = Request.Form[q.Id].Select(v => v ?? string.Empty).ToList();
            values[q.Id] = posted.FirstOrDefault() ?? string.Empty;
            var (value, error) = parser.Parse(q, RawAnswer.FromForm(posted));
            if (error is not null)
            {
                errors[q.Id] = error;
            }
            else if (value is TextAnswer text)
            {
                values[q.Id] = text.Value;
            }
            else
            {
                values.Remove(q.Id);
            }
        }

        Response.Headers.CacheControl = "no-store";
        if (errors.Count > 0)
        {
            Form = new DownloadForm(token, questions, values, errors);
            return Page();
        }

        var plan = plans.Build(answers);
        return File(pdf.Render(plan, values), "application/pdf", PlanPdfComposer.FileName(plan));
    }
}
