using System.Data.Common;
using LeakRights.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace LeakRights.Web.Tests;

/// <summary>
/// While <see cref="On"/> is true, every connection EF opens is read-only — reads work, every write fails, like a full disk:
/// SQLite's query_only, PostgreSQL's default_transaction_read_only (a write fails with 25006).
/// </summary>
public sealed class QueryOnlySwitch : DbConnectionInterceptor
{
    private volatile bool _on;

    public bool On
    {
        get => _on;
        set => _on = value;
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Sql(connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Sql(connection);
        command.ExecuteNonQuery();
    }

    private string Sql(DbConnection connection) => connection is SqliteConnection
        ? (On ? "PRAGMA query_only = ON;" : "PRAGMA query_only = OFF;")
        : (On ? "SET default_transaction_read_only = on;" : "SET default_transaction_read_only = off;");
}

internal static class TestDbContextOptions
{
    /// <summary>Adds <paramref name="interceptor"/> to the app's context on either provider (the PostgreSQL context is its own type).</summary>
    public static IServiceCollection AddLeakRightsDbInterceptor(this IServiceCollection services, IInterceptor interceptor)
    {
        services.ConfigureDbContext<LeakRightsDbContext>(o => o.AddInterceptors(interceptor));
        services.ConfigureDbContext<PostgreSqlLeakRightsDbContext>(o => o.AddInterceptors(interceptor));
        return services;
    }
}
