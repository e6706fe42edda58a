using PodcastFactory.Core.Agents;
using PodcastFactory.Core.Agents.Offline;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Workflow;

namespace PodcastFactory.Core.Tests.Agents.Offline;

public sealed class OfflineScriptArcTests
{
    readonly OfflineScriptAgent _agent = new();

    // The fixture's notes, spread over the first three angles as the merge hands them over.
    static async Task<ResearchNotes> AngledResearchAsync()
    {
        ResearchNotes research = await AgentTestData.MergedResearchAsync();
        return research with { Notes = research.Notes.Select((n, i) => n with { Angle = EpisodePlanner.AllAngles[i % 3] }).ToList() };
    }

    [Fact]
    public async Task WriteAsync_NotesFromThreeAngles_IntroSectionsInArcOrderAndRecapAsChapters()
    {
        ResearchNotes research = await AngledResearchAsync();

        Script script = (await _agent.WriteAsync(AgentTestData.Brief(minutes: 5), research, CancellationToken.None)).Value;

        Assert.Equal(["Introduction", "What it is", "How it works", "What goes wrong", "Takeaways"],
            script.Turns.Select(t => t.Chapter).OfType<string>());
        Assert.Contains("what it is, how it works and what can go wrong", script.Turns[1].Text, StringComparison.Ordinal);
        Assert.Contains("how it works in practice", script.Turns.Single(t => t.Chapter == "How it works").Text, StringComparison.Ordinal);
        ScriptTurn recap = script.Turns.Single(t => t.Chapter == "Takeaways");
        Assert.Contains("how it works", recap.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(research.Notes, n => recap.Text.Contains(n.Text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task WriteAsync_Fixture_NoConnectingSentenceSaidTwice()
    {
        ResearchNotes research = await AngledResearchAsync();

        Script script = (await _agent.WriteAsync(AgentTestData.Brief(minutes: 10), research, CancellationToken.None)).Value;

        List<string> connecting = script.Turns.Where(t => t.Claims is null)
            .SelectMany(t => SentenceSplitter.SplitSentences(t.Text)).ToList();
        Assert.Equal(connecting.Count, connecting.Distinct().Count());
    }

    [Fact]
    public async Task WriteAsync_HeadedSource_EachSectionAsksAboutItsHeadingAndTheNextTurnAnswers()
    {
        ResearchNotes research = NotePassages.Attach(await AngledResearchAsync(), [AgentTestData.Fixture()]);

        Script script = (await _agent.WriteAsync(AgentTestData.Brief(minutes: 5), research, CancellationToken.None)).Value;

        List<ScriptTurn> openings = script.Turns.Skip(1).Where(t => t.Chapter is not null and not "Takeaways").ToList();
        Assert.True(openings.Count >= 3, $"{openings.Count} sections");
        Assert.All(openings, opening =>
        {
            Assert.EndsWith("?", opening.Text, StringComparison.Ordinal);
            ScriptTurn answer = script.Turns[script.Turns.ToList().IndexOf(opening) + 1];
            Assert.NotEqual(opening.Speaker, answer.Speaker);
            Assert.Equal(opening.Chapter, research.Notes[Assert.Single(answer.Claims!)].Section);
        });
    }

    [Fact]
    public async Task WriteAsync_DefinitionQuestion_IsAboutTheSubjectOfTheNoteThatAnswersIt()
    {
        ResearchNotes research = await AngledResearchAsync();

        Script script = (await _agent.WriteAsync(AgentTestData.Brief(minutes: 10), research, CancellationToken.None)).Value;

        var questions = script.Turns.Zip(script.Turns.Skip(1)).Where(p => p.First.Claims is null && p.First.Text.EndsWith('?') && p.Second.Claims is { Count: 1 }).ToList();
        Assert.NotEmpty(questions);
        Assert.All(questions, p =>
        {
            HashSet<string> asked = TextTokenizer.TokenSet(SentenceSplitter.SplitSentences(p.First.Text)[^1]);
            Assert.True(asked.Overlaps(TextTokenizer.TokenSet(research.Notes[p.Second.Claims![0]].Text)), $"{p.First.Text} -> {p.Second.Text}");
        });
    }

    [Fact]
    public async Task WriteAsync_SameAngledInputTwice_ReturnsEqualScripts()
    {
        ResearchNotes research = await AngledResearchAsync();
        ScriptBrief brief = AgentTestData.Brief(minutes: 5);

        Script first = (await _agent.WriteAsync(brief, research, CancellationToken.None)).Value;
        Script second = (await _agent.WriteAsync(brief, research, CancellationToken.None)).Value;

        Assert.Equal(first.Turns.Select(t => (t.Speaker, t.Text, t.Chapter)), second.Turns.Select(t => (t.Speaker, t.Text, t.Chapter)));
    }
}
