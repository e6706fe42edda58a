namespace PodcastFactory.Core.Publishing;

/// <summary><c>publish.json</c>: what the publish stage measured and wrote.</summary>
/// <param name="InputLufs">Loudness of the stitched speech before mastering.</param>
/// <param name="IntegratedLufs">Loudness of <c>episode.mp3</c> as decoded (what listeners hear).</param>
/// <param name="TruePeakDbtp">True peak of <c>episode.mp3</c> as decoded.</param>
/// <param name="PcmIntegratedLufs">Loudness of the mastered PCM sent to the encoder.</param>
/// <param name="PcmTruePeakDbtp">True peak of the mastered PCM sent to the encoder.</param>
/// <param name="MasterPasses">Master and encode passes: 1 when the first MP3 met the target, up to 3 while the codec's shift is corrected.</param>
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
/// <param name="Warning">Set when <c>episode.mp3</c> still misses the loudness target or the true-peak limit after the last pass, with the figures.</param>
public sealed record Publication(
    double InputLufs,
    double IntegratedLufs,
    double TruePeakDbtp,
    double PcmIntegratedLufs,
    double PcmTruePeakDbtp,
    int MasterPasses,
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
    int FeedAttempts,
    string? Warning = null);
