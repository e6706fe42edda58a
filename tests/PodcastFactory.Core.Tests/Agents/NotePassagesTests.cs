using PodcastFactory.Core.Agents;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Tests.Agents;

public sealed class NotePassagesTests
{
    [Fact]
    public void Attach_NoteFromASource_GetsTheParagraphAroundIt()
    {
        var source = new SourceDocument("notes.md", "# Replay\n\nThe engine keeps a history of events. After a crash it replays that history. Nothing runs twice.\n\n# Timers\n\nTimers are durable too.");
        var notes = new ResearchNotes("t", "a", "", [new ResearchNote("After a crash it replays that history.", "notes.md", "sentence 2", 1)], true);

        ResearchNote note = Assert.Single(NotePassages.Attach(notes, [source]).Notes);

        Assert.Equal("The engine keeps a history of events. After a crash it replays that history. Nothing runs twice.", note.Passage);
    }

    [Fact]
    public void Attach_LongParagraph_KeepsTheSentencesAroundTheNoteWithinTheBound()
    {
        string filler = string.Join(" ", Enumerable.Range(1, 40).Select(i => $"Filler sentence number {i} talks about something else entirely."));
        var source = new SourceDocument("long.txt", filler + " Checkpoints are written to durable storage after every step. " + filler);
        var notes = new ResearchNotes("t", "a", "", [new ResearchNote("Checkpoints are written to durable storage after every step.", "long.txt", null, 1)], true);

        string passage = Assert.Single(NotePassages.Attach(notes, [source]).Notes).Passage!;

        Assert.InRange(passage.Length, 100, NotePassages.MaxPassageCharacters);
        Assert.Contains("Checkpoints are written to durable storage after every step.", passage, StringComparison.Ordinal);
    }

    [Fact]
    public void Attach_NoteFromAnUnknownSource_KeepsNoPassage()
    {
        var notes = new ResearchNotes("t", "a", "", [new ResearchNote("Something.", "other.md", null, 1)], true);

        Assert.Null(Assert.Single(NotePassages.Attach(notes, [new SourceDocument("notes.md", "Something else here.")]).Notes).Passage);
    }
}
