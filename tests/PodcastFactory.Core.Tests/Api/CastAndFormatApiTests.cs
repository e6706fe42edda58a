using Microsoft.AspNetCore.Http;
using PodcastFactory.Core.Api;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Workflow;

namespace PodcastFactory.Core.Tests.Api;

/// <summary>Hostile bodies for the cast, format and instructions fields of <c>POST /api/episodes</c>.</summary>
public sealed class CastAndFormatApiTests : IDisposable
{
    readonly ApiTestHost _host = new();

    public void Dispose() => _host.Dispose();

    async Task<ApiResponse> StartAsync(string json)
    {
        HttpRequest request = ApiTestHost.Request(method: "POST");
        request.Body = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json));
        return await _host.ExecuteAsync(request, await _host.Get<EpisodeApi>().StartAsync(request, default));
    }

    static string Hosts(int count) =>
        "[" + string.Join(",", Enumerable.Range(0, count).Select(i => $$"""{"name":"Host{{i}}","voice":"flite:rms"}""")) + "]";

    [Theory]
    [InlineData("""{"topic":"Durable workflows","format":5}""", "format")]
    [InlineData("""{"topic":"Durable workflows","format":["debate"]}""", "format")]
    [InlineData("""{"topic":"Durable workflows","format":"roulette"}""", "format")]
    [InlineData("""{"topic":"Durable workflows","instructions":{"tone":"light"}}""", "instructions")]
    [InlineData("""{"topic":"Durable workflows","format":"brief","targetMinutes":10}""", "targetMinutes")]
    [InlineData("""{"topic":"Durable workflows","hosts":[]}""", "hosts")]
    public async Task StartAsync_BadCastOrFormat_Returns400NamingTheField(string body, string field)
    {
        ApiResponse response = await StartAsync(body);

        Assert.Equal(400, response.Status);
        Assert.True(response.Json.GetProperty("errors").TryGetProperty(field, out _), response.Text);
        Assert.Empty(_host.Client.Started);
    }

    [Fact]
    public async Task StartAsync_FiveHosts_Returns400NamingHosts()
    {
        ApiResponse response = await StartAsync($$"""{"topic":"Durable workflows","hosts":{{Hosts(5)}}}""");

        Assert.Equal(400, response.Status);
        Assert.True(response.Json.GetProperty("errors").TryGetProperty("hosts", out _), response.Text);
    }

    [Fact]
    public async Task StartAsync_PanelOfTwo_Returns400NamingHosts()
    {
        ApiResponse response = await StartAsync($$"""{"topic":"Durable workflows","format":"panel","hosts":{{Hosts(2)}}}""");

        Assert.Equal(400, response.Status);
        Assert.Contains("panel", response.Json.GetProperty("errors").GetProperty("hosts")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_InstructionsOverTheCap_Returns400NamingInstructions()
    {
        ApiResponse response = await StartAsync($$"""{"topic":"Durable workflows","instructions":"{{new string('x', 2001)}}"}""");

        Assert.Equal(400, response.Status);
        Assert.True(response.Json.GetProperty("errors").TryGetProperty("instructions", out _), response.Text);
    }

    [Fact]
    public async Task StartAsync_FourHostDebateWithInstructions_StartsWithThem()
    {
        ApiResponse response = await StartAsync($$"""{"topic":"Durable workflows","format":"debate","hosts":{{Hosts(4)}},"instructions":"Keep it friendly.","sources":[{"kind":"text","value":"Durable workflows replay their history."}]}""");

        Assert.True(response.Status == 202, response.Text);
        EpisodeRequest started = Assert.IsType<EpisodeInput>(Assert.Single(_host.Client.Started).Input).Request;
        Assert.Equal((EpisodeFormats.Debate, 4, "Keep it friendly."), (started.Format, started.Hosts.Count, started.Instructions));
    }
}
