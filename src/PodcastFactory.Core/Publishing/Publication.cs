namespace PodcastFactory.Core.Publishing;

/// <summary><c>publish.json</c>: what the publish stage measured and wrote.</summary>
/// <param name="InputLufs">Loudness of the stitched speech before mastering.</param>
/// <param name="IntegratedLufs">Loudness of the master (PCM sent to the encoder).</param>
/// <param name="TruePeakDbtp">True peak of the master (PCM sent to the encoder; the codec may add a few tenths, hence the headroom).</param>
/// <param name="TargetLufs">The configured target.</param>
/// <param name="MaxTruePeakDbtp">The configured true-peak limit.</param>
/// <param name="GainDb">Gain applied.</param>
/// <param name="LimiterDepthDb">Deepest limiting.</param>
/// <param name="SampleRate">The master's sample rate (mono).</param>
/// <param name="DurationSeconds">Playing time.</param>
/// <param name="Mp3Bytes">Size of <c>episode.mp3</c>, tag included.</param>
/// <param name="Encoder">The encoder used.</param>
/// <param name="Cues">Transcript cues.</param>
/// <param name="Chapters">Chapters.</param>
/// <param name="EpisodeNumber">Number in the feed.</param>
/// <param name="Artifacts">Artifacts written.</param>
/// <param name="Feed">Where the feed is.</param>
/// <param name="FeedAttempts">Conditional writes it took to add the item.</param>
public sealed record Publication(
    double InputLufs,
    double IntegratedLufs,
    double TruePeakDbtp,
    double TargetLufs,
    double MaxTruePeakDbtp,
    double GainDb,
    double LimiterDepthDb,
    int SampleRate,
    double DurationSeconds,
    long Mp3Bytes,
    string Encoder,
    int Cues,
    int Chapters,
    int EpisodeNumber,
    IReadOnlyList<string> Artifacts,
    string Feed,
    int FeedAttempts);
