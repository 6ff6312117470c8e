using LeakRights.Web.Data;

namespace LeakRights.Web.Admin;

/// <summary>Appends audit entries. Entries are never updated or deleted by the app.</summary>
public sealed class AuditLog(LeakRightsDbContext db, TimeProvider time)
{
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
}
