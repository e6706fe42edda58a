using PodcastFactory.Core.Costs;

namespace PodcastFactory.Core.Providers;

/// <summary>Audio container produced by a speech provider.</summary>
public enum AudioFormat
{
    /// <summary>RIFF/WAVE PCM.</summary>
    Wav,
    /// <summary>MPEG-1/2 Layer III.</summary>
    Mp3,
}

/// <summary>Text-to-speech provider.</summary>
public interface ISpeechSynthesizer
{
    /// <summary>Provider name for the ledger.</summary>
    string Name { get; }

    /// <summary>The format every segment is produced in (all segments of an episode share it).</summary>
    AudioFormat Format { get; }

    /// <summary>Largest input, in characters, one call accepts.</summary>
    int MaxInputCharacters { get; }

    /// <summary>Speaks <paramref name="text"/> with <paramref name="voice"/>, writing encoded audio to <paramref name="output"/>.</summary>
    Task<AgentUsage> SynthesizeAsync(string text, string voice, string language, Stream output, CancellationToken cancellationToken);
}
