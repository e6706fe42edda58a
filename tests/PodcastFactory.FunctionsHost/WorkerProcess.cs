using System.Diagnostics;

namespace PodcastFactory.FunctionsHost;

/// <summary>
/// The Functions app's worker process, started the way the Functions host starts a .NET isolated worker:
/// <c>dotnet exec &lt;app&gt;.dll</c> with the 2.x worker arguments and the app settings as environment variables.
/// Stopped by its PID (with its children) on dispose.
/// </summary>
internal sealed class WorkerProcess : IDisposable
{
    readonly Process _process;

    WorkerProcess(Process process) => _process = process;

    /// <summary>The worker's process id.</summary>
    public int Id => _process.Id;

    /// <summary>Completes when the process exits, with its exit code.</summary>
    public Task<int> Exited { get; private init; } = Task.FromResult(0);

    /// <summary>Starts the worker, pointing it at the host's gRPC endpoint.</summary>
    public static WorkerProcess Start(FunctionsHostOptions options, Uri rpcUri, string workerId, Action<string> log)
    {
        string dll = Path.Combine(options.AppDirectory, "PodcastFactory.Functions.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"The Functions app is not built: run `dotnet build src/PodcastFactory.Functions -c Release` ({dll}).");
        }

        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = options.AppDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string arg in new[]
        {
            "exec", dll,
            "--functions-uri", rpcUri.ToString(),
            "--functions-worker-id", workerId,
            "--functions-request-id", Guid.NewGuid().ToString(),
            "--functions-grpc-max-message-length", int.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture),
        })
        {
            start.ArgumentList.Add(arg);
        }

        foreach ((string name, string? value) in options.Settings)
        {
            start.Environment[name] = value ?? "";
        }

        start.Environment["FUNCTIONS_WORKER_RUNTIME"] = "dotnet-isolated";
        start.Environment["FUNCTIONS_APPLICATION_DIRECTORY"] = options.AppDirectory;
        start.Environment["FUNCTIONS_WORKER_DIRECTORY"] = options.AppDirectory;
        start.Environment["AzureWebJobsScriptRoot"] = options.AppDirectory;
        start.Environment["AZURE_FUNCTIONS_ENVIRONMENT"] = "Development";
        // Loopback gRPC and HTTP must not go through a proxy configured for the machine.
        start.Environment["NO_PROXY"] = string.Join(',', new[] { Environment.GetEnvironmentVariable("NO_PROXY"), "127.0.0.1", "localhost" }.Where(v => !string.IsNullOrEmpty(v)));

        var exited = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        // The Exited event, not WaitForExitAsync: that also waits for the end of stdout/stderr, which a child the
        // worker started (espeak-ng) can hold open after the worker itself died.
        process.Exited += (_, _) => exited.TrySetResult(process.ExitCode);
        process.Start();
        var worker = new WorkerProcess(process) { Exited = exited.Task };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { log($"worker {process.Id}: {e.Data}"); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { log($"worker {process.Id} (stderr): {e.Data}"); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return worker;
    }

    /// <summary>Kills the process at once (SIGKILL), as a crash would.</summary>
    public void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }

    /// <summary>Waits up to <paramref name="grace"/> for the process to exit by itself, then kills it.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (await Task.WhenAny(Exited, Task.Delay(grace)) != Exited)
        {
            Kill();
            await Exited.WaitAsync(TimeSpan.FromSeconds(10));
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Kill();
        _process.WaitForExit(10_000);
        _process.Dispose();
    }
}
