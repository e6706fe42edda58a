using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace PodcastFactory.Core.Audio.Mastering;

/// <summary>
/// Encodes MP3 with an external process fed on stdin: ffmpeg (libmp3lame) or lame, told apart by file name. Both
/// write a Xing/Info + LAME header (exact duration, encoder delay for gapless players) because the output is a
/// seekable file; neither writes tags (the publisher prepends its own ID3v2.4 tag). No managed MP3 encoder is
/// available on NuGet, hence the process; on Azure the app ships a static ffmpeg (see docs/publishing.md).
/// </summary>
public sealed class ExternalMp3Encoder(string executablePath, int bitrateKbps, TimeSpan timeout) : IPcmEncoder
{
    const int MaxErrorChars = 4000;

    /// <summary>True when the executable is lame rather than ffmpeg.</summary>
    public bool IsLame => Path.GetFileNameWithoutExtension(executablePath).Contains("lame", StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public string Description => string.Create(CultureInfo.InvariantCulture, $"{(IsLame ? "lame" : "ffmpeg libmp3lame")} {bitrateKbps} kbit/s CBR mono");

    /// <inheritdoc />
    public Task<IPcmEncoding> StartAsync(int sampleRate, string outputPath, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(executablePath)
        {
            RedirectStandardInput = true,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (string argument in IsLame ? LameArguments(sampleRate, outputPath) : FfmpegArguments(sampleRate, outputPath))
        {
            info.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(info) ?? throw new InvalidOperationException($"The MP3 encoder '{executablePath}' did not start.");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException(
                $"The MP3 encoder '{executablePath}' could not be started ({ex.Message}). Install ffmpeg or lame, or set Publishing:EncoderPath.", ex);
        }

        return Task.FromResult<IPcmEncoding>(new Encoding(process, executablePath, timeout));
    }

    IEnumerable<string> FfmpegArguments(int rate, string output) =>
    [
        "-hide_banner", "-nostdin", "-loglevel", "error", "-y",
        "-f", "s16le", "-ar", rate.ToString(CultureInfo.InvariantCulture), "-ac", "1", "-i", "pipe:0",
        "-map_metadata", "-1", "-c:a", "libmp3lame", "-b:a", bitrateKbps.ToString(CultureInfo.InvariantCulture) + "k",
        "-write_xing", "1", "-id3v2_version", "0", "-write_id3v1", "0", "-f", "mp3", output,
    ];

    IEnumerable<string> LameArguments(int rate, string output) =>
    [
        "--quiet", "-r", "-s", (rate / 1000.0).ToString("0.###", CultureInfo.InvariantCulture), "--bitwidth", "16",
        "--signed", "--little-endian", "-m", "m", "-b", bitrateKbps.ToString(CultureInfo.InvariantCulture), "--cbr", "-", output,
    ];

    sealed class Encoding : IPcmEncoding
    {
        readonly Process _process;
        readonly string _executable;
        readonly TimeSpan _timeout;
        readonly StringBuilder _errors = new();
        readonly Task _stderr;
        readonly Task _stdout;

        public Encoding(Process process, string executable, TimeSpan timeout)
        {
            _process = process;
            _executable = executable;
            _timeout = timeout;
            _stderr = DrainAsync(process.StandardError);
            _stdout = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
        }

        public Stream Input => _process.StandardInput.BaseStream;

        public async Task CompleteAsync(CancellationToken cancellationToken)
        {
            await _process.StandardInput.BaseStream.FlushAsync(cancellationToken);
            _process.StandardInput.Close();
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(_timeout);
            try
            {
                await _process.WaitForExitAsync(deadline.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"The MP3 encoder '{_executable}' did not finish within {_timeout.TotalSeconds:0} s.");
            }

            await Task.WhenAll(_stderr, _stdout);
            if (_process.ExitCode != 0)
            {
                throw new InvalidOperationException($"The MP3 encoder '{_executable}' failed (exit code {_process.ExitCode}): {_errors}".Trim());
            }
        }

        public ValueTask DisposeAsync()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            _process.Dispose();
            return ValueTask.CompletedTask;
        }

        async Task DrainAsync(StreamReader reader)
        {
            char[] buffer = new char[1024];
            int n;
            while ((n = await reader.ReadAsync(buffer)) > 0)
            {
                if (_errors.Length < MaxErrorChars)
                {
                    _errors.Append(buffer, 0, Math.Min(n, MaxErrorChars - _errors.Length));
                }
            }
        }
    }
}
