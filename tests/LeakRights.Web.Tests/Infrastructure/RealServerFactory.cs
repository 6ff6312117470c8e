using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace LeakRights.Web.Tests.Infrastructure;

/// <summary>
/// The app on a real Kestrel port on 127.0.0.1 (TestServer does not enforce Kestrel's body limits and data rates), with
/// 127.0.0.1 as a known proxy so tests can pose as other clients through X-Forwarded-For, and a file limit of 2 a minute.
/// </summary>
public sealed class RealServerFactory : LeakRightsFactory
{
    public const int Pdf = 2;

    public RealServerFactory()
    {
        With("LeakRights:Security:KnownProxies:0", "127.0.0.1");
        With("LeakRights:RateLimits:PdfPerMinute", Pdf.ToString(System.Globalization.CultureInfo.InvariantCulture));
        UseKestrel(o =>
        {
            o.Listen(IPAddress.Loopback, 0);

            // Kestrel's default grace period is 5 s; a shorter one keeps the slow-body test short (the heartbeat is 1 s).
            o.Limits.MinRequestBodyDataRate = new MinDataRate(bytesPerSecond: 240, gracePeriod: TimeSpan.FromSeconds(2));
        });
        StartServer();
        BaseAddress = new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    public Uri BaseAddress { get; }

    public HttpClient CreateRealClient(bool allowAutoRedirect = false) =>
        new(new SocketsHttpHandler { AllowAutoRedirect = allowAutoRedirect, UseCookies = false }) { BaseAddress = BaseAddress };

    /// <summary>
    /// Sends <paramref name="head"/> and whatever <paramref name="writeBody"/> writes over a raw socket, reading the response
    /// at the same time (the server may answer and close before the body is sent), until the server closes or the time is up.
    /// </summary>
    public async Task<RawResponse> SendRawAsync(string head, Func<Stream, Task> writeBody, TimeSpan timeout, bool expectResponse = true)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, BaseAddress.Port);
        var stream = tcp.GetStream();
        using var cts = new CancellationTokenSource(timeout);
        var reading = ReadAllAsync(stream, cts.Token);
        try
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head), cts.Token);
            await writeBody(stream);
            await stream.FlushAsync(cts.Token);
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException)
        {
            // The server answered and closed while the body was still being sent: that is allowed.
        }

        var text = await reading;
        var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (!expectResponse && end < 0)
        {
            return new RawResponse(0, string.Empty, string.Empty);
        }

        Assert.True(end > 0, $"No complete response within {timeout}: '{text}'");
        var statusLine = text[..text.IndexOf("\r\n", StringComparison.Ordinal)];
        return new RawResponse(int.Parse(statusLine.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture), text[..end], text[(end + 4)..]);
    }

    private static async Task<string> ReadAllAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var received = new MemoryStream();
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
            {
                received.Write(buffer, 0, read);
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException)
        {
            // Reset by the server after its answer, or the time is up: return what arrived.
        }

        return Encoding.UTF8.GetString(received.ToArray());
    }
}

public sealed record RawResponse(int Status, string Head, string Body)
{
    public bool HasHeader(string name, string value) =>
        Head.Split("\r\n").Any(l => l.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase) && l.Contains(value, StringComparison.OrdinalIgnoreCase));
}

[CollectionDefinition(Name)]
public sealed class RealServerGroup : ICollectionFixture<RealServerFactory>
{
    public const string Name = "real-server";
}
