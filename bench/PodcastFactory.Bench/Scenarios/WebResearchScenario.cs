using System.Text.Json;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PodcastFactory.Bench.Fakes;
using PodcastFactory.Bench.Reporting;
using PodcastFactory.Bench.Running;
using PodcastFactory.Core.Agents;
using PodcastFactory.Core.Agents.Offline;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Workflow.Starting;
using PodcastFactory.Local.Hosting;
using static PodcastFactory.Bench.Reporting.Stats;

namespace PodcastFactory.Bench.Scenarios;

/// <summary>
/// Web research stage wall time against its limit per angle: slowest query + slowest page fetch + model time (queries
/// of an angle run in parallel, pages in parallel up to Fetch:MaxParallel, angles in parallel). Topic-only episode,
/// standard depth: 3 angles x 2 queries x 3 pages, the real fetcher, extraction and capture, the research agent
/// delayed by a fixed model time; the stage time is the research stage's duration in the manifest.
/// </summary>
public static class WebResearchScenario
{
    // (search, pages, model) in ms. The first three pages are chosen (3 pages per angle at standard depth). Zero latencies
    // measure the fixed cost; the second set is short latencies; the third is typical of real APIs and a real model.
    static readonly (int SearchMs, int[] PageMs, int ModelMs)[] _profiles =
    [
        (0, [0, 0, 0, 0], 0),
        (300, [600, 100, 300, 200], 800),
        (800, [1500, 300, 700, 500], 3000),
    ];

    /// <summary>For each latency profile: one warm-up episode, then <see cref="BenchOptions.Repetitions"/> measured ones.</summary>
    public static async Task RunAsync(BenchContext bench)
    {
        foreach ((int searchMs, int[] pageMs, int modelMs) in _profiles)
        {
            await RunProfileAsync(bench, searchMs, pageMs, modelMs);
        }
    }

    static async Task RunProfileAsync(BenchContext bench, int searchMs, int[] pageMs, int modelMs)
    {
        string text = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "samples", "durable-workflows.md"));
        await using WebResearchSites sites = await WebResearchSites.StartAsync(searchMs, pageMs, text);
        string root = bench.NewFolder(I($"web-research-{searchMs}-{modelMs}"));
        var settings = new Dictionary<string, string?>
        {
            ["Artifacts:Provider"] = "FileSystem",
            ["Artifacts:RootPath"] = root,
            ["Search:Provider"] = "SearXng",
            ["Search:Endpoint"] = sites.SearchEndpoint.ToString(),
            ["Workflow:AllowPrivateNetworkSources"] = "true", // the fake sites live on loopback
        };
        await using LocalRuntime runtime = await LocalRuntime.StartAsync(BenchBackend.Memory.Settings(), settings,
            s => s.Replace(ServiceDescriptor.Singleton<IResearchAgent>(new FixedDelayResearchAgent(new OfflineResearchAgent(), modelMs))));

        double limit = searchMs + pageMs.Take(3).Max() + modelMs;
        var stages = new List<double>();
        for (int rep = 0; rep <= bench.Options.Repetitions; rep++)
        {
            double stage = await ResearchStageMsAsync(runtime, root, I($"web-{rep}"));
            if (rep > 0)
            {
                stages.Add(stage);
            }
        }

        double median = Median(stages);
        if (limit == 0)
        {
            bench.Table.Add(new ResultRow("web-research", "memory", "research stage with zero latencies (fixed cost)", I($"{F(median, "0")} ms"),
                I($"median of {stages.Count}: search, fetch, extraction, capture of the 3 pages the 3 angles share (captured once), offline research, merge, orchestration hops")));
            return;
        }

        bench.Table.Add(new ResultRow("web-research", "memory", "research stage / (slowest query + slowest fetch + model), limit 1.1", F(median / limit, "0.000"),
            I($"stage {F(median, "0")} ms (median of {stages.Count}), limit {F(limit, "0")} ms = {searchMs} + {pageMs.Take(3).Max()} + {modelMs}; 3 angles x 2 queries x 3 pages")));
    }

    static async Task<double> ResearchStageMsAsync(LocalRuntime runtime, string root, string id)
    {
        var request = new EpisodeRequest { Topic = "How durable workflows recover from crashes", Depth = ResearchDepth.Standard, Priority = OutputPriority.Social, TargetMinutes = 1 };
        await runtime.Services.GetRequiredService<EpisodeStarter>().StartAsync(request, id, CancellationToken.None);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        OrchestrationMetadata done = await runtime.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: false, timeout.Token);
        if (done.RuntimeStatus != OrchestrationRuntimeStatus.Completed)
        {
            throw new InvalidOperationException($"Episode {id} ended {done.RuntimeStatus}: {done.FailureDetails?.ErrorMessage}");
        }

        using JsonDocument manifest = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(root, id, "manifest.json")));
        return manifest.RootElement.GetProperty("stages").EnumerateArray()
            .First(s => s.GetProperty("name").GetString() == "research").GetProperty("durationMs").GetDouble();
    }

    sealed class FixedDelayResearchAgent(IResearchAgent inner, int delayMs) : IResearchAgent
    {
        public async Task<AgentResult<ResearchNotes>> ResearchAsync(ResearchBrief brief, IReadOnlyList<SourceDocument> sources, CancellationToken cancellationToken)
        {
            await Task.Delay(delayMs, cancellationToken);
            return await inner.ResearchAsync(brief, sources, cancellationToken);
        }
    }
}
