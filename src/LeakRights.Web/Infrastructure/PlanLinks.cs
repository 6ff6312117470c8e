using System.Security.Cryptography;
using System.Text;
using LeakRights.Core.Answers;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace LeakRights.Web.Infrastructure;

/// <summary>
/// A plan link carries the answers themselves, encrypted and signed with Data Protection and valid for 30 days
/// (keys persisted in the database, so links survive restarts). The server stores nothing; see docs/decisions/0002.
/// </summary>
public sealed class PlanLinks(IDataProtectionProvider protection, QuestionnaireWalker walker, IOptions<LeakRightsOptions> options)
{
    private readonly ITimeLimitedDataProtector _protector = protection.CreateProtector("LeakRights.PlanLink.v1").ToTimeLimitedDataProtector();

    public string Create(AnswerSet answers, out DateTimeOffset expires)
    {
        var lifetime = TimeSpan.FromDays(options.Value.PlanLinkDays);
        expires = DateTimeOffset.UtcNow.Add(lifetime);
        return _protector.Protect(Encoding.UTF8.GetString(AnswerJson.Write(walker.Normalize(answers))), lifetime);
    }

    /// <summary>The answers of a link, or null when it is malformed, tampered with or expired.</summary>
    public AnswerSet? Open(string token, out DateTimeOffset expires)
    {
        expires = default;
        if (string.IsNullOrEmpty(token) || token.Length > 8000)
        {
            return null;
        }

        try
        {
            var json = Encoding.UTF8.GetBytes(_protector.Unprotect(token, out expires));
            var parsed = AnswerJson.TryRead(json, walker);
            return parsed is { IsValid: true } ? parsed.Answers : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
