using System.Net;
using System.Net.Sockets;

namespace PodcastFactory.Core.Sources.Fetching;

/// <summary>
/// The IPv4 addresses an IPv6 address stands for. Several IPv6 forms carry an IPv4 address and reach it (through the
/// kernel, a NAT64 gateway, a 6to4 or Teredo relay), so <c>http://[64:ff9b::7f00:1]/</c> is loopback in disguise: the
/// address policy judges such an address by what it embeds, never by its IPv6 prefix alone.
/// </summary>
public static class EmbeddedIPv4
{
    // RFC 6052 section 2.2: where the IPv4 octets sit for each NAT64 prefix length (octet 8, "u", is always skipped).
    static readonly int[][] _localUseNat64Layouts =
    [
        [6, 7, 9, 10], // /48
        [7, 9, 10, 11], // /56
        [9, 10, 11, 12], // /64
        [12, 13, 14, 15], // /96
    ];

    /// <summary>
    /// The IPv4 addresses <paramref name="address"/> embeds: IPv4-mapped <c>::ffff:a.b.c.d</c>, IPv4-compatible
    /// <c>::a.b.c.d</c>, IPv4-translated <c>::ffff:0:a.b.c.d</c>, NAT64 <c>64:ff9b::/96</c>, local-use NAT64
    /// <c>64:ff9b:1::/48</c> (every RFC 6052 layout, since the operator's prefix length is unknown), 6to4 <c>2002::/16</c>
    /// (bits 16-48) and Teredo <c>2001::/32</c> (the client: the last 32 bits inverted). Empty for anything else.
    /// </summary>
    public static IReadOnlyList<IPAddress> Of(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return [];
        }

        byte[] b = address.GetAddressBytes();
        if (Zero(b, 0, 10) && ((b[10] == 0xff && b[11] == 0xff) || (b[10] == 0 && b[11] == 0)))
        {
            return [Pick(b, 12, 13, 14, 15)]; // mapped, or compatible (:: and ::1 read as 0.0.0.0 and 0.0.0.1: refused too)
        }

        if (Zero(b, 0, 8) && b[8] == 0xff && b[9] == 0xff && b[10] == 0 && b[11] == 0)
        {
            return [Pick(b, 12, 13, 14, 15)]; // translated (SIIT)
        }

        if (b[0] == 0 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b)
        {
            if (Zero(b, 4, 8))
            {
                return [Pick(b, 12, 13, 14, 15)]; // well-known NAT64 prefix
            }

            if (b[4] == 0 && b[5] == 1)
            {
                return _localUseNat64Layouts.Select(l => Pick(b, l[0], l[1], l[2], l[3])).ToList();
            }
        }

        if (b[0] == 0x20 && b[1] == 0x02)
        {
            return [Pick(b, 2, 3, 4, 5)]; // 6to4
        }

        if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0 && b[3] == 0)
        {
            return [new IPAddress(new[] { (byte)~b[12], (byte)~b[13], (byte)~b[14], (byte)~b[15] })]; // Teredo client
        }

        return [];
    }

    static bool Zero(byte[] bytes, int from, int count) => bytes.AsSpan(from, count).IndexOfAnyExcept((byte)0) < 0;

    static IPAddress Pick(byte[] b, int first, int second, int third, int fourth) => new([b[first], b[second], b[third], b[fourth]]);
}
