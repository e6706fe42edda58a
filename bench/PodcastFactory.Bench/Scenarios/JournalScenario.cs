using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using PodcastFactory.Bench.Reporting;
using PodcastFactory.Bench.Running;
using PodcastFactory.Core.Artifacts;
using PodcastFactory.Core.Configuration;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Workflow.Activities;
using static PodcastFactory.Bench.Reporting.Stats;

namespace PodcastFactory.Bench.Scenarios;

/// <summary>
/// Figure 10: what the cost journal adds to a paid step. The same step (a 1 KB output, one answered call) is run as
/// the store work a step did before the journal (the input-hash check and the output write) and through
/// <see cref="PaidStep"/> with its journal (the attempt's start and end writes, the call, the read-back of the
/// step's journals). Files for the memory backend, blobs on Azurite for the azurite one.
/// </summary>
public static class JournalScenario
{
    const int Steps = 100;

    // Paid steps on an episode's critical path: 3 angles together, script, review, then 35 segments 4 at a time.
    const int CriticalPathSteps = 1 + 1 + 1 + 9;

    /// <summary>Alternates the two ways for each repetition and reports the added milliseconds per step.</summary>
    public static async Task RunAsync(BenchContext bench, BenchBackend backend)
    {
        IArtifactStore store = ArtifactStoreFactory.Create(backend.ConnectionString is null
            ? new ArtifactStoreOptions { Provider = ArtifactStoreKind.FileSystem, RootPath = bench.NewFolder("journal-" + backend.Name) }
            : new ArtifactStoreOptions { Provider = ArtifactStoreKind.Blob, ConnectionString = backend.ConnectionString, ContainerName = "journal-" + Guid.NewGuid().ToString("N")[..8] });
        var step = new PaidStep(store, NullLogger<PaidStep>.Instance);
        byte[] output = new byte[1024];
        var before = new List<double>();
        var journaled = new List<double>();
        for (int rep = 0; rep <= bench.Options.Repetitions; rep++)
        {
            string ep = $"ep-{rep}";
            double plain = await PerStepAsync(async i =>
            {
                string name = $"{ep}/plain/out-{i}.bin";
                await store.IsUpToDateAsync(name, "hash", CancellationToken.None);
                await store.WriteAsync(name, new MemoryStream(output), ContentTypes.ForName(name), "hash", CancellationToken.None);
            });
            double withJournal = await PerStepAsync(async i =>
            {
                string name = $"{ep}/paid/out-{i}.bin";
                await step.RunAsync(
                    new PaidStepKey(ep, ep, AgentNames.Research, "tokens", name, "hash"),
                    reuse: () => Task.FromResult(0),
                    pay: () => Task.FromResult(new AgentResult<int>(1, new AgentUsage(AgentNames.Research, "bench", "model", 1000, 500, "tokens", 1, 0.00045m))),
                    save: _ => store.WriteAsync(name, new MemoryStream(output), ContentTypes.ForName(name), "hash", CancellationToken.None));
            });
            if (rep > 0)
            {
                before.Add(plain);
                journaled.Add(withJournal);
            }
        }

        double plainMs = Median(before), journalMs = Median(journaled), added = journalMs - plainMs;
        bench.Table.Add(new ResultRow("journal", backend.Name, "ms per paid step: with the cost journal / the store work before it", F(journalMs / plainMs, "0.00"),
            I($"{F(journalMs, "0.00")} ms vs {F(plainMs, "0.00")} ms: +{F(added, "0.00")} ms per step ({Steps} steps, 1 answered call each; {(backend.ConnectionString is null ? "files" : "blobs on Azurite")})")));
        bench.Table.Add(new ResultRow("journal", backend.Name, "added to an episode's critical path (ms)", F(added * CriticalPathSteps, "0"),
            I($"{CriticalPathSteps} paid steps in sequence (angles together, script, review, 35 segments 4 at a time) x {F(added, "0.00")} ms; the critical path is about 32.6 s unscaled")));
    }

    static async Task<double> PerStepAsync(Func<int, Task> run)
    {
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < Steps; i++)
        {
            await run(i);
        }

        return clock.Elapsed.TotalMilliseconds / Steps;
    }
}
