using LeakRights.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace LeakRights.Web.Pages;

public sealed class PrivacyModel(IOptions<LeakRightsOptions> options) : PageModel
{
    public int DraftHours => options.Value.DraftHours;

    public int PlanLinkDays => options.Value.PlanLinkDays;

    [BindProperty(SupportsGet = true)]
    public bool Cleared { get; set; }

    public void OnGet()
    {
    }

    public IActionResult OnPostClear()
    {
        AnswerDraftStore.Clear(HttpContext);
        return RedirectToPage(new { cleared = true });
    }
}
