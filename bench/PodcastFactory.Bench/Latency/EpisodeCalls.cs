namespace PodcastFactory.Bench.Latency;

/// <summary>Provider latencies (ms) injected into one episode, per agent, in the order the calls started.</summary>
public sealed record EpisodeCalls(
    IReadOnlyList<double> Research,
    IReadOnlyList<double> Script,
    IReadOnlyList<double> Review,
    IReadOnlyList<double> Social,
    IReadOnlyList<double> Speech)
{
    /// <summary>All provider calls.</summary>
    public int CallCount => Research.Count + Script.Count + Review.Count + Social.Count + Speech.Count;

    /// <summary>Sum of every injected latency: what a pipeline that makes one call at a time waits for.</summary>
    public double SumMs => Research.Sum() + Script.Sum() + Review.Sum() + Social.Sum() + Speech.Sum();

    /// <summary>
    /// Activities the episode ran: the provider calls plus merge research, plan segments, stitch, final evaluation
    /// and manifest (those last two only once; stitch and plan only when there was audio).
    /// </summary>
    public int ActivityCount => CallCount + 1 + (Speech.Count > 0 ? 2 : 0) + 2;
}
