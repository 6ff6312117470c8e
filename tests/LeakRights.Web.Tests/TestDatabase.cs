using LeakRights.Web.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace LeakRights.Web.Tests;

/// <summary>
/// The database under one test app: a private in-memory SQLite database (the default), or a PostgreSQL database of its own,
/// created on the cluster named by LEAKRIGHTS_TEST_POSTGRES and dropped afterwards. LEAKRIGHTS_TEST_PROVIDER=PostgreSql
/// runs every <see cref="LeakRightsFactory"/> on PostgreSQL (.ci/run does that for a filtered second run; docs/testing.md).
/// </summary>
public sealed class TestDatabase : IDisposable
{
    private readonly SqliteConnection? _keepAlive;
    private readonly bool _owned;

    private TestDatabase(DatabaseProvider provider, string name, bool owned)
    {
        Provider = provider;
        Name = name;
        _owned = owned;
        if (provider == DatabaseProvider.Sqlite)
        {
            ConnectionString = $"Data Source={name};Mode=Memory;Cache=Shared";

            // An in-memory database lives while a connection to it is open.
            _keepAlive = new SqliteConnection(ConnectionString);
            _keepAlive.Open();
        }
        else
        {
            ConnectionString = TestPostgres.ConnectionStringFor(name);
            if (owned)
            {
                TestPostgres.CreateDatabase(name);
            }
        }
    }

    /// <summary>The provider of every <see cref="LeakRightsFactory"/> that does not choose one: LEAKRIGHTS_TEST_PROVIDER, else SQLite.</summary>
    public static DatabaseProvider DefaultProvider { get; } = ReadDefaultProvider();

    public DatabaseProvider Provider { get; }

    /// <summary>The SQLite in-memory name or the PostgreSQL database name; <see cref="Open"/> reaches the same database with it.</summary>
    public string Name { get; }

    public string ConnectionString { get; }

    /// <summary>A new, empty database (dropped again by <see cref="Dispose"/> on PostgreSQL).</summary>
    public static TestDatabase Create(DatabaseProvider provider) =>
        new(provider, provider == DatabaseProvider.Sqlite ? "lr-" + Guid.NewGuid().ToString("N") : "lr_" + Guid.NewGuid().ToString("N"), owned: true);

    /// <summary>An existing database, made by another <see cref="Create"/>: a second app on the same data.</summary>
    public static TestDatabase Open(DatabaseProvider provider, string name) => new(provider, name, owned: false);

    public void Dispose()
    {
        _keepAlive?.Dispose();
        if (Provider == DatabaseProvider.PostgreSql && _owned)
        {
            TestPostgres.DropDatabase(Name);
        }
    }

    private static DatabaseProvider ReadDefaultProvider()
    {
        var value = Environment.GetEnvironmentVariable("LEAKRIGHTS_TEST_PROVIDER");
        if (string.IsNullOrEmpty(value))
        {
            return DatabaseProvider.Sqlite;
        }

        return Enum.TryParse<DatabaseProvider>(value, ignoreCase: true, out var provider) && Enum.IsDefined(provider)
            ? provider
            : throw new InvalidOperationException($"LEAKRIGHTS_TEST_PROVIDER='{value}' is neither Sqlite nor PostgreSql.");
    }
}

/// <summary>
/// The PostgreSQL cluster for tests, named by LEAKRIGHTS_TEST_POSTGRES (a connection string to its maintenance database, as
/// printed by `.ci/postgres.sh start`). Without it the PostgreSQL tests are skipped with <see cref="SkipReason"/>, unless
/// LEAKRIGHTS_REQUIRE_POSTGRES=1 (set by .ci/run) or LEAKRIGHTS_TEST_PROVIDER=PostgreSql, which make it a failure.
/// </summary>
public static class TestPostgres
{
    public const string Variable = "LEAKRIGHTS_TEST_POSTGRES";

    private static readonly string? Admin = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    /// <summary>Why the PostgreSQL tests cannot run here, or null when they can. Throws instead when they are required.</summary>
    public static string? SkipReason
    {
        get
        {
            if (Admin is not null)
            {
                return null;
            }

            var reason = $"{Variable} is not set: the PostgreSQL tests are skipped. Start a private cluster with " +
                "`eval \"$(.ci/postgres.sh start)\"` (docs/testing.md).";
            if (Environment.GetEnvironmentVariable("LEAKRIGHTS_REQUIRE_POSTGRES") == "1" || TestDatabase.DefaultProvider == DatabaseProvider.PostgreSql)
            {
                throw new InvalidOperationException(reason + " LEAKRIGHTS_REQUIRE_POSTGRES=1 or LEAKRIGHTS_TEST_PROVIDER=PostgreSql makes this a failure.");
            }

            return reason;
        }
    }

    /// <summary>The connection string of database <paramref name="database"/> on the test cluster.</summary>
    public static string ConnectionStringFor(string database)
    {
        var admin = Admin ?? throw new InvalidOperationException(SkipReason ?? $"{Variable} is not set.");
        return new NpgsqlConnectionStringBuilder(admin) { Database = database }.ConnectionString;
    }

    public static void CreateDatabase(string name) => Execute($"CREATE DATABASE \"{name}\"");

    /// <summary>Drops the database, ending any connection still open to it (an app host's pool).</summary>
    public static void DropDatabase(string name)
    {
        NpgsqlConnection.ClearPool(new NpgsqlConnection(ConnectionStringFor(name)));
        Execute($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    private static void Execute(string sql)
    {
        var admin = Admin ?? throw new InvalidOperationException(SkipReason ?? $"{Variable} is not set.");
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(admin) { Pooling = false }.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
