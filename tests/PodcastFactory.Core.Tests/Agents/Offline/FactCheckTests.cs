using PodcastFactory.Core.Agents.Offline;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Tests.Agents.Offline;

public sealed class FactCheckTests
{
    static readonly ResearchNotes _research = new("topic", "merged", "summary",
    [
        new ResearchNote("Durable orchestrations replay their history to rebuild local state after a crash.", "web-1", "sentence 2", 1,
            Web: new WebCitation("https://example.org/a", "A", DateTimeOffset.UnixEpoch, "Durable orchestrations replay their history to rebuild local state after a crash.", "e/sources/web-1.md")),
        new ResearchNote("Activities may run more than once, so they must be idempotent.", "notes.md", "sentence 4", 0.5),
    ], HasSources: true);

    [Fact]
    public void Run_ClaimsStatedByTheirPassages_AllSupported()
    {
        var script = new Script("t", [new ScriptTurn("Alex", "So durable orchestrations replay their history to rebuild local state after a crash.", [0]),
            new ScriptTurn("Sam", "Right, and activities may run more than once, so they must be idempotent.", [1])], 0);

        FactCheckReport report = FactCheck.Run(script, _research);

        Assert.Equal((2, 2), (report.ClaimsChecked, report.ClaimsSupported));
    }

    [Fact]
    public void Run_ClaimItsPassageDoesNotSupport_NamesTheTurn()
    {
        var script = new Script("t", [new ScriptTurn("Alex", "Hello there."),
            new ScriptTurn("Sam", "Quantum computers will replace every database by next year.", [0]),
            new ScriptTurn("Alex", "Nothing.", [7])], 0);

        FactCheckReport report = FactCheck.Run(script, _research);

        Assert.Equal((2, 0), (report.ClaimsChecked, report.ClaimsSupported));
        Assert.Equal([2, 3], report.Unsupported.Select(u => u.Turn));
        Assert.Contains("does not exist", report.Unsupported[1].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_WebNote_ChecksAgainstTheQuotedPassageNotTheNoteText()
    {
        ResearchNote web = _research.Notes[0] with { Text = "Quantum computers will replace every database by next year." };
        var research = _research with { Notes = [web] };
        var script = new Script("t", [new ScriptTurn("Sam", "Quantum computers will replace every database by next year.", [0])], 0);

        FactCheckReport report = FactCheck.Run(script, research);

        Assert.Single(report.Unsupported);
    }

    [Fact]
    public async Task Evaluate_UnsupportedClaim_FailsTheGateNamingTheTurn()
    {
        var script = new Script("t", [new ScriptTurn("Sam", "Quantum computers will replace every database by next year.", [0])], 0);
        var brief = new PodcastFactory.Core.Agents.ScriptBrief("topic", EpisodeRequest.DefaultHosts, 1, "en", 600);

        ScriptReview review = (await new OfflineEvaluatorAgent().EvaluateAsync(brief, script, _research, CancellationToken.None)).Value;

        ReviewCheck check = Assert.Single(review.Checks, c => c.Name == FactCheck.CheckName);
        Assert.False(check.Passed);
        Assert.Contains("turn 1 (note 0)", check.Detail, StringComparison.Ordinal);
        Assert.False(review.Passed);
    }

    [Fact]
    public async Task Revise_AfterFactCheckFailure_RemovesTheUnsupportedClaim()
    {
        var brief = new PodcastFactory.Core.Agents.ScriptBrief("topic", EpisodeRequest.DefaultHosts, 1, "en", 600);
        var script = new Script("t", [new ScriptTurn("Alex", "So durable orchestrations replay their history to rebuild local state after a crash.", [0]),
            new ScriptTurn("Sam", "Quantum computers will replace every database by next year.", [1])], 0);
        var review = new ScriptReview(0, false, 0.5, [new ReviewCheck(FactCheck.CheckName, false, "turn 2 (note 1)")], []);

        Script revised = (await new OfflineScriptAgent().ReviseAsync(brief, _research, script, review, CancellationToken.None)).Value;

        Assert.Empty(FactCheck.Run(revised, _research).Unsupported);
        Assert.DoesNotContain(revised.Turns, t => t.Claims?.Contains(1) == true); // removed, not re-cited
        Assert.Contains(revised.Turns, t => t.Claims?.Contains(0) == true);
    }

    [Fact]
    public void Run_ParaphraseInThePassagesWords_Supported()
    {
        ResearchNote note = new("The workflow engine records every important step in durable storage.", "notes.md", "sentence 2", 1,
            Passage: "Instead of keeping its state only in memory, the workflow engine records every important step in durable storage. When the process dies, another worker picks up the workflow and continues from the last recorded step.");
        var research = new ResearchNotes("t", "merged", "", [note], HasSources: true);
        var script = new Script("t", [new ScriptTurn("Sam", "Good point. So if the process dies, another worker continues the workflow from its last recorded step.", [0])], 0);

        FactCheckReport report = FactCheck.Run(script, research);

        Assert.Equal((1, 1), (report.ClaimsChecked, report.ClaimsSupported));
        Assert.Equal(FactCheckReport.Rule, report.Method);
    }

    [Fact]
    public void Run_SameParaphraseWithoutThePassage_Unsupported()
    {
        ResearchNote note = new("The workflow engine records every important step in durable storage.", "notes.md", "sentence 2", 1);
        var research = new ResearchNotes("t", "merged", "", [note], HasSources: true);
        var script = new Script("t", [new ScriptTurn("Sam", "Good point. So if the process dies, another worker continues the workflow from its last recorded step.", [0])], 0);

        Assert.Single(FactCheck.Run(script, research).Unsupported);
    }
}
