using LeakRights.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace LeakRights.Web.Pages;

public sealed class IndexModel(IOptions<LeakRightsOptions> options) : PageModel
{
    /// <summary>How long a plan link works (LeakRights:PlanLinkDays), said on the page rather than written into it.</summary>
    public int PlanLinkDays => options.Value.PlanLinkDays;

    public void OnGet()
    {
    }
}
