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

    private async Task<List<SynthesizeSegmentOutput>> VoiceAsync(List<AudioSegment> segments)
    {
        await _store.WriteJsonAsync(ArtifactNames.SegmentPlan(Id), new SegmentPlan(segments, AudioFormat.Wav), null, default);
        var outputs = new List<SynthesizeSegmentOutput>();
        for (int i = 0; i < segments.Count; i++)
        {
            outputs.Add(await _activity.RunAsync(Mock.Of<TaskActivityContext>(), new SynthesizeSegmentInput(Id, ArtifactNames.SegmentPlan(Id), i, "en")));
        }

        return outputs;
    }

    [Fact]
    public async Task RunAsync_OneSegmentsTextChangedInANewPlan_PaysOnlyForThatSegment()
    {
        List<SynthesizeSegmentOutput> first = await VoiceAsync(Segments("Checkpoints let a crashed run resume where it stopped."));

        List<SynthesizeSegmentOutput> second = await VoiceAsync(Segments("Checkpoints let a crashed run resume right where it stopped."));

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
        await VoiceAsync(Segments("Checkpoints let a crashed run resume where it stopped."));

        List<SynthesizeSegmentOutput> revoiced = await VoiceAsync(Segments("Checkpoints let a crashed run resume where it stopped.", samVoice: "flite:awb"));

        Assert.Equal(4, _speech.Calls);
        Assert.Equal([true, false, true], revoiced.Select(o => o.Usage.CacheHit));
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
