using System.Net;
using System.Net.Sockets;

namespace LeakRights.Web.Tests;

/// <summary>Ports for processes and servers a test starts on a port it must know before they bind it.</summary>
internal static class TestPorts
{
    /// <summary>
    /// A free port below Linux's ephemeral range (32768-60999), so that no outgoing connection or port-0 listener of a test running
    /// alongside takes it between this check and the server binding it seconds later.
    /// </summary>
    public static int Free()
    {
        for (var attempt = 0; ; attempt++)
        {
            var port = Random.Shared.Next(20_000, 32_000);
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException) when (attempt < 50)
            {
                // Taken: try another.
            }
        }
    }
}
