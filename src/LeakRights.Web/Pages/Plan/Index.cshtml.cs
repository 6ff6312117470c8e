using System.Globalization;
using LeakRights.Core.Answers;
using LeakRights.Core.Content;
using LeakRights.Core.Rules;
using LeakRights.Web.Data;
using LeakRights.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace LeakRights.Web.Pages.Plan;

public sealed record CitationView(PlanCitation Citation, string Html);

/// <summary>The plan, opened from its link. The link carries the encrypted answers; the plan is rebuilt from the current rules and statutes.</summary>
public sealed class IndexModel(PlanLinks links, PlanService plans, QuestionnaireWalker walker, AnswerDraftStore drafts, IOptions<LeakRightsOptions> options) : PageModel
{
    /// <summary>The empty download form; it posts to the PDF page (/plan/{token}/pdf), which has its own rate limit.</summary>
    public DownloadForm DownloadForm => new(Token, walker.Questionnaire.LetterQuestions.ToList(), new Dictionary<string, string>(), new Dictionary<string, string>())
    {
        Letters = Plan?.Letters.Select(l => (l.Id, l.Title.Text)).ToList() ?? [],
    };

    public LeakRights.Core.Rules.Plan? Plan { get; private set; }

    public string Token { get; private set; } = string.Empty;

    public string ExpiresLocal { get; private set; } = string.Empty;

    public string GeneratedLocal => Plan is null ? string.Empty : Plan.GeneratedAt.ToOffset(ChinaTime.Offset).ToString("yyyy年M月d日 HH:mm", CultureInfo.InvariantCulture);

    public int PlanLinkDays => options.Value.PlanLinkDays;

    /// <summary>
    /// Shows the plan. A <c>handler</c> in the query (the old <c>?handler=Pdf</c> / <c>Calendar</c> downloads, in any spelling)
    /// is not found: the downloads are their own pages with their own rate limit.
    /// </summary>
    public IActionResult OnGet([FromRoute] string token) => Request.Query.ContainsKey("handler") ? NotFound() : Show(token);

    /// <summary>Any post but "修改答案" (for example the old <c>?handler=Pdf</c>) is not found here.</summary>
    public IActionResult OnPost() => NotFound();

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

    public CitationView Cite(CitationRef reference) => new(Plan!.Citation(reference), Html(reference));

    public string Html(CitationRef reference) => plans.Content.Html(reference);

    public string Dial(string hotline) => new(hotline.TakeWhile(c => c != '（' && c != '(').Where(c => char.IsAsciiDigit(c) || c == '-').ToArray());

    public string StatusText(ConfirmationStatus status) => AuthorityStatus.Describe(status);
}
