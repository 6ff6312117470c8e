using LeakRights.Web.Admin;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LeakRights.Web.Pages.Admin;

/// <summary>A signed-in admin changes their password; every other session of the account ends, this one continues.</summary>
public sealed class PasswordModel(AdminAccounts accounts) : PageModel
{
    [BindProperty]
    public string? CurrentPassword { get; set; }

    [BindProperty]
    public string? NewPassword { get; set; }

    [BindProperty]
    public string? ConfirmPassword { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Changed { get; set; }

    /// <summary>Problems keyed by the field's id suffix (f-current, f-new, f-confirm).</summary>
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Changed = false;
        if (string.IsNullOrEmpty(CurrentPassword))
        {
            Errors["current"] = "请填写当前密码。";
        }

        if (AdminAccounts.PasswordProblem(NewPassword ?? string.Empty) is { } problem)
        {
            Errors["new"] = "新" + problem;
        }
        else if (NewPassword != ConfirmPassword)
        {
            Errors["confirm"] = "两次输入的新密码不一样，请重新输入。";
        }

        if (Errors.Count == 0)
        {
            var (error, user) = await accounts.ChangePasswordAsync(User, CurrentPassword!, NewPassword!, HttpContext.Connection.RemoteIpAddress?.ToString());
            if (error is null)
            {
                // The stamp changed: sign this browser in again with the new one; every other cookie no longer matches.
                await HttpContext.SignInAsync(AdminAuthentication.Scheme, accounts.Principal(user!, AdminAuthentication.Scheme), new AuthenticationProperties { IsPersistent = false, AllowRefresh = true });
                return RedirectToPage(new { changed = true });
            }

            Errors["current"] = error;
        }

        // Password fields are never sent back to the browser.
        CurrentPassword = NewPassword = ConfirmPassword = null;
        return Page();
    }
}
