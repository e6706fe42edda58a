using PodcastFactory.Core.Agents.Offline;

namespace PodcastFactory.Core.Tests.Agents.Offline;

public sealed class ClaimShapeTests
{
    [Theory]
    [InlineData("What Orchestration Actually Means Orchestration is not just running multiple agents.", "a heading glued to a sentence")]
    [InlineData("Write the API endpoints for user registration, login, and logout.", ClaimShape.InstructionProblem)]
    [InlineData("Why do we need an orchestrator at all?", "a question, not a claim")]
    [InlineData("Posted by the platform team · 9 min read", "navigation or page text")]
    [InlineData("Related articles: Getting started with agents · Tool calling basics · Evaluating agents", "navigation or page text")]
    [InlineData("and then the agents hand the work over.", "a fragment, not a full sentence")]
    public void Problem_TextThatCannotStandAlone_SaysWhy(string text, string expected)
    {
        Assert.Equal(expected, ClaimShape.Problem(text));
    }

    [Theory]
    [InlineData("Orchestration is not just running multiple agents.")]
    [InlineData("A checkpoint is a durable record of progress.")]
    [InlineData("Azure Durable Functions and Temporal take a different approach.")]
    public void Problem_FullSentence_IsNull(string text)
    {
        Assert.Null(ClaimShape.Problem(text));
    }
}
