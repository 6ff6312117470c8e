using System.ComponentModel.DataAnnotations;
using LeakRights.Web.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Options;
using Npgsql;

namespace LeakRights.Web.Data;

/// <summary>Which database the app uses. SQLite is the embedded default; PostgreSQL is for several instances (docs/decisions/0010).</summary>
public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}

/// <summary>Settings under "LeakRights:Database"; the connection string is <c>ConnectionStrings:LeakRights</c>. See docs/deployment.md.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "LeakRights:Database";

    public const string ConnectionStringSetting = "ConnectionStrings:" + LeakRightsApplication.ConnectionStringName;

    public const string DefaultSqliteConnectionString = "Data Source=App_Data/leakrights.db";

    [Display(Name = Section + ":Provider")]
    [EnumDataType(typeof(DatabaseProvider))]
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// Checks at start that the connection string fits the provider, naming both settings. The message never repeats the
    /// connection string: it may hold a password.
    /// </summary>
    public sealed class Validator(IConfiguration configuration) : IValidateOptions<DatabaseOptions>
    {
        public ValidateOptionsResult Validate(string? name, DatabaseOptions options)
        {
            ArgumentNullException.ThrowIfNull(options);
            var raw = configuration.GetConnectionString(LeakRightsApplication.ConnectionStringName);
            if (options.Provider == DatabaseProvider.Sqlite)
            {
                try
                {
                    _ = new SqliteConnectionStringBuilder(raw ?? DefaultSqliteConnectionString);
                    return ValidateOptionsResult.Success;
                }
                catch (ArgumentException)
                {
                    return ValidateOptionsResult.Fail($"{ConnectionStringSetting} is not a SQLite connection string (such as '{DefaultSqliteConnectionString}'), and {Section}:Provider is Sqlite.");
                }
            }

            if (string.IsNullOrWhiteSpace(raw))
            {
                return ValidateOptionsResult.Fail($"{Section}:Provider is PostgreSql but {ConnectionStringSetting} is not set: give it as 'Host=…;Port=5432;Database=leakrights;Username=leakrights;Password=…'.");
            }

            try
            {
                var csb = new NpgsqlConnectionStringBuilder(raw);
                if (string.IsNullOrWhiteSpace(csb.Host))
                {
                    return ValidateOptionsResult.Fail($"{ConnectionStringSetting} names no Host, and {Section}:Provider is PostgreSql: give it as 'Host=…;Port=5432;Database=leakrights;Username=leakrights;Password=…' (is it still the SQLite default?).");
                }

                return ValidateOptionsResult.Success;
            }
            catch (ArgumentException)
            {
                return ValidateOptionsResult.Fail($"{ConnectionStringSetting} is not a PostgreSQL connection string, and {Section}:Provider is PostgreSql: give it as 'Host=…;Port=5432;Database=leakrights;Username=leakrights;Password=…'.");
            }
        }
    }
}

/// <summary>
/// The one place the database is configured for either provider, and the start-up work that must be safe with several
/// instances starting at once: migrations and seeding under one database lock (<see cref="MigrateAndSeedAsync"/>).
/// </summary>
public static partial class DatabaseSetup
{
    /// <summary>The PostgreSQL advisory lock held while an instance migrates and seeds ("LeakRts" in ASCII).</summary>
    public const long StartupLockKey = 0x4C65616B527473;

    /// <summary>How long an instance waits for another one's migrations and seeding before it gives up starting.</summary>
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Registers <see cref="LeakRightsDbContext"/> for the configured provider. For PostgreSQL the context is a
    /// <see cref="PostgreSqlLeakRightsDbContext"/> (its own migrations, Data/Migrations/PostgreSql); every service asks for
    /// <see cref="LeakRightsDbContext"/> either way. The provider is read here; a bad value is reported by the options check at start.
    /// The options are built once (singleton): the connection string is resolved (and a SQLite file's folder created) at the
    /// first context, not again for every request's context (issue 15).
    /// </summary>
    public static IServiceCollection AddLeakRightsDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<DatabaseOptions>(DatabaseOptions.Section);
        services.AddSingleton<IValidateOptions<DatabaseOptions>, DatabaseOptions.Validator>();
        if (ProviderIn(configuration) == DatabaseProvider.PostgreSql)
        {
            services.AddDbContext<LeakRightsDbContext, PostgreSqlLeakRightsDbContext>((sp, o) =>
                o.UseNpgsql(sp.GetRequiredService<IConfiguration>().GetConnectionString(LeakRightsApplication.ConnectionStringName)),
                ServiceLifetime.Scoped,
                ServiceLifetime.Singleton);
        }
        else
        {
            services.AddDbContext<LeakRightsDbContext>((sp, o) =>
                o.UseSqlite(ResolveSqliteConnectionString(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<IHostEnvironment>().ContentRootPath)),
                ServiceLifetime.Scoped,
                ServiceLifetime.Singleton);
        }

        return services;
    }

    /// <summary>The configured provider; an unreadable value reads as SQLite here and stops start-up in the options check.</summary>
    public static DatabaseProvider ProviderIn(IConfiguration configuration) =>
        Enum.TryParse<DatabaseProvider>(configuration[DatabaseOptions.Section + ":Provider"], ignoreCase: true, out var provider) && Enum.IsDefined(provider)
            ? provider
            : DatabaseProvider.Sqlite;

    /// <summary>The configured SQLite connection string, with a relative file resolved against the content root and its folder created.</summary>
    public static string ResolveSqliteConnectionString(IConfiguration configuration, string contentRoot)
    {
        var raw = configuration.GetConnectionString(LeakRightsApplication.ConnectionStringName) ?? DatabaseOptions.DefaultSqliteConnectionString;
        var csb = new SqliteConnectionStringBuilder(raw);
        var isMemory = csb.Mode == SqliteOpenMode.Memory || csb.DataSource == ":memory:" || csb.DataSource.Length == 0;
        if (!isMemory)
        {
            if (!Path.IsPathRooted(csb.DataSource))
            {
                csb.DataSource = Path.GetFullPath(Path.Combine(contentRoot, csb.DataSource));
            }

            Directory.CreateDirectory(Path.GetDirectoryName(csb.DataSource)!);
        }

        return csb.ToString();
    }

    /// <summary>
    /// Migrates the database and seeds missing content, then runs <paramref name="alsoUnderTheLock"/> (the first Data
    /// Protection key), all while holding the database's start-up lock, so instances starting together take turns: the first
    /// creates the tables, the content and the key, the others find them and add nothing. PostgreSQL: a session advisory lock
    /// on a connection of its own (released when that connection closes, so a crashed instance never leaves it held). SQLite
    /// (one machine): an exclusive lock on the file "&lt;database&gt;.startup-lock" beside the database, which the operating
    /// system releases when the process ends (the file stays: deleting it would let two processes lock two different files);
    /// an in-memory database is one process's, so a lock within the process. EF
    /// Core's own migration lock (both providers) and the seeder's single write transaction stay underneath.
    /// </summary>
    public static async Task MigrateAndSeedAsync(IServiceProvider services, Action alsoUnderTheLock, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alsoUnderTheLock);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LeakRightsDbContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseSetup));
        await using IAsyncDisposable startupLock = db.Database.IsNpgsql()
            ? await PostgreSqlStartupLock.AcquireAsync(db.Database.GetConnectionString()!, logger, cancellationToken)
            : await SqliteStartupLock.AcquireAsync(db.Database.GetConnectionString()!, logger, cancellationToken);

        if (db.Database.IsNpgsql())
        {
            // PostgreSQL's provider reads the migration history without first asking whether its table exists, so on a new
            // database EF logged the expected "relation does not exist" as a failed command, an error line in every first
            // deployment's log (npgsql/efcore.pg#3407). An empty history table (CREATE TABLE IF NOT EXISTS) avoids it.
            await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
        }

        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            // Readers never wait for the rare writer (docs/decisions/0001); a per-file setting, kept by the database.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        await scope.ServiceProvider.GetRequiredService<ContentSeeder>().SeedAsync(cancellationToken);
        alsoUnderTheLock();
    }

    /// <summary>A session-level <c>pg_advisory_lock</c> on its own connection; disposing unlocks and closes it.</summary>
    private sealed class PostgreSqlStartupLock : IAsyncDisposable
    {
        private readonly NpgsqlConnection _connection;

        private PostgreSqlStartupLock(NpgsqlConnection connection) => _connection = connection;

        public static async Task<PostgreSqlStartupLock> AcquireAsync(string connectionString, ILogger logger, CancellationToken cancellationToken)
        {
            // Not pooled: the lock belongs to this session alone, and closing it ends the session (and any lock) for sure.
            var csb = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false };
            var connection = new NpgsqlConnection(csb.ConnectionString);
            try
            {
                await connection.OpenAsync(cancellationToken);
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InvalidCatalogName)
            {
                await connection.DisposeAsync();
                throw new InvalidOperationException(
                    $"The PostgreSQL database '{csb.Database}' named in {DatabaseOptions.ConnectionStringSetting} does not exist. Create it first " +
                    "(createdb -O <user> <database>, see docs/deployment.md); the app creates its tables but not the database.", ex);
            }

            try
            {
                // Another instance may hold it for as long as its migrations take: wait up to 5 minutes, not the default 30 s.
                await using var command = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection) { CommandTimeout = (int)GiveUpAfter.TotalSeconds };
                command.Parameters.AddWithValue("key", StartupLockKey);
                LogWaiting(logger);
                await command.ExecuteNonQueryAsync(cancellationToken);
                return new PostgreSqlStartupLock(connection);
            }
            catch
            {
                await connection.DisposeAsync();
                throw;
            }
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", _connection);
                command.Parameters.AddWithValue("key", StartupLockKey);
                await command.ExecuteNonQueryAsync();
            }
            finally
            {
                await _connection.DisposeAsync();
            }
        }
    }

    /// <summary>An exclusive lock on a file beside the SQLite database (or, in memory, within the process); disposing releases it.</summary>
    private sealed class SqliteStartupLock : IAsyncDisposable
    {
        private static readonly TimeSpan Retry = TimeSpan.FromMilliseconds(100);
        private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, SemaphoreSlim> InMemory = new(StringComparer.Ordinal);
        private readonly FileStream? _file;
        private readonly SemaphoreSlim? _gate;

        private SqliteStartupLock(FileStream? file, SemaphoreSlim? gate) => (_file, _gate) = (file, gate);

        public static async Task<SqliteStartupLock> AcquireAsync(string connectionString, ILogger logger, CancellationToken cancellationToken)
        {
            var csb = new SqliteConnectionStringBuilder(connectionString);
            LogWaiting(logger);
            if (csb.Mode == SqliteOpenMode.Memory || csb.DataSource is ":memory:" or "")
            {
                var gate = InMemory.GetOrAdd(csb.DataSource, _ => new SemaphoreSlim(1, 1));
                await gate.WaitAsync(cancellationToken);
                return new SqliteStartupLock(null, gate);
            }

            var path = csb.DataSource + ".startup-lock";
            var deadline = DateTime.UtcNow + GiveUpAfter;
            while (true)
            {
                try
                {
                    return new SqliteStartupLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None), null);
                }
                catch (IOException) when (DateTime.UtcNow < deadline)
                {
                    // Another process is starting on the same file: wait for it to finish migrating and seeding.
                    await Task.Delay(Retry, cancellationToken);
                }
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (_file is not null)
            {
                await _file.DisposeAsync();
            }

            _gate?.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Taking the database start-up lock (another instance starting at the same time holds it while it migrates and seeds)")]
    private static partial void LogWaiting(ILogger logger);
}
