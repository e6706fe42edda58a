using Microsoft.DurableTask;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using PodcastFactory.Core.Artifacts;
using PodcastFactory.Core.Audio;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Providers;
using PodcastFactory.Core.Workflow;
using PodcastFactory.Core.Workflow.Activities;
using PodcastFactory.Core.Workflow.Revoicing;

namespace PodcastFactory.Core.Tests.Workflow.Revoicing;

/// <summary>
/// Editing the lexicon re-voices only what it touches: the re-voice plans with its revision's lexicon
/// (<see cref="RevoiceInput.AsEpisodeInput"/>), and a segment's speech key covers only the entries that change it.
/// </summary>
public sealed class LexiconRevoiceTests : IDisposable
{
    private const string Id = "ep-lexicon";
    private readonly string _root = Path.Combine(Path.GetTempPath(), "pf-lexicon-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly FileSystemArtifactStore _store;
    private readonly RecordingSpeech _speech = new();

    private static readonly Script _script = new("Lexicon",
    [
        new("Alex", "Welcome back to the show about databases."),
        new("Sam", "Today we compare SQL engines."),
        new("Alex", "And we ask how Kubernetes runs them."),
        new("Sam", "Thanks for listening."),
    ], 0);

    private static readonly IReadOnlyList<HostVoice> _hosts = [new("Alex", "flite:rms"), new("Sam", "flite:slt", Style: "calm")];

    public LexiconRevoiceTests() => _store = new FileSystemArtifactStore(_root);

    // Plans the script with the run's lexicon and voices every segment, as the audio stage of that run does.
    private async Task<(SegmentPlan Plan, PlanSegmentsOutput Output)> VoiceAsync(EpisodeInput episode, string run)
    {
        await _store.WriteJsonAsync(ArtifactNames.Script(Id), _script, null, default);
        TaskActivityContext context = Mock.Of<TaskActivityContext>(c => c.InstanceId == run);
        PlanSegmentsOutput output = await new PlanSegmentsActivity(_store, _speech).RunAsync(context,
            new PlanSegmentsInput(Id, ArtifactNames.Script(Id), episode.Request.Hosts, 200, episode.Request.Language, episode.Request.Lexicon));
        var synthesize = new SynthesizeSegmentActivity(_store, _speech, new PaidStep(_store, NullLogger<PaidStep>.Instance));
        for (int i = 0; i < output.SegmentCount; i++)
        {
            await synthesize.RunAsync(context, new SynthesizeSegmentInput(Id, output.PlanArtifact, i, "en"));
        }

        return (await _store.ReadJsonAsync<SegmentPlan>(output.PlanArtifact, default), output);
    }

    private static RevoiceInput Revoice(IReadOnlyList<LexiconEntry> lexicon) =>
        new(Id, 1, "en", _hosts, new EpisodeSettings(4, 200, new CostEstimates(0, 0, 0, 0, 0)), [], [], Lexicon: lexicon);

    [Fact]
    public async Task Revoice_OneLexiconEntryChanged_SynthesizesOnlyTheSegmentItTouches()
    {
        IReadOnlyList<LexiconEntry> before = [new("SQL", "sequel"), new("Kubernetes", "koo-ber-net-eez")];
        (SegmentPlan first, _) = await VoiceAsync(Revoice(before).AsEpisodeInput(), Id + "-audio");
        _speech.Said.Clear();

        (SegmentPlan second, PlanSegmentsOutput output) = await VoiceAsync(Revoice([new("SQL", "ess cue ell"), before[1]]).AsEpisodeInput(), Id + "-revoice-1-audio");

        Assert.Equal(["Today we compare ess cue ell engines."], _speech.Said);
        Assert.Equal("Today we compare SQL engines.".Length, output.UnvoicedCharacters);
        Assert.Equal([true, false, true, true], first.Segments.Zip(second.Segments, (a, b) => a.Speech == b.Speech));
        Assert.Equal("Today we compare ess cue ell engines.", second.Segments[1].SpokenText);
        Assert.Equal("Today we compare SQL engines.", second.Segments[1].Text);
    }

    [Fact]
    public async Task Revoice_EntryAddedThatNoSegmentUses_ReusesAllSpeech()
    {
        IReadOnlyList<LexiconEntry> before = [new("SQL", "sequel")];
        (SegmentPlan first, _) = await VoiceAsync(Revoice(before).AsEpisodeInput(), Id + "-audio");
        _speech.Said.Clear();

        (SegmentPlan second, PlanSegmentsOutput output) = await VoiceAsync(Revoice([.. before, new("PostgreSQL", "postgres")]).AsEpisodeInput(), Id + "-revoice-1-audio");

        Assert.Empty(_speech.Said);
        Assert.Equal(0, output.UnvoicedCharacters);
        Assert.Equal(first.Segments.Select(s => s.Speech), second.Segments.Select(s => s.Speech));
    }

    [Fact]
    public void SpeechKey_SegmentWithoutStyleOrEntries_IsTheUndirectedKey()
    {
        string plain = SpeechContent.Hash("Thanks for listening.", "flite:rms", "local", "en", "Wav");

        Assert.Equal(plain, SpeechContent.Hash("Thanks for listening.", "flite:rms", "local", "en", "Wav", null, []));
        Assert.NotEqual(plain, SpeechContent.Hash("Thanks for listening.", "flite:rms", "local", "en", "Wav", "calm", null));
        Assert.NotEqual(plain, SpeechContent.Hash("Thanks for listening.", "flite:rms", "local", "en", "Wav", null, [new LexiconEntry("Thanks", "thank you")]));
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    // Records what it was asked to say, as the plain-text form every provider without SSML sends.
    private sealed class RecordingSpeech : ISpeechSynthesizer
    {
        private static readonly WavFormat _format = new(8000, 1, 8);

        public List<string> Said { get; } = [];

        public string Name => "recording";

        public AudioFormat Format => AudioFormat.Wav;

        public int MaxInputCharacters => 600;

        public async Task<AgentUsage> SynthesizeAsync(string text, string voice, string language, Stream output, CancellationToken cancellationToken)
        {
            Said.Add(text);
            long data = _format.ByteRate * 3L;
            await output.WriteAsync(WavHeader.CreateCanonical(_format, data), cancellationToken);
            await output.WriteAsync(new byte[data], cancellationToken);
            return new AgentUsage(AgentNames.AudioSynthesizer, Name, null, text.Length, 0, "characters", 1, text.Length / 1000m);
        }
    }
}
