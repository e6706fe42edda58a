namespace PodcastFactory.Bench.Latency;

/// <summary>
/// The lower bound on an episode's wall time set by its provider latencies and the workflow's shape:
/// research angles in parallel, then script and reviews one after the other, then social in parallel with audio
/// (segments through a window of <c>maxParallel</c>, a new one starting as soon as one finishes).
/// </summary>
public static class CriticalPath
{
    /// <summary>max(research) + script(s) + review(s) + max(social, speech makespan).</summary>
    public static double Of(EpisodeCalls calls, int maxParallel)
    {
        ArgumentNullException.ThrowIfNull(calls);
        double research = calls.Research.Count == 0 ? 0 : calls.Research.Max();
        double tail = Math.Max(calls.Social.Sum(), Makespan(calls.Speech, maxParallel));
        return research + calls.Script.Sum() + calls.Review.Sum() + tail;
    }

    /// <summary>
    /// Makespan of <paramref name="durations"/> started in order through a window of <paramref name="maxParallel"/>
    /// slots (each starts on the earliest free slot): equals ceil(n / maxParallel) x d when all take d.
    /// </summary>
    public static double Makespan(IReadOnlyList<double> durations, int maxParallel)
    {
        ArgumentNullException.ThrowIfNull(durations);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxParallel, 1);
        var free = new PriorityQueue<int, double>();
        for (int slot = 0; slot < maxParallel; slot++)
        {
            free.Enqueue(slot, 0);
        }

        double end = 0;
        foreach (double duration in durations)
        {
            free.TryDequeue(out int slot, out double start);
            double finish = start + duration;
            end = Math.Max(end, finish);
            free.Enqueue(slot, finish);
        }

        return end;
    }

    /// <summary>
    /// Orchestration round trips on the critical path: the research fan-out, merge, each script and review, then the
    /// longer of social (one) and audio (plan, sub-orchestration, one per wave of segments, stitch), final evaluation
    /// and manifest.
    /// </summary>
    public static int Hops(EpisodeCalls calls, int maxParallel)
    {
        ArgumentNullException.ThrowIfNull(calls);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxParallel, 1);
        int waves = (calls.Speech.Count + maxParallel - 1) / maxParallel;
        int audio = calls.Speech.Count > 0 ? 3 + waves : 0;
        return 2 + calls.Script.Count + calls.Review.Count + Math.Max(calls.Social.Count, audio) + 2;
    }
}
