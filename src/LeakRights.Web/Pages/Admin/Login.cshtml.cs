using LeakRights.Web.Admin;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LeakRights.Web.Pages.Admin;

public sealed class LoginModel(AdminAccounts accounts, TimeProvider time) : PageModel
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
        switch (outcome)
        {
            case SignInOutcome.Success:
                await HttpContext.SignInAsync(
                    AdminAuthentication.Scheme,
                    AdminAccounts.Principal(user!, AdminAuthentication.Scheme),
                    new AuthenticationProperties { IsPersistent = false, ExpiresUtc = time.GetUtcNow().Add(AdminAuthentication.SessionLifetime), AllowRefresh = false });
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) && ReturnUrl!.StartsWith("/admin", StringComparison.OrdinalIgnoreCase) ? ReturnUrl : "/admin");
            case SignInOutcome.LockedOut:
                Error = $"登录失败次数过多，账号已暂时锁定 {AdminAccounts.LockoutDuration.TotalMinutes:0} 分钟，请稍后再试。";
                break;
            default:
                Error = "用户名或密码不正确。";
                break;
        }

        Password = string.Empty;
        return Page();
    }
}
