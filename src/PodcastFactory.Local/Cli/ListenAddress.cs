using System.Net;
using System.Net.Sockets;

namespace PodcastFactory.Local.Cli;

/// <summary>
/// Reads <c>podcast serve --listen</c>. An IPv4-mapped IPv6 address (<c>::ffff:127.0.0.1</c>) cannot be bound by an
/// IPv6 socket (the bind failed with a stack trace), and whether it is loopback is what the API-key rule depends on, so
/// it is refused with the plain IPv4 address to give instead.
/// </summary>
public static class ListenAddress
{
    /// <summary>The address to bind, or the one-line reason it cannot be.</summary>
    public static (IPAddress? Address, string? Error) Parse(string? value)
    {
        if (!IPAddress.TryParse(value, out IPAddress? address))
        {
            return (null, $"--listen: '{value}' is not an IP address (e.g. 127.0.0.1 or 0.0.0.0).");
        }

        return address.IsIPv4MappedToIPv6
            ? (null, $"--listen: {value} is the IPv4 address {address.MapToIPv4()} written as IPv6, which cannot be bound; give {address.MapToIPv4()} instead.")
            : (address, null);
    }

    /// <summary>
    /// Binds and releases the endpoint once before the server starts, so an address that is not on this machine or a
    /// port in use is one line naming the option (the host would log a stack trace first). Null when it can be bound.
    /// </summary>
    public static string? ProbeBind(IPAddress address, int port)
    {
        ArgumentNullException.ThrowIfNull(address);
        try
        {
            using var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            if (address.Equals(IPAddress.IPv6Any))
            {
                socket.DualMode = true;
            }

            socket.Bind(new IPEndPoint(address, port));
            return null;
        }
        catch (SocketException ex)
        {
            return $"cannot listen on {address} port {port} (--listen, --port): {ex.Message}.";
        }
    }
}
