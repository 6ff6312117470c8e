using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace LeakRights.Web.Data;

public sealed class LeakRightsDbContext(DbContextOptions<LeakRightsDbContext> options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<LawEntity> Laws => Set<LawEntity>();

    public DbSet<ArticleEntity> Articles => Set<ArticleEntity>();

    public DbSet<ArticleRevisionEntity> ArticleRevisions => Set<ArticleRevisionEntity>();

    public DbSet<AuthorityEntity> Authorities => Set<AuthorityEntity>();

    public DbSet<AuthorityRevisionEntity> AuthorityRevisions => Set<AuthorityRevisionEntity>();

    public DbSet<AdminUser> AdminUsers => Set<AdminUser>();

    public DbSet<AdminSignInThrottle> AdminSignInThrottles => Set<AdminSignInThrottle>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    /// <summary>Saved cases: ciphertext only, the key is in the person's link (docs/decisions/0009).</summary>
    public DbSet<CaseEntity> Cases => Set<CaseEntity>();

    /// <summary>The health check's write probe: one row, rewritten.</summary>
    public DbSet<HealthHeartbeat> HealthHeartbeats => Set<HealthHeartbeat>();

    /// <summary>Data Protection keys, so plan links and the answer cookie survive restarts.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(LeakRightsDbContext).Assembly);
}
