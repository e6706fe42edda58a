using Microsoft.DurableTask;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Providers.RateLimiting;
using PodcastFactory.Core.Workflow;
using PodcastFactory.Core.Workflow.Activities;

namespace PodcastFactory.Core.Tests.Workflow;

public sealed class AudioOrchestratorTests
{
    static readonly DateTime _t0 = new(2026, 12, 7, 20, 0, 0, DateTimeKind.Utc);
    readonly Mock<TaskOrchestrationContext> _context = new(MockBehavior.Strict);
    readonly List<DateTime> _timers = [];
    readonly Queue<Exception> _segmentFailures = new();
    DateTime _now = _t0;
    int _segmentCalls;

    public AudioOrchestratorTests()
    {
        _context.SetupGet(c => c.CurrentUtcDateTime).Returns(() => _now);
        _context.Setup(c => c.CreateReplaySafeLogger<AudioOrchestrator>()).Returns(NullLogger.Instance);
        _context.Setup(c => c.CallActivityAsync<SynthesizeSegmentOutput>(
                It.Is<TaskName>(n => n.Name == nameof(SynthesizeSegmentActivity)), It.IsAny<object?>(), RetryPolicies.SpeechOptions))
            .Returns<TaskName, object?, TaskOptions?>((_, input, _) =>
            {
                _segmentCalls++;
                return _segmentFailures.TryDequeue(out Exception? failure)
                    ? Task.FromException<SynthesizeSegmentOutput>(failure)
                    : Task.FromResult(new SynthesizeSegmentOutput($"ep/audio/segment-{((SynthesizeSegmentInput)input!).Index:000}.mp3", 10,
                        new AgentUsage(AgentNames.AudioSynthesizer, "azure-openai", "tts", 10, 0, "characters", 1, 0m)));
            });
        _context.Setup(c => c.CreateTimer(It.IsAny<DateTime>(), CancellationToken.None))
            .Returns<DateTime, CancellationToken>((at, _) =>
            {
                _timers.Add(at);
                _now = at;
                return Task.CompletedTask;
            });
        _context.Setup(c => c.CallActivityAsync<StitchAudioOutput>(
                It.Is<TaskName>(n => n.Name == nameof(StitchAudioActivity)), It.IsAny<object?>(), RetryPolicies.StorageOptions))
            .ReturnsAsync(new StitchAudioOutput("ep/episode.mp3", 1, 20, 1));
    }

    [Fact]
    public async Task RunAsync_ThrottledSegment_IsRetriedAfterADurableTimerForTheAskedWait()
    {
        _segmentFailures.Enqueue(Throttled(TimeSpan.FromSeconds(30)));

        AudioOutput output = await new AudioOrchestrator().RunAsync(_context.Object, Input(segments: 1));

        Assert.Equal([_t0.AddSeconds(30)], _timers);
        Assert.Equal(2, _segmentCalls);
        Assert.Equal(["ep/audio/segment-000.mp3"], output.SegmentArtifacts);
    }

    [Fact]
    public async Task RunAsync_ThrottledWithATinyWait_WaitsAtLeastTheShortestTimer()
    {
        _segmentFailures.Enqueue(Throttled(TimeSpan.FromMilliseconds(10)));

        await new AudioOrchestrator().RunAsync(_context.Object, Input(segments: 1));

        Assert.Equal([_t0 + ThrottleWait.MinWait], _timers);
    }

    [Fact]
    public async Task RunAsync_ThrottledPastTheDeadline_FailsNamingProviderAndTimeWaited()
    {
        for (int i = 0; i < 10; i++)
        {
            _segmentFailures.Enqueue(Throttled(TimeSpan.FromMinutes(1)));
        }

        NonRetryableException error = await Assert.ThrowsAsync<NonRetryableException>(
            () => new AudioOrchestrator().RunAsync(_context.Object, Input(segments: 1, deadlineMinutes: 3)));

        Assert.Equal(3, _timers.Count);
        Assert.Contains("azure-openai", error.Message, StringComparison.Ordinal);
        Assert.Contains("waited 180 s", error.Message, StringComparison.Ordinal);
        Assert.Contains("Workflow:ThrottleDeadlineMinutes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_OtherFailure_IsNotWaitedOut()
    {
        _segmentFailures.Enqueue(new TaskFailedException(nameof(SynthesizeSegmentActivity), 1,
            new TaskFailureDetails(typeof(TimeoutException).FullName!, "slow", null, null, null)));

        await Assert.ThrowsAsync<TaskFailedException>(() => new AudioOrchestrator().RunAsync(_context.Object, Input(segments: 2)));

        Assert.Empty(_timers);
    }

    static AudioInput Input(int segments, int deadlineMinutes = 60) => new("ep", "ep/audio/segments.json", segments, "mp3", "en", 4, deadlineMinutes);

    static TaskFailedException Throttled(TimeSpan wait)
    {
        var error = new ProviderThrottledException("azure-openai", wait, "429");
        return new TaskFailedException(nameof(SynthesizeSegmentActivity), 1,
            new TaskFailureDetails(typeof(ProviderThrottledException).FullName!, error.Message, null, null, null));
    }
}
