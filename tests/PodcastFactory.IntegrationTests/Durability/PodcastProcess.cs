using System.Diagnostics;
using System.Text;
using PodcastFactory.Local.Hosting;

namespace PodcastFactory.IntegrationTests.Durability;

/// <summary>
/// The built <c>podcast</c> tool (podcast.dll, copied into the test output as a project reference) running as a
/// child process, so a test can kill it like a crash would (SIGKILL, whole tree). Output is captured as it arrives.
/// </summary>
internal sealed class PodcastProcess : IDisposable
{
    readonly Process _process;
    readonly StringBuilder _output = new();

    PodcastProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts <c>dotnet podcast.dll args</c> with the Azurite connection string and an activity journal.</summary>
    public static PodcastProcess Start(string connectionString, string journal, IEnumerable<string> args, string? holdActivity = null,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "podcast.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.ArgumentList.Add(dll);
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["AZURITE_CONNECTION_STRING"] = connectionString;
        start.Environment[ActivityJournal.JournalVariable] = journal;
        start.Environment[ActivityJournal.HoldVariable] = holdActivity ?? "";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach ((string key, string? value) in settings ?? new Dictionary<string, string?>())
        {
            // Configuration keys as environment variables: "TextModel:ApiKey" -> TextModel__ApiKey.
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        return new PodcastProcess(Process.Start(start) ?? throw new InvalidOperationException("Could not start podcast."));
    }

    /// <summary>Waits for the process to exit; kills it and fails when it takes longer than <paramref name="limit"/>.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
            return _process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            Kill();
            throw new TimeoutException($"podcast did not exit within {limit}. Output:\n{Output}");
        }
    }

    /// <summary>Polls <paramref name="condition"/> until it holds; fails if the process exits first or the limit passes.</summary>
    public async Task WaitUntilAsync(Func<bool> condition, TimeSpan limit, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"podcast exited ({_process.ExitCode}) before {what}. Output:\n{Output}");
            }

            if (clock.Elapsed > limit)
            {
                throw new TimeoutException($"Not reached within {limit}: {what}. Output:\n{Output}");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>SIGKILL on Linux: no shutdown code runs, leases and locks are left behind as in a crash.</summary>
    /// <summary>Sends SIGINT, as Ctrl-C in a terminal would.</summary>
    public void Interrupt()
    {
        using Process kill = Process.Start("kill", ["-INT", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
        kill.WaitForExit();
    }

    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
