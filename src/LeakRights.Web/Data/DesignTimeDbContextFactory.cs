using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace LeakRights.Web.Data;

/// <summary>Lets `dotnet ef migrations add` build the model without starting the app.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<LeakRightsDbContext>
{
    public LeakRightsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<LeakRightsDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
