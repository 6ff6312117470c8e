using LeakRights.Core.Incidents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace LeakRights.Web.Data;

/// <summary>
/// A mass-leak incident kept by staff (issue 16). Only published rows reach the public pages, through the content snapshot's
/// <see cref="IIncidentCatalog"/>; <see cref="ModerationNote"/> is for staff and never leaves the admin area. Every change is
/// an <see cref="IncidentRevisionEntity"/>; <see cref="CurrentRevision"/> guards concurrent edits. The slug never changes.
/// </summary>
public sealed class IncidentEntity
{
    public int Id { get; set; }

    public required string Slug { get; set; }

    public required string Organisation { get; set; }

    /// <summary>A questionnaire <c>source</c> option id.</summary>
    public required string Source { get; set; }

    public DateOnly? OccurredOn { get; set; }

    public required DateOnly BecamePublicOn { get; set; }

    /// <summary>Questionnaire <c>data-types</c> option ids, comma-separated in the questionnaire's order.</summary>
    public required string DataTypes { get; set; }

    /// <summary>A questionnaire <c>scale</c> option id.</summary>
    public required string Scale { get; set; }

    public required string Summary { get; set; }

    /// <summary>Stored as its name (reported, confirmed-by-organisation, confirmed-by-authority, disputed).</summary>
    public required IncidentStatus Status { get; set; }

    /// <summary>For staff only: why it is (not) published, what is still to check. Never shown publicly, never in the API.</summary>
    public string ModerationNote { get; set; } = string.Empty;

    public bool IsPublished { get; set; }

    public int CurrentRevision { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    public List<IncidentSourceEntity> Sources { get; set; } = [];

    public List<IncidentRevisionEntity> Revisions { get; set; } = [];

    public static IReadOnlyList<string> SplitDataTypes(string stored) =>
        stored.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The Core record the public pages see (the rules are checked by the snapshot, not here).</summary>
    public Incident ToIncident() => new(
        Slug,
        Organisation,
        Source,
        OccurredOn,
        BecamePublicOn,
        SplitDataTypes(DataTypes),
        Scale,
        Summary,
        Status,
        Sources.OrderBy(s => s.SortOrder).Select(s => s.ToSource()).ToList(),
        CurrentRevision,
        new DateTimeOffset(DateTime.SpecifyKind(UpdatedAtUtc, DateTimeKind.Utc)));
}

/// <summary>One published source of an incident (official notice, regulator or court announcement, press).</summary>
public sealed class IncidentSourceEntity
{
    public int Id { get; set; }

    public int IncidentId { get; set; }

    public int SortOrder { get; set; }

    /// <summary>Stored as its name (organisation-notice, regulator-announcement, court-or-procuratorate, press).</summary>
    public required IncidentSourceKind Kind { get; set; }

    public required string Title { get; set; }

    public required string Url { get; set; }

    public required DateOnly PublishedOn { get; set; }

    /// <summary>A URL that does not parse becomes about:blank, which the snapshot's rules refuse (never a throw).</summary>
    public IncidentSource ToSource() =>
        new(Kind, Title, Uri.TryCreate(Url, UriKind.Absolute, out var uri) ? uri : new Uri("about:blank"), PublishedOn);
}

/// <summary>
/// Every saved state of an incident (create, edit, publish, unpublish): a full copy, with who, when and why, so any two can be
/// compared. The sources are kept as JSON text (kind, title, url, published-on), a copy rather than rows.
/// </summary>
public sealed class IncidentRevisionEntity
{
    public int Id { get; set; }

    public int IncidentId { get; set; }

    public int Revision { get; set; }

    public required string Organisation { get; set; }

    public required string Source { get; set; }

    public DateOnly? OccurredOn { get; set; }

    public required DateOnly BecamePublicOn { get; set; }

    public required string DataTypes { get; set; }

    public required string Scale { get; set; }

    public required string Summary { get; set; }

    public required IncidentStatus Status { get; set; }

    public required string ModerationNote { get; set; }

    public bool IsPublished { get; set; }

    public required string SourcesJson { get; set; }

    public required string Editor { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public required string ChangeNote { get; set; }
}

/// <summary>
/// The anonymous "我也受到影响" counter (docs/decisions/0011): per incident and China-time day, a number. Nothing else: no
/// address, no cookie value, no time of day.
/// </summary>
public sealed class IncidentAffectedCount
{
    public int IncidentId { get; set; }

    public DateOnly Day { get; set; }

    public int Count { get; set; }
}

/// <summary>
/// A counter challenge that was used, by the SHA-256 of its protected text, until it expires: a replay is refused on every
/// instance. Rows past <see cref="ExpiresAtUtc"/> are deleted as new ones are added.
/// </summary>
public sealed class IncidentChallengeUse
{
    public required string Hash { get; set; }

    public DateTime ExpiresAtUtc { get; set; }
}

internal static class IncidentStoredValues
{
    public const IncidentStatus UnreadableStatus = (IncidentStatus)(-1);

    public const IncidentSourceKind UnreadableKind = (IncidentSourceKind)(-1);

    public static readonly ValueConverter<IncidentStatus, string> StatusName = new(s => s.ToName(), s => ReadStatus(s));

    public static readonly ValueConverter<IncidentSourceKind, string> KindName = new(k => k.ToName(), k => ReadKind(k));

    private static IncidentStatus ReadStatus(string value) => IncidentStatusNames.TryParse(value, out var v) ? v : UnreadableStatus;

    private static IncidentSourceKind ReadKind(string value) => IncidentSourceKindNames.TryParse(value, out var v) ? v : UnreadableKind;
}

internal sealed class IncidentConfiguration : IEntityTypeConfiguration<IncidentEntity>
{
    public void Configure(EntityTypeBuilder<IncidentEntity> b)
    {
        b.ToTable("Incidents");
        b.HasKey(i => i.Id);
        b.Property(i => i.Slug).HasMaxLength(IncidentRules.MaxSlugLength);
        b.HasIndex(i => i.Slug).IsUnique();
        b.Property(i => i.Organisation).HasMaxLength(IncidentRules.MaxOrganisationLength);
        b.Property(i => i.Source).HasMaxLength(100);
        b.Property(i => i.Scale).HasMaxLength(100);
        b.Property(i => i.DataTypes).HasMaxLength(1000);
        b.Property(i => i.Status).HasMaxLength(40).HasConversion(IncidentStoredValues.StatusName);
        b.Property(i => i.OccurredOn).HasConversion(StoredValues.Date);
        b.Property(i => i.BecamePublicOn).HasConversion(StoredValues.Date);
        b.Property(i => i.CurrentRevision).IsConcurrencyToken();
        b.HasMany(i => i.Sources).WithOne().HasForeignKey(s => s.IncidentId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(i => i.Revisions).WithOne().HasForeignKey(r => r.IncidentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class IncidentSourceConfiguration : IEntityTypeConfiguration<IncidentSourceEntity>
{
    public void Configure(EntityTypeBuilder<IncidentSourceEntity> b)
    {
        b.ToTable("IncidentSources");
        b.HasKey(s => s.Id);
        b.Property(s => s.Kind).HasMaxLength(40).HasConversion(IncidentStoredValues.KindName);
        b.Property(s => s.Title).HasMaxLength(IncidentRules.MaxSourceTitleLength);
        b.Property(s => s.Url).HasMaxLength(IncidentRules.MaxSourceUrlLength);
        b.Property(s => s.PublishedOn).HasConversion(StoredValues.Date);
        b.HasIndex(s => new { s.IncidentId, s.SortOrder });
    }
}

internal sealed class IncidentRevisionConfiguration : IEntityTypeConfiguration<IncidentRevisionEntity>
{
    public void Configure(EntityTypeBuilder<IncidentRevisionEntity> b)
    {
        b.ToTable("IncidentRevisions");
        b.HasKey(r => r.Id);
        b.HasIndex(r => new { r.IncidentId, r.Revision }).IsUnique();
        b.Property(r => r.Status).HasMaxLength(40).HasConversion(IncidentStoredValues.StatusName);
        b.Property(r => r.OccurredOn).HasConversion(StoredValues.Date);
        b.Property(r => r.BecamePublicOn).HasConversion(StoredValues.Date);
    }
}

internal sealed class IncidentAffectedCountConfiguration : IEntityTypeConfiguration<IncidentAffectedCount>
{
    public void Configure(EntityTypeBuilder<IncidentAffectedCount> b)
    {
        b.ToTable("IncidentAffectedCounts");
        b.HasKey(c => new { c.IncidentId, c.Day });
        b.Property(c => c.Day).HasConversion(StoredValues.Date);
        b.HasOne<IncidentEntity>().WithMany().HasForeignKey(c => c.IncidentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class IncidentChallengeUseConfiguration : IEntityTypeConfiguration<IncidentChallengeUse>
{
    public void Configure(EntityTypeBuilder<IncidentChallengeUse> b)
    {
        b.ToTable("IncidentChallengeUses");
        b.HasKey(c => c.Hash);
        b.Property(c => c.Hash).HasMaxLength(64);
        b.HasIndex(c => c.ExpiresAtUtc);
    }
}
