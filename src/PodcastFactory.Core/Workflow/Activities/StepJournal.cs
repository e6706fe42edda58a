using PodcastFactory.Core.Artifacts;
using PodcastFactory.Core.Costs.Journal;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Workflow.Activities;

/// <summary>
/// The journal of one attempt of a paid step, written to the artifact store as it changes: when the attempt starts,
/// before each provider call is sent, when an answer costs more than its intent's estimate, and when the attempt
/// ends. While it is open, every call made through <see cref="PaidCalls"/> on this async flow is recorded here, so
/// answered calls survive a failed attempt and a crash, and a call whose answer was lost stays listed as possibly
/// billed. Attempts are numbered (<c>1.json</c>, <c>2.json</c> ...), each number taken with a conditional create, so a
/// first attempt knows without listing the folder that no attempt came before it.
/// </summary>
public sealed class StepJournal : IPaidCallSink, IDisposable
{
    static readonly string _worker = $"{Environment.MachineName}:{Environment.ProcessId}";

    // A bound on the numbers tried: the durable retry policies allow a handful of attempts per run.
    const int MaxAttempts = 1000;

    readonly IArtifactStore _store;
    readonly string _episodeId;
    readonly string _run;
    readonly string _step;
    string _attempt = "";
    string _name = "";
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
        _episodeId = episodeId;
        _run = run;
        _step = step;
        _recording = PaidCalls.RecordTo(this);
    }

    /// <summary>The number of this attempt among the step's attempts in its run (1 for the first), once started.</summary>
    public int Number { get; private set; }

    /// <summary>
    /// Writes the attempt's start under the first free attempt number, so an attempt that dies without a provider call
    /// is still seen as interrupted, and the step knows which attempts came before it.
    /// </summary>
    public async Task StartAsync()
    {
        await _gate.WaitAsync(CancellationToken.None);
        try
        {
            for (int number = 1; number <= MaxAttempts; number++)
            {
                _attempt = number.ToString(System.Globalization.CultureInfo.InvariantCulture);
                _name = ArtifactNames.StepJournalAttempt(_episodeId, _run, _step, _attempt);
                _updatedAt = DateTimeOffset.UtcNow;
                using var content = new MemoryStream(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(Snapshot(), PodcastJson.Options));
                if (await _store.TryCreateAsync(_name, content, ContentTypes.Json, CancellationToken.None))
                {
                    Number = number;
                    return;
                }
            }

            throw new InvalidOperationException($"The step {_step} of {_run} already has {MaxAttempts} attempts journaled.");
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The journal files of the attempts numbered before this one (some may never have been written whole).</summary>
    public IEnumerable<string> EarlierAttempts() =>
        Enumerable.Range(1, Math.Max(0, Number - 1)).Select(n => ArtifactNames.StepJournalAttempt(_episodeId, _run, _step, n.ToString(System.Globalization.CultureInfo.InvariantCulture)));

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
            JournalMetrics.Resolved(_calls[^1]);
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
    /// <remarks>
    /// An answer that cost no more than its intent's estimate is kept in memory and rides on the next write (the next
    /// intent or the attempt's end): until then the intent on disk counts the call at its estimate, which is not less
    /// than what was billed, so the journal never under-reports and a step with one call writes three times, not four.
    /// An answer that cost more is written at once; so is every refusal (a refused call must not stay possibly billed).
    /// </remarks>
    public Task ResolveAsync(int seq, PaidCallState state, AgentUsage? usage, double durationMs, string? detail) => Change(() =>
    {
        JournalEntry intent = _calls[seq - 1];
        bool deferWrite = state == PaidCallState.Answered && (usage?.CostUsd ?? 0m) <= intent.EstimateUsd;
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
        JournalMetrics.Resolved(_calls[seq - 1]);
        return deferWrite;
    });

    /// <inheritdoc />
    public Task LostAsync(PaidCallInfo call, string detail) => Locked(() =>
    {
        _calls.Add(new JournalEntry(
            _calls.Count + 1, call.Agent, call.Provider, call.Model, call.UnitKind, PaidCallState.AnswerLost, 0, 0, 0m, call.EstimateUsd, 0, DateTimeOffset.UtcNow, detail));
        JournalMetrics.Resolved(_calls[^1]);
    });

    /// <summary>Stops recording this flow's calls (the file stays as last written).</summary>
    public void Dispose()
    {
        _recording.Dispose();
        _gate.Dispose();
    }

    // One change at a time, each written before the caller goes on: the journal is never behind what was sent.
    Task Locked(Action change) => Change(() =>
    {
        change();
        return false;
    });

    // Applies a change that returns true when its write may wait for the next one (see ResolveAsync).
    async Task Change(Func<bool> change)
    {
        await _gate.WaitAsync(CancellationToken.None);
        try
        {
            bool deferWrite = change();
            _updatedAt = DateTimeOffset.UtcNow;
            if (!deferWrite)
            {
                if (_name.Length == 0)
                {
                    throw new InvalidOperationException("The attempt's journal was not started.");
                }

                await _store.WriteJsonAsync(_name, Snapshot(), inputHash: null, CancellationToken.None);
            }
        }
        finally
        {
            _gate.Release();
        }
    }
}
