using PodcastFactory.Core.Artifacts;
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

        Assert.Single(claims, c => c == StartClaim.Owner);
        Assert.Equal(49, claims.Count(c => c == StartClaim.SameRequest));
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
        Assert.Equal(StartClaim.SameRequest, await _gate.ClaimAsync("ep-1", "hash-a", NoOrchestration, CancellationToken.None));

        _time.Advance(StartGate.OrphanAfter + TimeSpan.FromSeconds(1));
        StartClaim[] takeovers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            Task.Run(() => _gate.ClaimAsync("ep-1", "hash-a", NoOrchestration, CancellationToken.None))));

        Assert.Single(takeovers, c => c == StartClaim.Owner);
    }

    [Fact]
    public async Task ClaimAsync_OldClaimWithOrchestration_IsNotTakenOver()
    {
        await _gate.ClaimAsync("ep-1", "hash-a", NoOrchestration, CancellationToken.None);
        _time.Advance(StartGate.OrphanAfter * 2);

        Assert.Equal(StartClaim.SameRequest, await _gate.ClaimAsync("ep-1", "hash-a", () => Task.FromResult(true), CancellationToken.None));
    }

    [Fact]
    public async Task ReleaseAsync_RefusedOwner_FreesTheIdForAnotherRequest()
    {
        await _gate.ClaimAsync("ep-1", "hash-a", NoOrchestration, CancellationToken.None);
        await _gate.ReleaseAsync("ep-1", CancellationToken.None);

        Assert.Equal(StartClaim.Owner, await _gate.ClaimAsync("ep-1", "hash-b", NoOrchestration, CancellationToken.None));
    }

    static Task<bool> NoOrchestration() => Task.FromResult(false);

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    sealed class ManualTime : TimeProvider
    {
        DateTimeOffset _now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
