using System.Text.Json;
using PodcastFactory.Core.Agents;
using PodcastFactory.Core.Agents.Offline;
using PodcastFactory.Core.Artifacts;
using PodcastFactory.Core.Costs.Journal;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Tests.Agents;
using PodcastFactory.Core.Tests.Providers.OpenAI;
using PodcastFactory.Core.Workflow.Activities;

namespace PodcastFactory.Core.Tests.Workflow.Activities;

public sealed class PolishScriptActivityTests
{
    const string Id = ActivityBed.Id;
    static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web);

    // The model writes and passes revision 0 first, as the quality gate would, through the real writer activity.
    static async Task<(ActivityBed Bed, PolishScriptActivity Activity, PolishScriptInput Input, Script Draft)> ArrangeAsync()
    {
        ActivityBed bed = await new ActivityBed().WithModelAsync();
        string research = await bed.WriteJsonAsync(ArtifactNames.ResearchJson(Id), AgentTestData.SmallResearch(6));
        await new WriteScriptActivity(bed.Store, bed.Get<IScriptAgent>(), bed.PaidStep)
            .RunAsync(ActivityBed.Context(), new WriteScriptInput(Id, AgentTestData.Brief(), research, Revision: 0));
        var activity = new PolishScriptActivity(bed.Store, bed.Get<IScriptAgent>(), bed.Get<IEvaluatorAgent>(), bed.PaidStep);
        Script draft = await bed.ReadJsonAsync<Script>(ArtifactNames.Script(Id));
        return (bed, activity, new PolishScriptInput(Id, AgentTestData.Brief(), research, PassedRevision: 0), draft);
    }

    [Fact]
    public async Task RunAsync_PolishPassesReview_BecomesTheScriptAndJournalsTheWriterAndTheReview()
    {
        (ActivityBed bed, PolishScriptActivity activity, PolishScriptInput input, _) = await ArrangeAsync();
        await using ActivityBed lease = bed;
        decimal draftUsd = (await bed.JournalAsync()).TotalUsd;

        PolishScriptOutput output = await activity.RunAsync(ActivityBed.Context(), input);

        Assert.Equal(PolishOutcome.Polished, output.Outcome);
        Assert.Equal(3, bed.Server!.ChatRequests.Count());
        Assert.Contains("You polish scripts", bed.Server.ChatRequests.ElementAt(1).Body, StringComparison.Ordinal);
        Assert.Equal(ArtifactNames.ScriptRevision(Id, 1), output.RevisionArtifact);
        Assert.Equal(ArtifactNames.Review(Id, 1), output.ReviewArtifact);
        Script current = await bed.ReadJsonAsync<Script>(ArtifactNames.Script(Id));
        Assert.Equal(1, current.Revision);
        Assert.Equal(current.Title, output.Title);
        Assert.Contains("_Revision 1,", await bed.Store.ReadTextAsync(ArtifactNames.ScriptMarkdown(Id), default), StringComparison.Ordinal);
        Assert.Equal([AgentNames.ScriptWriter, AgentNames.Evaluator], output.Usages.Select(u => u.Agent));
        CostJournal journal = await bed.JournalAsync();
        Assert.Equal(draftUsd + output.Usages.Sum(u => u.CostUsd), journal.TotalUsd);
    }

    [Fact]
    public async Task RunAsync_PolishFailsItsReview_KeepsThePassedDraftAsTheScript()
    {
        (ActivityBed bed, PolishScriptActivity activity, PolishScriptInput input, Script draft) = await ArrangeAsync();
        await using ActivityBed lease = bed;
        bed.Server!.Enqueue(FakeReply.Chat(Answer(draft with { Turns = [.. draft.Turns.Select(t => t with { Text = t.Text + " Right." })] })));
        bed.Server.Enqueue(FakeReply.Chat(FailingJudge(draft)));

        PolishScriptOutput output = await activity.RunAsync(ActivityBed.Context(), input);

        Assert.Equal(PolishOutcome.KeptDraft, output.Outcome);
        Assert.StartsWith("kept the passed draft: the polished script failed review (score ", output.Detail, StringComparison.Ordinal);
        Assert.Contains("fact-check", output.Detail, StringComparison.Ordinal);
        Script current = await bed.ReadJsonAsync<Script>(ArtifactNames.Script(Id));
        Assert.Equal(0, current.Revision);
        Assert.Equal(draft.Turns.Select(t => t.Text), current.Turns.Select(t => t.Text));
        Assert.Equal((draft.WordCount, draft.Turns.Count), (output.WordCount, output.TurnCount));
        Assert.True(await bed.ExistsAsync(ArtifactNames.ScriptRevision(Id, 1)));
        Assert.Equal(2, output.Usages.Count);
    }

    [Fact]
    public async Task RunAsync_SamePolishDeliveredAgain_DoesNotPayTwice()
    {
        (ActivityBed bed, PolishScriptActivity activity, PolishScriptInput input, _) = await ArrangeAsync();
        await using ActivityBed lease = bed;
        PolishScriptOutput first = await activity.RunAsync(ActivityBed.Context(), input);
        decimal paid = (await bed.JournalAsync()).TotalUsd;

        PolishScriptOutput retry = await activity.RunAsync(ActivityBed.Context(), input);

        Assert.Equal(3, bed.Server!.ChatRequests.Count());
        Assert.All(retry.Usages, u => Assert.True(u.CacheHit));
        Assert.Equal(first.Outcome, retry.Outcome);
        Assert.Equal(paid, (await bed.JournalAsync()).TotalUsd);
    }

    [Fact]
    public async Task RunAsync_OfflineWriter_SkipsWithItsReasonAndPaysNothing()
    {
        await using ActivityBed bed = new();
        string research = await bed.WriteJsonAsync(ArtifactNames.ResearchJson(Id), AgentTestData.SmallResearch(6));
        var writer = new OfflineScriptAgent();
        Script draft = (await writer.WriteAsync(AgentTestData.Brief(), AgentTestData.SmallResearch(6), CancellationToken.None)).Value;
        await bed.WriteJsonAsync(ArtifactNames.ScriptRevision(Id, 0), draft);
        var activity = new PolishScriptActivity(bed.Store, writer, new OfflineEvaluatorAgent(), bed.PaidStep);

        PolishScriptOutput output = await activity.RunAsync(ActivityBed.Context(), new PolishScriptInput(Id, AgentTestData.Brief(), research, 0));

        Assert.Equal(PolishOutcome.Skipped, output.Outcome);
        Assert.Equal(OfflineScriptAgent.PassThroughReason, output.Detail);
        Assert.Empty(output.Usages);
        Assert.Null(output.RevisionArtifact);
        Assert.False(await bed.ExistsAsync(ArtifactNames.ScriptRevision(Id, 1)));
        Assert.Equal(draft.WordCount, output.WordCount);
    }

    static string Answer(Script script) => JsonSerializer.Serialize(new
    {
        title = script.Title,
        turns = script.Turns.Select(t => new { speaker = t.Speaker, text = t.Text, claims = t.Claims ?? [], chapter = t.Chapter }),
    }, _json);

    // The judge's real answer shape: a verdict for every cited note of every turn (numbered from 1 as sent).
    static string FailingJudge(Script script) => JsonSerializer.Serialize(new
    {
        passed = false, score = 0.3, checks = new[] { new { name = "accuracy", passed = false, detail = "The rewrite overstates the notes." } },
        suggestions = new[] { "State the notes as the passages do." },
        claims = script.Turns.SelectMany((t, i) => (t.Claims ?? []).Select(n => new { turn = i + 1, note = n, verdict = ClaimVerdicts.Contradicted, reason = "Overstated." })),
    }, _json);
}
