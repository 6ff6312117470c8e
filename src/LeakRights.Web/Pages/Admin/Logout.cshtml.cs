using LeakRights.Web.Admin;
using LeakRights.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LeakRights.Web.Pages.Admin;

public sealed class LogoutModel(AuditLog audit, LeakRightsDbContext db) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        audit.Add(AuditKinds.SignOut, User.Identity?.Name ?? "?", null, null, HttpContext.Connection.RemoteIpAddress?.ToString());
        await db.SaveChangesAsync();
        await HttpContext.SignOutAsync(AdminAuthentication.Scheme);
        return Redirect("/admin/login");
    }
}
