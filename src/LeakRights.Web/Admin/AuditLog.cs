using LeakRights.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LeakRights.Web.Admin;

/// <summary>
/// Appends audit entries. Entries are never deleted by the app; the only update is the count on a row that stands for
/// repeated failed sign-ins, so a password-guessing run costs one row per account and address every 15 minutes.
/// </summary>
public sealed class AuditLog(LeakRightsDbContext db, TimeProvider time)
{
    /// <summary>What the audit records as the actor when a sign-in names no account: never the typed text.</summary>
    public const string UnknownAccount = "unknown account";

    public static readonly TimeSpan FailureWindow = TimeSpan.FromMinutes(15);

    public void Add(string kind, string actor, string? target, string? detail, string? ip) =>
        db.AuditEntries.Add(new AuditEntry
        {
            TimeUtc = time.GetUtcNow().UtcDateTime,
            Kind = kind,
            Actor = actor,
            Target = target,
            Detail = detail is { Length: > 500 } ? detail[..500] : detail,
            IpAddress = ip,
        });

    /// <summary>
    /// Records a failure (saved at once): adds one to the count of the same failure from the same address in the last
    /// 15 minutes, or starts a new row. <paramref name="actor"/> must be a real account name or <see cref="UnknownAccount"/>.
    /// </summary>
    public async Task FailureAsync(string kind, string actor, string detail, string? ip, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var since = now - FailureWindow;
        var existing = await db.AuditEntries.AsNoTracking()
            .Where(e => e.Kind == kind && e.Actor == actor && e.Detail == detail && e.IpAddress == ip && e.TimeUtc >= since)
            .OrderByDescending(e => e.Id)
            .Select(e => (long?)e.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (existing is { } id && await db.AuditEntries.Where(e => e.Id == id).ExecuteUpdateAsync(s => s.SetProperty(e => e.Count, e => e.Count + 1), cancellationToken) == 1)
        {
            return;
        }

        Add(kind, actor, null, detail, ip);
        await db.SaveChangesAsync(cancellationToken);
    }
}
