using System.Net;
using System.Net.NetworkInformation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PodcastFactory.Core.Configuration;

namespace PodcastFactory.Local.Hosting;

/// <summary>
/// The DNS-rebinding guard of <c>podcast serve</c>: a page on evil.example whose name is re-pointed at 127.0.0.1 talks
/// to this server as "same origin", but its requests still say <c>Host: evil.example</c>. Every request (API and
/// dashboard) must name a host this server answers for, with the port it really bound: localhost, 127.0.0.1 and [::1],
/// the <c>--listen</c> address (every local interface address for a wildcard bind) and <c>Feed:PublicBaseUrl</c>'s
/// host; anything else is 421 Misdirected Request.
/// </summary>
public static class HostGate
{
    static readonly string[] _loopbackNames = ["localhost", "127.0.0.1", "[::1]"];

    /// <summary>Refuses requests whose Host is not one of this server's names.</summary>
    public static IApplicationBuilder UseHostGate(this IApplicationBuilder app, IPAddress listen)
    {
        IServer server = app.ApplicationServices.GetRequiredService<IServer>();
        Uri? publicBase = app.ApplicationServices.GetRequiredService<IOptions<FeedOptions>>().Value.PublicBaseUrl;
        // The port is known only once Kestrel has bound (--port 0), so the set is built on the first request.
        HashSet<string>? allowed = null;
        return app.Use(async (context, next) =>
        {
            allowed ??= AllowedHosts(server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [], listen, publicBase);
            string host = context.Request.Host.Value ?? "";
            if (allowed.Contains(host))
            {
                await next(context);
                return;
            }

            await Results.Problem(
                title: "Misdirected request.",
                detail: $"This server does not answer for host '{host}'. Use http://127.0.0.1:{context.Connection.LocalPort}/ or the address it listens on.",
                statusCode: StatusCodes.Status421MisdirectedRequest).ExecuteAsync(context);
        });
    }

    /// <summary>Every acceptable Host value (case-insensitive) for a server bound to <paramref name="addresses"/>.</summary>
    public static HashSet<string> AllowedHosts(IEnumerable<string> addresses, IPAddress listen, Uri? publicBase)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        ArgumentNullException.ThrowIfNull(listen);
        var names = new List<string>(_loopbackNames);
        if (listen.Equals(IPAddress.Any) || listen.Equals(IPAddress.IPv6Any))
        {
            names.AddRange(NetworkInterface.GetAllNetworkInterfaces()
                .SelectMany(n => n.GetIPProperties().UnicastAddresses)
                .Select(a => Name(a.Address)));
        }
        else
        {
            names.Add(Name(listen));
        }

        var allowed = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (int port in addresses.Select(a => new Uri(a.Replace("://+:", "://localhost:", StringComparison.Ordinal)).Port))
        {
            foreach (string name in names)
            {
                allowed.Add($"{name}:{port}");
                if (port == 80)
                {
                    allowed.Add(name);
                }
            }
        }

        if (publicBase is not null)
        {
            allowed.Add(publicBase.Authority);
            allowed.Add($"{publicBase.Host}:{publicBase.Port}");
        }

        return allowed;
    }

    static string Name(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        // A Host header carries no IPv6 zone ("%eth0"): compare without it.
        return address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{new IPAddress(address.GetAddressBytes())}]" : address.ToString();
    }
}
