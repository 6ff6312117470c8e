using LeakRights.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LeakRights.Web.Pages.Check;

/// <summary>
/// Starting over after a confirmation: the POST (with antiforgery) deletes the draft cookie and goes to step 1. Works
/// without JavaScript; site.js also clears the unsent answers kept in the tab's sessionStorage when the form is sent.
/// </summary>
public sealed class RestartModel : PageModel
{
    public void OnGet()
    {
    }

    public IActionResult OnPost()
    {
        AnswerDraftStore.Clear(HttpContext);
        Cases.CaseEditMarker.Clear(HttpContext);
        return RedirectToPage("Step", new { step = 1 });
    }
}
