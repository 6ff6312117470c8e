using LeakRights.Web.Admin;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LeakRights.Web.Pages.Admin;

public sealed class LogoutModel(AdminAccounts accounts) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        // Rotating the security stamp makes this cookie (and any copy of it) worthless at once, not only in this browser.
        await accounts.SignOutAsync(User, HttpContext.Connection.RemoteIpAddress?.ToString());
        await HttpContext.SignOutAsync(AdminAuthentication.Scheme);
        return Redirect("/admin/login");
    }
}
