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
            return bundled;
        }

        return OnPath("ffmpeg") ?? OnPath("lame");
    }

    static string? OnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
}
