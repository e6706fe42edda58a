using PodcastFactory.Bench.Latency;

namespace PodcastFactory.IntegrationTests.Bench;

public sealed class LatencyProfileTests
{
    static string ProfilePath => Path.Combine(AppContext.BaseDirectory, "Bench", "azure-openai.json");

    [Fact]
    public void Load_RepositoryProfile_ReadsEveryAgent()
    {
        LatencyProfile profile = LatencyProfile.Load(ProfilePath);

        Assert.Equal("azure-openai", profile.Name);
        Assert.Equal(4000, profile.Research.MeanMs);
        Assert.Equal(9000, profile.Script.MeanMs);
        Assert.Equal(5000, profile.Review.MeanMs);
        Assert.Equal(2500, profile.Social.MeanMs);
        Assert.Equal(1800, profile.Speech.MeanMs);
        Assert.False(string.IsNullOrWhiteSpace(profile.Source));
    }

    [Fact]
    public void Parse_MissingAgent_Throws()
    {
        const string json = """{ "name": "x", "source": "y", "research": { "meanMs": 1, "jitterMs": 0 } }""";

        Assert.Throws<InvalidDataException>(() => LatencyProfile.Parse(json));
    }

    [Fact]
    public void Scaled_Tenth_ScalesMeanAndJitter()
    {
        LatencyProfile scaled = LatencyProfile.Load(ProfilePath).Scaled(0.1);

        Assert.Equal(900, scaled.Script.MeanMs, precision: 6);
        Assert.Equal(200, scaled.Script.JitterMs, precision: 6);
    }

    [Fact]
    public void Sample_WithJitter_StaysWithinBoundsAndNeverNegative()
    {
        var latency = new AgentLatency(100, 150);
        var random = new Random(1);

        double[] samples = [.. Enumerable.Range(0, 1000).Select(_ => latency.Sample(random))];

        Assert.All(samples, s => Assert.InRange(s, 0, 250));
        Assert.Contains(samples, s => s == 0);
    }
}
