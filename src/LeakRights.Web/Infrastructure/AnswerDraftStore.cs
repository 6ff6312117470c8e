using System.Security.Cryptography;
using System.Text;
using LeakRights.Core.Answers;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace LeakRights.Web.Infrastructure;

/// <summary>
/// Keeps the answers of a check in progress in the person's own browser, as an encrypted, HttpOnly cookie.
/// Nothing is stored on the server.
/// </summary>
public sealed class AnswerDraftStore(IDataProtectionProvider protection, QuestionnaireWalker walker, IOptions<LeakRightsOptions> options)
{
    public const string CookieName = "lr_draft";
    private readonly ITimeLimitedDataProtector _protector = protection.CreateProtector("LeakRights.Draft.v1").ToTimeLimitedDataProtector();

    public AnswerSet Read(HttpContext context)
    {
        if (!context.Request.Cookies.TryGetValue(CookieName, out var value) || string.IsNullOrEmpty(value) || value.Length > 8000)
        {
            return AnswerSet.Empty;
        }

        try
        {
            var json = Encoding.UTF8.GetBytes(_protector.Unprotect(value));
            return AnswerJson.TryRead(json, walker) is { } parsed ? walker.Normalize(parsed.Answers) : AnswerSet.Empty;
        }
        catch (CryptographicException)
        {
            return AnswerSet.Empty; // expired, tampered with, or from before a key rotation: start again
        }
    }

    public void Write(HttpContext context, AnswerSet answers)
    {
        var lifetime = TimeSpan.FromHours(options.Value.DraftHours);
        var token = _protector.Protect(Encoding.UTF8.GetString(AnswerJson.Write(answers)), lifetime);
        context.Response.Cookies.Append(CookieName, token, new CookieOptions
        {
            HttpOnly = true,
            Secure = context.Request.IsHttps,
            SameSite = SameSiteMode.Strict,
            IsEssential = true,
            MaxAge = lifetime,
            Path = "/",
        });
    }

    public static void Clear(HttpContext context) => context.Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/" });
}
