using System.Diagnostics;
using System.Net.Sockets;
using System.Net;
using PodcastFactory.IntegrationTests.Infra;

namespace PodcastFactory.IntegrationTests.Storage;

/// <summary>
/// The Azurite instance the storage and durability tests run against. scripts/test.sh starts one and exports
/// AZURITE_CONNECTION_STRING; for a plain <c>dotnet test</c> the fixture starts its own from node_modules
/// (after <c>npm ci</c>) on free ports with a fresh data folder, and stops it afterwards. With neither, every
/// test in the collection fails with a message that says how to run them: they never pass silently.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    public const string Variable = "AZURITE_CONNECTION_STRING";
    const string DevKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    Process? _azurite;
    string? _dataFolder;
    string? _connectionString;

    /// <summary>The connection string; throws when no Azurite is available.</summary>
    public string ConnectionString => _connectionString
        ?? throw new InvalidOperationException($"{Variable} is not set: run the tests with scripts/test.sh (or run `npm ci` at the repository root so the tests can start Azurite themselves).");

    public async Task InitializeAsync()
    {
        _connectionString = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } fromEnvironment ? fromEnvironment : await StartOwnAsync();
    }

    public async Task DisposeAsync()
    {
        if (_azurite is not null)
        {
            _azurite.Kill(entireProcessTree: true);
            await _azurite.WaitForExitAsync();
            _azurite.Dispose();
        }

        if (_dataFolder is not null && Directory.Exists(_dataFolder))
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
    }

    /// <summary>A unique task hub name (letters and digits).</summary>
    public static string NewTaskHub(string prefix) => prefix + Guid.NewGuid().ToString("N")[..10];

    async Task<string?> StartOwnAsync()
    {
        string azurite = Path.Combine(BicepCli.RepositoryRoot, "node_modules", ".bin", "azurite");
        if (!File.Exists(azurite))
        {
            return null;
        }

        int blob = FreePort(), queue = FreePort(), table = FreePort();
        _dataFolder = Directory.CreateTempSubdirectory("azurite-tests-").FullName;
        var start = new ProcessStartInfo(azurite) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string arg in new[]
        {
            "--location", _dataFolder, "--silent", "--skipApiVersionCheck", "--loose",
            "--blobHost", "127.0.0.1", "--blobPort", $"{blob}", "--queueHost", "127.0.0.1", "--queuePort", $"{queue}",
            "--tableHost", "127.0.0.1", "--tablePort", $"{table}",
        })
        {
            start.ArgumentList.Add(arg);
        }

        _azurite = Process.Start(start) ?? throw new InvalidOperationException("Could not start Azurite.");
        _azurite.OutputDataReceived += (_, _) => { };
        _azurite.ErrorDataReceived += (_, _) => { };
        _azurite.BeginOutputReadLine();
        _azurite.BeginErrorReadLine();
        foreach (int port in new[] { blob, queue, table })
        {
            await WaitForPortAsync(port);
        }

        return $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={DevKey};"
            + $"BlobEndpoint=http://127.0.0.1:{blob}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{queue}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{table}/devstoreaccount1;";
    }

    async Task WaitForPortAsync(int port)
    {
        for (int attempt = 0; attempt < 150; attempt++)
        {
            if (_azurite!.HasExited)
            {
                throw new InvalidOperationException($"Azurite exited with code {_azurite.ExitCode} before listening on {port}.");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(200);
            }
        }

        throw new InvalidOperationException($"Azurite did not listen on port {port}.");
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>Every test that needs Azurite: one instance, tests run one class at a time.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
