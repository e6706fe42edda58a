namespace PodcastFactory.Core.Audio.Mastering;

/// <summary>Encodes 16-bit little-endian mono PCM, streamed in, into a file.</summary>
public interface IPcmEncoder
{
    /// <summary>A short description for the manifest and logs, e.g. "ffmpeg libmp3lame 64 kbit/s".</summary>
    string Description { get; }

    /// <summary>Starts encoding <paramref name="sampleRate"/> Hz mono PCM into <paramref name="outputPath"/>.</summary>
    Task<IPcmEncoding> StartAsync(int sampleRate, string outputPath, CancellationToken cancellationToken);
}

/// <summary>One running encode: write PCM to <see cref="Input"/>, then <see cref="CompleteAsync"/>.</summary>
public interface IPcmEncoding : IAsyncDisposable
{
    /// <summary>Where PCM goes.</summary>
    Stream Input { get; }

    /// <summary>Closes the input and waits for the encoded file; throws with the encoder's message on failure.</summary>
    Task CompleteAsync(CancellationToken cancellationToken);
}
