using System.Diagnostics;
using PodcastFactory.IntegrationTests.Infra;

namespace PodcastFactory.IntegrationTests.Api;

/// <summary>Runs <c>podcast serve --port 0</c> as a child process and reads the URL it prints.</summary>
public sealed class ServeProcess : IAsyncLifetime
{
    /// <summary>The proxy the server is started with: nothing listens there.</summary>
    public const string BogusProxy = "http://127.0.0.1:9";

    private Process? _process;

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "pf-serve-" + Guid.NewGuid().ToString("N")[..8]);

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>More arguments for <c>podcast serve</c> (e.g. <c>--listen</c>, <c>--api-key</c>).</summary>
    public IReadOnlyList<string> ExtraArguments { get; init; } = [];

    public async Task InitializeAsync()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // A proxy that answers nothing and no NO_PROXY: the local runner's loopback gRPC must not go through it.
        foreach (string name in new[] { "NO_PROXY", "no_proxy" })
        {
            start.Environment.Remove(name);
        }

        foreach (string name in new[] { "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy" })
        {
            start.Environment[name] = BogusProxy;
        }

        foreach (string arg in new[] { PodcastDll(), "serve", "--port", "0", "--out", Root }.Concat(ExtraArguments))
        {
            start.ArgumentList.Add(arg);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await _process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("Listening on ", StringComparison.Ordinal))
            {
                // A wildcard bind (--listen 0.0.0.0) is reached through loopback.
                BaseAddress = new Uri(line["Listening on ".Length..].Trim().Replace("://0.0.0.0:", "://127.0.0.1:", StringComparison.Ordinal));
                return;
            }
        }

        throw new InvalidOperationException($"podcast serve exited ({_process.ExitCode}) without printing its URL.");
    }

    public Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process?.Dispose();
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }

        return Task.CompletedTask;
    }

    /// <summary>The podcast.dll of the same configuration as the tests, else the newest one built.</summary>
    internal static string PodcastDll()
    {
        string bin = Path.Combine(BicepCli.RepositoryRoot, "src", "PodcastFactory.Local", "bin");
        string configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        string preferred = Path.Combine(bin, configuration, "net10.0", "podcast.dll");
        return File.Exists(preferred)
            ? preferred
            : Directory.EnumerateFiles(bin, "podcast.dll", SearchOption.AllDirectories).OrderByDescending(File.GetLastWriteTimeUtc).FirstOrDefault()
                ?? throw new FileNotFoundException($"podcast.dll not found under {bin}.");
    }
}
