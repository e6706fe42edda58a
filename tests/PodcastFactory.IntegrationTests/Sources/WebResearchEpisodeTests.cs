using Microsoft.DurableTask.Client;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Sources.Web;
using PodcastFactory.Core.Tests.TestServers;
using PodcastFactory.Core.Workflow;
using PodcastFactory.IntegrationTests.Workflow;

namespace PodcastFactory.IntegrationTests.Sources;

public sealed class WebResearchEpisodeTests : IAsyncLifetime
{
    FakeSearchServer _search = null!;
    PageSites _pages = null!;

    public async Task InitializeAsync()
    {
        _search = await FakeSearchServer.StartAsync();
        _pages = await PageSites.StartAsync(goodPages: 3);
        _search.PageUrls.AddRange([_pages.Good[0], _pages.Binary, _pages.Gopher, _pages.Good[1], _pages.Good[2]]);
    }

    public async Task DisposeAsync()
    {
        await _pages.DisposeAsync();
        await _search.DisposeAsync();
    }

    Dictionary<string, string?> Settings() => new()
    {
        ["Search:Provider"] = "SearXng",
        ["Search:Endpoint"] = _search.Root.ToString(),
        ["Search:MaxRetries"] = "0",
        ["Workflow:AllowPrivateNetworkSources"] = "true", // the test pages live on loopback
    };

    static EpisodeRequest TopicOnly() => new()
    {
        Topic = "How durable workflows recover from crashes",
        TargetMinutes = 1,
        Priority = OutputPriority.Social,
        Depth = ResearchDepth.Quick,
    };

    [Fact]
    public async Task Produce_TopicOnlyWithSearch_CapturesPagesAndCitesThem()
    {
        await using var runner = new LocalEpisodeRunner();

        (OrchestrationMetadata metadata, EpisodeResult? result) = await runner.ProduceAsync(TopicOnly() with { Depth = ResearchDepth.Standard }, "web-topic", Settings());

        Assert.True(result is not null, metadata.FailureDetails?.ErrorMessage);
        string page = await File.ReadAllTextAsync(runner.PathOf(CapturedPage.ArtifactName("web-topic", new Uri(_pages.Good[0]))));
        Assert.Contains("- URL: " + _pages.Good[0], page, StringComparison.Ordinal);
        Assert.Contains("- Retrieved: ", page, StringComparison.Ordinal);
        Assert.DoesNotContain("tracking", page, StringComparison.Ordinal);
        Assert.Contains("- URL: " + _pages.Good[2], await File.ReadAllTextAsync(runner.PathOf(CapturedPage.ArtifactName("web-topic", new Uri(_pages.Good[2])))), StringComparison.Ordinal); // replaced the dropped ones
        // Three angles chose the same three pages: each was fetched and captured once, and every angle cites it.
        Assert.Equal(3, Directory.GetFiles(runner.PathOf("web-topic/sources"), "web-*.md").Length);
        Assert.Equal(3, _pages.GoodRequests);
        string research = await File.ReadAllTextAsync(runner.PathOf("web-topic/research.md"));
        Assert.Contains($"]({_pages.Good[0]}), retrieved ", research, StringComparison.Ordinal);
        Assert.Contains("quote: \"", research, StringComparison.Ordinal);
        Assert.Contains("application/octet-stream, not text", research, StringComparison.Ordinal);
        Assert.Contains("redirects to gopher:", research, StringComparison.Ordinal);
        string manifest = await File.ReadAllTextAsync(runner.PathOf("web-topic/manifest.json"));
        Assert.Contains("\"research\": \"web\"", manifest, StringComparison.Ordinal);
        Assert.Contains("\"web-search\"", manifest, StringComparison.Ordinal);
        Assert.Matches("\"claimsChecked\": [1-9]", manifest);
    }

    [Fact]
    public async Task Produce_EverySearchFails_ResearchFailsSayingWhy()
    {
        await using var runner = new LocalEpisodeRunner();
        _search.Fail(503, "{\"error\":\"down\"}", times: 50);

        (OrchestrationMetadata metadata, EpisodeResult? result) = await runner.ProduceAsync(TopicOnly(), "web-down", Settings());

        Assert.Null(result);
        string error = metadata.FailureDetails?.ErrorMessage ?? "";
        Assert.Contains("web research found nothing usable", error, StringComparison.Ordinal);
        Assert.Contains("503", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Produce_NoProviderNoSources_IsRefusedAtStartSayingHowToConfigureSearch()
    {
        await using var runner = new LocalEpisodeRunner();

        var refused = await Assert.ThrowsAsync<Core.Workflow.Starting.RequestValidationException>(() => runner.ProduceAsync(TopicOnly(), "web-none"));

        Assert.Contains(refused.Errors, e => e.Field == "sources" && e.Message.Contains("Search__Provider", StringComparison.Ordinal));
        Assert.False(Directory.Exists(runner.PathOf("web-none")));
        Assert.Equal(0, _pages.Requests);
    }
}
