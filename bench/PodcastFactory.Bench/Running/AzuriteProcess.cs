using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace PodcastFactory.Bench.Running;

/// <summary>
/// Azurite from the repository's node_modules (npm ci installs it from package.json) on three free loopback ports
/// with a fresh data folder; stopped by its own process id.
/// </summary>
public sealed class AzuriteProcess : IDisposable
{
    const string DevKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    readonly Process _process;
    readonly string _folder;

    AzuriteProcess(Process process, string folder, string connectionString)
    {
        _process = process;
        _folder = folder;
        ConnectionString = connectionString;
    }

    /// <summary>Connection string for the dev account on this instance.</summary>
    public string ConnectionString { get; }

    /// <summary>Starts Azurite, or returns null and the reason it cannot.</summary>
    public static async Task<(AzuriteProcess? Azurite, string? Reason)> TryStartAsync(string repositoryRoot, string dataFolder)
    {
        string bin = Path.Combine(repositoryRoot, "node_modules", ".bin", "azurite");
        if (!File.Exists(bin))
        {
            return (null, $"{bin} not found: run 'npm ci' at the repository root (package.json pins azurite)");
        }

        int blob = FreePort(), queue = FreePort(), table = FreePort();
        var start = new ProcessStartInfo(bin)
        {
            ArgumentList =
            {
                "--location", dataFolder, "--silent", "--skipApiVersionCheck", "--loose",
                "--blobHost", "127.0.0.1", "--blobPort", $"{blob}", "--queueHost", "127.0.0.1", "--queuePort", $"{queue}",
                "--tableHost", "127.0.0.1", "--tablePort", $"{table}",
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        Process process = Process.Start(start) ?? throw new InvalidOperationException("Azurite did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        for (int i = 0; i < 150 && !process.HasExited; i++)
        {
            if (await AnswersAsync(blob) && await AnswersAsync(queue) && await AnswersAsync(table))
            {
                string endpoint = "http://127.0.0.1:{0}/devstoreaccount1";
                string connection = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={DevKey};"
                    + $"BlobEndpoint={string.Format(null, endpoint, blob)};QueueEndpoint={string.Format(null, endpoint, queue)};TableEndpoint={string.Format(null, endpoint, table)};";
                return (new AzuriteProcess(process, dataFolder, connection), null);
            }

            await Task.Delay(200);
        }

        process.Kill(entireProcessTree: true);
        process.Dispose();
        return (null, "Azurite did not answer within 30 s");
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }

        _process.Dispose();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    static async Task<bool> AnswersAsync(int port)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
