using PodcastFactory.Core.Agents.Offline;

namespace PodcastFactory.Core.Tests.Agents.Offline;

/// <summary>The offline takeaways compress what a section told to its key phrases, in a frame of their own (issue 23).</summary>
public sealed class TakeawayPhrasesTests
{
    [Theory]
    [InlineData("The core idea is called durable execution.", "durable execution")]
    [InlineData("A workflow coordinates units of work known as activities.", "activities")]
    [InlineData("Versioning is one of the hardest problems.", "versioning")]
    [InlineData("A checkpoint is a durable record of progress.", "the checkpoint")]
    [InlineData("Event sourcing means that the source of truth is the sequence of events.", "event sourcing")]
    [InlineData("Azure Durable Functions is one of the engines.", "Azure Durable Functions")]
    public void KeyPhrase_NamedThingOrShortSubject_ReturnsItsPhrase(string note, string expected) =>
        Assert.Equal(expected, TakeawayPhrases.KeyPhrase(note));

    [Theory]
    [InlineData("Histories grow with every event, and very long histories make replay slower.")]
    [InlineData("The only work that may be repeated is the step that was in flight.")]
    [InlineData("It is what makes crash recovery almost free.")]
    [InlineData("")]
    public void KeyPhrase_NoShortSubjectOrName_ReturnsNull(string note) =>
        Assert.Null(TakeawayPhrases.KeyPhrase(note));

    [Fact]
    public void Restate_PhrasesTheSectionNameAlreadySays_AreLeftOut()
    {
        string takeaway = TakeawayPhrases.Restate(0, "how event sourcing and replay work",
        [
            "Replay is what makes crash recovery almost free.",
            "Event sourcing means that the source of truth is the sequence of events.",
            "Versioning is one of the hardest problems.",
            "A checkpoint is a durable record of progress.",
            "Message size is another limit.",
        ], Said());

        Assert.Equal("how event sourcing and replay work, which comes down to versioning and the checkpoint", takeaway);
    }

    [Fact]
    public void Restate_EachTakeaway_GetsItsOwnFrame()
    {
        string[] notes = ["Versioning is one of the hardest problems."];

        List<string> takeaways = [.. Enumerable.Range(0, 3).Select(k => TakeawayPhrases.Restate(k, "trade-offs", notes, Said()))];

        Assert.Equal(3, takeaways.Distinct().Count());
        Assert.All(takeaways, t => Assert.Contains("versioning", t, StringComparison.Ordinal));
        Assert.All(takeaways, t => Assert.DoesNotContain(notes[0], t, StringComparison.Ordinal));
    }

    [Fact]
    public void Restate_PhraseAnEarlierTakeawaySaid_IsNotSaidAgain()
    {
        HashSet<string> said = Said();
        string first = TakeawayPhrases.Restate(0, "background", ["The core idea is called durable execution."], said);

        string third = TakeawayPhrases.Restate(2, "trade-offs", ["Durable execution is not free.", "Versioning is one of the hardest problems."], said);

        Assert.Equal("background, which comes down to durable execution", first);
        Assert.Equal("trade-offs, so keep versioning in mind", third);
    }

    [Fact]
    public void KeyPhrase_AliasSometimesCalled_IsSkippedForTheNamedThing() =>
        Assert.Equal("activities", TakeawayPhrases.KeyPhrase("A workflow, sometimes called an orchestration, coordinates units of work known as activities."));

    [Fact]
    public void Restate_NoKeyPhrase_NamesTheSectionAlone() =>
        Assert.Equal("real-world examples", TakeawayPhrases.Restate(1, "real-world examples", ["If the payment service times out, the workflow retries with backoff."], Said()));

    [Fact]
    public void Restate_SamePhraseInTwoNotes_SaysItOnce()
    {
        string takeaway = TakeawayPhrases.Restate(2, "the basics", ["A checkpoint is a durable record.", "The checkpoint is written after every step."], Said());

        Assert.Equal("the basics, so keep the checkpoint in mind", takeaway);
    }

    static HashSet<string> Said() => new(StringComparer.Ordinal);
}
