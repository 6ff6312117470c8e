using LeakRights.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LeakRights.Web.Pages.Check;

/// <summary>
/// "快速离开" (issue 12, item 8): clears the draft cookie and sends the person to a neutral site. A plain link works without
/// JavaScript; site.js also clears this tab's sessionStorage and opens it with location.replace (also on Esc pressed three
/// times), so Back does not return to the page that was open. A GET on purpose: a link must be enough.
/// </summary>
public sealed class LeaveModel : PageModel
{
    /// <summary>A neutral Chinese site with nothing to do with personal data or the law: the China Weather Network.</summary>
    public const string NeutralSite = "https://www.weather.com.cn/";

    public IActionResult OnGet()
    {
        AnswerDraftStore.Clear(HttpContext);
        Response.Headers.CacheControl = "no-store";
        return Redirect(NeutralSite);
    }
}
