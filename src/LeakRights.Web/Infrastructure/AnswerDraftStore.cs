using System.Text;
using LeakRights.Core.Answers;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace LeakRights.Web.Infrastructure;

/// <summary>
/// Keeps the answers of a check in progress in the person's own browser, as an encrypted, HttpOnly cookie that expires
/// after <see cref="LeakRightsOptions.DraftHours"/> by the app's clock. Nothing is stored on the server.
/// </summary>
public sealed class AnswerDraftStore(IDataProtectionProvider protection, QuestionnaireWalker walker, IOptions<LeakRightsOptions> options, TimeProvider time)
{
    public const string CookieName = "lr_draft";

    /// <summary>Shown on the step when the answers would not fit in the cookie: the answers stay on the page, nothing is saved.</summary>
    public const string TooLargeMessage = "您填写的内容太多，浏览器无法保存。请把较长的文字答案（例如涉事单位名称）改短一些，再提交本页。您在本页填写的内容都还在下面。";

    private readonly ExpiringDataProtector _protector = new(protection, "LeakRights.Draft.v1", time);

    public AnswerSet Read(HttpContext context)
    {
        if (!context.Request.Cookies.TryGetValue(CookieName, out var value) || string.IsNullOrEmpty(value) || value.Length > 8000)
        {
            return AnswerSet.Empty;
        }

        // Expired, tampered with, or from before a key rotation: start again. ParseAll validates against today's
        // questionnaire and normalises once (hidden and letter-only answers dropped).
        return _protector.Unprotect(value, out _) is { } json && AnswerJson.TryRead(Encoding.UTF8.GetBytes(json), walker) is { } parsed
            ? parsed.Answers
            : AnswerSet.Empty;
    }

    /// <summary>
    /// Saves the answers, or returns false and saves nothing when the cookie would be larger than browsers keep
    /// (<see cref="LeakRightsOptions.DraftCookieMaxLength"/>): a dropped cookie would silently send the person back to step 1.
    /// </summary>
    public bool Write(HttpContext context, AnswerSet answers)
    {
        var lifetime = TimeSpan.FromHours(options.Value.DraftHours);
        var token = _protector.Protect(Encoding.UTF8.GetString(AnswerJson.Write(answers)), _protector.Now.Add(lifetime));
        if (CookieName.Length + 1 + token.Length > options.Value.DraftCookieMaxLength)
        {
            return false;
        }

        context.Response.Cookies.Append(CookieName, token, BrowserOnly(context, lifetime));
        return true;
    }

    /// <summary>
    /// The options of a cookie that keeps the person's own state in their browser (the answers in progress, the case being
    /// changed): HttpOnly, same-site only, essential, for the whole site; Secure on HTTPS (the cookie policy raises it to
    /// always in production).
    /// </summary>
    public static CookieOptions BrowserOnly(HttpContext context, TimeSpan lifetime) => new()
    {
        HttpOnly = true,
        Secure = context.Request.IsHttps,
        SameSite = SameSiteMode.Strict,
        IsEssential = true,
        MaxAge = lifetime,
        Path = "/",
    };

    public static void Clear(HttpContext context) => context.Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/" });
}
