using System.Net;
using System.Net.Sockets;

namespace LeakRights.Web.Infrastructure;

/// <summary>
/// Who a client is, for counting: its IPv4 address, or the /64 network of an IPv6 address (one subscriber usually holds a
/// whole /64, so counting single IPv6 addresses would let one person rotate through billions). Used by the rate limits and
/// the admin sign-in throttle, so both count the same client the same way.
/// </summary>
public static class ClientAddress
{
    public static string Key(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6 || IPAddress.IsLoopback(address))
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
