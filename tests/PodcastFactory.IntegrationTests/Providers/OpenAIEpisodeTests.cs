using PodcastFactory.Local.Hosting;
using PodcastFactory.Local.Backends;
using PodcastFactory.Core.Workflow.Starting;
using PodcastFactory.Core.Workflow.Revoicing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.DurableTask.Client;
using PodcastFactory.Core.Publishing;
using System.Text.Json;
using PodcastFactory.Core.Agents;
using PodcastFactory.Core.Audio;
using PodcastFactory.Core.Costs;
using PodcastFactory.Core.Costs.Journal;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Tests.Providers.OpenAI;
using PodcastFactory.Core.Workflow.Activities;
using PodcastFactory.Core.Workflow;
using PodcastFactory.IntegrationTests.Workflow;

namespace PodcastFactory.IntegrationTests.Providers;

/// <summary>Whole episodes through the real SDK clients against <see cref="FakeOpenAIServer"/>: no offline agent, no espeak-ng.</summary>
public sealed class OpenAIEpisodeTests
{
    const string Topic = "How durable workflows recover from crashes";
    // gpt-4o-mini at the fake usage of the price tests (FixedPromptTokens, the default answer length).
    const int PromptTokens = 1000;
    const decimal CallUsd = ((PromptTokens * 0.15m) + (FakeReply.DefaultCompletionTokens * 0.60m)) / 1_000_000m;

    static EpisodeRequest Request(OutputPriority priority = OutputPriority.Both) => new()
    {
        Topic = Topic,
        Sources = [new SourceInput(SourceKind.File, LocalEpisodeRunner.Fixture("durable-workflows.md"))],
        Depth = ResearchDepth.Quick,
        TargetMinutes = 1,
        Priority = priority,
    };

    static ScriptBrief Brief() => new(Topic, EpisodeRequest.DefaultHosts, 1, "en", 600);

    [Fact]
    public async Task Produce_AzureOpenAISpeech_MastersTheMp3SegmentsAt24kHz()
    {
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync();
        server.Responder = EpisodeResponder.For(Brief());
        server.SpeechFixture = voice => voice == "ash" ? "tone-a-24k.mp3" : "tone-b-24k.mp3";
        await using var runner = new LocalEpisodeRunner();

        (_, EpisodeResult? result) = await runner.ProduceAsync(Request(), "azure-master", ProviderStack.AzureSettings(server));

        Assert.NotNull(result);
        Assert.Equal(EpisodeOutcome.Completed, result.Outcome);
        Publication publication = Read<Publication>(runner, "azure-master/publish.json");
        Assert.Equal(24000, publication.SampleRate);
        Assert.InRange(publication.IntegratedLufs, -17, -15);
        Assert.True(publication.TruePeakDbtp <= -1, $"true peak {publication.TruePeakDbtp:0.00} dBTP");
        Assert.Contains("azure-master/transcript.vtt", result.Artifacts);
    }

    [Fact]
    public async Task Produce_AzureOpenAITextAndSpeech_StitchesEpisodeMp3FromEveryFrame()
    {
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync();
        server.Responder = EpisodeResponder.For(Brief());
        server.SpeechFixture = voice => voice == "ash" ? "tone-a-24k.mp3" : "tone-b-24k.mp3";
        await using var runner = new LocalEpisodeRunner();

        // The publish stage would replace the stitched episode.mp3 with its master: this test is about the stitch.
        Dictionary<string, string?> settings = ProviderStack.AzureSettings(server);
        settings["Publishing:Enabled"] = "false";
        (_, EpisodeResult? result) = await runner.ProduceAsync(Request(), "azure-episode", settings);

        Assert.NotNull(result);
        Assert.Equal(EpisodeOutcome.Completed, result.Outcome);
        // The fixture tones are shorter than speech, so only the words-per-minute plausibility finding may appear.
        Assert.True(result.Warnings.All(w => w.Contains("words/min", StringComparison.Ordinal)), string.Join(" | ", result.Warnings));
        SegmentPlan plan = Read<SegmentPlan>(runner, "azure-episode/audio/segments.json");
        Assert.Equal(AudioFormatMp3, plan.Format.ToString());
        long segmentFrames = 0;
        for (int i = 0; i < plan.Segments.Count; i++)
        {
            await using FileStream segment = File.OpenRead(runner.PathOf(plan.Segments[i].Speech!));
            segmentFrames += (await Mp3Info.MeasureAsync(segment, CancellationToken.None)).FrameCount;
        }

        long silentFrames = plan.Segments.Sum(s => (long)Math.Round(s.PauseAfterMs * 24000.0 / 1000 / 576));
        await using FileStream episode = File.OpenRead(runner.PathOf("azure-episode/episode.mp3"));
        Mp3Info info = await Mp3Info.MeasureAsync(episode, CancellationToken.None);
        // Alex -> ash -> tone-a (65 frames), Sam -> tone-b (44): the fake model repeats them to the text's length.
        long fixtureFrames = plan.Segments.Sum(s => s.Voice == EpisodeRequest.DefaultHosts[0].Voice ? 65L : 44L);
        Assert.True(segmentFrames > fixtureFrames, $"{segmentFrames} segment frames for {fixtureFrames} fixture frames");
        Assert.Equal(segmentFrames + silentFrames, info.FrameCount);
        Assert.Equal(info.FrameCount * 576 / 24000.0, result.AudioSeconds!.Value, precision: 3);
        Assert.Null(info.InfoFrameTag);
        Assert.All(server.SpeechRequests, r => Assert.Contains("api-version=", r.Query, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Produce_AzureOpenAI_ManifestCostsMatchThePriceTable()
    {
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync();
        server.FixedPromptTokens = PromptTokens;
        server.Responder = EpisodeResponder.For(Brief());
        await using var runner = new LocalEpisodeRunner();

        (_, EpisodeResult? result) = await runner.ProduceAsync(Request(), "azure-costs", ProviderStack.AzureSettings(server));

        Assert.Equal(EpisodeOutcome.Completed, result!.Outcome);
        EpisodeManifest manifest = Read<EpisodeManifest>(runner, "azure-costs/manifest.json");
        SegmentPlan plan = Read<SegmentPlan>(runner, "azure-costs/audio/segments.json");
        AgentCostSummary research = manifest.Costs.ByAgent.Single(a => a.Agent == AgentNames.Research);
        Assert.Equal(2, research.Calls);
        Assert.Equal("tokens", research.UnitKind);
        Assert.Equal(2 * (PromptTokens + FakeReply.DefaultCompletionTokens), research.Units);
        Assert.Equal(2 * CallUsd, research.CostUsd);
        // The writer and the evaluator are each called twice: the draft and its review, then the polish and its review.
        Assert.Equal(2 * CallUsd, manifest.Costs.ByAgent.Single(a => a.Agent == AgentNames.ScriptWriter).CostUsd);
        Assert.Equal(2 * CallUsd, manifest.Costs.ByAgent.Single(a => a.Agent == AgentNames.Evaluator).CostUsd);
        Assert.Equal(2 * CallUsd, manifest.Costs.Calls.Where(c => c.Stage == Stages.Polish).Sum(c => c.Usage.CostUsd));
        Assert.Equal(StageStatus.Completed, manifest.Stages.Single(s => s.Name == Stages.Polish).Status);
        Assert.Equal(CallUsd, manifest.Costs.ByAgent.Single(a => a.Agent == AgentNames.SocialWriter).CostUsd);
        long characters = plan.Segments.Sum(s => (long)s.Text.Length);
        AgentCostSummary speech = manifest.Costs.ByAgent.Single(a => a.Agent == AgentNames.AudioSynthesizer);
        Assert.Equal(characters, speech.Units);
        Assert.Equal(characters * 15m / 1_000_000m, speech.CostUsd);
        Assert.Equal((7 * CallUsd) + (characters * 15m / 1_000_000m), manifest.Costs.TotalUsd);
        Assert.True(manifest.Costs.TotalUsd > 0);
        Assert.All(manifest.Costs.Calls.Where(c => c.Usage.Agent != AgentNames.AudioSynthesizer), c => Assert.Equal("gpt-4o-mini", c.Usage.Model));
    }

    [Fact]
    public async Task Produce_429And500AndInvalidJsonAndAFailedStage_ManifestPaidIsWhatTheServerBilled()
    {
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync();
        server.FixedPromptTokens = PromptTokens;
        Func<FakeRequest, System.Text.Json.Nodes.JsonNode, FakeReply> episode = EpisodeResponder.For(Brief());
        // The social writer only ever gets junk: two answered (billed) calls, then the optional stage fails.
        server.Responder = (request, body) => request.SchemaName == "SocialAnswer" ? FakeReply.Chat("this is not JSON") : episode(request, body);
        server.Enqueue(FakeReply.TooManyRequests(0), FakeReply.Error(500, "The server had an error."), FakeReply.Chat("{ \"notes\": [ broken"));
        await using var runner = new LocalEpisodeRunner();

        (_, EpisodeResult? result) = await runner.ProduceAsync(Request(), "azure-faults", ProviderStack.AzureSettings(server));

        Assert.Equal(EpisodeOutcome.Partial, result!.Outcome);
        EpisodeManifest manifest = Read<EpisodeManifest>(runner, "azure-faults/manifest.json");
        // Before the journal, the failed social attempts (and their $) were recorded nowhere.
        Assert.Equal(server.BilledUsd, manifest.Costs.PaidUsd);
        Assert.Equal(server.BilledUsd, manifest.Costs.TotalUsd);
        Assert.Equal(0m, manifest.Costs.PossiblyBilledUsd);
        Assert.Equal(server.BilledUsd, result.CostUsd);
        Assert.Equal(2 * CallUsd, manifest.Costs.ByAgent.Single(a => a.Agent == AgentNames.SocialWriter).CostUsd);
        Assert.Equal(server.Billed.Count, manifest.Costs.JournaledCalls!.Answered);
        Assert.True(manifest.Costs.JournaledCalls.FailedAttempts >= 1);
    }

    [Fact]
    public async Task Produce_ResearchFailsAfterAnsweredCalls_FailedManifestShowsWhatWasBilled()
    {
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync();
        server.FixedPromptTokens = PromptTokens;
        server.Responder = (_, _) => FakeReply.Chat("{ \"notes\": \"not a list\" }");
        await using var runner = new LocalEpisodeRunner();

        (_, EpisodeResult? result) = await runner.ProduceAsync(Request(), "azure-failed", ProviderStack.AzureSettings(server));

        Assert.Null(result);
        EpisodeManifest manifest = Read<EpisodeManifest>(runner, "azure-failed/manifest.json");
        Assert.Equal("failed", manifest.Status);
        // Two angles, each answered twice (the answer and the repair) before the stage failed: before the journal, $0.
        Assert.Equal(4, server.Billed.Count);
        Assert.Equal(server.BilledUsd, manifest.Costs.TotalUsd);
        Assert.Equal(4 * CallUsd, manifest.Costs.ByAgent.Single(a => a.Agent == AgentNames.Research).CostUsd);
    }

    [Fact]
    public async Task Produce_AnswerArrivesAfterTheTimeout_ListedAsPossiblyBilledAndTheTotalCoversTheBill()
    {
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync();
        server.Responder = EpisodeResponder.For(Brief());
        // The first research call is answered (and billed) after the client gave up on it.
        server.Enqueue(FakeReply.Chat("{}", completionTokens: 500) with { DelayMs = 6500 });
        await using var runner = new LocalEpisodeRunner();
        Dictionary<string, string?> settings = ProviderStack.AzureSettings(server);
        settings["TextModel:TimeoutSeconds"] = "5";
        // No rate limit configured: the limiter sends the first call alone to learn it and the second angle waits for its
        // turn meanwhile, outside its attempt timeout, so only the late answer is listed as lost.

        (_, EpisodeResult? result) = await runner.ProduceAsync(Request(), "azure-lost", settings);

        Assert.Equal(EpisodeOutcome.Completed, result!.Outcome);
        // The server bills the late answer when it is done with it, which can be after the episode finished.
        for (int i = 0; i < 100 && server.Billed.Count < server.ChatRequests.Count() + server.SpeechRequests.Count(); i++)
        {
            await Task.Delay(100);
        }

        EpisodeManifest manifest = Read<EpisodeManifest>(runner, "azure-lost/manifest.json");
        PossiblyBilledCall lost = Assert.Single(manifest.Costs.PossiblyBilled!);
        Assert.Equal(AgentNames.Research, lost.Agent);
        Assert.True(lost.EstimateUsd > 0);
        Assert.Contains("no answer within 5 s", lost.Reason, StringComparison.Ordinal);
        // Never under-reports: what was paid for sure, plus what may have been, covers the provider's own bill.
        Assert.True(manifest.Costs.PaidUsd < server.BilledUsd, $"paid {manifest.Costs.PaidUsd} billed {server.BilledUsd}");
        Assert.True(manifest.Costs.TotalUsd >= server.BilledUsd, $"total {manifest.Costs.TotalUsd} billed {server.BilledUsd}");
    }

    [Fact]
    public async Task Revoice_EditWouldExceedTheEpisodeBudget_StopsBeforeAnySpeechIsPaid()
    {
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync();
        server.Responder = EpisodeResponder.For(Brief());
        string root = Directory.CreateTempSubdirectory("pf-revoice-budget-").FullName;
        Dictionary<string, string?> settings = ProviderStack.AzureSettings(server);
        settings["Artifacts:Provider"] = "FileSystem";
        settings["Artifacts:RootPath"] = root;
        try
        {
            await using LocalRuntime runtime = await LocalRuntime.StartAsync(BackendSettings.InMemory, settings);
            EpisodeRequest request = Request(OutputPriority.Audio) with { BudgetUsd = 0.05m };
            await runtime.Services.GetRequiredService<EpisodeStarter>().StartAsync(request, "budget-revoice", CancellationToken.None);
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            Assert.Equal(OrchestrationRuntimeStatus.Completed, (await runtime.Client.WaitForInstanceCompletionAsync("budget-revoice", timeout.Token)).RuntimeStatus);
            var editor = runtime.Services.GetRequiredService<ScriptEditor>();
            EditableEpisode episode = (await editor.FindAsync("budget-revoice", CancellationToken.None))!;
            ScriptEdit current = (await editor.ReadAsync("budget-revoice", episode.Input.Request.Hosts, CancellationToken.None))!;
            List<ScriptTurn> turns = [.. current.Turns];
            // 3,000 new characters of speech at $15 per million: $0.045, more than the budget has left.
            turns[1] = turns[1] with { Text = string.Join(' ', Enumerable.Range(1, 44).Select(i => $"Checkpoint number {i} lets a crashed workflow resume where it stopped.")) };
            await editor.TrySaveAsync("budget-revoice", current, current.Title, turns, current.Hosts, CancellationToken.None);
            int speechBefore = server.SpeechRequests.Count();

            await editor.StartRevoiceAsync(episode, CancellationToken.None);
            OrchestrationMetadata revoice = await runtime.Client.WaitForInstanceCompletionAsync(RevoiceOrchestrator.InstanceId("budget-revoice", 1), true, timeout.Token);

            Assert.True(revoice.RuntimeStatus == OrchestrationRuntimeStatus.Failed, revoice.SerializedOutput);
            Assert.Contains("budget of $0.05 would be exceeded", revoice.FailureDetails!.ErrorMessage, StringComparison.Ordinal);
            Assert.Equal(speechBefore, server.SpeechRequests.Count());
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task Produce_OpenAICompatibleEndpoint_UsesBearerKeyAndV1Routes()
    {
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync();
        server.Responder = EpisodeResponder.For(Brief());
        await using var runner = new LocalEpisodeRunner();
        var settings = new Dictionary<string, string?>
        {
            ["TextModel:Provider"] = "OpenAICompatible",
            ["TextModel:Endpoint"] = server.OpenAIBaseUrl.ToString(),
            ["TextModel:Model"] = "gpt-4o-mini",
            ["TextModel:ApiKey"] = FakeOpenAIServer.Key,
            ["Speech:Provider"] = "OpenAICompatible",
            ["Speech:Endpoint"] = server.OpenAIBaseUrl.ToString(),
            ["Speech:Model"] = "tts-1",
            ["Speech:ApiKey"] = FakeOpenAIServer.Key,
        };

        (_, EpisodeResult? result) = await runner.ProduceAsync(Request(OutputPriority.Audio), "compatible-episode", settings);

        Assert.Equal(EpisodeOutcome.Completed, result!.Outcome);
        Assert.True(File.Exists(runner.PathOf("compatible-episode/episode.mp3")));
        Assert.NotEmpty(server.ChatRequests);
        Assert.All(server.Requests, r => Assert.StartsWith("/v1/", r.Path, StringComparison.Ordinal));
        Assert.All(server.Requests, r => Assert.Equal("Bearer " + FakeOpenAIServer.Key, r.Authorization));
        Assert.All(server.ChatRequests, r => Assert.Equal("gpt-4o-mini", JsonDocument.Parse(r.Body).RootElement.GetProperty("model").GetString()));
    }

    [Fact]
    public async Task Produce_BudgetBelowResearchEstimate_FailsBeforeAnyPaidCallSayingSo()
    {
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync();
        server.Responder = EpisodeResponder.For(Brief());
        await using var runner = new LocalEpisodeRunner();

        (Microsoft.DurableTask.Client.OrchestrationMetadata metadata, _) = await runner.ProduceAsync(Request() with { BudgetUsd = 0.0001m }, "tiny-budget", ProviderStack.AzureSettings(server));

        Assert.Equal(Microsoft.DurableTask.Client.OrchestrationRuntimeStatus.Failed, metadata.RuntimeStatus);
        Assert.Contains("budget of $0.0001 would be exceeded", metadata.FailureDetails!.ErrorMessage, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Produce_BudgetCoversTextButNotSpeech_SkipsSpeechAndEndsPartial()
    {
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync();
        server.Responder = EpisodeResponder.For(Brief());
        await using var runner = new LocalEpisodeRunner();

        (_, EpisodeResult? result) = await runner.ProduceAsync(Request() with { BudgetUsd = 0.006m }, "small-budget", ProviderStack.AzureSettings(server));

        Assert.Equal(EpisodeOutcome.Partial, result!.Outcome);
        Assert.Contains(result.Warnings, w => w.StartsWith("audio:", StringComparison.Ordinal) && w.Contains("budget", StringComparison.Ordinal));
        Assert.Empty(server.SpeechRequests);
        // Research (2), draft, review, social: the polish was skipped first, because the draft's speech (reserved ahead of
        // it) and the polish did not both fit; the segment plan's own estimate then found the speech alone did not fit either.
        Assert.Contains(result.Warnings, w => w.StartsWith("polish:", StringComparison.Ordinal) && w.Contains("speech", StringComparison.Ordinal));
        Assert.Equal(5, server.ChatRequests.Count());
        Assert.True(result.CostUsd <= 0.006m);
    }

    const string AudioFormatMp3 = "Mp3";

    [Fact]
    public async Task Produce_SpeechAnswersTooShortForItsText_AudioFailsAndEpisodeIsPartial()
    {
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync();
        server.Responder = EpisodeResponder.For(Brief());
        server.SpeechScalesWithText = false;
        await using var runner = new LocalEpisodeRunner();

        (_, EpisodeResult? result) = await runner.ProduceAsync(Request(OutputPriority.Audio), "short-speech", ProviderStack.AzureSettings(server));

        Assert.Equal(EpisodeOutcome.Partial, result!.Outcome);
        string warning = Assert.Single(result.Warnings, w => w.StartsWith("audio:", StringComparison.Ordinal));
        Assert.Contains("at least a third is required", warning, StringComparison.Ordinal);
        Assert.False(File.Exists(runner.PathOf("short-speech/episode.mp3")));
    }

    static T Read<T>(LocalEpisodeRunner runner, string name) =>
        JsonSerializer.Deserialize<T>(File.ReadAllText(runner.PathOf(name)), PodcastJson.Options)!;
}
