using LeakRights.Web.Admin;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LeakRights.Web.Pages.Admin;

public sealed class LoginModel(AdminAccounts accounts) : PageModel
{
    [BindProperty]
    public string UserName { get; set; } = string.Empty;

    [BindProperty]
    public string Password { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var (outcome, user) = await accounts.SignInAsync(UserName ?? string.Empty, Password ?? string.Empty, HttpContext.Connection.RemoteIpAddress?.ToString());
        if (outcome == SignInOutcome.Success)
        {
            await HttpContext.SignInAsync(
                AdminAuthentication.Scheme,
                accounts.Principal(user!, AdminAuthentication.Scheme),
                new AuthenticationProperties { IsPersistent = false, AllowRefresh = true });
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) && ReturnUrl!.StartsWith("/admin", StringComparison.OrdinalIgnoreCase) ? ReturnUrl : "/admin");
        }

        // One answer for a wrong password, an unknown or disabled account and a lockout: it must not tell which accounts exist.
        Error = $"用户名或密码不正确。连续输错 {AdminAccounts.MaxFailedAttempts} 次后要等 {AdminAccounts.LockoutDuration.TotalMinutes:0} 分钟才能再试；急用时请服务器管理员用命令解锁。";
        Password = string.Empty;
        return Page();
    }
}
