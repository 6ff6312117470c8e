using LeakRights.Web.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace LeakRights.Web.Cases;

/// <summary>
/// "修改答案" on a case: while the person changes the answers in the check, an encrypted, HttpOnly cookie remembers which
/// case they belong to, so the review page saves them back into that case instead of making a new plan link. It lives
/// in the person's own browser (like the answers being changed), expires with the draft, and is cleared when the answers
/// are saved or the check is restarted.
/// </summary>
public sealed class CaseEditMarker(IDataProtectionProvider protection, IOptions<LeakRightsOptions> options, TimeProvider time)
{
    public const string CookieName = "lr_case_edit";

    private readonly ExpiringDataProtector _protector = new(protection, "LeakRights.CaseEdit.v1", time);

    public void Set(HttpContext context, CaseLink link)
    {
        var lifetime = TimeSpan.FromHours(options.Value.DraftHours);
        context.Response.Cookies.Append(CookieName, _protector.Protect($"{link.Id} {link.Secret}", _protector.Now.Add(lifetime)), AnswerDraftStore.BrowserOnly(context, lifetime));
    }

    /// <summary>The case whose answers are being changed, or null (no cookie, expired, tampered with).</summary>
    public CaseLink? Read(HttpContext context)
    {
        if (!context.Request.Cookies.TryGetValue(CookieName, out var value) || string.IsNullOrEmpty(value) || value.Length > 1000
            || _protector.Unprotect(value, out _) is not { } plain || plain.Split(' ') is not [var id, var secret]
            || !CaseCrypto.IsValidId(id) || !CaseCrypto.IsValidSecret(secret))
        {
            return null;
        }

        return new CaseLink(id, secret);
    }

    public static void Clear(HttpContext context) => context.Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/" });
}
