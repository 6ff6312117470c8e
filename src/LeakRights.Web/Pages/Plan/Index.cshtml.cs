using System.Globalization;
using LeakRights.Core.Answers;
using LeakRights.Core.Cases;
using LeakRights.Core.Content;
using LeakRights.Web.Cases;
using LeakRights.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace LeakRights.Web.Pages.Plan;

/// <summary>The plan, opened from its link. The link carries the encrypted answers; the plan is rebuilt from the current rules and statutes.</summary>
public sealed class IndexModel(PlanLinks links, PlanService plans, CitationMarkup citations, QuestionnaireWalker walker, AnswerDraftStore drafts, IOptions<LeakRightsOptions> options, TimeProvider time) : PageModel
{
    /// <summary>The plan's body for the shared partials; its empty download form posts to /plan/{token}/pdf (own rate limit).</summary>
    public PlanBodyView Body => field ??= new(Plan!, $"/plan/{Token}", plans.Content, citations, DownloadForm.Empty($"/plan/{Token}", walker, Plan!));

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
        Response.Headers.CacheControl = PersonalPages.NoStoreWithForm;
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

    /// <summary>
    /// "保存为我的案件": stores the link's answers as a new case, encrypted with a key only its link carries, and opens it.
    /// The case link replaces the plan link (which keeps working until it expires). The case store (and with it a database
    /// context) is resolved only here, so showing the plan touches no database.
    /// </summary>
    public async Task<IActionResult> OnPostSaveAsync([FromRoute] string token, [FromServices] CaseStore cases, CancellationToken cancellationToken)
    {
        var answers = links.Open(token, out _);
        if (answers is null)
        {
            return RedirectToPage(new { token });
        }

        var link = await cases.CreateAsync(new CaseFile(answers, new Dictionary<string, string>(), [], ChinaTime.Today(time)), cancellationToken);
        return Redirect($"{link.Path}?saved=1");
    }

    /// <summary>Loads the link's answers back into the browser so they can be changed on the review page.</summary>
    public IActionResult OnPostEdit([FromRoute] string token)
    {
        var answers = links.Open(token, out _);
        if (answers is null)
        {
            return RedirectToPage(new { token });
        }

        // A link's answers were a valid draft when it was made, so they fit in the cookie. They make a new plan link, never
        // go into a case whose answers were being changed before.
        _ = drafts.Write(HttpContext, answers);
        CaseEditMarker.Clear(HttpContext);
        return RedirectToPage("/Check/Review");
    }
}

/// <summary>Formatting shared by the plan's partials: headings, the lead sentence of a step, a dialable hotline.</summary>
public static class PlanPage
{
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

    public static string Dial(string hotline) => new(hotline.TakeWhile(c => c != '（' && c != '(').Where(c => char.IsAsciiDigit(c) || c == '-').ToArray());
}
