using System.Data.Common;
using LeakRights.Web.Data;
using LeakRights.Web.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace LeakRights.Web.Tests.Infrastructure;

/// <summary>
/// The app as Program builds it (AddLeakRights, Build), not started: tests call <see cref="LeakRightsApplication.InitializeLeakRightsAsync"/>
/// themselves to see what stops start-up and with which message. Program logs that exception as fatal and exits with 1,
/// which a <see cref="LeakRightsFactory"/> only reports as an app that never started.
/// </summary>
internal static class StartupApp
{
    public const string TestKey = "bGVha3JpZ2h0cy10ZXN0LWtleS1lbmNyeXB0aW9uISE=";

    /// <summary>
    /// An app in <paramref name="environment"/> on its own in-memory database, or on <paramref name="connectionString"/> (a
    /// factory's, of the tests' default provider), with <paramref name="settings"/> on top.
    /// </summary>
    public static WebApplication Build(IEnumerable<KeyValuePair<string, string?>> settings, string environment = "Testing", string? connectionString = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.Configuration["ConnectionStrings:LeakRights"] = connectionString ?? $"Data Source=lr-startup-{Guid.NewGuid():N};Mode=Memory;Cache=Shared";
        builder.Configuration["LeakRights:Database:Provider"] = (connectionString is null ? DatabaseProvider.Sqlite : TestDatabase.DefaultProvider).ToString();
        builder.Configuration[DataProtectionSetup.KeyEncryptionKeySetting] = TestKey;
        foreach (var (key, value) in settings)
        {
            builder.Configuration[key] = value;
        }

        builder.AddLeakRights();
        return builder.Build();
    }

    /// <summary>How many tables the database (of the tests' default provider) holds, read on a connection of its own (without starting any app).</summary>
    public static long TableCount(string connectionString)
    {
        using DbConnection connection = TestDatabase.DefaultProvider == DatabaseProvider.Sqlite ? new SqliteConnection(connectionString) : new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = TestDatabase.DefaultProvider == DatabaseProvider.Sqlite
            ? "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
            : "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'";
        return (long)command.ExecuteScalar()!;
    }
}
