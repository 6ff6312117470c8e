using System.Data.Common;
using System.Net;
using LeakRights.Web.Data;
using LeakRights.Web.Infrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace LeakRights.Web.Tests.Infrastructure;

public sealed class DatabaseHealthCheckTests
{
    [Fact]
    public async Task Healthz_DatabaseThatCannotBeWritten_Answers503()
    {
        var readOnly = new ReadOnlySwitch();
        using var factory = new LeakRightsFactory();
        using var app = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.ConfigureDbContext<LeakRightsDbContext>(o => o.AddInterceptors(readOnly))));
        using var client = app.CreateClient();
        var healthy = await client.GetAsync("/healthz");

        // Like a full disk: every read still works, every write fails.
        readOnly.On = true;
        factory.Clock.Advance(DatabaseWriteProbe.Interval);
        var full = await client.GetAsync("/healthz");
        var page = await client.GetAsync("/statutes/pipl");
        readOnly.On = false;
        factory.Clock.Advance(DatabaseWriteProbe.Interval);
        var recovered = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, full.StatusCode);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.OK, recovered.StatusCode);
    }

    /// <summary>Sets SQLite's query_only on every connection EF opens while <see cref="On"/> is true.</summary>
    private sealed class ReadOnlySwitch : DbConnectionInterceptor
    {
        public volatile bool On;

        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = On ? "PRAGMA query_only = ON;" : "PRAGMA query_only = OFF;";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
        {
            using var command = connection.CreateCommand();
            command.CommandText = On ? "PRAGMA query_only = ON;" : "PRAGMA query_only = OFF;";
            command.ExecuteNonQuery();
        }
    }
}
