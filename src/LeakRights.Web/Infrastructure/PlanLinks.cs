using System.Text;
using LeakRights.Core.Answers;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace LeakRights.Web.Infrastructure;

/// <summary>
/// A plan link carries the answers themselves, encrypted and signed with Data Protection and valid for 30 days by the app's
/// clock (keys persisted in the database, so links survive restarts). The server stores nothing; see docs/decisions/0002.
/// </summary>
public sealed class PlanLinks(IDataProtectionProvider protection, QuestionnaireWalker walker, IOptions<LeakRightsOptions> options, TimeProvider time)
{
    private readonly ExpiringDataProtector _protector = new(protection, "LeakRights.PlanLink.v1", time);

    /// <summary>
    /// A link for <paramref name="answers"/> as read from the draft (already validated and normalised by
    /// <see cref="QuestionnaireWalker.ParseAll"/>; they are not normalised again). <see cref="Open"/> validates them again
    /// against the questionnaire of the day the link is opened.
    /// </summary>
    public string Create(AnswerSet answers, out DateTimeOffset expires)
    {
        expires = _protector.Now.AddDays(options.Value.PlanLinkDays);
        return _protector.Protect(Encoding.UTF8.GetString(AnswerJson.Write(answers)), expires);
    }

    /// <summary>The answers of a link, or null when it is malformed, tampered with or expired.</summary>
    public AnswerSet? Open(string token, out DateTimeOffset expires)
    {
        expires = default;
        if (string.IsNullOrEmpty(token) || token.Length > 8000 || _protector.Unprotect(token, out expires) is not { } json)
        {
            return null;
        }

        var parsed = AnswerJson.TryRead(Encoding.UTF8.GetBytes(json), walker);
        return parsed is { IsValid: true } ? parsed.Answers : null;
    }
}
