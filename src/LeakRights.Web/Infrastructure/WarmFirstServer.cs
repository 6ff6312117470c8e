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
public sealed partial class WarmFirstServer(IServer inner, IServiceProvider services) : IServer
{
    public IFeatureCollection Features => inner.Features;

    /// <summary>The server it wraps.</summary>
    internal IServer Inner => inner;

    /// <summary>Replaces the registered server (Kestrel, or a test's) with this one around it.</summary>
    public static void Decorate(IServiceCollection serviceCollection)
    {
        var registered = serviceCollection.LastOrDefault(d => d.ServiceType == typeof(IServer));
        if (registered is null || registered.ImplementationType == typeof(WarmFirstServer))
        {
            return;
        }

        serviceCollection.Remove(registered);
        serviceCollection.AddSingleton<IServer>(sp => new WarmFirstServer(Create(sp, registered), sp));
    }

    private static IServer Create(IServiceProvider sp, ServiceDescriptor registered) =>
        registered.ImplementationInstance as IServer
        ?? registered.ImplementationFactory?.Invoke(sp) as IServer
        ?? (IServer)ActivatorUtilities.CreateInstance(sp, registered.ImplementationType ?? throw new InvalidOperationException("The registered server has no implementation."));

    public async Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken)
        where TContext : notnull
    {
        var options = services.GetRequiredService<IOptions<PerformanceOptions>>().Value;
        if (options.WarmUp && options.WarmUpBeforeListening)
        {
            await WarmUpPrivatelyAsync(application, cancellationToken);
            if (cancellationToken.IsCancellationRequested)
            {
                return; // stopped during the warm-up: the addresses are never opened, and the host shuts down
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
        privateOptions.Listen(IPAddress.Loopback, 0);
        using var privateServer = new KestrelServer(Options.Create(privateOptions), new SocketTransportFactory(Options.Create(new SocketTransportOptions()), loggerFactory), loggerFactory);
        try
        {
            await privateServer.StartAsync(application, cancellationToken);
        }
        catch (IOException ex)
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
            await privateServer.StopAsync(CancellationToken.None);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => inner.StopAsync(cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Warming up before listening (LeakRights:Performance:WarmUpBeforeListening): this instance's addresses open when the warm-up ends")]
    private static partial void LogWarmingUp(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not open a private loopback port to warm up before listening ({Error}); warming up after listening instead")]
    private static partial void LogNoPrivatePort(ILogger logger, string error);

    public void Dispose() => inner.Dispose();
}
