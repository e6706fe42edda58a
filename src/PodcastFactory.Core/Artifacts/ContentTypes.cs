namespace PodcastFactory.Core.Artifacts;

/// <summary>MIME types of the artifacts, by extension.</summary>
public static class ContentTypes
{
    /// <summary>WAV audio.</summary>
    public const string Wav = "audio/wav";
    /// <summary>MP3 audio.</summary>
    public const string Mp3 = "audio/mpeg";
    /// <summary>Markdown text.</summary>
    public const string Markdown = "text/markdown; charset=utf-8";
    /// <summary>JSON.</summary>
    public const string Json = "application/json";
    /// <summary>Anything else.</summary>
    public const string Binary = "application/octet-stream";

    /// <summary>Content type for an artifact name.</summary>
    public static string ForName(string name) => Path.GetExtension(name).ToLowerInvariant() switch
    {
        ".wav" => Wav,
        ".mp3" => Mp3,
        ".md" => Markdown,
        ".json" => Json,
        ".vtt" => "text/vtt; charset=utf-8",
        ".srt" => "application/x-subrip; charset=utf-8",
        ".html" => "text/html; charset=utf-8",
        ".xml" => "application/rss+xml; charset=utf-8",
        ".png" => "image/png",
        _ => Binary,
    };
}
