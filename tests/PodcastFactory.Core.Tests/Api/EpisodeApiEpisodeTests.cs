using System.Text;
using Microsoft.DurableTask.Client;
using PodcastFactory.Core.Api;
using PodcastFactory.Core.Artifacts;
using PodcastFactory.Core.Workflow;

namespace PodcastFactory.Core.Tests.Api;

public sealed class EpisodeApiEpisodeTests : IDisposable
{
    private const string Id = "ep-known";
    private readonly ApiTestHost _host = new();

    private EpisodeApi Api => _host.Get<EpisodeApi>();

    [Fact]
    public async Task GetAsync_UnknownId_Returns404Problem()
    {
        var request = ApiTestHost.Request();

        var response = await _host.ExecuteAsync(request, await Api.GetAsync(request, "ep-missing", default));

        Assert.Equal(404, response.Status);
        Assert.Equal("application/problem+json", response.ContentType);
        Assert.Contains("ep-missing", response.Json.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_RunningEpisode_ReportsProgressAndArtifactLinks()
    {
        _host.Client.Instances[Id] = FakeDurableClient.Metadata(Id, OrchestrationRuntimeStatus.Running,
            """{"stage":"script","percent":35,"costUsd":0.0125,"warnings":["research: thin sources"]}""");
        await _host.Get<IArtifactStore>().WriteTextAsync(ArtifactNames.ResearchAngle(Id, 0), "# notes", null, default);
        var request = ApiTestHost.Request();

        var response = await _host.ExecuteAsync(request, await Api.GetAsync(request, Id, default));

        Assert.Equal(200, response.Status);
        var json = response.Json;
        Assert.Equal("running", json.GetProperty("runtimeStatus").GetString());
        Assert.Equal(Stages.Script, json.GetProperty("stage").GetString());
        Assert.Equal(35, json.GetProperty("percent").GetInt32());
        Assert.Equal(0.0125m, json.GetProperty("costUsd").GetDecimal());
        Assert.Equal("research: thin sources", json.GetProperty("warnings")[0].GetString());
        var artifact = Assert.Single(json.GetProperty("artifacts").EnumerateArray());
        Assert.Equal("research/angle-1.md", artifact.GetProperty("name").GetString());
        Assert.Equal("/api/episodes/ep-known/artifacts/research/angle-1.md", artifact.GetProperty("url").GetString());
    }

    [Fact]
    public async Task GetArtifactAsync_ArtifactOfTheEpisode_StreamsItsBytesAndType()
    {
        await _host.Get<IArtifactStore>().WriteTextAsync(ArtifactNames.Script(Id), """{"title":"t"}""", null, default);
        var request = ApiTestHost.Request();

        var response = await _host.ExecuteAsync(request, await Api.GetArtifactAsync(request, Id, "script.json", default));

        Assert.Equal(200, response.Status);
        Assert.Equal(ContentTypes.Json, response.ContentType);
        Assert.Equal("""{"title":"t"}""", Encoding.UTF8.GetString(response.Body));
    }

    [Theory]
    [InlineData("../ep-other/script.json")]
    [InlineData("research/../../ep-other/script.json")]
    [InlineData("/etc/passwd")]
    [InlineData(".script.json.meta")]
    [InlineData("")]
    public async Task GetArtifactAsync_NameOutsideTheEpisode_IsRefused(string name)
    {
        var store = _host.Get<IArtifactStore>();
        await store.WriteTextAsync("ep-other/script.json", "secret", null, default);
        await store.WriteTextAsync(ArtifactNames.Script(Id), "{}", null, default);
        var request = ApiTestHost.Request();

        var response = await _host.ExecuteAsync(request, await Api.GetArtifactAsync(request, Id, name, default));

        Assert.Equal(400, response.Status);
        Assert.Equal("application/problem+json", response.ContentType);
        Assert.DoesNotContain("secret", response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetArtifactAsync_MissingArtifact_Returns404()
    {
        var request = ApiTestHost.Request();

        var response = await _host.ExecuteAsync(request, await Api.GetArtifactAsync(request, Id, "episode.wav", default));

        Assert.Equal(404, response.Status);
    }

    [Fact]
    public async Task CancelAsync_RunningEpisode_TerminatesIt()
    {
        _host.Client.Instances[Id] = FakeDurableClient.Metadata(Id, OrchestrationRuntimeStatus.Running);
        var request = ApiTestHost.Request(method: "POST");

        var response = await _host.ExecuteAsync(request, await Api.CancelAsync(request, Id, default));

        Assert.Equal(202, response.Status);
        Assert.Equal([Id], _host.Client.Terminated);
    }

    [Fact]
    public async Task CancelAsync_FinishedEpisode_Returns409()
    {
        _host.Client.Instances[Id] = FakeDurableClient.Metadata(Id, OrchestrationRuntimeStatus.Completed);
        var request = ApiTestHost.Request(method: "POST");

        var response = await _host.ExecuteAsync(request, await Api.CancelAsync(request, Id, default));

        Assert.Equal(409, response.Status);
        Assert.Empty(_host.Client.Terminated);
    }

    public void Dispose() => _host.Dispose();
}
