using LeakRights.Core.Content;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace LeakRights.Web.Data;

/// <summary>
/// How dates and statuses are stored: as the same TEXT the seeds and backups use ("yyyy-MM-dd", "in-force",
/// "confirmed-law-text"…), through the one name mappings of Core. Reading never throws: text that is not a date or not a
/// known name (a row changed by hand in the database) reads as <see cref="UnreadableDate"/> or as a value outside the enum,
/// and <see cref="ContentSnapshot"/> refuses that row with a log line instead of failing start-up.
/// </summary>
public static class StoredValues
{
    /// <summary>What a stored date that does not parse reads as. No content date is this early, so the snapshot refuses it.</summary>
    public static readonly DateOnly UnreadableDate = DateOnly.MinValue;

    public const LawStatus UnreadableLawStatus = (LawStatus)(-1);

    public const ConfirmationStatus UnreadableConfirmationStatus = (ConfirmationStatus)(-1);

    public static bool IsReadable(DateOnly date) => date != UnreadableDate;

    public static bool IsReadable(DateOnly? date) => date != UnreadableDate;

    public static bool IsReadable(LawStatus status) => Enum.IsDefined(status);

    public static bool IsReadable(ConfirmationStatus status) => Enum.IsDefined(status);

    internal static readonly ValueConverter<DateOnly, string> Date = new(d => ContentRules.FormatDate(d), s => ReadDate(s));

    internal static readonly ValueConverter<LawStatus, string> LawStatusName = new(s => s.ToName(), s => ReadLawStatus(s));

    internal static readonly ValueConverter<ConfirmationStatus, string> ConfirmationStatusName = new(s => s.ToName(), s => ReadConfirmationStatus(s));

    private static DateOnly ReadDate(string value) => ContentRules.TryParseDate(value, out var d) ? d : UnreadableDate;

    private static LawStatus ReadLawStatus(string value) => LawStatusNames.TryParse(value, out var s) ? s : UnreadableLawStatus;

    private static ConfirmationStatus ReadConfirmationStatus(string value) => ConfirmationStatusNames.TryParse(value, out var s) ? s : UnreadableConfirmationStatus;
}

internal sealed class LawConfiguration : IEntityTypeConfiguration<LawEntity>
{
    public void Configure(EntityTypeBuilder<LawEntity> b)
    {
        b.ToTable("Laws");
        b.HasKey(l => l.Id);
        b.Property(l => l.Id).HasMaxLength(100);
        b.Property(l => l.Status).HasMaxLength(20).HasConversion(StoredValues.LawStatusName);
        b.Property(l => l.Adopted).HasConversion(StoredValues.Date);
        b.Property(l => l.Amended).HasConversion(StoredValues.Date);
        b.Property(l => l.Effective).HasConversion(StoredValues.Date);
        b.Property(l => l.InForceUntil).HasConversion(StoredValues.Date);
        b.Property(l => l.TextAsOf).HasConversion(StoredValues.Date);
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
        b.Property(a => a.TextAsOf).HasConversion(StoredValues.Date);
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
        b.Property(r => r.EffectiveDate).HasConversion(StoredValues.Date);
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
        b.Property(a => a.Status).HasConversion(StoredValues.ConfirmationStatusName);
        b.Property(a => a.LastVerified).HasConversion(StoredValues.Date);
    }
}

internal sealed class AuthorityRevisionConfiguration : IEntityTypeConfiguration<AuthorityRevisionEntity>
{
    public void Configure(EntityTypeBuilder<AuthorityRevisionEntity> b)
    {
        b.ToTable("AuthorityRevisions");
        b.HasKey(r => r.Id);
        b.HasIndex(r => new { r.AuthorityId, r.Revision }).IsUnique();
        b.Property(r => r.Status).HasConversion(StoredValues.ConfirmationStatusName);
        b.Property(r => r.LastVerified).HasConversion(StoredValues.Date);
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
