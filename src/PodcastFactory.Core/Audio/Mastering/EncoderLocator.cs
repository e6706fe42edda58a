namespace PodcastFactory.Core.Audio.Mastering;

/// <summary>Finds the MP3 encoder: the configured path, the static ffmpeg shipped next to the app, or ffmpeg / lame on PATH.</summary>
public static class EncoderLocator
{
    /// <summary>Where the Functions publish output carries the static ffmpeg, relative to the app's folder.</summary>
    public const string BundledRelativePath = "tools/ffmpeg";

    /// <summary>The encoder to run, or null when none is found.</summary>
    public static string? Find(string? configuredPath)
    {
        if (!string.IsNullOrWhiteSpace(configuredPath))
        {
            return configuredPath;
        }

        string bundled = Path.Combine(AppContext.BaseDirectory, BundledRelativePath);
        if (File.Exists(bundled))
        {
            return Executable(bundled);
        }

        return OnPath("ffmpeg") ?? OnPath("lame");
    }

    // A zip deployment can drop the execute bit, and the app folder may be read-only (Flex Consumption mounts the
    // package): then run a copy in the temporary folder with the bit set.
    static string Executable(string path)
    {
        if (OperatingSystem.IsWindows() || (File.GetUnixFileMode(path) & UnixFileMode.UserExecute) != 0)
        {
            return path;
        }

        string copy = Path.Combine(Path.GetTempPath(), "podcastfactory-" + Path.GetFileName(path));
        if (!File.Exists(copy) || new FileInfo(copy).Length != new FileInfo(path).Length)
        {
            File.Copy(path, copy, overwrite: true);
        }

        File.SetUnixFileMode(copy, File.GetUnixFileMode(copy) | UnixFileMode.UserExecute | UnixFileMode.UserRead);
        return copy;
    }

    static string? OnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
}
