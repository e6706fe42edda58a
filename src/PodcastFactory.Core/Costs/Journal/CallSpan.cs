using System.Diagnostics;
using PodcastFactory.Core.Diagnostics;
using PodcastFactory.Core.Models;
using A = PodcastFactory.Core.Diagnostics.PodcastTelemetry.Attributes;

namespace PodcastFactory.Core.Costs.Journal;

/// <summary>
/// The span of one paid provider call (<see cref="PodcastTelemetry.Spans.ProviderCall"/>): who paid whom, the units
/// and cost of the answer, or how it failed. Only figures and names: a failure's message is left out, since a
/// provider's error text can quote the request.
/// </summary>
static class CallSpan
{
    /// <summary>Starts the span, or returns null when nothing listens.</summary>
    public static Activity? Start(PaidCallInfo call)
    {
        Activity? span = PodcastTelemetry.Source.StartActivity(PodcastTelemetry.Spans.ProviderCall, ActivityKind.Internal);
        span?.SetTag(A.Agent, call.Agent)
            .SetTag(A.Provider, call.Provider)
            .SetTag(A.Model, call.Model)
            .SetTag(A.Unit, call.UnitKind);
        return span;
    }

    /// <summary>Adds the answer's usage.</summary>
    public static void Answered(Activity? span, AgentUsage usage) =>
        span?.SetTag(A.CallState, "answered")
            .SetTag(A.InputUnits, usage.InputUnits)
            .SetTag(A.OutputUnits, usage.OutputUnits)
            .SetTag(A.CostUsd, (double)usage.CostUsd);

    /// <summary>Marks the span failed with the journal's verdict and the exception's type (not its message).</summary>
    public static void Failed(Activity? span, PaidCallState state, Exception failure) =>
        span?.SetTag(A.CallState, state == PaidCallState.NotBilled ? "not_billed" : "answer_lost")
            .SetTag(A.ErrorType, failure.GetType().FullName)
            .SetStatus(ActivityStatusCode.Error, state.ToString());
}
