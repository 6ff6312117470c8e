using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LeakRights.Baseline.Pages;

public sealed class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
