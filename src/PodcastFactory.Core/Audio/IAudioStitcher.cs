using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Audio;

/// <summary>Concatenates an episode's audio segments into one file, streaming: inputs are opened one at a time.</summary>
public interface IAudioStitcher
{
    /// <summary>The format this stitcher reads and writes.</summary>
    AudioFormat Format { get; }

    /// <summary>Writes <paramref name="inputs"/>, in order, to <paramref name="output"/> as one file.</summary>
    /// <exception cref="AudioFormatMismatchException">A segment's format differs from the first segment's.</exception>
    /// <exception cref="InvalidDataException">A segment is not valid audio of this format.</exception>
    Task<StitchResult> StitchAsync(IReadOnlyList<StitchInput> inputs, Stream output, CancellationToken cancellationToken);
}
