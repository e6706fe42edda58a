using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using PodcastFactory.Bench.Fakes;
using PodcastFactory.Bench.Reporting;
using PodcastFactory.Bench.Running;
using PodcastFactory.Core.Artifacts;
using PodcastFactory.Core.Costs;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Workflow;
using PodcastFactory.Core.Workflow.Activities;
using PodcastFactory.Core.Workflow.Revoicing;
using static PodcastFactory.Bench.Reporting.Stats;

namespace PodcastFactory.Bench.Scenarios;

/// <summary>
/// Figure 9: what re-voicing an edited script costs. The 5-minute episode is produced, one turn in the middle of the
/// script is edited (one word added to its first sentence) through <see cref="ScriptEditor"/> (what <c>PUT .../script</c>
/// calls), and <see cref="RevoiceOrchestrator"/> runs (what <c>POST .../revoice</c> starts). Speech is priced like
/// tts-1 (<see cref="SilentSpeechSynthesizer.UsdPerMillionCharacters"/>); the figures come from the manifest's ledger.
/// </summary>
public static class RevoiceScenario
{
    /// <summary>Produces, edits one turn, re-voices; reports segments re-synthesized and the cost ratio.</summary>
    public static async Task RunAsync(BenchContext bench, BenchBackend backend)
    {
        string folder = bench.NewFolder("revoice-" + backend.Name);
        var latency = new LatencyInjector(bench.Profile);
        await using BenchRuntime runtime = await BenchRuntime.StartAsync(backend, latency, folder, bench.Options.MaxParallelSegments);
        const string Id = "revoice-1";
        EpisodeTiming first = await runtime.RunAsync(Id);

        var editor = runtime.Services.GetRequiredService<ScriptEditor>();
        var store = runtime.Services.GetRequiredService<IArtifactStore>();
        EditableEpisode episode = (await editor.FindAsync(Id, CancellationToken.None))!;

        // Revision 1: one word added to the first sentence of the middle turn (a typical wording fix).
        (int edited, int revision) = await EditAsync(editor, episode, turns => turns.Count / 2, text => text.Insert(text.IndexOf(' ', StringComparison.Ordinal), " really"));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await RevoiceAsync(runtime, editor, episode, Id, revision);
        TimeSpan revoiceWall = clock.Elapsed;

        // Revision 2: the longest turn rewritten from its first word to its last (the worst single-turn edit).
        (int rewritten, int revision2) = await EditAsync(editor, episode, turns => turns.Select((t, i) => (t.Text.Length, i)).Max().i,
            text => string.Join(' ', text.Split(' ').Reverse()));
        await RevoiceAsync(runtime, editor, episode, Id, revision2);

        EpisodeManifest manifest = await store.ReadJsonAsync<EpisodeManifest>(ArtifactNames.Manifest(Id), CancellationToken.None);
        List<LedgerEntry> firstVoicing = manifest.Costs.Calls.Where(c => c.Stage == Stages.Audio).ToList();
        decimal firstUsd = firstVoicing.Sum(c => c.Usage.CostUsd);
        long firstCharacters = firstVoicing.Sum(c => c.Usage.InputUnits);
        foreach ((ManifestRevision r, string edit) in new[] { (manifest.Revisions![0], I($"one word added to turn {edited + 1}")), (manifest.Revisions[1], I($"turn {rewritten + 1}, the longest, rewritten")) })
        {
            bench.Table.Add(new ResultRow("revoice", backend.Name, I($"r{r.Revision} ({edit}): segments re-synthesized (limit 2)"),
                I($"{r.SegmentsSynthesized} of {r.Segments}"),
                I($"{r.SegmentsReused} segments reused from content-addressed speech; a second start of the same revision started nothing")));
            bench.Table.Add(new ResultRow("revoice", backend.Name, I($"r{r.Revision} ({edit}): cost / first voicing (limit 5%)"),
                I($"{F(100 * (double)(r.CostUsd / firstUsd), "0.0")}%"),
                I($"${r.CostUsd:0.000000} for {r.CharactersSynthesized} characters vs ${firstUsd:0.000000} for {firstCharacters} characters ({firstVoicing.Count} segments)")));
        }

        bench.Table.Add(new ResultRow("revoice", backend.Name, "episode total after two re-voices",
            I($"${manifest.Costs.TotalUsd:0.000000}"),
            I($"= first production ${manifest.Costs.Calls.Where(c => !c.Stage.StartsWith("revoice", StringComparison.Ordinal)).Sum(c => c.Usage.CostUsd):0.000000} + r1 ${manifest.Revisions[0].CostUsd:0.000000} + r2 ${manifest.Revisions[1].CostUsd:0.000000}")));
        bench.Table.Add(new ResultRow("revoice", backend.Name, "r1 re-voice wall / first production wall",
            I($"{F(100 * revoiceWall / first.Wall, "0")}%"),
            I($"re-voice {F(revoiceWall.TotalMilliseconds, "0")} ms (plan, speech, stitch, publish with mastering, manifest) vs episode {F(first.Wall.TotalMilliseconds, "0")} ms")));
    }

    static async Task<(int Turn, int Revision)> EditAsync(ScriptEditor editor, EditableEpisode episode, Func<IReadOnlyList<ScriptTurn>, int> pick, Func<string, string> edit)
    {
        string id = episode.Input.EpisodeId;
        ScriptEdit current = (await editor.ReadAsync(id, episode.Input.Request.Hosts, CancellationToken.None))!;
        int turn = pick(current.Turns);
        List<ScriptTurn> turns = [.. current.Turns];
        turns[turn] = turns[turn] with { Text = edit(turns[turn].Text) };
        ScriptEdit saved = (await editor.TrySaveAsync(id, current, current.Title, turns, current.Hosts, CancellationToken.None))!;
        return (turn, saved.Revision);
    }

    static async Task RevoiceAsync(BenchRuntime runtime, ScriptEditor editor, EditableEpisode episode, string id, int revision)
    {
        RevoiceStart start = await editor.StartRevoiceAsync(episode, CancellationToken.None);
        RevoiceStart again = await editor.StartRevoiceAsync(episode, CancellationToken.None);
        if (!start.Created || again.Created || start.Revision != revision)
        {
            throw new InvalidOperationException($"The re-voice of revision {revision} was not started exactly once.");
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        OrchestrationMetadata done = await runtime.Services.GetRequiredService<DurableTaskClient>()
            .WaitForInstanceCompletionAsync(RevoiceOrchestrator.InstanceId(id, revision), getInputsAndOutputs: true, timeout.Token);
        RevoiceResult result = done.ReadOutputAs<RevoiceResult>()
            ?? throw new InvalidOperationException($"The re-voice ended {done.RuntimeStatus}: {done.FailureDetails?.ErrorMessage}");
        if (!result.Published)
        {
            throw new InvalidOperationException("The re-voice did not publish: " + string.Join("; ", result.Warnings));
        }
    }
}
