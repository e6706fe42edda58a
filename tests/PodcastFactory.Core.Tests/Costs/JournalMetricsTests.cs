using PodcastFactory.Core.Artifacts;
using PodcastFactory.Core.Costs.Journal;
using PodcastFactory.Core.Diagnostics;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Tests.Diagnostics;
using PodcastFactory.Core.Workflow.Activities;
using A = PodcastFactory.Core.Diagnostics.PodcastTelemetry.Attributes;

namespace PodcastFactory.Core.Tests.Costs;

/// <summary>The metrics of provider calls come from the cost journal as it resolves each call: one source of figures.</summary>
public sealed class JournalMetricsTests : IDisposable
{
    // A provider name no other test uses: the meter is shared by tests running in parallel.
    const string Provider = "journal-metrics-test";
    readonly string _root = Path.Combine(Path.GetTempPath(), "pf-journal-metrics-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public async Task CallAsync_Answered_RecordsDurationUnitsAndCostOnce()
    {
        using var recorder = new MeasurementRecorder(A.Provider, Provider);
        // Opened here, not in a helper: the journal records the calls of the async flow that opened it.
        using var journal = new StepJournal(new FileSystemArtifactStore(_root), "ep", "ep", "out.md");
        await journal.StartAsync();

        await PaidCalls.CallAsync(Info(0.02m), () => Task.FromResult("answer"), (_, _) => Usage(0.01m));

        Measurement call = Assert.Single(recorder.Of(PodcastMetrics.Names.CallDuration));
        Assert.Equal("answered", call.Tags[A.CallState]);
        Assert.Equal(AgentNames.Research, call.Tags[A.Agent]);
        IReadOnlyList<Measurement> units = recorder.Of(PodcastMetrics.Names.Units);
        Assert.Equal(10, units.Single(u => Equals(u.Tags[A.Direction], "input")).Value);
        Assert.Equal(5, units.Single(u => Equals(u.Tags[A.Direction], "output")).Value);
        Assert.All(units, u => Assert.Equal("tokens", u.Tags[A.Unit]));
        Measurement cost = Assert.Single(recorder.Of(PodcastMetrics.Names.Cost));
        Assert.Equal(0.01, cost.Value, 9);
        Assert.Equal("billed", cost.Tags[A.Billing]);
    }

    [Fact]
    public async Task CallAsync_AnswerLost_CountsTheEstimateAsPossiblyBilled()
    {
        using var recorder = new MeasurementRecorder(A.Provider, Provider);
        // Opened here, not in a helper: the journal records the calls of the async flow that opened it.
        using var journal = new StepJournal(new FileSystemArtifactStore(_root), "ep", "ep", "out.md");
        await journal.StartAsync();

        await Assert.ThrowsAsync<TimeoutException>(() => PaidCalls.CallAsync<string>(Info(0.02m), () => throw new TimeoutException("no answer"), (_, _) => Usage(0.01m)));

        Assert.Equal("answer_lost", Assert.Single(recorder.Of(PodcastMetrics.Names.CallDuration)).Tags[A.CallState]);
        Assert.Empty(recorder.Of(PodcastMetrics.Names.Units));
        Measurement cost = Assert.Single(recorder.Of(PodcastMetrics.Names.Cost));
        Assert.Equal(0.02, cost.Value, 9);
        Assert.Equal("possibly", cost.Tags[A.Billing]);
    }

    [Fact]
    public async Task CallAsync_Refused_RecordsTheCallAndNoCost()
    {
        using var recorder = new MeasurementRecorder(A.Provider, Provider);
        // Opened here, not in a helper: the journal records the calls of the async flow that opened it.
        using var journal = new StepJournal(new FileSystemArtifactStore(_root), "ep", "ep", "out.md");
        await journal.StartAsync();

        await Assert.ThrowsAsync<NonRetryableException>(() => PaidCalls.CallAsync<string>(Info(0.02m), () => throw new NonRetryableException("400"), (_, _) => Usage(0.01m)));

        Assert.Equal("not_billed", Assert.Single(recorder.Of(PodcastMetrics.Names.CallDuration)).Tags[A.CallState]);
        Assert.Empty(recorder.Of(PodcastMetrics.Names.Cost));
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    static PaidCallInfo Info(decimal estimate) => new(AgentNames.Research, Provider, "gpt-4o-mini", "tokens", estimate);

    static AgentUsage Usage(decimal cost) => new(AgentNames.Research, Provider, "gpt-4o-mini", 10, 5, "tokens", 1, cost);
}
