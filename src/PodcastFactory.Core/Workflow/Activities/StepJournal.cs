using PodcastFactory.Core.Artifacts;
using PodcastFactory.Core.Costs.Journal;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Workflow.Activities;

/// <summary>
/// The journal of one attempt of a paid step, written to the artifact store as it changes: when the attempt starts,
/// before each provider call is sent, when each answer arrives, and when the attempt ends. While it is open, every
/// call made through <see cref="PaidCalls"/> on this async flow is recorded here, so answered calls survive a failed
/// attempt and a crash, and a call whose answer was lost stays listed as possibly billed.
/// </summary>
public sealed class StepJournal : IPaidCallSink, IDisposable
{
    static readonly string _worker = $"{Environment.MachineName}:{Environment.ProcessId}";

    readonly IArtifactStore _store;
    readonly string _name;
    readonly string _run;
    readonly string _step;
    readonly string _attempt = Guid.NewGuid().ToString("N");
    readonly DateTimeOffset _startedAt = DateTimeOffset.UtcNow;
    readonly List<JournalEntry> _calls = [];
    readonly SemaphoreSlim _gate = new(1, 1);
    readonly IDisposable _recording;
    AttemptOutcome _outcome = AttemptOutcome.Unfinished;
    DateTimeOffset _updatedAt;

    /// <summary>Opens the journal of a new attempt and starts recording this async flow's provider calls into it.</summary>
    public StepJournal(IArtifactStore store, string episodeId, string run, string step)
    {
        _store = store;
        _run = run;
        _step = step;
        _name = ArtifactNames.StepJournalAttempt(episodeId, run, step, _attempt);
        _recording = PaidCalls.RecordTo(this);
    }

    /// <summary>The folder of this step's journals (every attempt).</summary>
    public string StepFolder => _name[..(_name.LastIndexOf('/') + 1)];

    /// <summary>Writes the attempt's start, so an attempt that dies without a provider call is still seen as interrupted.</summary>
    public Task StartAsync() => Locked(() => { });

    /// <summary>True when this attempt journaled an answered call of <paramref name="agent"/>.</summary>
    public bool Answered(string agent) => _calls.Any(c => c.Agent == agent && c.State == PaidCallState.Answered);

    /// <summary>The journal file of this attempt.</summary>
    public string Name => _name;

    /// <summary>
    /// Writes how the attempt ended, with <paramref name="unjournaled"/>: a call whose provider did not journal it
    /// itself (the offline agents and local voices), recorded as answered in the same write.
    /// </summary>
    public Task FinishAsync(AttemptOutcome outcome, AgentUsage? unjournaled = null) => Locked(() =>
    {
        if (unjournaled is { } usage)
        {
            _calls.Add(new JournalEntry(
                _calls.Count + 1, usage.Agent, usage.Provider, usage.Model, usage.UnitKind, PaidCallState.Answered,
                usage.InputUnits, usage.OutputUnits, usage.CostUsd, usage.CostUsd, usage.DurationMs, DateTimeOffset.UtcNow));
        }

        _outcome = outcome;
    });

    /// <summary>This attempt as last written.</summary>
    public JournalAttempt Snapshot() => new(_run, _step, _attempt, _worker, _startedAt, _updatedAt, _outcome, _calls.ToList());

    /// <inheritdoc />
    public async Task<int> BeginAsync(PaidCallInfo call)
    {
        int seq = 0;
        await Locked(() =>
        {
            seq = _calls.Count + 1;
            _calls.Add(new JournalEntry(seq, call.Agent, call.Provider, call.Model, call.UnitKind, PaidCallState.Intent, 0, 0, 0m, call.EstimateUsd, 0, DateTimeOffset.UtcNow));
        });
        return seq;
    }

    /// <inheritdoc />
    public Task ResolveAsync(int seq, PaidCallState state, AgentUsage? usage, double durationMs, string? detail) => Locked(() =>
    {
        JournalEntry intent = _calls[seq - 1];
        _calls[seq - 1] = intent with
        {
            State = state,
            Provider = usage?.Provider ?? intent.Provider,
            Model = usage?.Model ?? intent.Model,
            InputUnits = usage?.InputUnits ?? 0,
            OutputUnits = usage?.OutputUnits ?? 0,
            CostUsd = usage?.CostUsd ?? 0m,
            DurationMs = durationMs,
            At = DateTimeOffset.UtcNow,
            Detail = detail,
        };
    });

    /// <inheritdoc />
    public Task LostAsync(PaidCallInfo call, string detail) => Locked(() => _calls.Add(new JournalEntry(
        _calls.Count + 1, call.Agent, call.Provider, call.Model, call.UnitKind, PaidCallState.AnswerLost, 0, 0, 0m, call.EstimateUsd, 0, DateTimeOffset.UtcNow, detail)));

    /// <summary>Stops recording this flow's calls (the file stays as last written).</summary>
    public void Dispose()
    {
        _recording.Dispose();
        _gate.Dispose();
    }

    // One change at a time, each written before the caller goes on: the journal is never behind what was sent.
    async Task Locked(Action change)
    {
        await _gate.WaitAsync(CancellationToken.None);
        try
        {
            change();
            _updatedAt = DateTimeOffset.UtcNow;
            await _store.WriteJsonAsync(_name, Snapshot(), inputHash: null, CancellationToken.None);
        }
        finally
        {
            _gate.Release();
        }
    }
}
