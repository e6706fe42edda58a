using PodcastFactory.Core.Agents;
using PodcastFactory.Core.Agents.Offline;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Tests.Agents;

/// <summary>How series memory recognises a claim an earlier episode made, and where the offline script refers back.</summary>
public sealed class SeriesClaimsTests
{
    [Theory]
    [InlineData("Replays re-run the orchestrator's code.", "The orchestrator code is re-run by replay!")]
    [InlineData("Checkpoints are written before each step returns.", "  CHECKPOINTS are WRITTEN, before each step returns  ")]
    public void Hash_NearIdenticalClaims_HashAlike(string a, string b)
    {
        Assert.Equal(ClaimKeys.Hash(a), ClaimKeys.Hash(b));
        Assert.Equal(ClaimKeys.HashLength, ClaimKeys.Hash(a)!.Length);
    }

    [Fact]
    public void Hash_AnotherFact_HashesDifferently()
    {
        Assert.NotEqual(ClaimKeys.Hash("Timers are durable too."), ClaimKeys.Hash("Timers are not durable in classic batch systems."));
        Assert.Null(ClaimKeys.Hash("It is what it is."));
        Assert.Null(ClaimKeys.Hash(null));
    }

    [Fact]
    public void Contains_ClaimByHashOrAsARewordedKeyPoint_IsCovered()
    {
        var earlier = new BibleEpisode(1, "ep-1", "T", "S", ["Every completed step is recorded in an append-only history by the engine."],
            [ClaimKeys.Hash("Timers are durable too.")!]);
        var covered = new CoveredClaims([earlier]);

        Assert.True(covered.Contains("Timers are durable too."));
        Assert.True(covered.Contains("The engine records every completed step in an append-only history."));
        Assert.False(covered.Contains("Versioning is one of the hardest problems."));
        Assert.True(new CoveredClaims(null).IsEmpty);
    }

    [Fact]
    public async Task OfflineResearch_CoveredSentences_RankAfterEveryNewOne()
    {
        SourceDocument source = AgentTestData.Fixture();
        var agent = new OfflineResearchAgent();
        ResearchNotes plain = (await agent.ResearchAsync(AgentTestData.ResearchBrief(maxNotes: 500), [source], CancellationToken.None)).Value;
        List<string> top = [.. plain.Notes.Take(3).Select(n => n.Text)];
        var earlier = new BibleEpisode(1, "ep-1", "T", "S", [], [.. top.Select(t => ClaimKeys.Hash(t)!)]);

        ResearchNotes remembered = (await agent.ResearchAsync(AgentTestData.ResearchBrief(maxNotes: 500) with { Earlier = [earlier] }, [source], CancellationToken.None)).Value;

        List<string> texts = [.. remembered.Notes.Select(n => n.Text)];
        Assert.All(top, t => Assert.True(texts.IndexOf(t) >= texts.Count - top.Count, $"covered note at {texts.IndexOf(t)} of {texts.Count}"));
        Assert.All(top, t => Assert.True(remembered.Notes.Single(n => n.Text == t).Score < plain.Notes.Single(n => n.Text == t).Score));
    }

    [Fact]
    public void Find_NoteSharingThreeStemsWithAnEarlierPoint_RefersToTheNewestSuchEpisodeOnce()
    {
        ResearchNotes research = AgentTestData.SmallResearch(3) with
        {
            Earlier =
            [
                new BibleEpisode(1, "ep-1", "Old", "S", [AgentTestData.SmallResearch(3).Notes[1].Text], []),
                new BibleEpisode(4, "ep-4", "Newer", "S", [AgentTestData.SmallResearch(3).Notes[1].Text], []),
            ],
        };

        BackReference? back = BackReferences.Find(research, [0, 1, 2]);

        Assert.NotNull(back);
        Assert.Equal((1, 4), (back.Note, back.Episode.Number));
        Assert.Equal("Back in episode 4 we talked about Newer, and this builds on it.", back.Line);
        Assert.Null(BackReferences.Find(research with { Earlier = null }, [0, 1, 2]));
        Assert.Null(BackReferences.Find(research with { Earlier = [new BibleEpisode(1, "ep-1", "Old", "S", ["Nothing alike here whatsoever."], [])] }, [0, 1, 2]));
    }

    [Fact]
    public void In_ScriptNamingEpisodes_ListsOnlyEarlierOnesItNames()
    {
        var script = new Script("T", [new ScriptTurn("Alex", "Back in Episode 2 we covered replay."), new ScriptTurn("Sam", "And episode 9 is next year; episode 23 too.")], 0);
        BibleEpisode[] earlier = [new(1, "ep-1", "One", "S", [], []), new(2, "ep-2", "Two", "S", [], []), new(23, "ep-23", "Late", "S", [], [])];

        Assert.Equal([2, 23], SeriesReferences.In(script, earlier).Select(e => e.Number));
        Assert.Empty(SeriesReferences.In(script, null));
    }
}
