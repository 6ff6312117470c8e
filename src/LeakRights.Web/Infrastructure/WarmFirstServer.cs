using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.Options;

namespace LeakRights.Web.Infrastructure;

/// <summary>
/// The app's server, which with <see cref="PerformanceOptions.WarmUpBeforeListening"/> opens its addresses only once the
/// start-up warm-up has ended (issue 15). Until then the warm-up talks to the same request pipeline through a private Kestrel
/// on an ephemeral 127.0.0.1 port that nothing else knows, and the instance's own addresses are not bound at all: a proxy
/// without readiness checks (nginx's upstreams) gets "connection refused", which it treats as the instance being down and
/// passes the request — a post included, since none of it was sent — to another instance. Without the setting the server
/// starts at once and the warm-up runs beside the first requests (<c>/readyz</c> says when it has ended).
/// </summary>
public sealed partial class WarmFirstServer(IServer inner, IServiceProvider services, IPEndPoint? privateEndPoint = null) : IServer
{
    /// <summary>How long stopping the private server may wait for warm-up requests still in flight.</summary>
    private static readonly TimeSpan PrivateStopTimeout = TimeSpan.FromSeconds(5);

    private readonly IPEndPoint _privateEndPoint = privateEndPoint ?? new IPEndPoint(IPAddress.Loopback, 0);

    public IFeatureCollection Features => inner.Features;

    /// <summary>The server it wraps.</summary>
    internal IServer Inner => inner;

    /// <summary>Replaces the registered server (Kestrel, or a test's) with this one around it; a server already wrapped stays as it is.</summary>
    public static void Decorate(IServiceCollection serviceCollection) => Decorate(serviceCollection, null);

    /// <summary>As <see cref="Decorate(IServiceCollection)"/>, warming up on <paramref name="privateEndPoint"/> (tests: one that cannot be bound).</summary>
    internal static void Decorate(IServiceCollection serviceCollection, IPEndPoint? privateEndPoint)
    {
        var registered = serviceCollection.LastOrDefault(d => d.ServiceType == typeof(IServer) && !d.IsKeyedService);
        if (registered is null || registered.ImplementationFactory?.Target is Wrapping)
        {
            return;
        }

        serviceCollection.Remove(registered);
        serviceCollection.AddSingleton<IServer>(new Wrapping(registered, privateEndPoint).Create);
    }

    public async Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken)
        where TContext : notnull
    {
        var options = services.GetRequiredService<IOptions<PerformanceOptions>>().Value;
        if (options.WarmUp && options.WarmUpBeforeListening)
        {
            await WarmUpPrivatelyAsync(application, cancellationToken);
            if (cancellationToken.IsCancellationRequested)
            {
                if (!services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested)
                {
                    cancellationToken.ThrowIfCancellationRequested(); // a start-up timeout: start-up failed, say so
                }

                // Stopped (SIGTERM) during the warm-up: never open the addresses, and do not let the host log them as open.
                inner.Features.Get<IServerAddressesFeature>()?.Addresses.Clear();
                var logger = services.GetRequiredService<ILogger<WarmFirstServer>>();
                LogStoppedBeforeListening(logger);
                return;
            }
        }

        await inner.StartAsync(application, cancellationToken);
    }

    private async Task WarmUpPrivatelyAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken)
        where TContext : notnull
    {
        var warmUp = services.GetRequiredService<StartupWarmUp>();
        var loggerFactory = services.GetRequiredService<ILoggerFactory>();
        var logger = loggerFactory.CreateLogger<WarmFirstServer>();
        var configured = services.GetRequiredService<IOptions<KestrelServerOptions>>().Value;

        // Only 127.0.0.1 on a port the system picks; the limits as configured for the real addresses.
        var privateOptions = new KestrelServerOptions { ApplicationServices = services, AddServerHeader = configured.AddServerHeader };
        privateOptions.Limits.MaxRequestBodySize = configured.Limits.MaxRequestBodySize;
        privateOptions.Limits.MaxRequestHeadersTotalSize = configured.Limits.MaxRequestHeadersTotalSize;
        privateOptions.Listen(_privateEndPoint);
        using var privateServer = new KestrelServer(Options.Create(privateOptions), new SocketTransportFactory(Options.Create(new SocketTransportOptions()), loggerFactory), loggerFactory);
        try
        {
            await privateServer.StartAsync(application, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or System.Net.Sockets.SocketException)
        {
            // No private port (e.g. no IPv4 loopback): the warm-up then runs after listening, as without the setting.
            LogNoPrivatePort(logger, ex.GetType().Name);
            return;
        }

        try
        {
            var address = privateServer.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
            LogWarmingUp(logger);
            await warmUp.RunBeforeListeningAsync(address is null ? null : new Uri(address), cancellationToken);
        }
        finally
        {
            using var stopping = new CancellationTokenSource(PrivateStopTimeout);
            await privateServer.StopAsync(stopping.Token);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => inner.StopAsync(cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Warming up before listening (LeakRights:Performance:WarmUpBeforeListening): this instance's addresses open when the warm-up ends")]
    private static partial void LogWarmingUp(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not open a private loopback port to warm up before listening ({Error}); warming up after listening instead")]
    private static partial void LogNoPrivatePort(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopped during the warm-up: this instance's addresses were never opened")]
    private static partial void LogStoppedBeforeListening(ILogger logger);

    public void Dispose() => inner.Dispose();

    /// <summary>The factory of the wrapping registration (its target marks a server as already wrapped).</summary>
    private sealed class Wrapping(ServiceDescriptor registered, IPEndPoint? privateEndPoint)
    {
        public WarmFirstServer Create(IServiceProvider sp) => new(
            registered.ImplementationInstance as IServer
            ?? registered.ImplementationFactory?.Invoke(sp) as IServer
            ?? (IServer)ActivatorUtilities.CreateInstance(sp, registered.ImplementationType ?? throw new InvalidOperationException("The registered server has no implementation.")),
            sp,
            privateEndPoint);
    }
}
