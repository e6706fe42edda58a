using PodcastFactory.Core.Artifacts;
using PodcastFactory.Core.Configuration;

namespace PodcastFactory.Core.Publishing;

/// <summary>
/// The input hash of a publish (<see cref="InputHash"/>): the request without its time (a re-run has a new orchestration
/// clock but the same episode), the script and plan as stored (chapters and cues come from them; segment names are
/// content-addressed, so the request already names the audio), and every setting that changes what is written.
/// <c>publish.json</c>, written after the feed item, carries it: the same hash there means the publish is done.
/// </summary>
public static class PublicationHash
{
    /// <summary>Computes the hash of publishing <paramref name="input"/> with these settings.</summary>
    public static async Task<string> OfAsync(IArtifactStore store, PublishRequest input, PublishingOptions publishing, FeedOptions feed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(publishing);
        string script = await store.ReadTextAsync(input.ScriptArtifact, cancellationToken);
        string plan = await store.ReadTextAsync(input.PlanArtifact, cancellationToken);
        var mastering = new MasteringSettings(
            publishing.TargetLufs, publishing.MaxTruePeakDbtp, publishing.CodecHeadroomDb, publishing.LoudnessToleranceLu,
            publishing.Mp3BitrateKbps, publishing.EncoderPath, publishing.TurnsPerFallbackChapter);
        return InputHash.Of(input with { PublishedAt = default }, script, plan, mastering, feed);
    }

    // What of PublishingOptions changes the output (not the queue width or the encoder's timeout).
    sealed record MasteringSettings(double TargetLufs, double MaxTruePeakDbtp, double CodecHeadroomDb, double LoudnessToleranceLu, int Mp3BitrateKbps, string? EncoderPath, int TurnsPerFallbackChapter);
}
