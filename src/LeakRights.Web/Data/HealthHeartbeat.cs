using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LeakRights.Web.Data;

/// <summary>One row the health check rewrites, to prove the database can still be written (a full disk fails here).</summary>
public sealed class HealthHeartbeat
{
    public int Id { get; set; }

    public DateTime AtUtc { get; set; }
}

internal sealed class HealthHeartbeatConfiguration : IEntityTypeConfiguration<HealthHeartbeat>
{
    public void Configure(EntityTypeBuilder<HealthHeartbeat> b)
    {
        b.ToTable("HealthHeartbeats");
        b.HasKey(h => h.Id);
        b.Property(h => h.Id).ValueGeneratedNever();
    }
}
