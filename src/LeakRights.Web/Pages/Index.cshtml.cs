using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LeakRights.Web.Pages;

public sealed class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
