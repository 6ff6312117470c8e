using LeakRights.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LeakRights.Web.Infrastructure;

/// <summary>
/// Healthy when the database answers a query, holds the seeded statutes and can be written: a full disk or a read-only file
/// stops admin sign-in and edits, so it must turn /healthz red too. The write is one committed upsert of a heartbeat row,
/// done at most once per <see cref="DatabaseWriteProbe.Interval"/> (anyone can call /healthz).
/// </summary>
public sealed class DatabaseHealthCheck(LeakRightsDbContext db, DatabaseWriteProbe probe, TimeProvider time) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            if (!await db.Laws.AnyAsync(cancellationToken))
            {
                return HealthCheckResult.Unhealthy("The database holds no statutes.");
            }

            return await probe.CanWriteAsync(db, time, cancellationToken)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("The database cannot be written (disk full or read-only?).");
        }
        catch (Exception ex) when (DatabaseErrors.IsDatabaseFailure(ex) || ex is InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy("The database does not answer.");
        }
    }
}

/// <summary>Remembers the last write test for a few seconds, so a flood of /healthz requests cannot turn into a flood of writes.</summary>
public sealed class DatabaseWriteProbe : IDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private DateTimeOffset _checkedAt = DateTimeOffset.MinValue;
    private bool _canWrite;

    public async Task<bool> CanWriteAsync(LeakRightsDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var now = time.GetUtcNow();
            if (now - _checkedAt < Interval && now >= _checkedAt)
            {
                return _canWrite;
            }

            try
            {
                var at = now.UtcDateTime;
                // Quoted names and ON CONFLICT: the same statement on SQLite and PostgreSQL.
                await db.Database.ExecuteSqlAsync($"""INSERT INTO "HealthHeartbeats" ("Id", "AtUtc") VALUES (1, {at}) ON CONFLICT ("Id") DO UPDATE SET "AtUtc" = excluded."AtUtc" """, cancellationToken);
                _canWrite = true;
            }
            catch (Exception ex) when (DatabaseErrors.IsDatabaseFailure(ex))
            {
                _canWrite = false;
            }

            _checkedAt = now;
            return _canWrite;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
