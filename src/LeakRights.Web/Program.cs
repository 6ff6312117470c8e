using System.Globalization;
using LeakRights.Web.Admin;
using LeakRights.Web.Infrastructure;
using Serilog;

// Serving: standard output in batches (BufferedConsole). The command-line modes write line by line, in order with errors.
using var console = AdminCli.IsAdminCommand(args) || LeakRightsApplication.IsMigrateOnly(args) ? null : BufferedConsole.Install();
Log.Logger = new LoggerConfiguration().WriteTo.Console(formatProvider: CultureInfo.InvariantCulture).CreateBootstrapLogger();

try
{
    var admin = AdminCli.IsAdminCommand(args);
    var migrateOnly = LeakRightsApplication.IsMigrateOnly(args);
    var builder = WebApplication.CreateBuilder(admin || migrateOnly ? [] : args);
    builder.AddLeakRights();

    var app = builder.Build();
    await app.InitializeLeakRightsAsync();
    if (admin)
    {
        return await AdminCli.RunAsync(app.Services, args[1..], Console.In, Console.Out, Console.Error);
    }

    if (migrateOnly)
    {
        Log.Information("Database migrated and seeded (--migrate-only); exiting");
        return 0;
    }
    app.UseLeakRights();
    app.MapLeakRights();

    await app.RunAsync();
    return 0;
}
catch (Exception ex) when (ex is not HostAbortedException)
{
    Log.Fatal(ex, "LeakRights could not start");
    return 1;
}
finally
{
    await Log.CloseAndFlushAsync();
}

/// <summary>Exposed for WebApplicationFactory in the functional tests.</summary>
public partial class Program;
