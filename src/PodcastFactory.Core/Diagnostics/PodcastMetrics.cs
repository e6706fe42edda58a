using System.Diagnostics;
using System.Diagnostics.Metrics;
using A = PodcastFactory.Core.Diagnostics.PodcastTelemetry.Attributes;

namespace PodcastFactory.Core.Diagnostics;

/// <summary>
/// The instruments of the <see cref="PodcastTelemetry.Meter"/>, each recorded where its figure already is: episodes and
/// stage durations when the manifest is written, provider calls, units and cost when the cost journal resolves a call,
/// HTTP attempts in the provider clients' handler chain. Nothing here keeps its own count; an exporter aggregates.
/// </summary>
public static class PodcastMetrics
{
    /// <summary>Instrument names (docs/observability.md).</summary>
    public static class Names
    {
        /// <summary>Episodes finished, by outcome.</summary>
        public const string Episodes = "podcast.episodes";

        /// <summary>Stage duration (seconds, the time the stage's work ran: downtime after a crash left out).</summary>
        public const string StageDuration = "podcast.stage.duration";

        /// <summary>Provider call duration as the cost journal measured it (seconds, retries within the call included).</summary>
        public const string CallDuration = "podcast.provider.call.duration";

        /// <summary>Units used by answered calls (tokens, characters, requests), input and output.</summary>
        public const string Units = "podcast.provider.units";

        /// <summary>Cost in USD: answered calls at their price, calls whose answer was lost at their estimate.</summary>
        public const string Cost = "podcast.cost";

        /// <summary>One HTTP attempt to a provider (seconds), by status code.</summary>
        public const string HttpDuration = "podcast.provider.http.duration";

        /// <summary>HTTP 429 answers from a provider.</summary>
        public const string Throttled = "podcast.provider.throttled";
    }

    static readonly Counter<long> _episodes = PodcastTelemetry.Meter.CreateCounter<long>(Names.Episodes, "{episode}", "Episodes finished, by outcome.");
    static readonly Histogram<double> _stageDuration = PodcastTelemetry.Meter.CreateHistogram<double>(Names.StageDuration, "s", "Time a stage's work ran.");
    static readonly Histogram<double> _callDuration = PodcastTelemetry.Meter.CreateHistogram<double>(Names.CallDuration, "s", "Provider call duration, as journaled.");
    static readonly Counter<long> _units = PodcastTelemetry.Meter.CreateCounter<long>(Names.Units, "{unit}", "Tokens, characters or requests used by answered calls.");
    static readonly Counter<double> _cost = PodcastTelemetry.Meter.CreateCounter<double>(Names.Cost, "USD", "Cost of provider calls.");
    static readonly Histogram<double> _httpDuration = PodcastTelemetry.Meter.CreateHistogram<double>(Names.HttpDuration, "s", "One HTTP attempt to a provider.");
    static readonly Counter<long> _throttled = PodcastTelemetry.Meter.CreateCounter<long>(Names.Throttled, "{response}", "HTTP 429 answers from a provider.");

    /// <summary>An episode (or its manifest) finished with <paramref name="outcome"/>.</summary>
    public static void EpisodeFinished(string outcome) => _episodes.Add(1, new KeyValuePair<string, object?>(A.Outcome, outcome));

    /// <summary>A stage ran for <paramref name="durationMs"/> and ended as <paramref name="status"/>.</summary>
    public static void StageFinished(string stage, string status, double durationMs) =>
        _stageDuration.Record(durationMs / 1000, new KeyValuePair<string, object?>(A.Stage, stage), new KeyValuePair<string, object?>(A.StageStatus, status));

    /// <summary>
    /// A provider call the journal resolved: its duration and state; for an answered call its units and cost; for one
    /// whose answer was lost its estimate, as possibly billed (what the manifest counts too).
    /// </summary>
    public static void CallResolved(CallFigures call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var who = new TagList
        {
            { A.Agent, call.Agent },
            { A.Provider, call.Provider },
            { A.Model, call.Model ?? "" },
        };
        TagList timed = who;
        timed.Add(A.CallState, call.State);
        _callDuration.Record(call.DurationMs / 1000, timed);
        if (call.InputUnits > 0 || call.OutputUnits > 0)
        {
            AddUnits(who, call.UnitKind, "input", call.InputUnits);
            AddUnits(who, call.UnitKind, "output", call.OutputUnits);
        }

        if (call.ChargeUsd > 0)
        {
            TagList billed = who;
            billed.Add(A.Billing, call.PossiblyBilled ? "possibly" : "billed");
            _cost.Add((double)call.ChargeUsd, billed);
        }
    }

    /// <summary>One HTTP attempt to <paramref name="provider"/> ended with <paramref name="status"/> (null: no answer, see <paramref name="error"/>).</summary>
    public static void HttpAttempt(string provider, int? status, string? error, TimeSpan elapsed)
    {
        var tags = new TagList { { A.Provider, provider } };
        if (status is { } code)
        {
            tags.Add(A.HttpStatusCode, code);
        }
        else
        {
            tags.Add(A.ErrorType, error ?? "unknown");
        }

        _httpDuration.Record(elapsed.TotalSeconds, tags);
        if (status == 429)
        {
            _throttled.Add(1, new KeyValuePair<string, object?>(A.Provider, provider));
        }
    }

    static void AddUnits(TagList who, string unit, string direction, long count)
    {
        if (count <= 0)
        {
            return;
        }

        TagList tags = who;
        tags.Add(A.Unit, unit);
        tags.Add(A.Direction, direction);
        _units.Add(count, tags);
    }
}

/// <summary>The figures of one resolved provider call, as the cost journal holds them (ids and numbers, no content).</summary>
/// <param name="Agent">Agent that paid.</param>
/// <param name="Provider">Provider called.</param>
/// <param name="Model">Model, voice engine or service.</param>
/// <param name="UnitKind">tokens, characters or requests.</param>
/// <param name="State">answered, not_billed or answer_lost.</param>
/// <param name="InputUnits">Input units (answered calls).</param>
/// <param name="OutputUnits">Output units (answered calls).</param>
/// <param name="ChargeUsd">What the call counts for: its price, or its estimate when possibly billed.</param>
/// <param name="PossiblyBilled">True when the answer was lost.</param>
/// <param name="DurationMs">Wall time of the call.</param>
public sealed record CallFigures(
    string Agent, string Provider, string? Model, string UnitKind, string State,
    long InputUnits, long OutputUnits, decimal ChargeUsd, bool PossiblyBilled, double DurationMs);
