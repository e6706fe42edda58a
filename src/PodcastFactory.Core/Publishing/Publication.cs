namespace PodcastFactory.Core.Publishing;

/// <summary>
/// <c>publish.json</c>: what the publish stage measured and wrote. Named init properties, not ~20 positional arguments,
/// so the one place that builds it reads field by field; the JSON shape is the same as the positional record's. None is
/// <c>required</c>: a <c>publish.json</c> written before a field existed still reads, that field at its default.
/// </summary>
public sealed record Publication
{
    /// <summary>Loudness of the stitched speech before mastering.</summary>
    public double InputLufs { get; init; }

    /// <summary>Loudness of <c>episode.mp3</c> as decoded (what listeners hear).</summary>
    public double IntegratedLufs { get; init; }

    /// <summary>True peak of <c>episode.mp3</c> as decoded.</summary>
    public double TruePeakDbtp { get; init; }

    /// <summary>Loudness of the mastered PCM sent to the encoder.</summary>
    public double PcmIntegratedLufs { get; init; }

    /// <summary>True peak of the mastered PCM sent to the encoder.</summary>
    public double PcmTruePeakDbtp { get; init; }

    /// <summary>Master and encode passes: 1 when the first MP3 met the target, up to 3 while the codec's shift is corrected.</summary>
    public int MasterPasses { get; init; }

    /// <summary>The configured target.</summary>
    public double TargetLufs { get; init; }

    /// <summary>The configured true-peak limit.</summary>
    public double MaxTruePeakDbtp { get; init; }

    /// <summary>Gain applied.</summary>
    public double GainDb { get; init; }

    /// <summary>Deepest limiting.</summary>
    public double LimiterDepthDb { get; init; }

    /// <summary>The master's sample rate (mono).</summary>
    public int SampleRate { get; init; }

    /// <summary>Playing time.</summary>
    public double DurationSeconds { get; init; }

    /// <summary>Size of <c>episode.mp3</c>, tag included.</summary>
    public long Mp3Bytes { get; init; }

    /// <summary>The encoder used.</summary>
    public string Encoder { get; init; } = "";

    /// <summary>Transcript cues.</summary>
    public int Cues { get; init; }

    /// <summary>Chapters.</summary>
    public int Chapters { get; init; }

    /// <summary>Number in the feed.</summary>
    public int EpisodeNumber { get; init; }

    /// <summary>Artifacts written.</summary>
    public IReadOnlyList<string> Artifacts { get; init; } = [];

    /// <summary>Where the feed is.</summary>
    public string Feed { get; init; } = "";

    /// <summary>Conditional writes it took to add the item.</summary>
    public int FeedAttempts { get; init; }

    /// <summary>Set when <c>episode.mp3</c> still misses the loudness target or the true-peak limit after the last pass, with the figures.</summary>
    public string? Warning { get; init; }
}
