using PodcastFactory.Bench.Fakes;
using PodcastFactory.Bench.Latency;

namespace PodcastFactory.IntegrationTests.Bench;

public sealed class LatencyInjectorTests
{
    static readonly LatencyProfile _hourOfSpeech = LatencyProfile.Zero with { Speech = new AgentLatency(3_600_000, 0) };

    [Fact]
    public async Task CutWaits_CallsWaitingOnTheProfile_AnswerNow()
    {
        var latency = new LatencyInjector(_hourOfSpeech);
        Task[] waiting = [.. Enumerable.Range(0, 3).Select(_ => latency.DelayAsync(AgentKind.Speech, CancellationToken.None))];
        Assert.All(waiting, t => Assert.False(t.IsCompleted));

        latency.CutWaits();

        // The guard only keeps a broken cut from hanging the run; an hour-long delay cannot end within it otherwise.
        await Task.WhenAll(waiting).WaitAsync(TimeSpan.FromMinutes(2));
        Assert.Equal(3, latency.Calls().Speech.Count);
    }

    [Fact]
    public async Task CutWaits_CallerCancels_StillCancels()
    {
        var latency = new LatencyInjector(_hourOfSpeech);
        using var cancel = new CancellationTokenSource();
        Task waiting = latency.DelayAsync(AgentKind.Speech, cancel.Token);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }
}
