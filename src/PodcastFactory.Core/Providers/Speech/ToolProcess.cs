using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace PodcastFactory.Core.Providers.Speech;

/// <summary>
/// Runs a local speech tool with arguments passed as a list (never through a shell), optional text on stdin, a time
/// limit that kills the process tree, and the tool's stderr in the error when it fails.
/// </summary>
internal static class ToolProcess
{
    /// <summary>Runs <paramref name="executable"/>; returns its stdout.</summary>
    /// <exception cref="Win32Exception">The executable could not be started (not installed).</exception>
    /// <exception cref="TimeoutException">It ran longer than <paramref name="timeout"/>.</exception>
    /// <exception cref="ToolExitException">It exited with a non-zero code.</exception>
    public static async Task<string> RunAsync(string executable, IEnumerable<string> arguments, string? stdin, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(executable)
        {
            RedirectStandardInput = stdin is not null,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        if (stdin is not null)
        {
            startInfo.StandardInputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        }

        foreach (string argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = new Process { StartInfo = startInfo };
        process.Start();
        Task<string> stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        Task<string> stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            if (stdin is not null)
            {
                await WriteInputAsync(process, stdin, limit.Token);
            }

            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            Kill(process);
            cancellationToken.ThrowIfCancellationRequested();
            throw new TimeoutException($"{Path.GetFileName(executable)} did not finish within {timeout.TotalSeconds:0} s and was stopped.");
        }

        string errors = (await stderr).Trim();
        string result = await stdout;
        if (process.ExitCode != 0)
        {
            throw new ToolExitException(Path.GetFileName(executable), process.ExitCode, errors);
        }

        return result;
    }

    /// <summary>True when <paramref name="executable"/> starts and exits with code 0 within 10 seconds.</summary>
    public static bool Answers(string executable, params string[] arguments)
    {
        try
        {
            using Process? process = Process.Start(new ProcessStartInfo(executable, arguments)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (process is null)
            {
                return false;
            }

            bool exited = process.WaitForExit(TimeSpan.FromSeconds(10));
            if (!exited)
            {
                Kill(process);
            }

            return exited && process.ExitCode == 0;
        }
        catch (Win32Exception)
        {
            return false;
        }
    }

    static async Task WriteInputAsync(Process process, string text, CancellationToken cancellationToken)
    {
        try
        {
            await process.StandardInput.WriteAsync(text.AsMemory(), cancellationToken);
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The tool exited before reading everything: its exit code and stderr say why.
        }
    }

    static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }
}

/// <summary>A local tool exited with a non-zero code; its stderr is kept.</summary>
internal sealed class ToolExitException(string tool, int exitCode, string errors)
    : InvalidOperationException($"{tool} exited with code {exitCode}: {errors}")
{
    /// <summary>The process exit code.</summary>
    public int ExitCode { get; } = exitCode;

    /// <summary>What the tool wrote to stderr, trimmed.</summary>
    public string Errors { get; } = errors;
}
