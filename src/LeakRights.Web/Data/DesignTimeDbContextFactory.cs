using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace LeakRights.Web.Data;

/// <summary>
/// Lets `dotnet ef migrations add` build the model without starting the app (nothing is connected to):
/// `dotnet ef migrations add Name --project src/LeakRights.Web --context LeakRightsDbContext` for SQLite, then the same with
/// `--context PostgreSqlLeakRightsDbContext` for PostgreSQL. Every model change needs both.
/// </summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<LeakRightsDbContext>
{
    public LeakRightsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<LeakRightsDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

/// <summary>The PostgreSQL context for `dotnet ef` (see <see cref="DesignTimeDbContextFactory"/>).</summary>
internal sealed class PostgreSqlDesignTimeDbContextFactory : IDesignTimeDbContextFactory<PostgreSqlLeakRightsDbContext>
{
    public PostgreSqlLeakRightsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlLeakRightsDbContext>().UseNpgsql("Host=localhost;Database=leakrights-design-time").Options);
}
