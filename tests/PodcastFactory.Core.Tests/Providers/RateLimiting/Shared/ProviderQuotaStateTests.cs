using PodcastFactory.Core.Providers.RateLimiting;
using PodcastFactory.Core.Providers.RateLimiting.Shared;

namespace PodcastFactory.Core.Tests.Providers.RateLimiting.Shared;

public sealed class ProviderQuotaStateTests
{
    static readonly DateTimeOffset _t0 = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);
    const double LeaseSeconds = 20;
    const double WindowSeconds = 10;

    [Fact]
    public void Grant_NewcomerWhileTheFirstHoldsEverything_GetsOnlyWhatTheOthersHaveNotBeenGranted()
    {
        var state = new ProviderQuotaState();

        Assert.Equal(90, state.Grant(Claim("a", 1, demand: 90), _t0).Share, 6);
        Assert.Equal(0, state.Grant(Claim("b", 1, demand: 90), _t0.AddSeconds(1)).Share, 6);
        // At its renewal the first shrinks to its fair half; the newcomer takes the rest once the first one's earlier
        // requests have left the provider's window.
        Assert.Equal(45, state.Grant(Claim("a", 2, demand: 90), _t0.AddSeconds(5)).Share, 6);
        Assert.Equal(0, state.Grant(Claim("b", 2, demand: 90), _t0.AddSeconds(6)).Share, 6);
        Assert.Equal(45, state.Grant(Claim("b", 3, demand: 90), _t0.AddSeconds(5 + WindowSeconds)).Share, 6);
    }

    [Fact]
    public void Grant_HolderThatStopsRenewing_ItsShareIsFreedAWindowAfterItsLeaseRunsOut()
    {
        var state = new ProviderQuotaState();
        state.Grant(Claim("a", 1, demand: 90), _t0);

        Assert.Equal(0, state.Grant(Claim("b", 1, demand: 90), _t0.AddSeconds(LeaseSeconds)).Share, 6);
        Assert.Equal(90, state.Grant(Claim("b", 2, demand: 90), _t0.AddSeconds(LeaseSeconds + WindowSeconds)).Share, 6);
        Assert.False(state.Holders.ContainsKey("a"));
    }

    [Fact]
    public void Grant_AnySequenceOfClaims_CountedSharesNeverAddUpToMoreThanTheLimitWithHeadroom()
    {
        var state = new ProviderQuotaState();
        var random = new Random(22);
        var claims = new Dictionary<string, int>();
        DateTimeOffset now = _t0;
        for (int i = 0; i < 2000; i++)
        {
            now = now.AddMilliseconds(random.Next(0, 3000));
            string holder = "p" + random.Next(0, 5);
            claims[holder] = claims.GetValueOrDefault(holder) + 1;
            state.Grant(Claim(holder, claims[holder], demand: random.Next(0, 150)), now);

            // Every share sent under within the provider's window still counts: current, shrunk or lapsed.
            double granted = state.Holders.Values.Sum(h => h.Counted(now));
            Assert.True(granted <= (100 * ProviderRateLimiter.Headroom) + 1e-9, $"claim {i}: {granted} granted of 90");
        }
    }

    [Fact]
    public void FairShares_SmallDemandMetInFull_TheRestSplitEvenly()
    {
        Dictionary<string, double> shares = ProviderQuotaState.FairShares(new Dictionary<string, double> { ["idle"] = 5, ["a"] = 100, ["b"] = 100 }, 90);

        Assert.Equal(5, shares["idle"], 6);
        Assert.Equal(42.5, shares["a"], 6);
        Assert.Equal(42.5, shares["b"], 6);
    }

    [Fact]
    public void Id_SameDeploymentAnyCase_OneEntityWithAKeyStorageAccepts()
    {
        string key = ProviderRateLimiters.Key("azure-openai", new Uri("https://r.openai.azure.com/"), "tts");

        Assert.Equal(ProviderQuotaEntity.Id(key), ProviderQuotaEntity.Id(key.ToUpperInvariant()));
        Assert.Matches("^[0-9a-f]+$", ProviderQuotaEntity.Id(key).Key);
        Assert.NotEqual(ProviderQuotaEntity.Id(key), ProviderQuotaEntity.Id(ProviderRateLimiters.Key("azure-openai", new Uri("https://r.openai.azure.com/"), "gpt-4o")));
    }

    static QuotaClaim Claim(string holder, int number, double demand) => new(holder, number, demand, 100, LeaseSeconds, WindowSeconds);
}
