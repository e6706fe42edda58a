using System.Net;
using System.Net.Sockets;
using PodcastFactory.Local.Cli;

namespace PodcastFactory.IntegrationTests.Cli;

/// <summary><c>podcast serve --listen</c> with an address that cannot be served: one line naming the option, a non-zero exit, no stack trace.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class ServeListenTests
{
    [Fact]
    public async Task RunAsync_ListenOnIPv4MappedLoopback_OneLineGivingThePlainAddress()
    {
        using var console = new ConsoleCapture();

        int exit = await PodcastCli.RunAsync(["serve", "--listen", "::ffff:127.0.0.1", "--port", "0"]);

        Assert.Equal(ExitCodes.InvalidInput, exit);
        string error = console.Error.ToString().TrimEnd();
        Assert.Equal("error: --listen: ::ffff:127.0.0.1 is the IPv4 address 127.0.0.1 written as IPv6, which cannot be bound; give 127.0.0.1 instead.", error);
        Assert.Empty(console.Out.ToString());
    }

    [Fact]
    public async Task RunAsync_ListenOnAPortInUse_OneLineNamingTheAddressAndPort()
    {
        using var taken = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        taken.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        taken.Listen();
        int port = ((IPEndPoint)taken.LocalEndPoint!).Port;
        string root = Path.Combine(Path.GetTempPath(), "pf-listen-" + Guid.NewGuid().ToString("N")[..8]);
        using var console = new ConsoleCapture();

        int exit = await PodcastCli.RunAsync(["serve", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--out", root]);

        Assert.Equal(ExitCodes.Unavailable, exit);
        string error = console.Error.ToString().TrimEnd();
        Assert.DoesNotContain('\n', error);
        Assert.StartsWith($"error: cannot listen on 127.0.0.1 port {port} (--listen, --port): ", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }
}
