using System.Text.Json.Nodes;
using PodcastFactory.Core.Api;
using PodcastFactory.Core.Providers.RateLimiting.Shared;
using PodcastFactory.Core.Workflow;
using PodcastFactory.Core.Workflow.Activities;
using PodcastFactory.Core.Workflow.Revoicing;
using PodcastFactory.Core.Workflow.Webhooks;
using PodcastFactory.IntegrationTests.Infra;

namespace PodcastFactory.IntegrationTests.Functions;

/// <summary>Reads the functions.metadata the Worker SDK generates into the Functions app's build output: what the host will index.</summary>
public sealed class FunctionsMetadataTests
{
    private static readonly Lazy<Dictionary<string, JsonArray>> _functions = new(Load);

    [Fact]
    public void Activities_EveryWorkflowActivity_HasAnActivityTriggerOfTheSameName()
    {
        Assert.All(WorkflowTasks.Activities, a => Assert.Equal("activityTrigger", Trigger(a.Name)["type"]!.GetValue<string>()));
    }

    [Fact]
    public void Orchestrators_EveryOrchestrator_HasAnOrchestrationTriggerUnderTheNameCoreCalls()
    {
        Assert.Equal([nameof(AudioOrchestrator), nameof(EpisodeOrchestrator), nameof(RevoiceOrchestrator), nameof(WebhookDeliveryOrchestrator)], WorkflowTasks.Orchestrators.Select(o => o.Name).Order(StringComparer.Ordinal));
        Assert.All(WorkflowTasks.Orchestrators, o => Assert.Equal("orchestrationTrigger", Trigger(o.Name)["type"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("StartEpisode", "post", ApiRoutes.Episodes, true)]
    [InlineData("ListEpisodes", "get", ApiRoutes.Episodes, true)]
    [InlineData("GetEpisode", "get", "episodes/{id}", true)]
    [InlineData("GetArtifact", "get,head", "episodes/{id}/artifacts/{*name}", true)]
    [InlineData("CancelEpisode", "post", "episodes/{id}/cancel", true)]
    [InlineData("ApproveEpisode", "post", "episodes/{id}/approve", true)]
    [InlineData("RejectEpisode", "post", "episodes/{id}/reject", true)]
    [InlineData("GetScript", "get", "episodes/{id}/script", true)]
    [InlineData("PutScript", "put", "episodes/{id}/script", true)]
    [InlineData("RevoiceEpisode", "post", "episodes/{id}/revoice", true)]
    [InlineData("GetBacklog", "get", "backlog", false)]
    [InlineData("PutBacklog", "put", "backlog", false)]
    [InlineData("CreateWebhook", "post", ApiRoutes.Webhooks, false)]
    [InlineData("ListWebhooks", "get", ApiRoutes.Webhooks, false)]
    [InlineData("GetWebhook", "get", ApiRoutes.Webhook, false)]
    [InlineData("DeleteWebhook", "delete", ApiRoutes.Webhook, false)]
    [InlineData("GetWebhookDeliveries", "get", ApiRoutes.WebhookDeliveries, false)]
    [InlineData("CreateQuote", "post", ApiRoutes.Quotes, true)]
    [InlineData("PreviewVoice", "post", ApiRoutes.VoicePreview, false)]
    [InlineData("PutShowArtwork", "put", ApiRoutes.ShowArtwork, false)]
    public void HttpFunctions_Route_MethodAndFunctionAuthLevel(string function, string method, string route, bool durableClient)
    {
        JsonObject trigger = Trigger(function);

        Assert.Equal("httpTrigger", trigger["type"]!.GetValue<string>());
        Assert.Equal(route, trigger["route"]!.GetValue<string>());
        Assert.Equal(method.Split(','), trigger["methods"]!.AsArray().Select(m => m!.GetValue<string>().ToLowerInvariant()));
        Assert.Equal("Function", trigger["authLevel"]!.GetValue<string>());
        Assert.Contains(_functions.Value[function], b => b!["type"]!.GetValue<string>() == "http" && b["direction"]!.GetValue<string>() == "Out");
        Assert.Equal(durableClient, _functions.Value[function].Any(b => b!["type"]!.GetValue<string>() == "durableClient"));
    }

    [Theory]
    [InlineData("GetFeed", ApiRoutes.Feed)]
    [InlineData("GetFeedArtwork", ApiRoutes.FeedArtwork)]
    [InlineData("GetShowFeed", ApiRoutes.ShowFeed)]
    [InlineData("GetShowArtwork", ApiRoutes.ShowArtwork)]
    public void FeedFunctions_Route_AnonymousBecausePodcastAppsSendNoKeys(string function, string route)
    {
        JsonObject trigger = Trigger(function);

        Assert.Equal(route, trigger["route"]!.GetValue<string>());
        Assert.Equal(["get", "head"], trigger["methods"]!.AsArray().Select(m => m!.GetValue<string>().ToLowerInvariant()));
        Assert.Equal("Anonymous", trigger["authLevel"]!.GetValue<string>());
    }

    [Fact]
    public void Dashboard_Route_AnonymousGetOfTheDashboardFiles()
    {
        JsonObject trigger = Trigger("Dashboard");

        Assert.Equal("dashboard/{*path}", trigger["route"]!.GetValue<string>());
        Assert.Equal(["get"], trigger["methods"]!.AsArray().Select(m => m!.GetValue<string>().ToLowerInvariant()));
        Assert.Equal("Anonymous", trigger["authLevel"]!.GetValue<string>());
    }

    [Fact]
    public void ScheduledEpisode_TimerSchedule_IsTheEpisodeScheduleSetting()
    {
        JsonObject trigger = Trigger("ScheduledEpisode");

        Assert.Equal("timerTrigger", trigger["type"]!.GetValue<string>());
        Assert.Equal("%EpisodeSchedule%", trigger["schedule"]!.GetValue<string>());
        Assert.Contains(_functions.Value["ScheduledEpisode"], b => b!["type"]!.GetValue<string>() == "durableClient");
    }

    [Fact]
    public void Functions_NoUnexpectedFunctions_AreIndexed()
    {
        // ... + 5: the five webhook routes; + 1: the provider quota entity; + 1: the voice list; + 1: the quotes route;
        // + 1: the voice preview; + 6: the show routes (create, list, get, put, delete, feed).
        int expected = WorkflowTasks.Activities.Count + WorkflowTasks.Orchestrators.Count + 12 + 2 + 1 + 1 + 5 + 1 + 1 + 1 + 1 + 6 + 2;

        Assert.Equal(expected, _functions.Value.Count);
    }

    [Fact]
    public void ProviderQuota_EntityTrigger_IsIndexedAndProviderActivitiesBindTheDurableClient()
    {
        Assert.Equal("entityTrigger", Trigger(ProviderQuotaEntity.Name)["type"]!.GetValue<string>());
        // The durable client reaches the process's limit sharing through the activities that call providers.
        Assert.Contains(_functions.Value[nameof(SynthesizeSegmentActivity)], b => b!["type"]!.GetValue<string>() == "durableClient");
        Assert.Contains(_functions.Value[nameof(ResearchAngleActivity)], b => b!["type"]!.GetValue<string>() == "durableClient");
    }

    private static JsonObject Trigger(string function)
    {
        Assert.True(_functions.Value.TryGetValue(function, out JsonArray? bindings), $"functions.metadata has no function '{function}'.");
        return Assert.Single(bindings!, b => b!["type"]!.GetValue<string>().EndsWith("Trigger", StringComparison.Ordinal))!.AsObject();
    }

    private static Dictionary<string, JsonArray> Load()
    {
        string bin = Path.Combine(BicepCli.RepositoryRoot, "src", "PodcastFactory.Functions", "bin");
        string configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        string preferred = Path.Combine(bin, configuration, "net10.0", "functions.metadata");
        string path = File.Exists(preferred)
            ? preferred
            : Directory.EnumerateFiles(bin, "functions.metadata", SearchOption.AllDirectories).OrderByDescending(File.GetLastWriteTimeUtc).FirstOrDefault()
                ?? throw new FileNotFoundException($"No functions.metadata under {bin}: build src/PodcastFactory.Functions first.");
        return JsonNode.Parse(File.ReadAllText(path))!.AsArray()
            .ToDictionary(f => f!["name"]!.GetValue<string>(), f => f!["bindings"]!.AsArray(), StringComparer.Ordinal);
    }
}
