using PodcastFactory.Core.Agents.Offline;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Tests.Agents.Offline;

public sealed class ClaimPhrasesTests
{
    static readonly List<ResearchNote> _notes =
    [
        new("A checkpoint is a durable record of the progress of an orchestration.", "a.md", "1", 1),
        new("Every retry reads the idempotency key of the payment provider.", "a.md", "2", 1),
        new("The orchestration replays its history after a crash.", "a.md", "3", 1),
    ];

    [Fact]
    public void For_SameNotesList_BuildsTheCountsOnce()
    {
        Assert.Same(ClaimPhrases.For(_notes), ClaimPhrases.For(_notes));
    }

    [Fact]
    public void For_AnotherList_CountsItsOwnNotes()
    {
        List<ResearchNote> other = [.. _notes];

        Assert.NotSame(ClaimPhrases.For(_notes), ClaimPhrases.For(other));
    }

    [Fact]
    public void KeyPhrase_SharedInstance_AnswersAsAFreshOne()
    {
        ClaimPhrases shared = ClaimPhrases.For(_notes);
        string[] first = [.. _notes.Select(n => shared.KeyPhrase(n.Text) ?? "")];

        string[] fresh = [.. _notes.Select(n => new ClaimPhrases(_notes).KeyPhrase(n.Text) ?? "")];

        Assert.Equal(fresh, first);
        Assert.Equal("idempotency key", shared.KeyPhrase(_notes[1].Text));
    }
}
