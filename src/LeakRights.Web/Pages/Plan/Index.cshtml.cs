using System.Globalization;
using LeakRights.Core.Answers;
using LeakRights.Core.Content;
using LeakRights.Core.Rules;
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

    /// <summary>The single most urgent action (issue 12: the first phone screen), or null for a plan with nothing to do.</summary>
    public PlanTodo? First => Plan?.FirstThings.Count > 0 ? Plan.FirstThings[0] : null;

    /// <summary>The urgent action <see cref="First"/> points at, when it is one (its hotlines go on the first screen).</summary>
    public PlanUrgent? FirstUrgent => First is null ? null : Plan!.Urgent.FirstOrDefault(u => "urgent-" + u.Key == First.Anchor);

    /// <summary>The step <see cref="First"/> points at, when it is one.</summary>
    public PlanStep? FirstStep => First is null ? null : Plan!.Paths.SelectMany(p => p.Steps).FirstOrDefault(s => "step-" + s.Key == First.Anchor);

    /// <summary>"接下来按顺序做": at most five of the plan's ordered first things after the first.</summary>
    public IReadOnlyList<PlanTodo> Next => Plan is null ? [] : Plan.FirstThings.Skip(1).Take(5).ToList();

    /// <summary>The urgent actions not already shown as the first action.</summary>
    public IReadOnlyList<PlanUrgent> OtherUrgent => Plan is null ? [] : Plan.Urgent.Where(u => u != FirstUrgent).ToList();

    /// <summary>The authorities of an urgent action that have a hotline to tap.</summary>
    public IReadOnlyList<Authority> Hotlines(PlanUrgent urgent) =>
        urgent.Authorities.Select(Plan!.Authority).Where(a => a.Hotline is not null).ToList();

    /// <summary>
    /// A path's heading, numbered by its place in this plan (the plan orders paths by what matters for the person). Titles
    /// that still carry a fixed "途径一：" prefix from texts.json lose it, so a path is never numbered twice.
    /// </summary>
    public static string PathHeading(int index, string title)
    {
        var bare = System.Text.RegularExpressions.Regex.Replace(title, "^途径[一二三四五六七八九十]+：", string.Empty);
        return $"途径{ChineseNumber(index + 1)}：{bare}";
    }

    private static string ChineseNumber(int n) => n is >= 1 and <= 9 ? "一二三四五六七八九"[n - 1].ToString() : n.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// A step's text split into its first plain sentence (shown) and the rest (behind "具体怎么做"): the sentence ends at the
    /// first 。！？ of the first paragraph; the rest keeps its paragraphs.
    /// </summary>
    public static (string Lead, IReadOnlyList<string> More) SplitLead(string text)
    {
        var paragraphs = text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        if (paragraphs.Count == 0)
        {
            return (string.Empty, []);
        }

        var first = paragraphs[0];
        var end = first.IndexOfAny(['。', '！', '？']);
        var lead = end < 0 ? first : first[..(end + 1)];
        var remainder = end < 0 ? string.Empty : first[(end + 1)..].Trim();
        var rest = new List<string>();
        if (remainder.Length > 0)
        {
            rest.Add(remainder);
        }

        rest.AddRange(paragraphs.Skip(1));
        return (lead, rest);
    }

    public IReadOnlyList<CitationView> Cites(IEnumerable<CitationRef> references) => references.Select(Cite).ToList();

    public CitationView Cite(CitationRef reference) => new(Plan!.Citation(reference), Html(reference));

    public string Html(CitationRef reference) => plans.Content.Html(reference);

    public static string Dial(string hotline) => new(hotline.TakeWhile(c => c != '（' && c != '(').Where(c => char.IsAsciiDigit(c) || c == '-').ToArray());

}
