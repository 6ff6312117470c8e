using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Options;

namespace LeakRights.Web.Data;

/// <summary>
/// One row whose <see cref="Version"/> goes up by one in the same transaction as every change to statutes or authorities
/// (<see cref="LeakRightsDbContext"/> does it on save: admin edits, restores, imports from the web or the command line,
/// seeding). Every instance polls it (<see cref="ContentVersionWatcher"/>) and reloads its content snapshot when it moved.
/// </summary>
public sealed class ContentVersion
{
    public const int SingletonId = 1;

    public int Id { get; set; }

    public long Version { get; set; }
}

internal sealed class ContentVersionConfiguration : IEntityTypeConfiguration<ContentVersion>
{
    public void Configure(EntityTypeBuilder<ContentVersion> b)
    {
        b.ToTable("ContentVersions");
        b.HasKey(v => v.Id);
        b.Property(v => v.Id).ValueGeneratedNever();
        b.HasData(new ContentVersion { Id = ContentVersion.SingletonId, Version = 1 });
    }
}

/// <summary>Settings under "LeakRights:Content". See docs/deployment.md.</summary>
public sealed class ContentOptions
{
    public const string Section = "LeakRights:Content";

    /// <summary>How often each instance checks the content version, in seconds: another instance's admin edit shows here within about that long.</summary>
    [Display(Name = Section + ":PollSeconds")]
    [Range(1, 60)]
    public int PollSeconds { get; set; } = 2;
}

/// <summary>
/// Keeps this instance's content snapshot in step with the database when another instance (or the admin command line)
/// changed the content: every <see cref="ContentOptions.PollSeconds"/> it reads the one-row content version and reloads the
/// snapshot when the version is newer than the snapshot's. Polling runs on the real clock (the app's TimeProvider is for
/// dates). A failure (the database down, say) is logged once per outage; polling goes on.
/// </summary>
public sealed partial class ContentVersionWatcher(IServiceScopeFactory scopes, ContentSnapshotProvider snapshot, IOptions<ContentOptions> options, ILogger<ContentVersionWatcher> logger) : BackgroundService
{
    /// <summary>The stored content version (one indexed single-row read).</summary>
    public static Task<long> ReadVersionAsync(LeakRightsDbContext db, CancellationToken cancellationToken = default) =>
        db.ContentVersions.AsNoTracking().Where(v => v.Id == ContentVersion.SingletonId).Select(v => v.Version).FirstOrDefaultAsync(cancellationToken);

    /// <summary>One check: reloads the snapshot when the stored version is newer. True when it reloaded.</summary>
    public async Task<bool> CheckAsync(CancellationToken cancellationToken = default)
    {
        long stored;
        await using (var scope = scopes.CreateAsyncScope())
        {
            stored = await ReadVersionAsync(scope.ServiceProvider.GetRequiredService<LeakRightsDbContext>(), cancellationToken);
        }

        if (stored <= snapshot.Version)
        {
            return false;
        }

        await snapshot.ReloadAsync(cancellationToken);
        LogReloaded(logger, snapshot.Version);
        return true;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.PollSeconds));
        var failing = false;
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await CheckAsync(stoppingToken);
                    failing = false;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // A failing database (or anything else) never ends the loop: an exception out of a background service
                    // would stop the host, and with it every request this instance serves.
                    if (!failing)
                    {
                        LogFailed(logger, ex);
                    }

                    failing = true;
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Content changed in the database (version {Version}); the content snapshot was reloaded")]
    private static partial void LogReloaded(ILogger logger, long version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not check the content version or reload the content (the database failed?). Pages keep the content they have; checking goes on.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
