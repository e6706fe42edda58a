namespace PodcastFactory.Core.Models;

/// <summary>Audio container produced by a speech provider.</summary>
public enum AudioFormat
{
    /// <summary>RIFF/WAVE PCM.</summary>
    Wav,
    /// <summary>MPEG-1/2 Layer III.</summary>
    Mp3,
}
