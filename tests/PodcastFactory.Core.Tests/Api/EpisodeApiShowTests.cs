using PodcastFactory.Core.Api;

namespace PodcastFactory.Core.Tests.Api;

/// <summary>The <c>show</c> field of <c>POST /api/episodes</c>: anything but a show id is a 400 naming it (a known show reaching the episode: <c>ShowApiTests</c>).</summary>
public sealed class EpisodeApiShowTests : IDisposable
{
    private readonly ApiTestHost _host = new();

    static string Body(string show) =>
        "{\"id\":\"ep-show-1\",\"topic\":\"Durable workflows\",\"sources\":[{\"kind\":\"text\",\"value\":\"Checkpoints make workflows durable.\"}],\"show\":" + show + "}";

    [Theory]
    [InlineData("\"../../etc\"")]
    [InlineData("\"Durable Weekly\"")]
    [InlineData("\"\"")]
    [InlineData("5")]
    [InlineData("[\"weekly\"]")]
    [InlineData("{\"id\":\"weekly\"}")]
    public async Task StartAsync_NotAShowId_Returns400NamingShowAndStartsNothing(string show)
    {
        var request = ApiTestHost.Request(Body(show), "POST");

        var response = await _host.ExecuteAsync(request, await _host.Get<EpisodeApi>().StartAsync(request, default));

        Assert.Equal(400, response.Status);
        Assert.Equal("application/problem+json", response.ContentType);
        Assert.True(response.Json.GetProperty("errors").TryGetProperty("show", out _), response.Text);
        Assert.Empty(_host.Client.Started);
    }

    [Fact]
    public async Task StartAsync_OversizedShowId_Returns400NamingShow()
    {
        var request = ApiTestHost.Request(Body("\"" + new string('a', 10_000) + "\""), "POST");

        var response = await _host.ExecuteAsync(request, await _host.Get<EpisodeApi>().StartAsync(request, default));

        Assert.Equal(400, response.Status);
        Assert.True(response.Json.GetProperty("errors").TryGetProperty("show", out _), response.Text);
        Assert.Empty(_host.Client.Started);
    }

    public void Dispose() => _host.Dispose();
}
