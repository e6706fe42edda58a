namespace PodcastFactory.Core.Api;

/// <summary>
/// Route templates of the HTTP API, relative to the <c>api</c> prefix (the Functions default route prefix; the
/// local server maps them under <c>/api</c> too), so both hosts serve the same contract.
/// </summary>
public static class ApiRoutes
{
    /// <summary>The route prefix.</summary>
    public const string Prefix = "api";

    /// <summary>POST: start; GET: list.</summary>
    public const string Episodes = "episodes";

    /// <summary>GET: status.</summary>
    public const string Episode = "episodes/{id}";

    /// <summary>GET: one artifact's bytes; <c>name</c> is relative to the episode folder and may contain slashes.</summary>
    public const string Artifact = "episodes/{id}/artifacts/{*name}";

    /// <summary>POST: terminate a running episode.</summary>
    public const string Cancel = "episodes/{id}/cancel";

    /// <summary>POST: approve an episode waiting for approval, or a finished needs-review one (continues to audio).</summary>
    public const string Approve = "episodes/{id}/approve";

    /// <summary>POST: reject an episode waiting for approval, or a finished needs-review one (ends it rejected).</summary>
    public const string Reject = "episodes/{id}/reject";

    /// <summary>GET: the script with its ETag; PUT (If-Match): save the next edit revision.</summary>
    public const string Script = "episodes/{id}/script";

    /// <summary>POST: re-voice the newest edit revision.</summary>
    public const string Revoice = "episodes/{id}/revoice";

    /// <summary>GET/PUT: the scheduler's topic backlog.</summary>
    public const string Backlog = "backlog";

    /// <summary>GET: the podcast feed.</summary>
    public const string Feed = "feed.xml";

    /// <summary>GET: the default show artwork.</summary>
    public const string FeedArtwork = "feed/artwork.png";

    /// <summary>POST: subscribe; GET: list.</summary>
    public const string Webhooks = "webhooks";

    /// <summary>GET: one subscription; DELETE: unsubscribe.</summary>
    public const string Webhook = "webhooks/{id}";

    /// <summary>GET: a subscription's delivery log.</summary>
    public const string WebhookDeliveries = "webhooks/{id}/deliveries";

    /// <summary>GET: the voices of the configured speech provider.</summary>
    public const string Voices = "voices";

    /// <summary>POST: a short sample of a voice as audio.</summary>
    public const string VoicePreview = "voices/preview";

    /// <summary>POST: price an episode request before starting it.</summary>
    public const string Quotes = "quotes";

    /// <summary>POST: create a show; GET: list them.</summary>
    public const string Shows = "shows";

    /// <summary>GET: one show with its ETag; PUT (If-Match): replace it; DELETE: delete (tombstone) or purge it.</summary>
    public const string Show = "shows/{id}";

    /// <summary>GET: a show's own podcast feed.</summary>
    public const string ShowFeed = "shows/{id}/feed.xml";

    /// <summary>PUT (If-Match): upload a show's artwork (PNG or JPEG body); GET: serve it, anonymously like the feed.</summary>
    public const string ShowArtwork = "shows/{id}/artwork";

    /// <summary>True for <c>/api/shows/{id}/artwork</c>: the one route whose body is an image, not JSON (<see cref="CrossSiteGuard"/>).</summary>
    public static bool IsShowArtworkPath(string? path) =>
        path is not null && path.Split('/') is ["", Prefix, "shows", { Length: > 0 }, "artwork"];

    /// <summary>Route value names.</summary>
    public const string NameParameter = "name";

    /// <summary>The status path of an episode.</summary>
    public static string EpisodePath(string id) => $"/{Prefix}/episodes/{id}";

    /// <summary>The download path of an artifact, given its name relative to the episode folder.</summary>
    public static string ArtifactPath(string id, string relativeName) =>
        $"/{Prefix}/episodes/{id}/artifacts/{string.Join('/', relativeName.Split('/').Select(Uri.EscapeDataString))}";
}
