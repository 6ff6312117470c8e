using LeakRights.Web.Cases;
using LeakRights.Web.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LeakRights.Web.Tests.Cases;

/// <summary>The retention loop (CaseStoreTests covers what a purge deletes).</summary>
public sealed class CaseRetentionTests(LeakRightsFactory factory) : IClassFixture<LeakRightsFactory>
{
    /// <summary>
    /// A purge that fails for a reason that is not the database's is logged and tried again in an hour; it never ends the
    /// loop, because an exception out of a background service stops the whole host and every request of the instance.
    /// </summary>
    [Fact]
    public async Task Execute_PurgeThrowsSomethingUnexpected_LogsItAndKeepsRunning()
    {
        factory.CreateClient().Dispose();
        var retention = new CaseRetention(
            factory.Services.GetRequiredService<IServiceScopeFactory>(),
            new ThrowingClock(),
            factory.Services.GetRequiredService<IOptions<LeakRightsOptions>>(),
            factory.Services.GetRequiredService<ILogger<CaseRetention>>());

        await retention.StartAsync(CancellationToken.None);
        await factory.Logs.WaitForAsync(l => l.StartsWith("Case retention could not delete old cases: an unexpected error", StringComparison.Ordinal));

        Assert.False(retention.ExecuteTask!.IsCompleted);
        await retention.StopAsync(CancellationToken.None);
        retention.Dispose();
    }

    /// <summary>A clock whose time cannot be read (its timers still work).</summary>
    private sealed class ThrowingClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => throw new InvalidOperationException("no time");
    }
}
