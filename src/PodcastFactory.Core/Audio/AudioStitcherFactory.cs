using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Audio;

/// <summary>Picks the stitcher for a speech provider's format, so the stitch activity is format-agnostic.</summary>
public static class AudioStitcherFactory
{
    /// <summary>The stitcher for <paramref name="format"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The format is not supported.</exception>
    public static IAudioStitcher For(AudioFormat format) => format switch
    {
        AudioFormat.Wav => new WavStitcher(),
        AudioFormat.Mp3 => new Mp3Stitcher(),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unsupported audio format."),
    };

    /// <summary>File extension for <paramref name="format"/> without the dot: "wav" or "mp3".</summary>
    public static string FileExtension(AudioFormat format) => format switch
    {
        AudioFormat.Wav => "wav",
        AudioFormat.Mp3 => "mp3",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unsupported audio format."),
    };
}
