using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace PodcastFactory.Core.Diagnostics;

/// <summary>
/// The workflow's one <see cref="ActivitySource"/> and one <see cref="Meter"/>, both named <see cref="Name"/>, and the
/// names of the spans and attributes Core writes (docs/observability.md lists them). Without a listener (no exporter
/// configured) <see cref="ActivitySource.StartActivity(string, ActivityKind)"/> returns null and instruments record
/// nothing, so telemetry costs nothing when it is off. Attributes carry ids, names, figures and outcomes: never a
/// topic, a prompt, a source's text or a key.
/// </summary>
public static class PodcastTelemetry
{
    /// <summary>Name of the activity source and of the meter.</summary>
    public const string Name = "PodcastFactory";

    /// <summary>The activity source of Core's spans.</summary>
    public static readonly ActivitySource Source = new(Name);

    /// <summary>The meter of Core's metrics (<see cref="PodcastMetrics"/>).</summary>
    public static readonly Meter Meter = new(Name);

    /// <summary>Span names.</summary>
    public static class Spans
    {
        /// <summary>An episode start (HTTP, CLI or timer): validation, sources captured, the orchestration scheduled.</summary>
        public const string EpisodeStart = "podcast.episode.start";

        /// <summary>One provider call made through the cost journal (its HTTP attempts are its children).</summary>
        public const string ProviderCall = "podcast.provider.call";
    }

    /// <summary>Attribute (tag) names of spans and metrics.</summary>
    public static class Attributes
    {
        /// <summary>The episode id.</summary>
        public const string EpisodeId = "podcast.episode.id";

        /// <summary>The episode's outcome (completed, partial, needs-review, failed ...).</summary>
        public const string Outcome = "podcast.episode.outcome";

        /// <summary>Whether a start created the episode (false: the id already existed).</summary>
        public const string Created = "podcast.episode.created";

        /// <summary>The requested output priority (audio, social, both).</summary>
        public const string Priority = "podcast.episode.priority";

        /// <summary>The requested research depth.</summary>
        public const string Depth = "podcast.episode.depth";

        /// <summary>A stage name (<c>Workflow/Stages</c>).</summary>
        public const string Stage = "podcast.stage";

        /// <summary>How a stage ended (Completed, Skipped, Failed).</summary>
        public const string StageStatus = "podcast.stage.status";

        /// <summary>The agent that paid for a call.</summary>
        public const string Agent = "podcast.agent";

        /// <summary>The provider called.</summary>
        public const string Provider = "podcast.provider";

        /// <summary>The model, voice engine or service.</summary>
        public const string Model = "podcast.model";

        /// <summary>How a call ended in the journal (answered, not_billed, answer_lost).</summary>
        public const string CallState = "podcast.call.state";

        /// <summary>The unit of a usage count (tokens, characters, requests).</summary>
        public const string Unit = "podcast.unit";

        /// <summary>Input or output units.</summary>
        public const string Direction = "podcast.direction";

        /// <summary>Whether a cost was billed (answered) or possibly billed (the answer was lost: counted at the estimate).</summary>
        public const string Billing = "podcast.billing";

        /// <summary>Input units of an answered call.</summary>
        public const string InputUnits = "podcast.units.input";

        /// <summary>Output units of an answered call.</summary>
        public const string OutputUnits = "podcast.units.output";

        /// <summary>Priced cost of an answered call, in USD.</summary>
        public const string CostUsd = "podcast.cost_usd";

        /// <summary>The HTTP status code of one provider attempt (OpenTelemetry semantic convention name).</summary>
        public const string HttpStatusCode = "http.response.status_code";

        /// <summary>Why an attempt got no status code (OpenTelemetry semantic convention name): timeout, or the exception type.</summary>
        public const string ErrorType = "error.type";
    }
}
