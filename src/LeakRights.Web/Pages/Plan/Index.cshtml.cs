using System.Globalization;
using LeakRights.Core.Answers;
using LeakRights.Core.Content;
using LeakRights.Core.Pdf;
using LeakRights.Core.Rules;
using LeakRights.Web.Data;
using LeakRights.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace LeakRights.Web.Pages.Plan;

public sealed record CitationView(PlanCitation Citation, string Html);

/// <summary>The plan, opened from its link. The link carries the encrypted answers; the plan is rebuilt from the current rules and statutes.</summary>
public sealed class IndexModel(PlanLinks links, PlanService plans, QuestionnaireWalker walker, AnswerDraftStore drafts, AnswerParser parser, PlanPdf pdf, IOptions<LeakRightsOptions> options) : PageModel
{
    /// <summary>The optional letter details of the download form: used for one PDF, never stored or logged.</summary>
    public IReadOnlyList<Question> LetterQuestions => walker.Questionnaire.LetterQuestions.ToList();

    public Dictionary<string, string> LetterValues { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> LetterErrors { get; } = new(StringComparer.Ordinal);

    public LeakRights.Core.Rules.Plan? Plan { get; private set; }

    public string Token { get; private set; } = string.Empty;

    public string ExpiresLocal { get; private set; } = string.Empty;

    public string GeneratedLocal => Plan is null ? string.Empty : Plan.GeneratedAt.ToOffset(ChinaTime.Offset).ToString("yyyy年M月d日 HH:mm", CultureInfo.InvariantCulture);

    public int PlanLinkDays => options.Value.PlanLinkDays;

    public IReadOnlyList<(string Label, string Answer)> Summary { get; private set; } = [];

    public IActionResult OnGet([FromRoute] string token) => Show(token);

    /// <summary>Downloads the PDF plan with letters filled in from the optional details. Invalid details re-show the page with messages.</summary>
    public IActionResult OnPostPdf([FromRoute] string token)
    {
        var answers = links.Open(token, out _);
        if (answers is null)
        {
            return Show(token);
        }

        foreach (var q in LetterQuestions)
        {
            var posted = Request.Form[q.Id].Select(v => v ?? string.Empty).ToList();
            LetterValues[q.Id] = posted.FirstOrDefault() ?? string.Empty;
            var (value, error) = parser.Parse(q, RawAnswer.FromForm(posted));
            if (error is not null)
            {
                LetterErrors[q.Id] = error;
            }
            else if (value is TextAnswer text)
            {
                LetterValues[q.Id] = text.Value;
            }
            else
            {
                LetterValues.Remove(q.Id);
            }
        }

        if (LetterErrors.Count > 0)
        {
            return Show(token);
        }

        var plan = plans.Build(answers);
        Response.Headers.CacheControl = "no-store";
        return File(pdf.Render(plan, LetterValues), "application/pdf", PlanPdfComposer.FileName(plan));
    }

    /// <summary>The plan's deadlines as an iCalendar file.</summary>
    public IActionResult OnGetCalendar([FromRoute] string token)
    {
        var answers = links.Open(token, out _);
        if (answers is null)
        {
            return Show(token);
        }

        var plan = plans.Build(answers);
        Response.Headers.CacheControl = "no-store";
        return File(System.Text.Encoding.UTF8.GetBytes(PlanCalendar.ToIcs(plan)), "text/calendar; charset=utf-8", PlanCalendar.FileName(plan));
    }

    private PageResult Show(string token)
    {
        Response.Headers.CacheControl = "no-store";
        var answers = links.Open(token, out var expires);
        if (answers is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        Token = token;
        ExpiresLocal = expires.ToOffset(ChinaTime.Offset).ToString("yyyy年M月d日", CultureInfo.InvariantCulture);
        Plan = plans.Build(answers);
        Summary = walker.Questionnaire.Questions
            .Where(q => answers.Has(q.Id))
            .Select(q => (q.Label, AnswerDisplay.Format(q, answers.Get(q.Id)!)))
            .ToList();
        return Page();
    }

    /// <summary>Loads the link's answers back into the browser so they can be changed on the review page.</summary>
    public IActionResult OnPostEdit([FromRoute] string token)
    {
        var answers = links.Open(token, out _);
        if (answers is null)
        {
            return RedirectToPage(new { token });
        }

        // A link's answers were a valid draft when it was made, so they fit in the cookie.
        _ = drafts.Write(HttpContext, answers);
        return RedirectToPage("/Check/Review");
    }

    public CitationView Cite(string reference) => new(Plan!.Citation(reference), Html(reference));

    public string Html(string reference) =>
        CitationRef.TryParse(reference, out var law, out var number) ? plans.Content.Html(law, number) : string.Empty;

    public string Dial(string hotline) => new(hotline.TakeWhile(c => c != '（' && c != '(').Where(c => char.IsAsciiDigit(c) || c == '-').ToArray());

    public string StatusText(ConfirmationStatus status) => AuthorityStatus.Describe(status);
}
