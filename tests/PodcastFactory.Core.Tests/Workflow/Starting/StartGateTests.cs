using PodcastFactory.Core.Artifacts;
using PodcastFactory.Core.Tests.Fakes;
using PodcastFactory.Core.Workflow.Starting;

namespace PodcastFactory.Core.Tests.Workflow.Starting;

public sealed class StartGateTests : IDisposable
{
    readonly string _root = Path.Combine(Path.GetTempPath(), "pf-gate-" + Guid.NewGuid().ToString("N")[..8]);
    readonly ManualTime _time = new();
    readonly StartGate _gate;

    public StartGateTests() => _gate = new StartGate(new FileSystemArtifactStore(_root), _time);

    [Fact]
    public async Task ClaimAsync_FiftyConcurrentSameRequests_ExactlyOneOwner()
    {
        StartClaim[] claims = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ =>
            Task.Run(() => _gate.ClaimAsync("ep-1", "hash-a", NoOrchestration, CancellationToken.None))));

        Assert.Single(claims, c => c.Owner);
        Assert.Equal(49, claims.Count(c => !c.Owner));
    }

    [Fact]
    public async Task ClaimAsync_DifferentRequestForTakenId_ThrowsConflict()
    {
        await _gate.ClaimAsync("ep-1", "hash-a", NoOrchestration, CancellationToken.None);

        await Assert.ThrowsAsync<EpisodeConflictException>(() => _gate.ClaimAsync("ep-1", "hash-b", NoOrchestration, CancellationToken.None));
    }

    [Fact]
    public async Task ClaimAsync_OrphanedClaim_OneIdenticalStartTakesOverOnce()
    {
        await _gate.ClaimAsync("ep-1", "hash-a", NoOrchestration, CancellationToken.None);
        Assert.False((await _gate.ClaimAsync("ep-1", "hash-a", NoOrchestration, CancellationToken.None)).Owner);

        _time.Advance(StartGate.OrphanAfter + TimeSpan.FromSeconds(1));
        StartClaim[] takeovers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            Task.Run(() => _gate.ClaimAsync("ep-1", "hash-a", NoOrchestration, CancellationToken.None))));

        Assert.Single(takeovers, c => c.Owner);
        Assert.False((await _gate.ClaimAsync("ep-1", "hash-a", NoOrchestration, CancellationToken.None)).Owner);
    }

    [Fact]
    public async Task ClaimAsync_OldClaimWithOrchestration_IsNotTakenOver()
    {
        await _gate.ClaimAsync("ep-1", "hash-a", NoOrchestration, CancellationToken.None);
        _time.Advance(StartGate.OrphanAfter * 2);

        Assert.False((await _gate.ClaimAsync("ep-1", "hash-a", () => Task.FromResult(true), CancellationToken.None)).Owner);
    }

    [Fact]
    public async Task ReleaseAsync_RefusedOwner_FreesTheIdForAnotherRequest()
    {
        StartClaim claim = await _gate.ClaimAsync("ep-1", "hash-a", NoOrchestration, CancellationToken.None);
        await _gate.ReleaseAsync("ep-1", claim, CancellationToken.None);

        Assert.True((await _gate.ClaimAsync("ep-1", "hash-b", NoOrchestration, CancellationToken.None)).Owner);
    }

    [Fact]
    public async Task ClaimAsync_ScheduledEpisodeWhoseStateWasLost_OneIdenticalStartSchedulesItAgain()
    {
        StartClaim first = await _gate.ClaimAsync("ep-1", "hash-a", NoOrchestration, CancellationToken.None);
        await _gate.ScheduledAsync("ep-1", first, CancellationToken.None);

        StartClaim[] again = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            Task.Run(() => _gate.ClaimAsync("ep-1", "hash-a", NoOrchestration, CancellationToken.None))));

        StartClaim winner = Assert.Single(again, c => c.Owner);
        Assert.Equal(1, winner.Generation);
        Assert.False((await _gate.ClaimAsync("ep-1", "hash-a", NoOrchestration, CancellationToken.None)).Owner);
    }

    static Task<bool> NoOrchestration() => Task.FromResult(false);

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
