using Microsoft.Extensions.Logging.Abstractions;
using PodcastFactory.Core.Artifacts;
using PodcastFactory.Core.Costs.Journal;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Workflow.Activities;

namespace PodcastFactory.Core.Tests.Workflow.Activities;

public sealed class PaidStepTests : IDisposable
{
    readonly string _root = Path.Combine(Path.GetTempPath(), "pf-paidstep-" + Guid.NewGuid().ToString("N")[..8]);
    readonly FileSystemArtifactStore _store;
    readonly PaidStep _step;
    int _calls;

    public PaidStepTests()
    {
        _store = new FileSystemArtifactStore(_root);
        _step = new PaidStep(_store, NullLogger<PaidStep>.Instance);
    }

    [Fact]
    public async Task RunAsync_SameInputHashTwice_PaysOnceAndTheReuseCarriesWhatTheFirstAttemptPaid()
    {
        PaidStepResult<string> first = await RunAsync("hash-1");
        // The second attempt of the same step in the same run: the first one's result never reached the orchestrator
        // (that is the only way a step runs twice), so what it paid is reported again, once, by the reuse.
        PaidStepResult<string> second = await RunAsync("hash-1");

        Assert.Equal(1, _calls);
        Assert.False(first.Usage.CacheHit);
        Assert.Equal(0.5m, first.Usage.CostUsd);
        Assert.True(second.Usage.CacheHit);
        Assert.Equal(0.5m, second.Usage.CostUsd);
        Assert.Equal(15, second.Usage.TotalUnits);
        Assert.Equal("answer 1", second.Value);
    }

    [Fact]
    public async Task RunAsync_ReuseInAnotherRun_CostsNothing()
    {
        await RunAsync("hash-1");
        PaidStepResult<string> other = await RunAsync("hash-1", run: "ep-revoice-1");

        Assert.True(other.Usage.CacheHit);
        Assert.Equal(0m, other.Usage.ChargeUsd);
    }

    [Fact]
    public async Task RunAsync_AttemptFailsAfterAnsweredCalls_TheRetryReportsBothAttempts()
    {
        var key = new PaidStepKey("ep", "ep", AgentNames.Research, "tokens", "ep/out.md", "hash-1");
        await Assert.ThrowsAsync<InvalidDataException>(() => _step.RunAsync<string>(key, () => Task.FromResult("unused"), async () =>
        {
            await AnsweredCallAsync(0.25m);
            await AnsweredCallAsync(0.25m);
            throw new InvalidDataException("the model's answer was invalid twice");
        }, _ => Task.CompletedTask));

        PaidStepResult<string> retry = await _step.RunAsync(key, () => Task.FromResult("unused"), async () =>
        {
            await AnsweredCallAsync(0.25m);
            return new AgentResult<string>("ok", Usage(0.25m));
        }, value => _store.WriteTextAsync("ep/out.md", value, "hash-1", CancellationToken.None));

        Assert.Equal(0.75m, retry.Usage.CostUsd);
        Assert.Equal(0m, retry.Usage.PossiblyBilledUsd);
        Assert.Equal(45, retry.Usage.TotalUnits);
    }

    [Fact]
    public async Task RunAsync_CallSentAndAttemptDied_TheNextAttemptListsItAsPossiblyBilled()
    {
        var key = new PaidStepKey("ep", "ep", AgentNames.Research, "tokens", "ep/out.md", "hash-1");
        using (StepJournal dying = _step.Open(key))
        {
            await dying.StartAsync();
            await dying.BeginAsync(new PaidCallInfo(AgentNames.Research, "azure-openai", "gpt-4o-mini", "tokens", 0.04m));
            // The process stops here: no answer, no end of attempt.
        }

        PaidStepResult<string> retry = await RunAsync("hash-1");

        Assert.Equal(0.5m, retry.Usage.CostUsd);
        Assert.Equal(0.04m, retry.Usage.PossiblyBilledUsd);
        Assert.Equal(0.54m, retry.Usage.ChargeUsd);
        CostJournal journal = await JournalReader.ReadAsync(_store, ArtifactNames.Journal("ep"));
        Assert.Single(journal.PossiblyBilled());
        Assert.Single(journal.Interruptions());
    }

    [Fact]
    public async Task RunAsync_ProviderRefused_JournaledAsNotBilled()
    {
        var key = new PaidStepKey("ep", "ep", AgentNames.Research, "tokens", "ep/out.md", "hash-1");
        await Assert.ThrowsAsync<NonRetryableException>(() => _step.RunAsync<string>(key, () => Task.FromResult("unused"), () =>
            PaidCalls.CallAsync<AgentResult<string>>(new PaidCallInfo(AgentNames.Research, "azure-openai", "m", "tokens", 0.04m),
                () => throw new NonRetryableException("azure-openai rejected the request with 401 Unauthorized"), (_, _) => Usage(0m)),
            _ => Task.CompletedTask));

        CostJournal journal = await JournalReader.ReadAsync(_store, ArtifactNames.Journal("ep"));
        JournalEntry call = Assert.Single(journal.Attempts.SelectMany(a => a.Calls));
        Assert.Equal(PaidCallState.NotBilled, call.State);
        Assert.Equal(0m, journal.TotalUsd);
        Assert.Equal(AttemptOutcome.Failed, Assert.Single(journal.Attempts).Outcome);
    }

    static Task AnsweredCallAsync(decimal cost) => PaidCalls.CallAsync(
        new PaidCallInfo(AgentNames.Research, "azure-openai", "gpt-4o-mini", "tokens", cost), () => Task.FromResult("answer"), (_, _) => Usage(cost));

    static AgentUsage Usage(decimal cost) => new(AgentNames.Research, "azure-openai", "gpt-4o-mini", 10, 5, "tokens", 1, cost);

    [Fact]
    public async Task RunAsync_SameStepDeliveredTwiceAtOnce_PaysOnceAndTheCopyReuses()
    {
        // What a resumed orchestrator that died before saving its history does: the same activity arrives twice, at once.
        var release = new TaskCompletionSource();
        int paid = 0;
        Task<PaidStepResult<string>> Run() => _step.RunAsync(
            new PaidStepKey("ep", "ep", AgentNames.AudioSynthesizer, "characters", "ep/speech/abc.wav", "hash-1", Slot: "segment-001"),
            reuse: () => _store.ReadTextAsync("ep/speech/abc.wav", CancellationToken.None),
            pay: async () =>
            {
                Interlocked.Increment(ref paid);
                await release.Task;
                return new AgentResult<string>("sound", new AgentUsage(AgentNames.AudioSynthesizer, "test", null, 40, 0, "characters", 1, 0.3m));
            },
            save: value => _store.WriteTextAsync("ep/speech/abc.wav", value, "hash-1", CancellationToken.None));

        Task<PaidStepResult<string>> first = Run();
        Task<PaidStepResult<string>> copy = Run();
        await Task.Delay(200);
        release.SetResult();
        PaidStepResult<string>[] results = await Task.WhenAll(first, copy);

        Assert.Equal(1, paid);
        Assert.Single(results, r => r.Usage.CacheHit);
        Assert.Equal(0.3m, Assert.Single(results, r => !r.Usage.CacheHit).Usage.CostUsd);
        // Whichever copy took the lower attempt number, the journal holds one paid call.
        Assert.Equal(0.3m, (await JournalReader.ReadAsync(_store, ArtifactNames.Journal("ep"))).TotalUsd);
    }

    [Fact]
    public async Task RunAsync_InputHashChanged_PaysAgain()
    {
        await RunAsync("hash-1");
        PaidStepResult<string> changed = await RunAsync("hash-2");

        Assert.Equal(2, _calls);
        Assert.False(changed.Usage.CacheHit);
        Assert.Equal("answer 2", await _store.ReadTextAsync("ep/out.md", CancellationToken.None));
    }

    [Fact]
    public async Task RunAsync_PayThrows_SavesNothing()
    {
        var key = new PaidStepKey("ep", "ep", AgentNames.Research, "words", "ep/out.md", "hash-1");
        await Assert.ThrowsAsync<InvalidOperationException>(() => _step.RunAsync<string>(
            key, () => Task.FromResult("unused"), () => throw new InvalidOperationException("provider down"), _ => Task.CompletedTask));

        Assert.Null(await _store.GetInfoAsync("ep/out.md", CancellationToken.None));
    }

    Task<PaidStepResult<string>> RunAsync(string hash, string run = "ep") => _step.RunAsync(
        new PaidStepKey("ep", run, AgentNames.Research, "words", "ep/out.md", hash),
        reuse: () => _store.ReadTextAsync("ep/out.md", CancellationToken.None),
        pay: () =>
        {
            _calls++;
            return Task.FromResult(new AgentResult<string>($"answer {_calls}", new AgentUsage(AgentNames.Research, "test", null, 10, 5, "tokens", 1, 0.5m)));
        },
        save: value => _store.WriteTextAsync("ep/out.md", value, hash, CancellationToken.None));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
