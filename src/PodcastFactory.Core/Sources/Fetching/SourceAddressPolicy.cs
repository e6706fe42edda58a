using System.Net;
using System.Net.Sockets;

namespace PodcastFactory.Core.Sources.Fetching;

/// <summary>
/// Which addresses a URL source may be fetched from. The HTTP API accepts URL sources from callers, so without a
/// check anyone could make the app fetch (and then serve back as an artifact) internal endpoints such as the
/// cloud metadata service (169.254.169.254) or services on loopback. The check runs on the address actually
/// connected to, after DNS resolution, so a name that resolves to a private address is refused too. An IPv6 address
/// that embeds an IPv4 address (mapped, NAT64, 6to4, Teredo...) is judged by the embedded one (<see cref="EmbeddedIPv4"/>).
/// </summary>
public static class SourceAddressPolicy
{
    /// <summary>True when <paramref name="address"/> is public, or private addresses are allowed (never link-local).</summary>
    public static bool IsAllowed(IPAddress address, bool allowPrivateNetwork)
    {
        IReadOnlyList<IPAddress> embedded = EmbeddedIPv4.Of(address);
        if (embedded.Count > 0)
        {
            return embedded.All(a => IsAllowed(a, allowPrivateNetwork));
        }

        if (IsLinkLocal(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
        {
            return false;
        }

        return allowPrivateNetwork || !(IPAddress.IsLoopback(address) || IsPrivate(address));
    }

    /// <summary>Why <paramref name="host"/> is refused, naming the refused address and the IPv4 address it carries, if any.</summary>
    public static string Refusal(string host, IPAddress refused)
    {
        ArgumentNullException.ThrowIfNull(refused);
        string carried = EmbeddedIPv4.Of(refused) is [IPAddress v4, ..] && !refused.IsIPv4MappedToIPv6 ? $", which carries the IPv4 address {v4}," : "";
        string address = IPAddress.TryParse(host.Trim('[', ']'), out _) ? $"{host}{carried} is" : $"{host} resolves to {refused}{carried},";
        return $"{address} a private, loopback or link-local address, which URL sources may not use (set Workflow__AllowPrivateNetworkSources=true to allow private ones).";
    }

    /// <summary>A connect callback for <see cref="SocketsHttpHandler"/> enforcing <see cref="IsAllowed"/>.</summary>
    public static Func<SocketsHttpConnectionContext, CancellationToken, ValueTask<Stream>> ConnectCallback(bool allowPrivateNetwork) =>
        async (context, cancellationToken) =>
        {
            IPAddress[] addresses = await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, cancellationToken);
            IPAddress target = addresses.FirstOrDefault(a => IsAllowed(a, allowPrivateNetwork))
                ?? throw new HttpRequestException(addresses.Length == 0
                    ? $"{context.DnsEndPoint.Host} resolves to no address."
                    : Refusal(context.DnsEndPoint.Host, addresses[0]));
            var socket = new Socket(target.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(target, context.DnsEndPoint.Port, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        };

    static bool IsLinkLocal(IPAddress address) => address.AddressFamily == AddressFamily.InterNetwork
        ? address.GetAddressBytes() is [169, 254, ..]
        : address.IsIPv6LinkLocal;

    static bool IsPrivate(IPAddress address)
    {
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            return address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal;
        }

        byte[] b = address.GetAddressBytes();
        return b[0] == 10 || (b[0] == 172 && b[1] is >= 16 and <= 31) || (b[0] == 192 && b[1] == 168) || (b[0] == 100 && b[1] is >= 64 and <= 127) || b[0] == 0;
    }
}
