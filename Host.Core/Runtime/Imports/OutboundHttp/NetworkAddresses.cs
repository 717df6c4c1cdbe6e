using System.Net;
using System.Net.Sockets;

namespace ExtensibilityHost.Core.Runtime.Imports.OutboundHttp;

/// <summary>Which addresses are the public internet, as opposed to this host's own networks.</summary>
internal static class NetworkAddresses
{
    /// <summary>
    /// False for loopback, unspecified, private (RFC 1918), shared (RFC 6598), link-local, benchmark,
    /// IETF-reserved, multicast and broadcast IPv4, and loopback, unspecified, link-local, site-local,
    /// unique-local and multicast IPv6 (IPv4-mapped addresses as their IPv4 address).
    /// </summary>
    public static bool IsPublic(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address))
        {
            return false;
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            Span<byte> b = stackalloc byte[4];
            address.TryWriteBytes(b, out _);
            return !(b[0] is 0 or 10 or 127 or >= 224
                || (b[0] == 100 && (b[1] & 0xc0) == 64)
                || (b[0] == 169 && b[1] == 254)
                || (b[0] == 172 && (b[1] & 0xf0) == 16)
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 192 && b[1] == 0 && b[2] == 0)
                || (b[0] == 198 && (b[1] & 0xfe) == 18));
        }

        return !(address.Equals(IPAddress.IPv6Any)
            || address.IsIPv6LinkLocal
            || address.IsIPv6SiteLocal
            || address.IsIPv6UniqueLocal
            || address.IsIPv6Multicast);
    }
}
