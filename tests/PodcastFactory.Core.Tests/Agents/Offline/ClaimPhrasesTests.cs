using PodcastFactory.Core.Agents.Offline;

namespace PodcastFactory.Core.Tests.Agents.Offline;

public sealed class ClaimPhrasesTests
{
    [Theory]
    [InlineData("A checkpoint is a durable record of progress.", "a checkpoint", "is")]
    [InlineData("Event sourcing means the history of events is the source of truth.", "event sourcing", "means")]
    [InlineData("Sub-orchestrations are a way to split a workflow.", "sub-orchestrations", "are")]
    public void Definition_DefiningSentence_ReturnsItsSubjectAndVerb(string note, string subject, string verb)
    {
        Assert.Equal((subject, verb), ClaimPhrases.Definition(note));
    }

    [Theory]
    [InlineData("The orchestration replays its history after a crash.")]
    [InlineData("It is a durable record.")]
    public void Definition_NoDefinition_ReturnsNull(string note)
    {
        Assert.Null(ClaimPhrases.Definition(note));
    }
}
