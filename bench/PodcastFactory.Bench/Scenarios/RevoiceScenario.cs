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
        ScriptEdit current = (await editor.ReadAsync(Id, episode.Input.Request.Hosts, CancellationToken.None))!;
        int edited = current.Turns.Count / 2;
        ScriptTurn turn = current.Turns[edited];
        int space = turn.Text.IndexOf(' ', StringComparison.Ordinal);
        List<ScriptTurn> turns = [.. current.Turns];
        turns[edited] = turn with { Text = turn.Text[..space] + " really" + turn.Text[space..] };
        ScriptEdit saved = (await editor.TrySaveAsync(Id, current, current.Title, turns, current.Hosts, CancellationToken.None))!;

        var clock = System.Diagnostics.Stopwatch.StartNew();
        RevoiceStart start = await editor.StartRevoiceAsync(episode, CancellationToken.None);
        RevoiceStart again = await editor.StartRevoiceAsync(episode, CancellationToken.None);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        OrchestrationMetadata done = await runtime.Services.GetRequiredService<DurableTaskClient>()
            .WaitForInstanceCompletionAsync(RevoiceOrchestrator.InstanceId(Id, saved.Revision), getInputsAndOutputs: true, timeout.Token);
        RevoiceResult result = done.ReadOutputAs<RevoiceResult>()
            ?? throw new InvalidOperationException($"The re-voice ended {done.RuntimeStatus}: {done.FailureDetails?.ErrorMessage}");
        if (!start.Created || again.Created)
        {
            throw new InvalidOperationException("The re-voice was not started exactly once.");
        }

        EpisodeManifest manifest = await store.ReadJsonAsync<EpisodeManifest>(ArtifactNames.Manifest(Id), CancellationToken.None);
        List<LedgerEntry> firstVoicing = manifest.Costs.Calls.Where(c => c.Stage == Stages.Audio).ToList();
        decimal firstUsd = firstVoicing.Sum(c => c.Usage.CostUsd);
        long firstCharacters = firstVoicing.Sum(c => c.Usage.InputUnits);
        ManifestRevision revision = manifest.Revisions!.Single(r => r.Revision == saved.Revision);
        bench.Table.Add(new ResultRow("revoice", backend.Name, "segments re-synthesized after editing one turn (limit 2)",
            I($"{revision.SegmentsSynthesized} of {revision.Segments}"),
            I($"turn {edited + 1} of {turns.Count} edited; {revision.SegmentsReused} segments reused from content-addressed speech; a second start of the same revision started nothing")));
        bench.Table.Add(new ResultRow("revoice", backend.Name, "re-voice cost / first voicing (limit 5%)",
            I($"{F(100 * (double)(revision.CostUsd / firstUsd), "0.0")}%"),
            I($"${revision.CostUsd:0.000000} for {revision.CharactersSynthesized} characters vs ${firstUsd:0.000000} for {firstCharacters} characters ({firstVoicing.Count} segments); episode total ${manifest.Costs.TotalUsd:0.000000} = first production + re-voice")));
        bench.Table.Add(new ResultRow("revoice", backend.Name, "re-voice wall / first production wall",
            I($"{F(100 * clock.Elapsed / first.Wall, "0")}%"),
            I($"re-voice {F(clock.Elapsed.TotalMilliseconds, "0")} ms (plan, speech, stitch, publish, manifest) vs episode {F(first.Wall.TotalMilliseconds, "0")} ms")));
    }
}
