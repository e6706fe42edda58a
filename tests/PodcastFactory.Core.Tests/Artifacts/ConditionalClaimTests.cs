using PodcastFactory.Core.Artifacts;
using PodcastFactory.Core.Tests.Fakes;

namespace PodcastFactory.Core.Tests.Artifacts;

public sealed class ConditionalClaimTests : IDisposable
{
    readonly string _root = Path.Combine(Path.GetTempPath(), "pf-claim-" + Guid.NewGuid().ToString("N")[..8]);
    readonly ManualTime _time = new();
    readonly FileSystemArtifactStore _store;

    public ConditionalClaimTests() => _store = new FileSystemArtifactStore(_root);

    [Fact]
    public async Task ClaimAsync_TwentyConcurrentCallers_ExactlyOneOwnsGenerationZero()
    {
        ClaimOutcome<Claim>[] outcomes = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() => ClaimAsync(i, abandoned: false))));

        ClaimOutcome<Claim> owner = Assert.Single(outcomes, o => o.Owner);
        Assert.Equal(0, owner.Generation);
        // Every other caller sees the owner's record, not its own.
        Assert.All(outcomes.Where(o => !o.Owner), o => Assert.Equal(owner.Claim.Caller, o.Claim.Caller));
    }

    [Fact]
    public async Task ClaimAsync_AbandonedClaimAndTenConcurrentCallers_ExactlyOneTakesOverWithTheNextGeneration()
    {
        await ClaimAsync(-1, abandoned: false);

        ClaimOutcome<Claim>[] outcomes = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Task.Run(() => ClaimAsync(i, abandoned: g => g == 0))));

        ClaimOutcome<Claim> owner = Assert.Single(outcomes, o => o.Owner);
        Assert.Equal(1, owner.Generation);
        Assert.All(outcomes, o => Assert.Equal(1, o.Generation));
    }

    [Fact]
    public async Task ClaimAsync_HeldClaim_IsNotTakenOverAndTheCallerSeesItsRecord()
    {
        await ClaimAsync(7, abandoned: false);

        ClaimOutcome<Claim> outcome = await ClaimAsync(8, abandoned: false);

        Assert.False(outcome.Owner);
        Assert.Equal(7, outcome.Claim.Caller);
        Assert.Null(await _store.GetInfoAsync(Name(1), default));
    }

    [Fact]
    public async Task ClaimAsync_CallbackRefuses_ThrowsAndCreatesNothing()
    {
        await ClaimAsync(1, abandoned: false);

        await Assert.ThrowsAsync<InvalidOperationException>(() => _store.ClaimAsync<Claim>(Name, g => new(2, g), (_, _) => throw new InvalidOperationException("a different request"), default));

        Assert.Null(await _store.GetInfoAsync(Name(1), default));
    }

    [Fact]
    public void IsOld_ClaimAtTheOrphanAge_IsOldAndJustBeforeIsNot()
    {
        DateTimeOffset claimedAt = _time.GetUtcNow();

        _time.Advance(ConditionalClaim.OrphanAfter - TimeSpan.FromSeconds(1));
        Assert.False(ConditionalClaim.IsOld(claimedAt, _time));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(ConditionalClaim.IsOld(claimedAt, _time));
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    static string Name(int generation) => $"ep-1/claims/claim-{generation}.json";

    Task<ClaimOutcome<Claim>> ClaimAsync(int caller, bool abandoned) => ClaimAsync(caller, _ => abandoned);

    Task<ClaimOutcome<Claim>> ClaimAsync(int caller, Func<int, bool> abandoned) =>
        _store.ClaimAsync<Claim>(Name, g => new(caller, g), (g, _) => Task.FromResult(abandoned(g)), default);

    public sealed record Claim(int Caller, int Generation);
}
