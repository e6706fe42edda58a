using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PodcastFactory.Bench.Fakes;
using PodcastFactory.Bench.Latency;
using PodcastFactory.Bench.Reporting;
using PodcastFactory.Bench.Running;
using PodcastFactory.Core.Artifacts;
using PodcastFactory.Core.Configuration;
using PodcastFactory.Core.Costs;
using PodcastFactory.Core.Costs.Journal;
using PodcastFactory.Core.Workflow.Quotes;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Providers;
using PodcastFactory.Core.Workflow;
using PodcastFactory.Core.Workflow.Activities;
using PodcastFactory.Core.Workflow.Starting;
using PodcastFactory.Local.Hosting;
using static PodcastFactory.Bench.Reporting.Stats;

namespace PodcastFactory.Bench.Scenarios;

/// <summary>
/// Figure 11: how close the budget's estimates are to what the provider bills. Real episodes on the model path (the
/// Llm agents registered by <c>AddPodcastFactory</c> with TextModel settings pointing at <see cref="FakeChatModel"/>)
/// at 1, 5 and 10 minutes. Per stage: the starter's per-call estimate (<see cref="PricedCostEstimator"/>, frozen into
/// the orchestration input with the captured source size), the intent each call journals before it is sent, and the
/// billed cost (the fake's usage priced by the <see cref="PriceTable"/>), as estimate / billed. Each episode is started
/// with a quote of its request (<see cref="Quoter"/>, as <c>POST /api/quotes</c>), and one row per length gives the
/// bill against the quote's expected figure (the calibration target: 0.75-1.25) and its high bound.
/// </summary>
public static class EstimatesScenario
{
    static readonly int[] _minutes = [1, 5, 10];

    sealed record Stage(string Agent, string Label, Func<CostEstimates, decimal> Estimate, Func<int, int> Cap);

    static readonly Stage[] _stages =
    [
        new(AgentNames.Research, "research", e => e.ResearchCallUsd, _ => OutputTokenCaps.Research),
        new(AgentNames.ScriptWriter, "script", e => e.ScriptCallUsd, OutputTokenCaps.Script),
        new(AgentNames.Evaluator, "review", e => e.ReviewCallUsd, _ => OutputTokenCaps.Review),
        new(AgentNames.SocialWriter, "social", e => e.SocialCallUsd, _ => OutputTokenCaps.Social),
    ];

    /// <summary>Runs one episode per length (the fake is deterministic) and reports one row per stage and length.</summary>
    public static async Task RunAsync(BenchContext bench)
    {
        const string model = "gpt-4o-mini";
        string sourcePath = Path.Combine(AppContext.BaseDirectory, "samples", "durable-workflows.md");
        await using FakeChatModel chat = await FakeChatModel.StartAsync(new ChatAnswers(await File.ReadAllTextAsync(sourcePath)));
        var settings = new Dictionary<string, string?>
        {
            ["Artifacts:Provider"] = "FileSystem",
            ["Artifacts:RootPath"] = bench.NewFolder("estimates"),
            ["Publishing:Enabled"] = "false",
            ["TextModel:Provider"] = "OpenAICompatible",
            ["TextModel:Endpoint"] = chat.BaseUrl.ToString(),
            ["TextModel:Model"] = model,
            ["TextModel:ApiKey"] = FakeChatModel.Key,
        };
        var latency = new LatencyInjector(LatencyProfile.Zero);
        await using LocalRuntime runtime = await LocalRuntime.StartAsync(BenchBackend.Memory.Settings(), settings, s =>
        {
            s.AddSingleton(latency);
            s.Replace(ServiceDescriptor.Singleton<ISpeechSynthesizer, SilentSpeechSynthesizer>());
        });
        IServiceProvider services = runtime.Services;
        PriceTable prices = services.GetRequiredService<PriceTable>();
        ModelPrice price = prices.Find(model) ?? throw new InvalidOperationException($"no price for {model}");

        foreach (int minutes in _minutes)
        {
            string id = I($"estimates-{minutes}min");
            int billsBefore = chat.Bills.Count;
            EpisodeRequest request = BenchEpisode.Request() with { TargetMinutes = minutes };
            EpisodeQuote quote = await services.GetRequiredService<Quoter>().QuoteAsync(request, CancellationToken.None);
            EpisodeInput input = await RunEpisodeAsync(services, request, id, quote.QuoteId);
            List<ChatBill> bills = [.. chat.Bills.Skip(billsBefore)];
            List<JournalEntry> calls = [.. (await JournalReader.ReadAsync(services.GetRequiredService<IArtifactStore>(), ArtifactNames.Journal(id))).Attempts
                .SelectMany(a => a.Calls).Where(c => c.State == PaidCallState.Answered && c.UnitKind == "tokens")];
            decimal fakeBilled = bills.Sum(b => prices.Text(model, b.PromptTokens, b.CompletionTokens));
            decimal journalBilled = calls.Sum(c => c.CostUsd);
            if (fakeBilled != journalBilled || bills.Count != calls.Count)
            {
                throw new InvalidOperationException(I($"{id}: the journal lists {calls.Count} calls for ${journalBilled}, the fake billed {bills.Count} for ${fakeBilled}"));
            }

            decimal estimatedTotal = 0;
            foreach (Stage stage in _stages)
            {
                List<JournalEntry> stageCalls = [.. calls.Where(c => c.Agent == stage.Agent)];
                if (stageCalls.Count == 0)
                {
                    throw new InvalidOperationException($"{id}: no {stage.Label} call was answered");
                }

                decimal estimate = stage.Estimate(input.Settings.Estimates);
                estimatedTotal += estimate * stageCalls.Count;
                bench.Table.Add(Row(minutes, stage, estimate, stageCalls, price));
            }

            bench.Table.Add(new ResultRow("estimates", "memory", I($"{minutes} min, whole episode: stage estimates x calls / billed"), F((double)(estimatedTotal / journalBilled)) + "x",
                I($"estimated ${estimatedTotal:0.000000}, billed ${journalBilled:0.000000} over {calls.Count} calls (fake's own bill and the journal agree); source {input.Sources.Sum(s => s.Bytes)} bytes")));
            // The manifest's quote-vs-actual, per stage: the ledger's stage of every call (the polish pass's rewrite and
            // its review count in "polish"), so a stage the quote leaves out shows as billed but not quoted.
            EpisodeManifest manifest = await services.GetRequiredService<IArtifactStore>().ReadJsonAsync<EpisodeManifest>(ArtifactNames.Manifest(id), CancellationToken.None);
            ManifestQuote compared = manifest.Quote ?? throw new InvalidOperationException($"{id}: the manifest has no quote section");
            foreach (ManifestQuoteStage stage in compared.Stages.Where(s => s.QuotedUsd > 0))
            {
                bench.Table.Add(new ResultRow("estimates", "memory", I($"{minutes} min, quote, {stage.Stage}: billed / expected"), F((double)(stage.ActualUsd / stage.QuotedUsd)) + "x",
                    I($"expected ${stage.QuotedUsd:0.000000}, high ${stage.HighUsd:0.000000}, billed ${stage.ActualUsd:0.000000} (manifest quote section)")));
            }

            decimal unquoted = compared.ActualUsd - compared.Stages.Sum(s => s.ActualUsd);
            if (unquoted != 0)
            {
                throw new InvalidOperationException(I($"{id}: ${unquoted} was billed in stages the quote does not list"));
            }

            bench.Table.Add(new ResultRow("estimates", "memory", I($"{minutes} min, quote: billed / expected (totalUsd)"), F((double)(journalBilled / quote.TotalUsd)) + "x",
                I($"quote expected ${quote.TotalUsd:0.000000} (low ${quote.LowUsd:0.000000}, high ${quote.HighUsd:0.000000} = the episode's budget {input.Request.BudgetUsd:0.000000}), billed ${journalBilled:0.000000}; billed / high {F((double)(journalBilled / quote.HighUsd))}x")));
        }
    }

    static async Task<EpisodeInput> RunEpisodeAsync(IServiceProvider services, EpisodeRequest request, string id, string quoteId)
    {
        await services.GetRequiredService<EpisodeStarter>().StartAsync(request, id, CancellationToken.None, new StartOptions(QuoteId: quoteId));
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        OrchestrationMetadata done = await services.GetRequiredService<DurableTaskClient>().WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);
        if (done.RuntimeStatus != OrchestrationRuntimeStatus.Completed)
        {
            throw new InvalidOperationException($"Episode {id} ended {done.RuntimeStatus}: {done.FailureDetails?.ErrorMessage}");
        }

        return done.ReadInputAs<EpisodeInput>() ?? throw new InvalidOperationException($"Episode {id} has no input");
    }

    // The worst case is the largest billed call of the stage: the estimate is checked against it.
    static ResultRow Row(int minutes, Stage stage, decimal estimate, List<JournalEntry> calls, ModelPrice price)
    {
        JournalEntry largest = calls.MaxBy(c => c.CostUsd)!;
        int cap = stage.Cap(minutes);
        double estimatedInput = (double)((estimate * 1_000_000m) - (cap * price.OutputPerMillionTokens)) / (double)price.InputPerMillionTokens;
        IEnumerable<double> intent = calls.Select(c => (double)(c.EstimateUsd / c.CostUsd));
        string detail = I($"estimate ${estimate:0.000000} per call, billed ${largest.CostUsd:0.000000} (largest of {calls.Count} call(s)); ")
            + I($"output: cap {cap} vs {largest.OutputUnits} tokens billed ({F(cap / (double)largest.OutputUnits)}x); ")
            + I($"input: ~{estimatedInput:0} tokens estimated vs {largest.InputUnits} billed ({F(estimatedInput / largest.InputUnits)}x); ")
            + I($"intent estimate (journaled per call) / billed {F(intent.Min())}-{F(intent.Max())}x");
        return new ResultRow("estimates", "memory", I($"{minutes} min, {stage.Label}: stage estimate / billed"), F((double)(estimate / largest.CostUsd)) + "x", detail);
    }
}
