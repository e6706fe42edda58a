using PodcastFactory.Bench.Latency;

namespace PodcastFactory.IntegrationTests.Bench;

public sealed class CriticalPathTests
{
    [Fact]
    public void Makespan_EqualDurations_IsWavesTimesDuration()
    {
        double[] segments = Enumerable.Repeat(1800.0, 10).ToArray();

        Assert.Equal(3 * 1800.0, CriticalPath.Makespan(segments, maxParallel: 4));
    }

    [Fact]
    public void Makespan_LongSegmentFirst_OthersFlowThroughFreeSlots()
    {
        // Slot 1 is held by the 10 s segment; the four 1 s segments run one after another on slot 2.
        Assert.Equal(10.0, CriticalPath.Makespan([10, 1, 1, 1, 1], maxParallel: 2));
    }

    [Fact]
    public void Of_Episode_AddsSlowestAngleScriptReviewsAndLongerOfSocialAndAudio()
    {
        var calls = new EpisodeCalls(Research: [4000, 5000, 3000], Script: [9000, 8000], Review: [5000, 5000], Social: [2500], Speech: [1800, 1800, 1800, 1800, 1800]);

        double path = CriticalPath.Of(calls, maxParallel: 4);

        Assert.Equal(5000 + 17000 + 10000 + 3600, path);
    }

    [Fact]
    public void Of_SocialLongerThanAudio_SocialIsOnThePath()
    {
        var calls = new EpisodeCalls([100], [100], [100], Social: [5000], Speech: [10, 10]);

        Assert.Equal(300 + 5000, CriticalPath.Of(calls, maxParallel: 4));
    }

    [Fact]
    public void Hops_Episode_CountsRoundTripsOfTheLongerBranch()
    {
        var calls = new EpisodeCalls([1, 1, 1], [1], [1], [1], Enumerable.Repeat(1.0, 9).ToList());

        // research + merge + script + review + (plan, sub-orchestration, 3 waves, stitch) + evaluation + manifest
        Assert.Equal(2 + 1 + 1 + 6 + 2, CriticalPath.Hops(calls, maxParallel: 4));
    }

    [Fact]
    public void SumMs_Episode_IsWhatAOneCallAtATimePipelineWaits()
    {
        var calls = new EpisodeCalls([1, 2], [3], [4], [5], [6, 7]);

        Assert.Equal(28, calls.SumMs);
        Assert.Equal(7, calls.CallCount);
    }
}
