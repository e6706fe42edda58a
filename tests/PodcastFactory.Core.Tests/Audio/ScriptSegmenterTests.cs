using System.Text.Json;
using PodcastFactory.Core.Audio;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Tests.Audio;

public sealed class ScriptSegmenterTests
{
    static readonly IReadOnlyList<HostVoice> _hosts = [new("Alex", "en-us+m3"), new("Sam", "en-us+f3")];

    static Script ScriptOf(params (string Speaker, string Text)[] turns) =>
        new("Test", [.. turns.Select(t => new ScriptTurn(t.Speaker, t.Text))], 0);

    [Fact]
    public void Split_ShortTurns_OneSegmentPerTurnInOrder()
    {
        var script = ScriptOf(("Alex", "Welcome to the show. Today we talk about bees."), ("Sam", "Thanks, Alex! Bees are amazing."));

        IReadOnlyList<AudioSegment> segments = new ScriptSegmenter(200).Split(script, _hosts);

        Assert.Equal(["Welcome to the show. Today we talk about bees.", "Thanks, Alex! Bees are amazing."], segments.Select(s => s.Text));
        Assert.Equal([0, 1], segments.Select(s => s.Index));
    }

    [Fact]
    public void Split_TurnOverLimit_SplitsOnSentenceBoundariesAndMergesShortOnes()
    {
        var script = ScriptOf(("Alex", "One two three. Four five six. Seven eight nine ten eleven twelve. Thirteen."));

        IReadOnlyList<AudioSegment> segments = new ScriptSegmenter(30).Split(script, _hosts);

        Assert.Equal(["One two three. Four five six.", "Seven eight nine ten eleven", "twelve. Thirteen."], segments.Select(s => s.Text));
    }

    [Fact]
    public void Split_LongScript_EverySegmentWithinLimitAndNoWordLost()
    {
        string sentence = "The quick brown fox, which was rather tired, jumped over the lazy dog; then it rested. ";
        var script = ScriptOf(("Alex", string.Concat(Enumerable.Repeat(sentence, 12))), ("Sam", "Short reply."), ("alex", sentence));

        IReadOnlyList<AudioSegment> segments = new ScriptSegmenter(50).Split(script, _hosts);

        Assert.All(segments, s => Assert.InRange(s.Text.Length, 1, 50));
        string original = string.Join(' ', script.Turns.Select(t => t.Text.Trim()));
        Assert.Equal(TextStats.CountWords(original), segments.Sum(s => TextStats.CountWords(s.Text)));
        Assert.Equal(original.Replace(" ", "", StringComparison.Ordinal), string.Concat(segments.Select(s => s.Text.Replace(" ", "", StringComparison.Ordinal))));
    }

    [Fact]
    public void Split_ConsecutiveShortTurns_NeverMixSpeakers()
    {
        var script = ScriptOf(("Alex", "Hi."), ("Sam", "Hello."), ("Alex", "Ready?"), ("Sam", "Yes."));

        IReadOnlyList<AudioSegment> segments = new ScriptSegmenter(4000).Split(script, _hosts);

        Assert.Equal(["Alex", "Sam", "Alex", "Sam"], segments.Select(s => s.Speaker));
        Assert.Equal(["Hi.", "Hello.", "Ready?", "Yes."], segments.Select(s => s.Text));
    }

    [Fact]
    public void Split_SpeakerNameInOtherCase_UsesThatHostsVoice()
    {
        var script = ScriptOf(("ALEX", "First."), ("sam", "Second."));

        IReadOnlyList<AudioSegment> segments = new ScriptSegmenter(100).Split(script, _hosts);

        Assert.Equal(["en-us+m3", "en-us+f3"], segments.Select(s => s.Voice));
        Assert.Equal(["Alex", "Sam"], segments.Select(s => s.Speaker));
    }

    [Fact]
    public void Split_SentenceLongerThanLimit_CutsAtClauseThenWordBoundaries()
    {
        var script = ScriptOf(("Sam", "Honeybees communicate through dances, which tell others where flowers are found today."));

        IReadOnlyList<AudioSegment> segments = new ScriptSegmenter(40).Split(script, _hosts);

        Assert.Equal(["Honeybees communicate through dances,", "which tell others where flowers are", "found today."], segments.Select(s => s.Text));
    }

    [Fact]
    public void Split_WordLongerThanLimit_CutsMidWord()
    {
        var script = ScriptOf(("Sam", new string('a', 40)));

        IReadOnlyList<AudioSegment> segments = new ScriptSegmenter(16).Split(script, _hosts);

        Assert.Equal([16, 16, 8], segments.Select(s => s.Text.Length));
    }

    [Fact]
    public void Split_UnknownSpeaker_ThrowsNamingSpeakerAndTurn()
    {
        var script = ScriptOf(("Alex", "Hi."), ("Jordan", "Who am I?"));

        var error = Assert.Throws<ArgumentException>(() => new ScriptSegmenter(100).Split(script, _hosts));

        Assert.Contains("Turn 2", error.Message, StringComparison.Ordinal);
        Assert.Contains("'Jordan'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Alex, Sam", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Split_MultiSegmentTurns_LongerPauseAtTurnEndAndNoneAtEpisodeEnd()
    {
        var script = ScriptOf(("Alex", "First sentence is here. Second sentence is here."), ("Sam", "Reply one is here. Reply two is here."));

        IReadOnlyList<AudioSegment> segments = new ScriptSegmenter(25, turnPauseMs: 350, sentencePauseMs: 120).Split(script, _hosts);

        Assert.Equal([120, 350, 120, 0], segments.Select(s => s.PauseAfterMs));
    }

    [Fact]
    public void Split_PausesFollowTheConversation_LongBeforeAChapterShortAfterAQuickReaction()
    {
        var script = new Script("T",
        [
            new ScriptTurn("Alex", "Durable workflows record every step they finish."),
            new ScriptTurn("Sam", "Right, that makes sense."),
            new ScriptTurn("Alex", "So what happens after a crash then?"),
            new ScriptTurn("Sam", "Another worker replays the history and carries on."),
            new ScriptTurn("Alex", "Next up: the costs of all this bookkeeping.", Chapter: "Costs"),
        ], 0);

        IReadOnlyList<AudioSegment> segments = new ScriptSegmenter(500, turnPauseMs: 400, sentencePauseMs: 120).Split(script, _hosts);

        Assert.Equal([400, 240, 520, 1000, 0], segments.Select(s => s.PauseAfterMs));
    }

    [Fact]
    public void Plan_SerializedWithSystemTextJson_RoundTrips()
    {
        var script = ScriptOf(("Alex", "Hello there. How are you?"), ("Sam", "Fine, thanks."));
        SegmentPlan plan = new ScriptSegmenter(4000).Plan(script, _hosts, AudioFormat.Wav);

        string json = JsonSerializer.Serialize(plan, JsonSerializerOptions.Web);
        SegmentPlan? back = JsonSerializer.Deserialize<SegmentPlan>(json, JsonSerializerOptions.Web);

        Assert.Contains("\"format\":\"Wav\"", json, StringComparison.Ordinal);
        Assert.NotNull(back);
        Assert.Equal(plan.Format, back.Format);
        Assert.Equal(plan.Segments, back.Segments);
    }
}
