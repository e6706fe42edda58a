using PodcastFactory.Core.Agents;
using PodcastFactory.Core.Agents.Offline;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Tests.Agents.Offline;

/// <summary>Plain-text sources (no Markdown): headings, numbered headings, "Label: explanation" bullets and numbered steps.</summary>
public sealed class PlainTextSourcesTests
{
    static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    [Fact]
    public void Sections_PlainTitleLinesBetweenParagraphs_AreHeadingsNotGluedToTheNextSentence()
    {
        List<SourceParagraph> sections = SourceBlocks.Sections(Fixture("community-gardens.txt"));

        Assert.Equal(["Starting a Community Garden That Lasts", "Why Gardens Fail", "The Four Roles Every Garden Needs", "How to Start in Five Steps", "What a Garden Gives Back"],
            sections.Select(s => s.Heading).Distinct());
        Assert.DoesNotContain(sections, s => s.Text.Contains("Why Gardens Fail", StringComparison.Ordinal) || s.Text.StartsWith("The Four Roles", StringComparison.Ordinal));
        Assert.StartsWith("The most common reason", sections.First(s => s.Heading == "Why Gardens Fail").Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Sections_NumberedHeadings_HeadTheirSectionsAndTheStepsInsideStaySteps()
    {
        List<SourceParagraph> sections = SourceBlocks.Sections(Fixture("city-water.txt"));

        Assert.Contains(sections, s => s.Heading == "1. The Source" || s.Heading == "The Source");
        string steps = Assert.Single(sections, s => s.Text.StartsWith("First, coagulation", StringComparison.Ordinal)).Text;
        Assert.Contains("Then, sedimentation lets", steps, StringComparison.Ordinal);
        Assert.EndsWith("Finally, disinfection uses chlorine or ultraviolet light to kill bacteria and viruses.", steps, StringComparison.Ordinal);
        Assert.False(SpokenTextChecks.FoldedList(steps));
    }

    [Fact]
    public void Sections_LabelBullets_BecomeOneSentenceEach()
    {
        List<string> paragraphs = SourceBlocks.Paragraphs(Fixture("community-gardens.txt"));

        Assert.Contains("Treasurer: Collects the small plot fees and pays for water, seeds and insurance.", paragraphs);
        Assert.Contains("Compost lead: Turns the shared compost piles and teaches new members what goes in them.", paragraphs);
    }

    [Fact]
    public void Sections_MarkdownStepsAfterALeadIn_AreNotFoldedIntoTheLeadIn()
    {
        const string text = "The plan has five parts:\n\n1. Define the goal of the system\n2. Pick the agents and their tools\n3. Write the hand-off rules between agents\n4. Add a reviewer that checks each answer\n5. Agent Assignment and AI Skills\n\nThat is the whole plan.";

        List<string> paragraphs = SourceBlocks.Paragraphs(text);

        Assert.Contains("The plan has five parts:", paragraphs);
        Assert.Contains(paragraphs, p => p.StartsWith("First, define the goal of the system. Then, pick the agents", StringComparison.Ordinal)
            && p.EndsWith("Finally, agent Assignment and AI Skills.", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("community-gardens.txt", "Community gardens")]
    [InlineData("city-water.txt", "City water systems")]
    public async Task WriteAsync_PlainTextArticleAtFiveMinutes_EverySectionHeardAndTheSpokenTextPasses(string name, string topic)
    {
        var source = new SourceDocument(name, Fixture(name));
        var agent = new OfflineResearchAgent();
        var angles = new List<ResearchNotes>();
        for (int i = 0; i < 3; i++)
        {
            angles.Add(NotePassages.Attach((await agent.ResearchAsync(new(topic, PodcastFactory.Core.Workflow.EpisodePlanner.AllAngles[i], i, 12, "en"), [source], CancellationToken.None)).Value, [source]));
        }

        ResearchNotes research = PodcastFactory.Core.Workflow.Activities.MergeResearchActivity.Merge(topic, angles);
        var brief = new ScriptBrief(topic, EpisodeRequest.DefaultHosts, 5, "en", 4000);
        Script script = (await new OfflineScriptAgent().WriteAsync(brief, research, CancellationToken.None)).Value;
        ScriptReview review = (await new OfflineEvaluatorAgent().EvaluateAsync(brief, script, research, CancellationToken.None)).Value;

        HashSet<string?> heard = script.Turns.SelectMany(t => t.Claims ?? []).Select(i => research.Notes[i].Section).ToHashSet();
        HashSet<string> sections = SourceBlocks.Sections(source.Text).Where(s => s.Heading is not null).Select(s => s.Heading!).ToHashSet();
        Assert.True(sections.Count(heard.Contains) >= sections.Count - 1, $"heard {heard.Count} of {sections.Count} sections");
        ReviewCheck spoken = Assert.Single(review.Checks, c => c.Name == CheckNames.SpokenText);
        Assert.True(spoken.Passed, spoken.Detail);
        Assert.True(review.Checks.Single(c => c.Name == FactCheck.CheckName).Passed);
    }

    [Theory]
    [InlineData("durable-workflows.md", 3)]
    [InlineData("durable-workflows.md", 5)]
    [InlineData("community-gardens.txt", 3)]
    [InlineData("city-water.txt", 10)]
    public async Task Pipeline_SourceAndLength_TheOfflineReviewPassesTheFirstDraft(string name, int minutes)
    {
        var source = new SourceDocument(name, Fixture(name));
        var agent = new OfflineResearchAgent();
        var angles = new List<ResearchNotes>();
        for (int i = 0; i < 3; i++)
        {
            angles.Add(NotePassages.Attach((await agent.ResearchAsync(new("Topic", PodcastFactory.Core.Workflow.EpisodePlanner.AllAngles[i], i, 12, "en"), [source], CancellationToken.None)).Value, [source]));
        }

        ResearchNotes research = PodcastFactory.Core.Workflow.Activities.MergeResearchActivity.Merge("Topic", angles);
        var brief = new ScriptBrief("Topic", EpisodeRequest.DefaultHosts, minutes, "en", 600);
        Script script = (await new OfflineScriptAgent().WriteAsync(brief, research, CancellationToken.None)).Value;

        ScriptReview review = (await new OfflineEvaluatorAgent().EvaluateAsync(brief, script, research, CancellationToken.None)).Value;

        Assert.True(review.Passed, string.Join(" | ", review.Checks.Where(c => !c.Passed).Select(c => c.Name + ": " + c.Detail)));
    }
}
