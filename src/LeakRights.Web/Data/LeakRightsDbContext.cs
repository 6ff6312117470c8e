using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace LeakRights.Web.Data;

/// <summary>
/// The app's database. This type is the SQLite context (migrations in Data/Migrations); <see cref="PostgreSqlLeakRightsDbContext"/>
/// is the same model on PostgreSQL with its own migrations (Data/Migrations/PostgreSql): EF Core's "one context type per
/// provider" pattern. Services always ask for this type (<see cref="DatabaseSetup.AddLeakRightsDatabase"/>).
/// </summary>
public class LeakRightsDbContext : DbContext, IDataProtectionKeyContext
{
    public LeakRightsDbContext(DbContextOptions<LeakRightsDbContext> options)
        : base(options)
    {
    }

    /// <summary>For the provider-specific subclass, whose options are typed by its own class.</summary>
    protected LeakRightsDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<LawEntity> Laws => Set<LawEntity>();

    public DbSet<ArticleEntity> Articles => Set<ArticleEntity>();

    public DbSet<ArticleRevisionEntity> ArticleRevisions => Set<ArticleRevisionEntity>();

    public DbSet<AuthorityEntity> Authorities => Set<AuthorityEntity>();

    public DbSet<AuthorityRevisionEntity> AuthorityRevisions => Set<AuthorityRevisionEntity>();

    /// <summary>One row, bumped with every content change (see <see cref="ContentVersion"/>).</summary>
    public DbSet<ContentVersion> ContentVersions => Set<ContentVersion>();

    public DbSet<AdminUser> AdminUsers => Set<AdminUser>();

    public DbSet<AdminSignInThrottle> AdminSignInThrottles => Set<AdminSignInThrottle>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    /// <summary>Mass-leak incidents kept by staff (issue 16); only published ones reach the public pages.</summary>
    public DbSet<IncidentEntity> Incidents => Set<IncidentEntity>();

    public DbSet<IncidentSourceEntity> IncidentSources => Set<IncidentSourceEntity>();

    public DbSet<IncidentRevisionEntity> IncidentRevisions => Set<IncidentRevisionEntity>();

    /// <summary>The anonymous "我也受到影响" counts, per incident and day (docs/decisions/0011). Not content: no version bump.</summary>
    public DbSet<IncidentAffectedCount> IncidentAffectedCounts => Set<IncidentAffectedCount>();

    /// <summary>Used counter challenges until they expire (replays refused on every instance).</summary>
    public DbSet<IncidentChallengeUse> IncidentChallengeUses => Set<IncidentChallengeUse>();

    /// <summary>Saved cases: ciphertext only, the key is in the person's link (docs/decisions/0009).</summary>
    public DbSet<CaseEntity> Cases => Set<CaseEntity>();

    /// <summary>The health check's write probe: one row, rewritten.</summary>
    public DbSet<HealthHeartbeat> HealthHeartbeats => Set<HealthHeartbeat>();

    /// <summary>Data Protection keys, so plan links and the answer cookie survive restarts.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>
    /// Saves, and when the changes touch statutes, authorities or incidents, bumps <see cref="ContentVersion"/> in the same transaction
    /// (first, so concurrent content saves queue on that one row instead of deadlocking on content rows). Every instance then
    /// reloads its snapshot within a poll. Inside a caller's transaction (the import) the bump joins it.
    /// </summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        if (!ChangesContent())
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }

        using var transaction = Database.CurrentTransaction is null ? Database.BeginTransaction() : null;
        BumpContentVersion();
        var saved = base.SaveChanges(acceptAllChangesOnSuccess);
        transaction?.Commit();
        return saved;
    }

    /// <inheritdoc cref="SaveChanges(bool)"/>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (!ChangesContent())
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        await using var transaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        await BumpContentVersionAsync(cancellationToken);
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return saved;
    }

    /// <summary>Adds one to the content version in one statement (never read-then-write: two saves must give two versions).</summary>
    public Task<int> BumpContentVersionAsync(CancellationToken cancellationToken = default) =>
        ContentVersions.Where(v => v.Id == ContentVersion.SingletonId).ExecuteUpdateAsync(s => s.SetProperty(v => v.Version, v => v.Version + 1), cancellationToken);

    private int BumpContentVersion() =>
        ContentVersions.Where(v => v.Id == ContentVersion.SingletonId).ExecuteUpdate(s => s.SetProperty(v => v.Version, v => v.Version + 1));

    private bool ChangesContent() =>
        ChangeTracker.Entries().Any(e =>
            e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
            && e.Entity is LawEntity or ArticleEntity or ArticleRevisionEntity or AuthorityEntity or AuthorityRevisionEntity
                or IncidentEntity or IncidentSourceEntity or IncidentRevisionEntity);

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(LeakRightsDbContext).Assembly);

    /// <summary>
    /// Every date-time is UTC, on both providers: written as UTC (PostgreSQL's timestamptz accepts nothing else; a value read
    /// from a SQLite file or a backup without a zone is taken as the UTC it was written as) and read back marked UTC.
    /// </summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    /// <summary>See <see cref="ConfigureConventions"/>.</summary>
    internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(v => ToUtc(v), v => DateTime.SpecifyKind(v, DateTimeKind.Utc))
    {
        internal static DateTime ToUtc(DateTime value) => value.Kind switch
        {
            DateTimeKind.Utc => value,
            DateTimeKind.Local => value.ToUniversalTime(),
            _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
        };
    }
}

/// <summary>The same model on PostgreSQL, with its own migrations (Data/Migrations/PostgreSql). See <see cref="LeakRightsDbContext"/>.</summary>
public sealed class PostgreSqlLeakRightsDbContext(DbContextOptions<PostgreSqlLeakRightsDbContext> options) : LeakRightsDbContext(options);
