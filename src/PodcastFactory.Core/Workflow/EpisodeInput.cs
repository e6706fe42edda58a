using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Workflow;

/// <summary>
/// The orchestration input. Sources are captured as artifacts when the episode starts, so the input stays
/// small (queue messages are capped at 64 KB and the input is replayed with the history).
/// </summary>
/// <param name="EpisodeId">Instance id and artifact folder.</param>
/// <param name="Request">The validated request, with <see cref="EpisodeRequest.Sources"/> emptied.</param>
/// <param name="Sources">The captured sources.</param>
/// <param name="Settings">Host settings frozen at start, so a replay sees the same values.</param>
public sealed record EpisodeInput(string EpisodeId, EpisodeRequest Request, IReadOnlyList<SourceRef> Sources, EpisodeSettings Settings);

/// <summary>
/// A captured source: its display name, the artifact holding its text, and what the manifest records about it (never
/// the text itself, so the input stays small). The metadata has defaults so inputs started before it still read.
/// </summary>
/// <param name="Name">Display name (the file name, the URL or "source-n").</param>
/// <param name="Artifact">The artifact holding the captured text.</param>
/// <param name="Kind">Inline text, file or URL.</param>
/// <param name="Url">The URL of a URL source.</param>
/// <param name="Bytes">Size of the captured text in UTF-8 bytes.</param>
/// <param name="Sha256">SHA-256 (hex) of the captured text.</param>
public sealed record SourceRef(string Name, string Artifact, SourceKind Kind = SourceKind.Text, string? Url = null, long Bytes = 0, string? Sha256 = null)
{
    /// <summary>The reference of <paramref name="text"/>, captured as <paramref name="artifact"/> from <paramref name="source"/>.</summary>
    public static SourceRef Capture(SourceInput source, string name, string text, string artifact)
    {
        ArgumentNullException.ThrowIfNull(source);
        byte[] bytes = System.Text.Encoding.UTF8.GetBytes(text);
        return new SourceRef(name, artifact, source.Kind, source.Kind == SourceKind.Url ? source.Value : null, bytes.Length,
            Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)));
    }

    /// <summary>The source as the manifest's request lists it: kind, and the URL or the name instead of the text.</summary>
    public SourceInput ToRequestSource() => new(Kind, Url ?? Name, Name);
}

/// <summary>Settings the orchestrator needs, frozen into its input at start.</summary>
/// <param name="MaxParallelSegments">Bounded fan-out for speech segments.</param>
/// <param name="SegmentMaxCharacters">Segment size limit (already capped by the speech provider's limit).</param>
/// <param name="Estimates">Cost estimates used to enforce the budget before a call is made.</param>
/// <param name="ThrottleDeadlineMinutes">How long the audio may wait out a provider's rate limit (episodes started before it existed: 60).</param>
/// <param name="Webhooks">Webhook retry settings when the episode had listeners at start (a subscription or its callback); null: no events are raised.</param>
public sealed record EpisodeSettings(int MaxParallelSegments, int SegmentMaxCharacters, CostEstimates Estimates, int ThrottleDeadlineMinutes = 60, Webhooks.WebhookSettings? Webhooks = null);
