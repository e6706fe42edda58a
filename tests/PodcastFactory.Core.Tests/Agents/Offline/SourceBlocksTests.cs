using PodcastFactory.Core.Agents.Offline;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Tests.Agents.Offline;

public sealed class SourceBlocksTests
{
    [Fact]
    public void Paragraphs_BoldTitleDirectlyAboveText_TitleIsNotGluedToTheSentence()
    {
        List<string> paragraphs = SourceBlocks.Paragraphs("**What Orchestration Actually Means**\nOrchestration is not just running multiple agents.");

        Assert.Equal(["Orchestration is not just running multiple agents."], paragraphs);
    }

    [Fact]
    public void Paragraphs_PlainTitleLineDirectlyAboveText_TitleDropped()
    {
        List<string> paragraphs = SourceBlocks.Paragraphs("Why Agents Need A Plan\nA single prompt can only hold so much context at once.");

        Assert.Equal(["A single prompt can only hold so much context at once."], paragraphs);
    }

    [Fact]
    public void Paragraphs_SetextQuestionTitle_Dropped()
    {
        List<string> paragraphs = SourceBlocks.Paragraphs("What is a hand-off?\n-------------------\nA hand-off passes control of a task to another agent.");

        Assert.Equal(["A hand-off passes control of a task to another agent."], paragraphs);
    }

    [Fact]
    public void Paragraphs_HardWrappedProse_KeptWhole()
    {
        List<string> paragraphs = SourceBlocks.Paragraphs("The planner splits a goal into tasks and hands\neach task to a worker agent.");

        Assert.Equal(["The planner splits a goal into tasks and hands each task to a worker agent."], paragraphs);
    }

    [Fact]
    public void Paragraphs_ShortListAfterLeadIn_JoinedToTheLeadIn()
    {
        List<string> paragraphs = SourceBlocks.Paragraphs("Three patterns cover most systems:\n\n- Sequential pipelines.\n- Parallel fan-out.\n- Hierarchical delegation.");

        Assert.Equal(["Three patterns cover most systems: sequential pipelines, parallel fan-out and hierarchical delegation."], paragraphs);
    }

    [Fact]
    public void Paragraphs_ListWithoutLeadIn_Dropped()
    {
        List<string> paragraphs = SourceBlocks.Paragraphs("## Key Takeaways\n\n- Keep each agent's role narrow.\n- Put a limit on every loop.\n\nAgents work best with short prompts and few tools.");

        Assert.Equal(["Agents work best with short prompts and few tools."], paragraphs);
    }

    [Fact]
    public void Paragraphs_NavigationTablesAndCode_Dropped()
    {
        const string text = "[Skip to content](#main)\n\nHome | Blog | Guides | About\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```python\nplan = planner.run(goal)\n```\n\n"
            + "Subscribe to our newsletter for more guides like this one.\n\nThe orchestrator keeps the overall plan in view.";

        Assert.Equal(["The orchestrator keeps the overall plan in view."], SourceBlocks.Paragraphs(text));
    }

    [Fact]
    public void Split_SentenceThatLeansOnThePreviousOne_JoinedToIt()
    {
        var document = new SourceDocument("doc.md", "Orchestration is not just running agents. It is the discipline of deciding who does what. Costs grow with every hand-off.");

        IReadOnlyList<SourceSentence> sentences = SentenceSplitter.Split(document, 0);

        Assert.Equal(
            [("Orchestration is not just running agents. It is the discipline of deciding who does what.", "sentences 1-2"), ("Costs grow with every hand-off.", "sentence 3")],
            sentences.Select(s => (s.Text, s.Locator)));
    }
}
