using PodcastFactory.Core.Api;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Workflow;

namespace PodcastFactory.Core.Tests.Api;

public sealed class EpisodeApiStartTests : IDisposable
{
    private const string ValidBody = """{"id":"ep-api-1","topic":"Durable workflows","priority":"audio","depth":"quick","targetMinutes":2,"sources":[{"kind":"text","value":"Checkpoints make workflows durable."}]}""";
    private readonly ApiTestHost _host = new();

    [Fact]
    public async Task StartAsync_ValidRequest_Returns202WithLocationAndStartsTheEpisode()
    {
        var request = ApiTestHost.Request(ValidBody, "POST");

        var response = await _host.ExecuteAsync(request, await _host.Get<EpisodeApi>().StartAsync(request, default));

        Assert.Equal(202, response.Status);
        Assert.Equal("http://localhost:7071/api/episodes/ep-api-1", response.Headers.Location.ToString());
        Assert.Equal("ep-api-1", response.Json.GetProperty("id").GetString());
        Assert.True(response.Json.GetProperty("created").GetBoolean());
        var (name, input, id) = Assert.Single(_host.Client.Started);
        Assert.Equal(nameof(EpisodeOrchestrator), name);
        Assert.Equal("ep-api-1", id);
        var episode = Assert.IsType<EpisodeInput>(input);
        Assert.Equal(OutputPriority.Audio, episode.Request.Priority);
        Assert.Equal(ResearchDepth.Quick, episode.Request.Depth);
        Assert.Single(episode.Sources);
    }

    [Theory]
    [InlineData("", true)]
    [InlineData(",\"polish\":false", false)]
    public async Task StartAsync_PolishField_ReachesTheEpisodeRequestDefaultingToOn(string field, bool polish)
    {
        var request = ApiTestHost.Request("{\"id\":\"ep-polish-1\",\"topic\":\"Durable Functions\",\"sources\":[{\"kind\":\"text\",\"value\":\"Durable workflows replay their history.\"}]" + field + "}", "POST");

        var response = await _host.ExecuteAsync(request, await _host.Get<EpisodeApi>().StartAsync(request, default));

        Assert.Equal(202, response.Status);
        var episode = Assert.IsType<EpisodeInput>(Assert.Single(_host.Client.Started).Input);
        Assert.Equal(polish, episode.Request.Polish);
        Assert.Equal(polish, EpisodePlanner.Plan(episode.Request).RunPolish);
    }

    [Fact]
    public async Task StartAsync_SameIdTwice_StartsOneOrchestrationAndPointsAtIt()
    {
        var api = _host.Get<EpisodeApi>();
        var first = ApiTestHost.Request(ValidBody, "POST");
        await _host.ExecuteAsync(first, await api.StartAsync(first, default));
        var second = ApiTestHost.Request(ValidBody, "POST");

        var response = await _host.ExecuteAsync(second, await api.StartAsync(second, default));

        Assert.Equal(200, response.Status);
        Assert.False(response.Json.GetProperty("created").GetBoolean());
        Assert.Equal("http://localhost:7071/api/episodes/ep-api-1", response.Headers.Location.ToString());
        Assert.Single(_host.Client.Started);
    }

    [Fact]
    public async Task StartAsync_WebResearchWithoutSearchProvider_Returns400NamingTheSetting()
    {
        var request = ApiTestHost.Request("""{"id":"ep-web-1","topic":"Durable Functions","research":"web"}""", "POST");

        var response = await _host.ExecuteAsync(request, await _host.Get<EpisodeApi>().StartAsync(request, default));

        Assert.Equal(400, response.Status);
        string message = response.Json.GetProperty("errors").GetProperty("research")[0].GetString()!;
        Assert.Contains("Search__Provider", message, StringComparison.Ordinal);
        Assert.Empty(_host.Client.Started);
    }

    [Fact]
    public async Task StartAsync_InvalidFields_Returns400ProblemKeyedByField()
    {
        var request = ApiTestHost.Request("""{"id":"Bad Id!","topic":"x","targetMinutes":99}""", "POST");

        var response = await _host.ExecuteAsync(request, await _host.Get<EpisodeApi>().StartAsync(request, default));

        Assert.Equal(400, response.Status);
        Assert.Equal("application/problem+json", response.ContentType);
        var errors = response.Json.GetProperty("errors");
        Assert.True(errors.TryGetProperty("topic", out _));
        Assert.True(errors.TryGetProperty("targetMinutes", out _));
        Assert.True(errors.TryGetProperty("id", out _));
        Assert.Equal(400, response.Json.GetProperty("status").GetInt32());
        Assert.Empty(_host.Client.Started);
    }

    [Fact]
    public async Task StartAsync_TopicOnlyWithoutSearchProvider_Returns400NamingSearchProviderAndSource()
    {
        var request = ApiTestHost.Request("""{"id":"ep-topic-only","topic":"Durable Functions"}""", "POST");

        var response = await _host.ExecuteAsync(request, await _host.Get<EpisodeApi>().StartAsync(request, default));

        Assert.Equal(400, response.Status);
        Assert.Equal("application/problem+json", response.ContentType);
        string message = response.Json.GetProperty("errors").GetProperty("sources")[0].GetString()!;
        Assert.Contains("Search__Provider", message, StringComparison.Ordinal);
        Assert.Contains("--source", message, StringComparison.Ordinal);
        Assert.Empty(_host.Client.Started);
    }

    [Theory]
    [InlineData("flite:bogus", 0, "flite:rms")]
    [InlineData("nosuchvoice", 1, "en-us+m3")]
    [InlineData("en-us+zz9", 0, "m3")]
    [InlineData("zz-qq+m3", 1, "en-us+m3")]
    [InlineData("../../etc/passwd", 1, "flite:slt")]
    public async Task StartAsync_UnknownVoice_Returns400NamingTheHostAndListingVoices(string voice, int host, string listed)
    {
        string hosts = host == 0
            ? $$"""[{"name":"Alex","voice":"{{voice}}"},{"name":"Sam","voice":"flite:slt"}]"""
            : $$"""[{"name":"Alex","voice":"flite:rms"},{"name":"Sam","voice":"{{voice}}"}]""";
        var request = ApiTestHost.Request($$"""{"topic":"Durable workflows","hosts":{{hosts}},"sources":[{"kind":"text","value":"Checkpoints make workflows durable."}]}""", "POST");

        var response = await _host.ExecuteAsync(request, await _host.Get<EpisodeApi>().StartAsync(request, default));

        Assert.Equal(400, response.Status);
        string message = response.Json.GetProperty("errors").GetProperty($"hosts[{host}].voice")[0].GetString()!;
        Assert.Contains(voice, message, StringComparison.Ordinal);
        Assert.Contains(listed, message, StringComparison.Ordinal);
        Assert.Empty(_host.Client.Started);
    }

    [Theory]
    [InlineData("en-gb+f2")]
    [InlineData("en")] // a bare espeak-ng language voice ("de" here is now refused: it cannot speak the episode's English)
    [InlineData("alloy")]
    [InlineData("FLITE:AWB")]
    public async Task StartAsync_KnownVoice_Returns202(string voice)
    {
        var request = ApiTestHost.Request($$"""{"topic":"Durable workflows","hosts":[{"name":"Alex","voice":"{{voice}}"},{"name":"Sam","voice":"flite:slt"}],"sources":[{"kind":"text","value":"Checkpoints make workflows durable."}]}""", "POST");

        var response = await _host.ExecuteAsync(request, await _host.Get<EpisodeApi>().StartAsync(request, default));

        Assert.Equal(202, response.Status);
    }

    [Theory]
    [InlineData("""{"topic":"Durable workflows","priority":"loud"}""", "priority")]
    [InlineData("""{"topic":"Durable workflows","targetMinutes":"five"}""", "targetMinutes")]
    [InlineData("""{"topic":"Durable workflows","hosts":[{"name":"A","voice":1}]}""", "hosts[0].voice")]
    [InlineData("""{"topic": """, "body")]
    [InlineData("", "body")]
    public async Task StartAsync_UnreadableBody_Returns400NamingTheField(string body, string field)
    {
        var request = ApiTestHost.Request(body, "POST");

        var response = await _host.ExecuteAsync(request, await _host.Get<EpisodeApi>().StartAsync(request, default));

        Assert.Equal(400, response.Status);
        Assert.Equal("application/problem+json", response.ContentType);
        Assert.True(response.Json.GetProperty("errors").TryGetProperty(field, out _), response.Text);
        Assert.Empty(_host.Client.Started);
    }

    [Fact]
    public async Task StartAsync_FileSource_IsRefusedSoCallersCannotReadServerFiles()
    {
        var request = ApiTestHost.Request("""{"topic":"Durable workflows","sources":[{"kind":"file","value":"/etc/passwd"}]}""", "POST");

        var response = await _host.ExecuteAsync(request, await _host.Get<EpisodeApi>().StartAsync(request, default));

        Assert.Equal(400, response.Status);
        Assert.True(response.Json.GetProperty("errors").TryGetProperty("sources[0].kind", out _));
        Assert.Empty(_host.Client.Started);
        Assert.False(Directory.Exists(_host.Root) && Directory.EnumerateFiles(_host.Root, "*", SearchOption.AllDirectories).Any());
    }

    [Fact]
    public async Task ListAsync_UnknownStatus_Returns400NamingStatus()
    {
        var request = ApiTestHost.Request(query: "?status=running,sleeping");

        var response = await _host.ExecuteAsync(request, await _host.Get<EpisodeApi>().ListAsync(request, default));

        Assert.Equal(400, response.Status);
        Assert.Contains("sleeping", response.Json.GetProperty("errors").GetProperty("status")[0].GetString(), StringComparison.Ordinal);
    }

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task StartAsync_TwentyConcurrentSameRequests_OneSchedulesOthersGet200WithIt()
    {
        var api = _host.Get<EpisodeApi>();
        int[] statuses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(async () =>
        {
            var request = ApiTestHost.Request(ValidBody, "POST");
            var response = await _host.ExecuteAsync(request, await api.StartAsync(request, default));
            return response.Status;
        })));

        Assert.Single(statuses, s => s == 202);
        Assert.Equal(19, statuses.Count(s => s == 200));
        Assert.Single(_host.Client.Started);
    }

    [Fact]
    public async Task StartAsync_ConcurrentDifferentRequestsForOneId_OneStartsOthersGet409()
    {
        var api = _host.Get<EpisodeApi>();
        int[] statuses = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Task.Run(async () =>
        {
            string body = ValidBody.Replace("Durable workflows", $"Durable workflows, take {i}", StringComparison.Ordinal);
            var request = ApiTestHost.Request(body, "POST");
            var response = await _host.ExecuteAsync(request, await api.StartAsync(request, default));
            return response.Status;
        })));

        Assert.Single(statuses, s => s == 202);
        Assert.Equal(9, statuses.Count(s => s == 409));
        var (_, input, _) = Assert.Single(_host.Client.Started);
        Assert.StartsWith("Durable workflows, take ", Assert.IsType<EpisodeInput>(input).Request.Topic, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_ExistingIdWithDifferentBody_Returns409ProblemAndStartsNothingNew()
    {
        var api = _host.Get<EpisodeApi>();
        var first = ApiTestHost.Request(ValidBody, "POST");
        await _host.ExecuteAsync(first, await api.StartAsync(first, default));
        var second = ApiTestHost.Request(ValidBody.Replace("\"targetMinutes\":2", "\"targetMinutes\":3", StringComparison.Ordinal), "POST");

        var response = await _host.ExecuteAsync(second, await api.StartAsync(second, default));

        Assert.Equal(409, response.Status);
        Assert.Equal("application/problem+json", response.ContentType);
        Assert.Single(_host.Client.Started);
    }
}
