using LeakRights.Web.Data;
using LeakRights.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LeakRights.Web.Cases;

/// <summary>
/// Deletes cases not used (opened or saved) for <see cref="LeakRightsOptions.CaseRetentionMonths"/> months: at start and
/// then every hour, on the app's <see cref="TimeProvider"/>. Rows are deleted, not flagged. Logs counts only.
/// </summary>
public sealed partial class CaseRetention(IServiceScopeFactory scopes, TimeProvider time, IOptions<LeakRightsOptions> options, ILogger<CaseRetention> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    /// <summary>The last-used time before which a case is deleted now.</summary>
    public DateTime Cutoff => time.GetUtcNow().UtcDateTime.AddMonths(-options.Value.CaseRetentionMonths);

    /// <summary>Deletes every case last used before <see cref="Cutoff"/>, in one statement; returns how many.</summary>
    public async Task<int> PurgeAsync(CancellationToken cancellationToken = default)
    {
        var cutoff = Cutoff;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LeakRightsDbContext>();
        var deleted = await db.Cases.Where(c => c.UpdatedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        if (deleted > 0)
        {
            LogPurged(logger, deleted, options.Value.CaseRetentionMonths);
        }

        return deleted;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let the host finish starting first.
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await PurgeAsync(stoppingToken);
            }
            catch (Exception ex) when (CaseStore.IsDatabaseFailure(ex))
            {
                // Never stop the app for this: the next hour tries again.
                LogFailed(logger, ex);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Nor for anything else: an exception out of a background service stops the whole host, and with it every
                // request this instance serves.
                LogUnexpected(logger, ex);
            }

            try
            {
                await Task.Delay(Interval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Case retention deleted {Count} cases not used for {Months} months.")]
    private static partial void LogPurged(ILogger logger, int count, int months);

    [LoggerMessage(Level = LogLevel.Error, Message = "Case retention could not delete old cases: the database failed. It tries again in an hour.")]
    private static partial void LogFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Case retention could not delete old cases: an unexpected error. The app keeps serving; it tries again in an hour.")]
    private static partial void LogUnexpected(ILogger logger, Exception exception);
}
