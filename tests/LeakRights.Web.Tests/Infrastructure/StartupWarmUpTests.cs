using System.Net;
using System.Text;
using LeakRights.Web.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Serilog.Events;

namespace LeakRights.Web.Tests.Infrastructure;

/// <summary>The start-up warm-up (issue 15) against a real Kestrel server: it runs the hot paths, and it leaves no trace in the rate limits or the log.</summary>
public sealed class StartupWarmUpTests
{
    private sealed class WarmUpServer : LeakRightsFactory
    {
        private readonly IPEndPoint? _privateEndPoint;

        public WarmUpServer(bool untilSettled = false, int maxSeconds = 15, int port = 0, bool beforeListening = false, bool start = true, IPEndPoint? privateEndPoint = null)
        {
            _privateEndPoint = privateEndPoint;
            With("LeakRights:Performance:WarmUp", "true");
            With("LeakRights:Performance:WarmUpRounds", "3");
            With("LeakRights:Performance:WarmUpUntilSettled", untilSettled ? "true" : "false");
            With("LeakRights:Performance:WarmUpMaxSeconds", maxSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
            With("LeakRights:Performance:WarmUpBeforeListening", beforeListening ? "true" : "false");
            With("LeakRights:RateLimits:PdfPerMinute", "2");
            UseKestrel(o => o.Listen(IPAddress.Loopback, port));
            if (start)
            {
                StartServer();
            }
        }

        protected override Microsoft.Extensions.Hosting.IHost CreateHost(Microsoft.Extensions.Hosting.IHostBuilder builder)
        {
            // The factory registers its Kestrel after the app's own services: wrap that one, as the app wraps its own
            // (ProductionServer_IsWrapped checks that wiring).
            builder.ConfigureServices((_, services) => WarmFirstServer.Decorate(services, _privateEndPoint));
            return base.CreateHost(builder);
        }

        public Uri BaseAddress => new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    [Fact]
    public async Task WarmUpBeforeListening_NoPrivatePort_WarmsUpAfterListeningInstead()
    {
        // 192.0.2.1 (TEST-NET-1) is on no interface of this machine: binding it fails as a missing loopback address would.
        using var app = new WarmUpServer(beforeListening: true, privateEndPoint: new IPEndPoint(IPAddress.Parse("192.0.2.1"), 0));

        var result = await app.Services.GetRequiredService<StartupWarmUp>().Completion.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.NotNull(result);
        Assert.Equal(0, result.Failures);
        Assert.Contains(app.Logs.Lines, l => l.StartsWith("Could not open a private loopback port to warm up before listening", StringComparison.Ordinal));
        Assert.DoesNotContain(app.Logs.Lines, l => l.StartsWith("Warming up before listening", StringComparison.Ordinal));
    }

    [Fact]
    public void Decorate_CalledTwiceOrWithAKeyedServerLast_WrapsTheServerOnce()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IServer, IdleServer>();
        WarmFirstServer.Decorate(services);
        services.AddKeyedSingleton<IServer, IdleServer>("other");
        WarmFirstServer.Decorate(services);
        using var provider = services.BuildServiceProvider();

        var server = Assert.IsType<WarmFirstServer>(provider.GetRequiredService<IServer>());
        Assert.IsType<IdleServer>(server.Inner);
        Assert.IsType<IdleServer>(provider.GetRequiredKeyedService<IServer>("other"));
    }

    private sealed class IdleServer : IServer
    {
        public Microsoft.AspNetCore.Http.Features.IFeatureCollection Features { get; } = new Microsoft.AspNetCore.Http.Features.FeatureCollection();

        public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken)
            where TContext : notnull => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public void Dispose()
        {
        }
    }

    [Fact]
    public async Task WarmUpBeforeListening_RealServer_RefusesConnectionsUntilWarmThenOpensReady()
    {
        var port = TestPorts.Free();
        using var app = new WarmUpServer(port: port, beforeListening: true, start: false);
        const string Warming = "Warming up before listening";
        const string Warmed = "Warm-up: ";
        bool Logged(string start) => app.Logs.Lines.Any(l => l.StartsWith(start, StringComparison.Ordinal));

        // Start the server in the background and knock on its address all the while, as nginx would.
        var starting = Task.Run(app.StartServer);
        var refusedWhileWarming = 0;
        var acceptedBeforeWarm = 0;
        while (!starting.IsCompleted)
        {
            var warmingBefore = Logged(Warming);
            try
            {
                using var tcp = new System.Net.Sockets.TcpClient();
                await tcp.ConnectAsync(IPAddress.Loopback, port);
                if (!Logged(Warmed))
                {
                    acceptedBeforeWarm++; // the address was open while the warm-up had not ended
                }

                break;
            }
            catch (System.Net.Sockets.SocketException)
            {
                if (warmingBefore && !Logged(Warmed))
                {
                    refusedWhileWarming++;
                }
            }

            await Task.Delay(10);
        }

        await starting.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.IsType<WarmFirstServer>(app.Services.GetRequiredService<IServer>());
        Assert.Equal(0, acceptedBeforeWarm);
        Assert.True(refusedWhileWarming > 0, "no connection attempt fell within the warm-up");

        // Ready the moment it listens: the warm-up ran (through its private address) and the background one has nothing to do.
        var result = await app.Services.GetRequiredService<StartupWarmUp>().Completion.WaitAsync(TimeSpan.Zero);
        Assert.NotNull(result);
        Assert.Equal(0, result.Failures);
        Assert.Equal(1 + (3 * 7) + 3, result.Requests);
        Assert.Equal(port, app.BaseAddress.Port);
        using var client = new HttpClient { BaseAddress = app.BaseAddress };
        using var ready = await client.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Single(app.Logs.Lines, l => l.StartsWith(Warmed, StringComparison.Ordinal));
        Assert.DoesNotContain(app.Logs.Lines, l => l.StartsWith("HTTP ", StringComparison.Ordinal) && !l.Contains("/readyz", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WarmUp_RealServer_RunsEveryHotPathWithoutFailures()
    {
        using var app = new WarmUpServer();

        var result = await app.Services.GetRequiredService<StartupWarmUp>().Completion.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.NotNull(result);
        Assert.Equal(0, result.Failures);

        // A first visit, then per round: landing, step (new and returning browser), step post, plans API, plan page, statute;
        // and a PDF in each of the first rounds.
        Assert.Equal(1 + (3 * 7) + 3, result.Requests);
        var logged = app.Logs.Lines;
        Assert.Contains(logged, m => m.StartsWith("Warm-up: 25 requests to this instance (0 not 2xx/3xx)", StringComparison.Ordinal));
        Assert.DoesNotContain(logged, m => m.StartsWith("HTTP ", StringComparison.Ordinal));
        Assert.Equal(3, result.Rounds);
    }

    [Fact]
    public async Task ProductionServer_BuiltAsProgramBuildsIt_IsKestrelWrappedToWarmUpBeforeListening()
    {
        await using var app = StartupApp.Build([]);

        var server = Assert.IsType<WarmFirstServer>(app.Services.GetRequiredService<IServer>());
        Assert.Equal("KestrelServerImpl", server.Inner.GetType().Name);
    }

    [Fact]
    public async Task WarmUp_UntilSettled_GoesOnPastTheMinimumThenReportsReady()
    {
        using var app = new WarmUpServer(untilSettled: true, maxSeconds: 2);
        var warmUp = app.Services.GetRequiredService<StartupWarmUp>().Completion;
        using var client = new HttpClient { BaseAddress = app.BaseAddress };

        // Polled while warming up (it waits for 1.5 s without new compiled code at least): not ready, and no error logged
        // for it — the health check service would log each such poll as an error.
        Assert.False(warmUp.IsCompleted);
        using (var warming = await client.GetAsync("/readyz"))
        {
            Assert.False(warmUp.IsCompleted, "the warm-up ended before its readiness could be asked");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, warming.StatusCode);
            Assert.Equal("Unhealthy", await warming.Content.ReadAsStringAsync());
        }

        var result = await warmUp.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.NotNull(result);
        Assert.Equal(0, result.Failures);
        // More rounds than the minimum of 3: it waited for the JIT to go quiet (or for its 2 seconds to pass).
        Assert.True(result.Rounds > 3 + StartupWarmUp.SettledAfterQuietRounds || (!result.Settled && result.Elapsed >= TimeSpan.FromSeconds(2)), $"{result.Rounds} rounds in {result.Elapsed}");
        using var ready = await client.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
        Assert.DoesNotContain(app.Logs.Lines, l => l.StartsWith("Health check \"warm-up\" with status \"Unhealthy\"", StringComparison.Ordinal));
        Assert.Single(app.Logs.Lines, l => l.StartsWith("HTTP \"GET\" \"/readyz\" responded 503", StringComparison.Ordinal));
        Assert.DoesNotContain(app.Logs.Entries, e => e.Level >= LogEventLevel.Warning);
    }

    [Fact]
    public async Task HealthService_DatabaseUnhealthyOrWarmUpCheckThrowing_StillLogsTheError()
    {
        // Only the warm-up check's line is dropped (WarmUpHealthCheck.IsItsHealthServiceEvent): the same service's line for
        // the database check stays, at its level.
        using var app = new LeakRightsFactory();
        var events = app.Logs;
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Microsoft.Extensions.Diagnostics.HealthChecks.DefaultHealthCheckService");
#pragma warning disable CA1848, CA2254 // the framework's own message template, as it logs it
        logger.LogError("Health check {HealthCheckName} with status {HealthStatus} completed after {ElapsedMilliseconds}ms with message '{HealthCheckDescription}'", "database", "Unhealthy", 1.0, "down");
        logger.LogError("Health check {HealthCheckName} with status {HealthStatus} completed after {ElapsedMilliseconds}ms with message '{HealthCheckDescription}'", WarmUpHealthCheck.Name, "Unhealthy", 1.0, "warming up");
        logger.LogError(new InvalidOperationException("broken"), "Health check {HealthCheckName} threw an unhandled exception after {ElapsedMilliseconds}ms", WarmUpHealthCheck.Name, 1.0);
#pragma warning restore CA1848, CA2254

        Assert.Single(events.Lines, l => l.StartsWith("Health check \"database\" with status \"Unhealthy\"", StringComparison.Ordinal));
        Assert.DoesNotContain(events.Lines, l => l.Contains("warming up", StringComparison.Ordinal));
        // A warm-up check that fails (rather than reports warming up) is still an error in the log.
        Assert.Single(events.Entries, e => e.Level == LogEventLevel.Error && e.Line.StartsWith("Health check \"warm-up\" threw", StringComparison.Ordinal));
    }

    [Fact]
    public void ReadinessCheck_WhileWarmingUp_IsUnhealthy_ThenHealthyWhateverTheOutcome()
    {
        var warming = new TaskCompletionSource<WarmUpResult?>();
        Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Unhealthy, WarmUpHealthCheck.Of(warming.Task).Status);

        warming.SetResult(null); // off, skipped or failed: the instance must not stay out of service
        Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy, WarmUpHealthCheck.Of(warming.Task).Status);
    }

    [Fact]
    public void JitSettling_BeforeTheMinimum_NeverStops()
    {
        var settling = new JitSettling(minRounds: 5, quietRounds: 2, maxTime: TimeSpan.FromSeconds(10));

        for (var round = 0; round < 5; round++)
        {
            Assert.False(settling.Done(round, TimeSpan.FromSeconds(60), 100));
        }

        Assert.True(settling.Done(5, TimeSpan.Zero, 100));
        Assert.True(settling.Settled);
    }

    [Fact]
    public void JitSettling_NewCodeEachRound_GoesOnUntilQuietForEnoughRoundsInARow()
    {
        var settling = new JitSettling(minRounds: 0, quietRounds: 3, maxTime: TimeSpan.FromSeconds(10));
        var t = TimeSpan.Zero;

        Assert.False(settling.Done(0, t, 100));
        Assert.False(settling.Done(1, t, 150)); // 50 new methods: still compiling
        Assert.False(settling.Done(2, t, 150 + JitSettling.Noise)); // quiet 1 (a stray method is noise)
        Assert.False(settling.Done(3, t, 151 + JitSettling.Noise)); // quiet 2
        Assert.False(settling.Done(4, t, 160)); // new code again: the count starts over
        Assert.False(settling.Done(5, t, 160));
        Assert.False(settling.Done(6, t, 160));
        Assert.False(settling.Settled);
        Assert.True(settling.Done(7, t, 160));
        Assert.True(settling.Settled);
    }

    [Fact]
    public void JitSettling_QuietRoundsInAShortPause_GoesOnUntilQuietForTheTimeToo()
    {
        // Tier-1 promotions come in batches: 3 quiet rounds within 0.3 s may fall between two batches (the next one below),
        // so settling also needs the quiet to last (here 1 s), counted from the last round that compiled something.
        var settling = new JitSettling(minRounds: 0, quietRounds: 3, maxTime: TimeSpan.FromSeconds(10), quietTime: TimeSpan.FromSeconds(1));
        TimeSpan At(double seconds) => TimeSpan.FromSeconds(seconds);

        Assert.False(settling.Done(0, At(0.0), 100));
        Assert.False(settling.Done(1, At(0.1), 200)); // compiling; the quiet time starts over here
        Assert.False(settling.Done(2, At(0.2), 200));
        Assert.False(settling.Done(3, At(0.3), 200));
        Assert.False(settling.Done(4, At(0.4), 200)); // 3 quiet rounds, but only 0.3 s
        Assert.False(settling.Done(5, At(0.5), 260)); // the next batch: both counts start over
        Assert.False(settling.Done(6, At(0.9), 260));
        Assert.False(settling.Done(7, At(1.2), 260));
        Assert.False(settling.Done(8, At(1.4), 260)); // 3 quiet rounds, 0.9 s
        Assert.False(settling.Settled);
        Assert.True(settling.Done(9, At(1.5), 260)); // 4 quiet rounds and 1.0 s
        Assert.True(settling.Settled);
    }

    [Fact]
    public void JitSettling_StillCompilingAtTheTimeLimit_StopsUnsettled()
    {
        var settling = new JitSettling(minRounds: 0, quietRounds: 3, maxTime: TimeSpan.FromSeconds(10));

        Assert.False(settling.Done(0, TimeSpan.FromSeconds(1), 100));
        Assert.False(settling.Done(1, TimeSpan.FromSeconds(9.9), 200));
        Assert.True(settling.Done(2, TimeSpan.FromSeconds(10), 300));
        Assert.False(settling.Settled);
    }

    [Fact]
    public void JitSettling_NoQuietRounds_StopsAtTheMinimum()
    {
        var settling = new JitSettling(minRounds: 2, quietRounds: 0, maxTime: TimeSpan.FromSeconds(10));

        Assert.False(settling.Done(1, TimeSpan.Zero, 100));
        Assert.True(settling.Done(2, TimeSpan.Zero, 500));
        Assert.False(settling.Settled);
    }

    [Fact]
    public async Task WarmUp_Requests_DoNotUseUpThePeoplesRateLimits_AndTheHeaderAloneExemptsNothing()
    {
        using var app = new WarmUpServer();
        Assert.NotNull(await app.Services.GetRequiredService<StartupWarmUp>().Completion.WaitAsync(TimeSpan.FromSeconds(60)));
        using var client = new HttpClient { BaseAddress = app.BaseAddress };
        using var scenario = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "seeds", "scenarios", "courier-waybill-leak-spam-calls-only.json")));
        var body = "{\"answers\":" + scenario.RootElement.GetProperty("answers").GetRawText() + "}";

        async Task<HttpStatusCode> PdfAsync(string? warmUpHeader)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/plans/pdf") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            if (warmUpHeader is not null)
            {
                request.Headers.Add(StartupWarmUp.Header, warmUpHeader);
            }

            using var response = await client.SendAsync(request);
            return response.StatusCode;
        }

        // The warm-up sent three PDFs from this same address; the limit (2 a minute) is still whole.
        Assert.Equal(HttpStatusCode.OK, await PdfAsync(null));
        Assert.Equal(HttpStatusCode.OK, await PdfAsync(null));
        Assert.Equal(HttpStatusCode.TooManyRequests, await PdfAsync("a guess"));
    }

    [Theory]
    [InlineData("http://[::]:5080", "http://127.0.0.1:5080/")]
    [InlineData("http://0.0.0.0:80", "http://127.0.0.1/")]
    [InlineData("http://+:5000", "http://127.0.0.1:5000/")]
    [InlineData("http://localhost:5000", "http://127.0.0.1:5000/")]
    [InlineData("http://127.0.0.1:41234", "http://127.0.0.1:41234/")]
    [InlineData("http://[::1]:5000", "http://[::1]:5000/")]
    public void LoopbackAddress_ListeningAddress_IsReachedOverLoopback(string listening, string expected) =>
        Assert.Equal(expected, StartupWarmUp.LoopbackAddress([listening])!.ToString());

    [Theory]
    [InlineData("https://127.0.0.1:5001")]
    [InlineData("http://10.0.0.5:5000")]
    [InlineData("http://unix:/run/leakrights.sock")]
    public void LoopbackAddress_NoPlainHttpLoopback_IsNull(string listening) => Assert.Null(StartupWarmUp.LoopbackAddress([listening]));

    [Theory]
    [InlineData("leakrights.example.cn;www.leakrights.example.cn", "leakrights.example.cn")]
    [InlineData("*.example.cn;example.cn", "example.cn")]
    [InlineData("*", "127.0.0.1:5080")]
    [InlineData(null, "127.0.0.1:5080")]
    public void HostName_AllowedHosts_FirstPlainNameElseTheAddress(string? allowed, string expected) =>
        Assert.Equal(expected, StartupWarmUp.HostName(allowed, new Uri("http://127.0.0.1:5080")));
}
