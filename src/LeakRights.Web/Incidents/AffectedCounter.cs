using System.Security.Cryptography;
using System.Text;
using LeakRights.Core.Content;
using LeakRights.Core.Incidents;
using LeakRights.Web.Data;
using LeakRights.Web.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LeakRights.Web.Incidents;

public enum AffectedOutcome
{
    Counted,

    /// <summary>This browser already counted this incident (the cookie says so): not counted again.</summary>
    AlreadyCounted,

    /// <summary>No challenge or no nonce: most likely JavaScript is off.</summary>
    NoWork,

    /// <summary>A challenge that is not ours, was changed, is for another incident, or a nonce of the wrong shape.</summary>
    Malformed,

    Expired,

    /// <summary>The nonce does not give enough leading zero bits.</summary>
    WorkInvalid,

    /// <summary>This challenge was used before (on any instance).</summary>
    Replayed,

    NotFound,

    /// <summary>The database could not be written: nothing counted.</summary>
    Unavailable,
}

/// <summary>
/// The anonymous "我也受到影响" counter (docs/decisions/0011). A challenge is a Data-Protection-protected text carrying the
/// incident's slug, an expiry and 16 random bytes; the browser finds a nonce so that SHA-256("challenge:nonce") starts with
/// <see cref="IncidentOptions.CounterDifficultyBits"/> zero bits; each challenge counts once on every instance (its hash is
/// stored until it expires); a cookie holding only the slugs this browser counted stops a second count. Stored per incident:
/// one number per China-time day. Never stored or logged: addresses, cookies, challenges of counted requests beyond their
/// expiry, times of day.
/// </summary>
public sealed class AffectedCounter(LeakRightsDbContext db, IDataProtectionProvider protection, TimeProvider time, IOptions<IncidentOptions> options)
{
    public const string CookieName = "lr_affected";

    /// <summary>The most incidents one cookie remembers (the oldest are forgotten first).</summary>
    public const int MaxRemembered = 50;

    private const string ChallengePurpose = "LeakRights.Incidents.AffectedChallenge.v1";
    private const string CookiePurpose = "LeakRights.Incidents.AffectedCookie.v1";
    private const int MaxChallengeLength = 1000;
    private const int MaxNonceLength = 20;

    private readonly ExpiringDataProtector _challenges = new(protection, ChallengePurpose, time);
    private readonly IDataProtector _cookie = protection.CreateProtector(CookiePurpose);

    public int DifficultyBits => options.Value.CounterDifficultyBits;

    /// <summary>A new challenge for <paramref name="slug"/> (a published incident's), valid for <see cref="IncidentOptions.ChallengeMinutes"/>.</summary>
    public string IssueChallenge(string slug) =>
        _challenges.Protect($"{slug}|{Convert.ToHexString(RandomNumberGenerator.GetBytes(16))}", time.GetUtcNow().AddMinutes(options.Value.ChallengeMinutes));

    /// <summary>True when this browser's cookie says it counted <paramref name="slug"/>.</summary>
    public bool HasCounted(HttpContext context, string slug) => Remembered(context).Contains(slug, StringComparer.Ordinal);

    public async Task<AffectedOutcome> RecordAsync(HttpContext context, Incident incident, string? challenge, string? nonce, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(incident);
        if (HasCounted(context, incident.Slug))
        {
            return AffectedOutcome.AlreadyCounted;
        }

        if (string.IsNullOrEmpty(challenge) || string.IsNullOrEmpty(nonce))
        {
            return AffectedOutcome.NoWork;
        }

        if (challenge.Length > MaxChallengeLength || nonce.Length > MaxNonceLength || !nonce.All(char.IsAsciiDigit))
        {
            return AffectedOutcome.Malformed;
        }

        var payload = _challenges.Unprotect(challenge, out var expires);
        if (payload is null)
        {
            // Expired and tampered look alike to Unprotect; a token that opens without the expiry check is an expired one.
            return expires != default && expires < time.GetUtcNow() ? AffectedOutcome.Expired : AffectedOutcome.Malformed;
        }

        var bar = payload.IndexOf('|', StringComparison.Ordinal);
        if (bar <= 0 || !string.Equals(payload[..bar], incident.Slug, StringComparison.Ordinal))
        {
            return AffectedOutcome.Malformed;
        }

        if (!HasWork(challenge, nonce, DifficultyBits))
        {
            return AffectedOutcome.WorkInvalid;
        }

        try
        {
            if (!await UseChallengeAsync(challenge, expires, cancellationToken))
            {
                return AffectedOutcome.Replayed;
            }

            var id = await db.Incidents.AsNoTracking().Where(i => i.Slug == incident.Slug && i.IsPublished).Select(i => (int?)i.Id).FirstOrDefaultAsync(cancellationToken);
            if (id is null)
            {
                return AffectedOutcome.NotFound;
            }

            await IncrementAsync(id.Value, ChinaTime.Today(time), cancellationToken);
        }
        catch (Exception ex) when (DatabaseErrors.Unwritable(ex) is not null)
        {
            db.ChangeTracker.Clear();
            return AffectedOutcome.Unavailable;
        }

        Remember(context, incident.Slug);
        return AffectedOutcome.Counted;
    }

    /// <summary>The count of each published incident by slug (totals of the day buckets).</summary>
    public async Task<int> CountAsync(string slug, CancellationToken cancellationToken = default) =>
        await db.IncidentAffectedCounts.AsNoTracking()
            .Where(c => db.Incidents.Any(i => i.Id == c.IncidentId && i.Slug == slug))
            .SumAsync(c => (int?)c.Count, cancellationToken) ?? 0;

    /// <summary>How the public pages show a count: a range, never the exact number.</summary>
    public static string Range(int count) => count switch
    {
        >= 10_000 => "10,000+ 人",
        >= 1_000 => "1,000+ 人",
        >= 100 => "100+ 人",
        >= 10 => "10+ 人",
        _ => "少于 10 人",
    };

    /// <summary>True when SHA-256 of "challenge:nonce" (UTF-8) starts with <paramref name="bits"/> zero bits.</summary>
    public static bool HasWork(string challenge, string nonce, int bits)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        ArgumentNullException.ThrowIfNull(nonce);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(challenge + ":" + nonce), hash);
        for (var i = 0; i < bits; i++)
        {
            if ((hash[i / 8] & (0x80 >> (i % 8))) != 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Records the challenge as used (false when it already was), deleting expired ones first.</summary>
    private async Task<bool> UseChallengeAsync(string challenge, DateTimeOffset expires, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await db.IncidentChallengeUses.Where(c => c.ExpiresAtUtc < now).ExecuteDeleteAsync(cancellationToken);
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(challenge)));
        db.IncidentChallengeUses.Add(new IncidentChallengeUse { Hash = hash, ExpiresAtUtc = expires.UtcDateTime });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException ex) when (DatabaseErrors.IsConstraintViolation(ex.InnerException))
        {
            // The primary key (the hash) is taken: this challenge was used before, here or on another instance.
            db.ChangeTracker.Clear();
            return false;
        }
    }

    /// <summary>Adds one to the day's bucket in one statement; the first count of a day inserts it (a race retries the update).</summary>
    private async Task IncrementAsync(int incidentId, DateOnly day, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            if (await db.IncidentAffectedCounts.Where(c => c.IncidentId == incidentId && c.Day == day)
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.Count, c => c.Count + 1), cancellationToken) > 0)
            {
                return;
            }

            db.IncidentAffectedCounts.Add(new IncidentAffectedCount { IncidentId = incidentId, Day = day, Count = 1 });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateException ex) when (DatabaseErrors.IsConstraintViolation(ex.InnerException))
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private List<string> Remembered(HttpContext context)
    {
        if (!context.Request.Cookies.TryGetValue(CookieName, out var value) || string.IsNullOrEmpty(value) || value.Length > 4000)
        {
            return [];
        }

        try
        {
            return _cookie.Unprotect(value).Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(IncidentRules.IsValidSlug).ToList();
        }
        catch (CryptographicException)
        {
            return [];
        }
    }

    private void Remember(HttpContext context, string slug)
    {
        var slugs = Remembered(context);
        slugs.Add(slug);
        var kept = slugs.Distinct(StringComparer.Ordinal).TakeLast(MaxRemembered);
        var cookie = AnswerDraftStore.BrowserOnly(context, TimeSpan.FromDays(365));
        cookie.Path = "/incidents";
        context.Response.Cookies.Append(CookieName, _cookie.Protect(string.Join(' ', kept)), cookie);
    }
}
