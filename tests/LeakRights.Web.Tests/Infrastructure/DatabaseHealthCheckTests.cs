using System.Net;
using LeakRights.Web.Infrastructure;
using Microsoft.AspNetCore.TestHost;

namespace LeakRights.Web.Tests.Infrastructure;

public sealed class DatabaseHealthCheckTests
{
    [Fact]
    public async Task Healthz_DatabaseThatCannotBeWritten_Answers503()
    {
        var readOnly = new QueryOnlySwitch();
        using var factory = new LeakRightsFactory();
        using var app = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddLeakRightsDbInterceptor(readOnly)));
        using var client = app.CreateClient();
        var healthy = await client.GetAsync("/healthz");

        // Like a full disk: every read still works, every write fails.
        readOnly.On = true;
        factory.Clock.Advance(DatabaseWriteProbe.Interval);
        var full = await client.GetAsync("/healthz");
        var fullReady = await client.GetAsync("/readyz"); // readiness includes the database
        var page = await client.GetAsync("/statutes/pipl");
        readOnly.On = false;
        factory.Clock.Advance(DatabaseWriteProbe.Interval);
        var recovered = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, full.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, fullReady.StatusCode);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.OK, recovered.StatusCode);
    }
}
