using Microsoft.DurableTask;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using PodcastFactory.Core.Artifacts;
using PodcastFactory.Core.Audio;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Providers;
using PodcastFactory.Core.Workflow.Activities;

namespace PodcastFactory.Core.Tests.Workflow.Activities;

public sealed class SynthesizeSegmentActivityTests : IDisposable
{
    private const string Id = "ep-speech";
    private readonly string _root = Path.Combine(Path.GetTempPath(), "pf-speech-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly FileSystemArtifactStore _store;
    private readonly CountingSpeech _speech = new();
    private readonly SynthesizeSegmentActivity _activity;

    public SynthesizeSegmentActivityTests()
    {
        _store = new FileSystemArtifactStore(_root);
        _activity = new SynthesizeSegmentActivity(_store, _speech, new PaidStep(_store, NullLogger<PaidStep>.Instance));
    }

    private static List<AudioSegment> Segments(string middle, string samVoice = "flite:slt") =>
    [
        new(0, "Alex", "flite:rms", "Welcome to the show about durable workflows.", 350, 0),
        new(1, "Sam", samVoice, middle, 350, 1),
        new(2, "Alex", "flite:rms", "Thanks for listening to this episode today.", 0, 2),
    ];

    // Each plan is voiced by its own orchestration run (the first production's audio, then a re-voice).
    private async Task<List<SynthesizeSegmentOutput>> VoiceAsync(List<AudioSegment> segments, string run)
    {
        TaskActivityContext context = Mock.Of<TaskActivityContext>(c => c.InstanceId == run);
        await _store.WriteJsonAsync(ArtifactNames.SegmentPlan(Id), new SegmentPlan(segments, AudioFormat.Wav), null, default);
        var outputs = new List<SynthesizeSegmentOutput>();
        for (int i = 0; i < segments.Count; i++)
        {
            outputs.Add(await _activity.RunAsync(context, new SynthesizeSegmentInput(Id, ArtifactNames.SegmentPlan(Id), i, "en")));
        }

        return outputs;
    }

    [Fact]
    public async Task RunAsync_OneSegmentsTextChangedInANewPlan_PaysOnlyForThatSegment()
    {
        List<SynthesizeSegmentOutput> first = await VoiceAsync(Segments("Checkpoints let a crashed run resume where it stopped."), Id + "-audio");

        List<SynthesizeSegmentOutput> second = await VoiceAsync(Segments("Checkpoints let a crashed run resume right where it stopped."), Id + "-revoice-1");

        Assert.Equal(4, _speech.Calls);
        Assert.Equal([true, false, true], second.Select(o => o.Usage.CacheHit));
        Assert.Equal(0m, second.Where(o => o.Usage.CacheHit).Sum(o => o.Usage.CostUsd));
        Assert.Equal([first[0].Artifact, first[2].Artifact], [second[0].Artifact, second[2].Artifact]);
        Assert.NotEqual(first[1].Artifact, second[1].Artifact);
        Assert.All(second, o => Assert.StartsWith(Id + "/speech/", o.Artifact, StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_SameTextNewVoice_PaysAgainForThatSegment()
    {
        await VoiceAsync(Segments("Checkpoints let a crashed run resume where it stopped."), Id + "-audio");

        List<SynthesizeSegmentOutput> revoiced = await VoiceAsync(Segments("Checkpoints let a crashed run resume where it stopped.", samVoice: "flite:awb"), Id + "-revoice-1");

        Assert.Equal(4, _speech.Calls);
        Assert.Equal([true, false, true], revoiced.Select(o => o.Usage.CacheHit));
    }

    [Fact]
    public async Task RunAsync_TwoSegmentsShareOneSpeechFile_EachReportsOnlyWhatItPaid()
    {
        List<AudioSegment> segments =
        [
            new(0, "Sam", "flite:slt", "That is exactly the point about checkpoints.", 350, 0),
            new(1, "Alex", "flite:rms", "Welcome back to the second half of the show.", 350, 1),
            new(2, "Sam", "flite:slt", "That is exactly the point about checkpoints.", 0, 2),
        ];

        List<SynthesizeSegmentOutput> voiced = await VoiceAsync(segments, Id + "-audio");
        // Resumed after a crash: every segment reused, each reporting only its own earlier attempt.
        List<SynthesizeSegmentOutput> resumed = await VoiceAsync(segments, Id + "-audio");

        Assert.Equal(2, _speech.Calls);
        Assert.Equal(voiced[0].Artifact, voiced[2].Artifact);
        Assert.Equal([false, false, true], voiced.Select(o => o.Usage.CacheHit));
        Assert.Equal(0m, voiced[2].Usage.ChargeUsd);
        Assert.Equal(voiced.Select(o => o.Usage.CostUsd), resumed.Select(o => o.Usage.CostUsd));
        Assert.Equal(0.088m, resumed.Sum(o => o.Usage.CostUsd));
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    /// <summary>Writes a plausible-length WAV of silence per call and counts the calls.</summary>
    private sealed class CountingSpeech : ISpeechSynthesizer
    {
        private static readonly WavFormat _format = new(8000, 1, 8);

        public int Calls { get; private set; }

        public string Name => "counting";

        public AudioFormat Format => AudioFormat.Wav;

        public int MaxInputCharacters => 600;

        public async Task<AgentUsage> SynthesizeAsync(string text, string voice, string language, Stream output, CancellationToken cancellationToken)
        {
            Calls++;
            long data = _format.ByteRate * 5L;
            await output.WriteAsync(WavHeader.CreateCanonical(_format, data), cancellationToken);
            await output.WriteAsync(new byte[data], cancellationToken);
            return new AgentUsage(AgentNames.AudioSynthesizer, Name, null, text.Length, 0, "characters", 1, text.Length / 1000m);
        }
    }
}
