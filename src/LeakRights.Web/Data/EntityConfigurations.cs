using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LeakRights.Web.Data;

internal sealed class LawConfiguration : IEntityTypeConfiguration<LawEntity>
{
    public void Configure(EntityTypeBuilder<LawEntity> b)
    {
        b.ToTable("Laws");
        b.HasKey(l => l.Id);
        b.Property(l => l.Id).HasMaxLength(100);
        b.Property(l => l.Status).HasMaxLength(20);
        b.HasMany(l => l.Articles).WithOne(a => a.Law).HasForeignKey(a => a.LawId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ArticleConfiguration : IEntityTypeConfiguration<ArticleEntity>
{
    public void Configure(EntityTypeBuilder<ArticleEntity> b)
    {
        b.ToTable("Articles");
        b.HasKey(a => a.Id);
        b.Property(a => a.Number).HasMaxLength(20);
        b.HasIndex(a => new { a.LawId, a.Number }).IsUnique();
        b.Property(a => a.CurrentRevision).IsConcurrencyToken();
        b.HasMany(a => a.Revisions).WithOne(r => r.Article).HasForeignKey(r => r.ArticleId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ArticleRevisionConfiguration : IEntityTypeConfiguration<ArticleRevisionEntity>
{
    public void Configure(EntityTypeBuilder<ArticleRevisionEntity> b)
    {
        b.ToTable("ArticleRevisions");
        b.HasKey(r => r.Id);
        b.HasIndex(r => new { r.ArticleId, r.Revision }).IsUnique();
    }
}

internal sealed class AuthorityConfiguration : IEntityTypeConfiguration<AuthorityEntity>
{
    public void Configure(EntityTypeBuilder<AuthorityEntity> b)
    {
        b.ToTable("Authorities");
        b.HasKey(a => a.Id);
        b.Property(a => a.Id).HasMaxLength(100);
        b.Property(a => a.Revision).IsConcurrencyToken();
    }
}

internal sealed class AuthorityRevisionConfiguration : IEntityTypeConfiguration<AuthorityRevisionEntity>
{
    public void Configure(EntityTypeBuilder<AuthorityRevisionEntity> b)
    {
        b.ToTable("AuthorityRevisions");
        b.HasKey(r => r.Id);
        b.HasIndex(r => new { r.AuthorityId, r.Revision }).IsUnique();
    }
}

internal sealed class AdminUserConfiguration : IEntityTypeConfiguration<AdminUser>
{
    public void Configure(EntityTypeBuilder<AdminUser> b)
    {
        b.ToTable("AdminUsers");
        b.HasKey(u => u.Id);
        b.Property(u => u.UserName).HasMaxLength(64);
        b.Property(u => u.NormalizedUserName).HasMaxLength(64);
        b.HasIndex(u => u.NormalizedUserName).IsUnique();
    }
}

internal sealed class AdminSignInThrottleConfiguration : IEntityTypeConfiguration<AdminSignInThrottle>
{
    public void Configure(EntityTypeBuilder<AdminSignInThrottle> b)
    {
        b.ToTable("AdminSignInThrottles");
        b.HasKey(t => t.Id);
        b.Property(t => t.Client).HasMaxLength(64);
        b.HasIndex(t => new { t.AdminUserId, t.Client }).IsUnique();
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("AuditEntries");
        b.HasKey(a => a.Id);
        b.HasIndex(a => a.TimeUtc);
    }
}
