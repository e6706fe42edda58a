using System.Text.Json.Serialization;

namespace PodcastFactory.Core.Workflow.Webhooks;

/// <summary>
/// A CloudEvents 1.0 event in its structured JSON form (<c>application/cloudevents+json</c>): what a receiver gets as
/// the body. <c>subject</c> is the episode id.
/// </summary>
/// <param name="Id">The event id, equal to the <c>webhook-id</c> header and the same on every attempt.</param>
/// <param name="Source">Where it comes from: <c>/podcastfactory/episodes</c>, or the API base URL when one is configured.</param>
/// <param name="Type">One of <see cref="WebhookEventTypes"/>.</param>
/// <param name="Subject">The episode id.</param>
/// <param name="Time">When the workflow decided the event (orchestration time).</param>
/// <param name="Data">What happened.</param>
public sealed record EpisodeCloudEvent(string Id, string Source, string Type, string Subject, DateTime Time, EpisodeEventData Data)
{
    /// <summary>The CloudEvents version.</summary>
    [JsonPropertyName("specversion")]
    public string SpecVersion { get; init; } = "1.0";

    /// <summary>The data's media type.</summary>
    [JsonPropertyName("datacontenttype")]
    public string DataContentType { get; init; } = "application/json";
}

/// <summary>The <c>data</c> of an episode event.</summary>
/// <param name="EpisodeId">The episode id.</param>
/// <param name="Status">running, completed, partial, needs-review, failed; for a re-voice, revoiced.</param>
/// <param name="Outcome">The outcome once known (completed, partial, needs-review), else null.</param>
/// <param name="CostUsd">What the episode cost so far (the manifest's total at the end).</param>
/// <param name="Title">The script's title, once known.</param>
/// <param name="Error">Why it failed.</param>
/// <param name="Revision">The edit revision a re-voice voiced.</param>
/// <param name="StatusUrl">The episode's status URL.</param>
/// <param name="ManifestUrl">The manifest's URL, once written.</param>
/// <param name="AudioUrl">The published <c>episode.mp3</c>'s URL, once published.</param>
/// <param name="FeedUrl">The podcast feed's URL.</param>
/// <param name="Show">The episode's show; null for the default show (and on <c>episode.revoiced</c>, whose result does not carry it).</param>
public sealed record EpisodeEventData(
    string EpisodeId,
    string Status,
    string? Outcome = null,
    decimal CostUsd = 0,
    string? Title = null,
    string? Error = null,
    int? Revision = null,
    string? StatusUrl = null,
    string? ManifestUrl = null,
    string? AudioUrl = null,
    string? FeedUrl = null,
    string? Show = null);
