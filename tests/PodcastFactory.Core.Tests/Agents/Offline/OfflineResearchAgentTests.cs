using PodcastFactory.Core.Agents.Offline;
using PodcastFactory.Core.Agents;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Tests.Agents.Offline;

public sealed class OfflineResearchAgentTests
{
    readonly OfflineResearchAgent _agent = new();

    static ResearchBrief Brief(string topic, string angle = "background and definitions", int angleIndex = 0, int maxNotes = 10) =>
        new(topic, angle, angleIndex, maxNotes, "en");

    [Fact]
    public async Task ResearchAsync_RelevantSentence_RankedFirstWithSourcePointer()
    {
        var sources = new[]
        {
            new SourceDocument("garden.txt", "Tomatoes need plenty of sunlight and regular watering. Basil grows well next to tomatoes in summer."),
            new SourceDocument("tech.md", "The office moved to a new building last spring.\n\nEvent sourcing stores every workflow event in an append-only history log. Lunch is served at noon in the cafeteria."),
        };

        var result = await _agent.ResearchAsync(Brief("event sourcing history"), sources, CancellationToken.None);

        ResearchNote top = result.Value.Notes[0];
        Assert.Equal("Event sourcing stores every workflow event in an append-only history log.", top.Text);
        Assert.Equal("tech.md", top.Source);
        Assert.Equal("paragraph 2, sentence 1", top.Locator);
    }

    [Fact]
    public async Task ResearchAsync_NoSources_ReturnsNoNotesAndSaysSo()
    {
        var result = await _agent.ResearchAsync(Brief("durable workflows"), [], CancellationToken.None);

        Assert.False(result.Value.HasSources);
        Assert.Empty(result.Value.Notes);
        Assert.Contains("No sources were supplied", result.Value.Summary, StringComparison.Ordinal);
        Assert.Contains("nothing is stated as fact", result.Value.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResearchAsync_SameInputTwice_ReturnsEqualNotes()
    {
        var first = await _agent.ResearchAsync(AgentTestData.ResearchBrief(), [AgentTestData.Fixture()], CancellationToken.None);
        var second = await _agent.ResearchAsync(AgentTestData.ResearchBrief(), [AgentTestData.Fixture()], CancellationToken.None);

        Assert.Equal(first.Value.Summary, second.Value.Summary);
        Assert.Equal(first.Value.Notes, second.Value.Notes);
    }

    [Fact]
    public async Task ResearchAsync_DifferentAngles_SurfaceDifferentNotes()
    {
        var challenges = await _agent.ResearchAsync(AgentTestData.ResearchBrief("challenges and trade-offs", 2, 5), [AgentTestData.Fixture()], CancellationToken.None);
        var examples = await _agent.ResearchAsync(AgentTestData.ResearchBrief("real-world examples", 3, 5), [AgentTestData.Fixture()], CancellationToken.None);

        // In the fixture, paragraphs 13-16 are "Challenges and trade-offs" and 17-19 are "Real-world examples".
        Assert.NotEqual(challenges.Value.Notes.Select(n => n.Text), examples.Value.Notes.Select(n => n.Text));
        Assert.True(challenges.Value.Notes.Count(n => Paragraph(n) is >= 13 and <= 16) >= 2, Describe(challenges.Value));
        Assert.True(examples.Value.Notes.Count(n => Paragraph(n) is >= 17 and <= 19) >= 2, Describe(examples.Value));
    }

    static int Paragraph(ResearchNote note) => int.Parse(note.Locator!.Split(' ', ',')[1], System.Globalization.CultureInfo.InvariantCulture);

    static string Describe(ResearchNotes notes) => string.Join(" | ", notes.Notes.Select(n => $"{n.Locator}: {n.Text}"));

    [Fact]
    public async Task ResearchAsync_FutureOutlookAngle_SurfacesOutlookParagraph()
    {
        var result = await _agent.ResearchAsync(AgentTestData.ResearchBrief("future outlook", 4, 5), [AgentTestData.Fixture()], CancellationToken.None);

        // Paragraph 20 is the fixture's "Future outlook" section.
        Assert.Contains(result.Value.Notes, n => Paragraph(n) == 20);
    }

    [Fact]
    public async Task ResearchAsync_Fixture_NotesAreVerbatimSourceSentencesWithPointers()
    {
        SourceDocument fixture = AgentTestData.Fixture();

        var result = await _agent.ResearchAsync(AgentTestData.ResearchBrief(maxNotes: 20), [fixture], CancellationToken.None);

        Assert.Equal(20, result.Value.Notes.Count);
        Assert.All(result.Value.Notes, n =>
        {
            Assert.Equal(AgentTestData.FixtureName, n.Source);
            Assert.Matches(@"^paragraph \d+, sentences? \d+(-\d+)?$", n.Locator);
            Assert.All(n.Text.Split(' '), word => Assert.Contains(word.TrimEnd('.', ',', '?', '!'), fixture.Text, StringComparison.Ordinal));
        });
        Assert.Equal(result.Value.Notes.OrderByDescending(n => n.Score).Select(n => n.Score), result.Value.Notes.Select(n => n.Score));
    }

    [Fact]
    public async Task ResearchAsync_MarkdownSource_StripsSyntaxAndDropsFragments()
    {
        const string markdown = "# Replay basics\n\n**Replay** rebuilds state from the [event history](https://example.com/history). Too short.\n\n> Checkpoints are _written_ after every `await` in the orchestrator.";

        var result = await _agent.ResearchAsync(Brief("replay checkpoints history"), [new SourceDocument("doc.md", markdown)], CancellationToken.None);

        Assert.Equal(
            ["Checkpoints are written after every await in the orchestrator.", "Replay rebuilds state from the event history."],
            result.Value.Notes.Select(n => n.Text).Order());
    }

    [Fact]
    public async Task ResearchAsync_NearDuplicateSentences_KeepsOne()
    {
        var sources = new[]
        {
            new SourceDocument("a.txt", "Activities should be idempotent because they may run twice after a crash."),
            new SourceDocument("b.txt", "Activities should be idempotent because they might run twice after a crash."),
        };

        var result = await _agent.ResearchAsync(Brief("idempotent activities"), sources, CancellationToken.None);

        ResearchNote note = Assert.Single(result.Value.Notes);
        Assert.Equal("a.txt", note.Source);
    }

    [Fact]
    public async Task ResearchAsync_MaxNotes_LimitsNoteCount()
    {
        var result = await _agent.ResearchAsync(AgentTestData.ResearchBrief(maxNotes: 3), [AgentTestData.Fixture()], CancellationToken.None);

        Assert.Equal(3, result.Value.Notes.Count);
    }

    [Fact]
    public async Task ResearchAsync_AnyCall_ReportsOfflineWordUsageAtZeroCost()
    {
        var result = await _agent.ResearchAsync(AgentTestData.ResearchBrief(), [AgentTestData.Fixture()], CancellationToken.None);

        AgentUsage usage = result.Usage;
        Assert.Equal((AgentNames.Research, "offline", (string?)null, "words", 0m), (usage.Agent, usage.Provider, usage.Model, usage.UnitKind, usage.CostUsd));
        Assert.True(usage.InputUnits > 1000);
        Assert.Equal(result.Value.Notes.Sum(n => TextStats.CountWords(n.Text)) + TextStats.CountWords(result.Value.Summary), usage.OutputUnits);
    }
}
