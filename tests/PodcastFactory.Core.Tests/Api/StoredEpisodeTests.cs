using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Moq;
using PodcastFactory.Core.Api;
using PodcastFactory.Core.Artifacts;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Workflow;
using PodcastFactory.Core.Workflow.Activities;

namespace PodcastFactory.Core.Tests.Api;

/// <summary>Episodes another runner (podcast produce on its own backend) wrote into the store that podcast serve reads.</summary>
public sealed class StoredEpisodeTests : IDisposable
{
    private readonly ApiTestHost _host = new();

    private IArtifactStore Store => _host.Get<IArtifactStore>();

    public StoredEpisodeTests()
    {
        _host.Client.Mock.Setup(c => c.GetAllInstancesAsync(It.IsAny<OrchestrationQuery?>())).Returns(Pageable.Create<OrchestrationMetadata>(
            (_, _, _) => Task.FromResult(new Page<OrchestrationMetadata>([.. _host.Client.Instances.Values], null))));
    }

    private async Task ProducedAsync(string id, string status)
    {
        var started = new DateTime(2026, 12, 1, 10, 0, 0, DateTimeKind.Utc);
        await Store.WriteJsonAsync(ArtifactNames.Manifest(id), new EpisodeManifest(id, "Stored topic", status, null, new EpisodeRequest { Topic = "Stored topic" },
            started.AddMinutes(2), [new StageRecord("research", StageStatus.Completed, started, 1000, "ok")], new ManifestCosts(0.02m, [], []), [], ["audio: slow"]), null, default);
        await Store.WriteJsonAsync(ArtifactNames.Script(id), new Script("Stored title", [new ScriptTurn("Alex", "Hi.")], 0), null, default);
    }

    private async Task<ApiResponse> GetAsync(string id)
    {
        var request = ApiTestHost.Request();
        return await _host.ExecuteAsync(request, await _host.Get<EpisodeApi>().GetAsync(request, id, default));
    }

    private async Task<ApiResponse> ListAsync(string query = "")
    {
        var request = ApiTestHost.Request(query: query);
        return await _host.ExecuteAsync(request, await _host.Get<EpisodeApi>().ListAsync(request, default));
    }

    [Fact]
    public async Task GetAsync_EpisodeOnlyInTheStore_ReturnsItsStatusFromTheManifest()
    {
        await ProducedAsync("ep-produced", "needs-review");

        var response = await GetAsync("ep-produced");

        Assert.Equal(200, response.Status);
        Assert.Equal("completed", response.Json.GetProperty("runtimeStatus").GetString());
        Assert.Equal("needs-review", response.Json.GetProperty("outcome").GetString());
        Assert.Equal("Stored title", response.Json.GetProperty("title").GetString());
        Assert.Equal(0.02m, response.Json.GetProperty("costUsd").GetDecimal());
        Assert.True(response.Json.GetProperty("fromManifest").GetBoolean());
        Assert.Contains(response.Json.GetProperty("artifacts").EnumerateArray(), a => a.GetProperty("name").GetString() == "manifest.json");
    }

    [Fact]
    public async Task ListAsync_EpisodesOnlyInTheStore_AreListedBesideTheBackendsWithTheirOutcome()
    {
        _host.Client.Instances["ep-live"] = FakeDurableClient.Metadata("ep-live", OrchestrationRuntimeStatus.Running);
        await ProducedAsync("ep-produced", "partial");
        await ProducedAsync("ep-failed", "failed");

        var response = await ListAsync();

        Assert.Equal(200, response.Status);
        var items = response.Json.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("id").GetString()!);
        Assert.Equal(["ep-failed", "ep-live", "ep-produced"], items.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("partial", items["ep-produced"].GetProperty("outcome").GetString());
        Assert.Equal("failed", items["ep-failed"].GetProperty("runtimeStatus").GetString());
    }

    [Fact]
    public async Task ListAsync_StatusFilter_AppliesToStoredEpisodesToo()
    {
        await ProducedAsync("ep-produced", "completed");
        await ProducedAsync("ep-failed", "failed");

        var response = await ListAsync("?status=failed");

        Assert.Equal(["ep-failed"], response.Json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()));
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[1,2]")]
    public async Task GetAsync_DamagedManifestOnly_Returns404NotA500(string content)
    {
        await Store.WriteTextAsync(ArtifactNames.Manifest("ep-damaged"), content, null, default);

        Assert.Equal(404, (await GetAsync("ep-damaged")).Status);
        Assert.Empty((await ListAsync()).Json.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task GetAsync_InvalidId_Returns404WithoutReadingTheStore()
    {
        await Store.WriteTextAsync("feed.xml", "<rss/>", null, default);

        Assert.Equal(404, (await GetAsync("..")).Status);
    }

    public void Dispose() => _host.Dispose();
}
