using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LeakRights.Web.Data;

/// <summary>
/// A saved case (issue 13, docs/decisions/0009): only its id, the ciphertext and timestamps. The key is derived from the
/// secret in the person's link, which is never stored; <c>Cases/CaseStore</c> is the only code that reads or writes these rows.
/// </summary>
public sealed class CaseEntity
{
    /// <summary>12 base64url characters (9 random bytes): locates the row, opens nothing.</summary>
    public required string Id { get; set; }

    /// <summary>Format version ‖ nonce ‖ AES-256-GCM ciphertext of the padded payload ‖ tag (<c>CaseCrypto</c>).</summary>
    public required byte[] Sealed { get; set; }

    /// <summary>UTC, to the second.</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>UTC, to the second: the last save, or the last opening (touched at most once a day); retention counts from it.</summary>
    public DateTime UpdatedAt { get; set; }

    /// <summary>1 when created, one more on every save: the optimistic concurrency token.</summary>
    public int Version { get; set; }
}

internal sealed class CaseConfiguration : IEntityTypeConfiguration<CaseEntity>
{
    public void Configure(EntityTypeBuilder<CaseEntity> b)
    {
        b.ToTable("Cases");
        b.HasKey(c => c.Id);
        b.Property(c => c.Id).HasMaxLength(12).ValueGeneratedNever();
        b.Property(c => c.Sealed).IsRequired();
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasIndex(c => c.UpdatedAt);
    }
}
