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
