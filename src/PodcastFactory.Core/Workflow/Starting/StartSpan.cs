using System.Diagnostics;
using PodcastFactory.Core.Diagnostics;
using PodcastFactory.Core.Models;
using A = PodcastFactory.Core.Diagnostics.PodcastTelemetry.Attributes;

namespace PodcastFactory.Core.Workflow.Starting;

/// <summary>
/// The span of one episode start (<see cref="PodcastTelemetry.Spans.EpisodeStart"/>), the root of the episode's trace
/// from the CLI or the timer and the child of the HTTP request's span from the API. It names the episode and the
/// request's shape; never its topic, sources or instructions.
/// </summary>
static class StartSpan
{
    /// <summary>Starts the span, or returns null when nothing listens.</summary>
    public static Activity? Begin(EpisodeRequest request, string? episodeId)
    {
        Activity? span = PodcastTelemetry.Source.StartActivity(PodcastTelemetry.Spans.EpisodeStart, ActivityKind.Internal);
        span?.SetTag(A.EpisodeId, episodeId)
            .SetTag(A.Priority, request.Priority.ToString())
            .SetTag(A.Depth, request.Depth.ToString());
        return span;
    }

    /// <summary>Records the id the start resolved and whether it created the episode.</summary>
    public static void Started(Activity? span, StartedEpisode started) =>
        span?.SetTag(A.EpisodeId, started.EpisodeId).SetTag(A.Created, started.Created);

    /// <summary>Marks a refused or failed start with the exception's type (validation messages may quote the input).</summary>
    public static void Refused(Activity? span, Exception failure) =>
        span?.SetTag(A.ErrorType, failure.GetType().FullName).SetStatus(ActivityStatusCode.Error, failure.GetType().Name);
}
