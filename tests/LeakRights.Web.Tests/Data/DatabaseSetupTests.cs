using System.Diagnostics;
using System.Net;
using LeakRights.Web.Data;
using LeakRights.Web.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace LeakRights.Web.Tests.Data;

/// <summary>
/// Start-up with several instances: migrations and seeding under the database's start-up lock, and `--migrate-only` for
/// deployment pipelines. On SQLite (a file: two processes share a file, not an in-memory database) and on PostgreSQL.
/// </summary>
public sealed class DatabaseSetupTests
{
    public static TheoryData<DatabaseProvider> Providers => ContentVersionTests.Providers;

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Start_TwoInstancesAtOnceOnAnEmptyDatabase_BothServeAndTheContentIsSeededOnce(DatabaseProvider provider)
    {
        ContentVersionTests.SkipUnlessAvailable(provider);
        using var database = EmptyDatabase.Create(provider);
        using var a = database.App();
        using var b = database.App();

        // Both hosts start (migrate, seed, create the first Data Protection key) at the same moment.
        var clients = await Task.WhenAll(Task.Run(a.CreateClient), Task.Run(b.CreateClient));

        Assert.Equal(HttpStatusCode.OK, (await clients[0].GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await clients[1].GetAsync("/healthz")).StatusCode);
        await using var db = a.CreateDbContext();
        Assert.Equal(205, await db.Articles.CountAsync());
        Assert.Equal(205, await db.ArticleRevisions.CountAsync());
        Assert.Equal(18, await db.Authorities.CountAsync());
        Assert.Equal(18, await db.AuthorityRevisions.CountAsync());
        Assert.Equal(1, await db.DataProtectionKeys.CountAsync());
        Assert.Equal(db.Database.GetMigrations().Count(), (await db.Database.GetAppliedMigrationsAsync()).Count());
        foreach (var client in clients)
        {
            client.Dispose();
        }
    }

    /// <summary>`LeakRights.Web --migrate-only` (a real process): checks the settings, migrates, seeds and exits 0 without serving.</summary>
    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task MigrateOnly_EmptyDatabase_MigratesSeedsAndExits0(DatabaseProvider provider)
    {
        ContentVersionTests.SkipUnlessAvailable(provider);
        using var database = EmptyDatabase.Create(provider);

        var (code, output) = await RunWebAsync(database, "--migrate-only");

        Assert.True(code == 0, output);
        Assert.Contains("--migrate-only", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Now listening", output, StringComparison.Ordinal);
        // A successful first migration reports no error an operator would have to look into (PostgreSQL's provider used to
        // log its probe of the not yet created history table as a failed command).
        Assert.DoesNotContain(" ERR] ", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Failed executing DbCommand", output, StringComparison.Ordinal);
        using var app = database.App();
        await using var db = app.CreateDbContext();
        Assert.Equal(205, await db.Articles.CountAsync());
        Assert.Equal(18, await db.Authorities.CountAsync());
    }

    [Fact]
    public async Task MigrateOnly_BadSetting_Exits1NamingItAndTouchesNothing()
    {
        using var database = EmptyDatabase.Create(DatabaseProvider.Sqlite);

        var (code, output) = await RunWebAsync(database, "--migrate-only", ("LeakRights__Database__Provider", "Oracle"));

        Assert.Equal(1, code);
        Assert.Contains("LeakRights:Database:Provider", output, StringComparison.Ordinal);
        Assert.False(File.Exists(database.SqliteFile));
    }

    /// <summary>
    /// Every model change needs a migration for each provider (`dotnet ef migrations add Name --context LeakRightsDbContext`,
    /// then `--context PostgreSqlLeakRightsDbContext`): a model that differs from either set's snapshot fails here.
    /// </summary>
    [Fact]
    public void Migrations_EachProvidersSet_MatchesTheModel()
    {
        using var sqlite = new DesignTimeDbContextFactory().CreateDbContext([]);
        using var postgreSql = new PostgreSqlDesignTimeDbContextFactory().CreateDbContext([]);

        Assert.False(sqlite.Database.HasPendingModelChanges(), "the SQLite migrations miss a model change");
        Assert.False(postgreSql.Database.HasPendingModelChanges(), "the PostgreSQL migrations miss a model change");
        Assert.Contains(sqlite.Database.GetMigrations(), m => m.EndsWith("_ContentVersionCounter", StringComparison.Ordinal));
        Assert.Contains(postgreSql.Database.GetMigrations(), m => m.EndsWith("_InitialCreate", StringComparison.Ordinal));
        Assert.DoesNotContain(postgreSql.Database.GetMigrations(), m => sqlite.Database.GetMigrations().Contains(m));
    }

    /// <summary>The app creates tables, not the PostgreSQL database itself: a missing one stops start-up saying what to do.</summary>
    [SkippableFact]
    public async Task Start_PostgreSqlDatabaseMissing_FailsNamingItAndHowToCreateIt()
    {
        ContentVersionTests.SkipUnlessAvailable(DatabaseProvider.PostgreSql);
        var name = "lr_missing_" + Guid.NewGuid().ToString("N");
        await using var app = Infrastructure.StartupApp.Build([new("LeakRights:Database:Provider", "PostgreSql"), new("ConnectionStrings:LeakRights", TestPostgres.ConnectionStringFor(name))]);

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(app.InitializeLeakRightsAsync);

        Assert.Contains($"'{name}'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("createdb", ex.Message, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Output)> RunWebAsync(EmptyDatabase database, string argument, params (string Name, string Value)[] environment)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "LeakRights.Web.dll"), argument])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["DOTNET_ENVIRONMENT"] = "Testing";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["ConnectionStrings__LeakRights"] = database.ConnectionString;
        start.Environment["LeakRights__Database__Provider"] = database.Provider.ToString();
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // Still running (serving, not exiting): end it, and fail.
            process.Kill(entireProcessTree: true);
            return (-1, "did not exit within 2 minutes: " + await stdout + await stderr);
        }

        return (process.ExitCode, await stdout + await stderr);
    }

    /// <summary>A database no app has touched: a SQLite file in a folder of its own, or a new PostgreSQL database.</summary>
    private sealed class EmptyDatabase : IDisposable
    {
        private readonly TestDatabase? _postgres;
        private readonly string? _folder;

        private EmptyDatabase(DatabaseProvider provider)
        {
            Provider = provider;
            if (provider == DatabaseProvider.Sqlite)
            {
                _folder = Path.Combine(Path.GetTempPath(), "lr-start-" + Guid.NewGuid().ToString("N"));
                SqliteFile = Path.Combine(_folder, "leakrights.db");
                ConnectionString = $"Data Source={SqliteFile}";
            }
            else
            {
                _postgres = TestDatabase.Create(provider);
                ConnectionString = _postgres.ConnectionString;
            }
        }

        public DatabaseProvider Provider { get; }

        public string ConnectionString { get; }

        public string? SqliteFile { get; }

        public static EmptyDatabase Create(DatabaseProvider provider) => new(provider);

        /// <summary>An app on this database (its own factory's database is left unused).</summary>
        public LeakRightsFactory App() =>
            LeakRightsFactory.On(DatabaseProvider.Sqlite).With("ConnectionStrings:LeakRights", ConnectionString).With("LeakRights:Database:Provider", Provider.ToString());

        public void Dispose()
        {
            _postgres?.Dispose();
            if (_folder is not null)
            {
                SqliteConnection.ClearAllPools();
                if (Directory.Exists(_folder))
                {
                    Directory.Delete(_folder, recursive: true);
                }
            }
        }
    }
}
