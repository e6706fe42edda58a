using System.Net.Http.Json;
using System.Net;
using System.Text.Json;
using System.Text;
using System.Xml.Linq;
using PodcastFactory.IntegrationTests.Workflow;

namespace PodcastFactory.IntegrationTests.Api;

/// <summary><c>podcast serve</c> in a child process: a whole offline episode driven over HTTP, audio downloaded.</summary>
public sealed class ServeEndToEndTests(ServeProcess serve) : IClassFixture<ServeProcess>
{
    [Fact]
    public async Task Serve_OfflineEpisodeOverHttp_CompletesAndServesItsAudio()
    {
        using var http = new HttpClient { BaseAddress = serve.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var body = new
        {
            id = "e2e-durable",
            topic = "How durable workflows recover from crashes",
            priority = "audio",
            targetMinutes = 2,
            sources = new[] { new { kind = "text", value = await File.ReadAllTextAsync(LocalEpisodeRunner.Fixture("durable-workflows.md")), name = "durable-workflows.md" } },
        };

        using HttpResponseMessage started = await http.PostAsJsonAsync("/api/episodes", body);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        Assert.Equal(new Uri(serve.BaseAddress, "/api/episodes/e2e-durable"), started.Headers.Location);

        JsonElement status = await WaitForEndAsync(http, started.Headers.Location!, TimeSpan.FromMinutes(2));
        Assert.Equal("completed", status.GetProperty("runtimeStatus").GetString());
        Assert.Equal("completed", status.GetProperty("outcome").GetString());
        Assert.Equal(100, status.GetProperty("percent").GetInt32());
        JsonElement audio = status.GetProperty("artifacts").EnumerateArray().Single(a => a.GetProperty("name").GetString() == "episode.wav");

        byte[] wav = await http.GetByteArrayAsync(audio.GetProperty("url").GetString());
        Assert.Equal("RIFF", Encoding.ASCII.GetString(wav, 0, 4));
        Assert.Equal("WAVE", Encoding.ASCII.GetString(wav, 8, 4));
        Assert.Equal(audio.GetProperty("bytes").GetInt64(), wav.LongLength);
        Assert.True(wav.Length > 100_000, $"episode.wav is only {wav.Length} bytes.");

        await AssertFeedEnclosureIsServedAsync(http);

        JsonElement list = JsonDocument.Parse(await http.GetStringAsync("/api/episodes?status=completed")).RootElement;
        Assert.Contains(list.GetProperty("items").EnumerateArray(), e => e.GetProperty("id").GetString() == "e2e-durable");
        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), e => e.GetProperty("id").GetString()!.EndsWith("-audio", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Serve_InvalidRequest_Returns400ProblemDetails()
    {
        using var http = new HttpClient { BaseAddress = serve.BaseAddress };

        using HttpResponseMessage response = await http.PostAsync("/api/episodes", new StringContent("""{"topic":"x","depth":"bottomless"}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        JsonElement problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.True(problem.GetProperty("errors").TryGetProperty("depth", out _));
    }

    // Issue 20, item 1: serve listens on a port picked at start (--port 0), never 7071, and the feed's links follow it.
    private async Task AssertFeedEnclosureIsServedAsync(HttpClient http)
    {
        XElement item = XDocument.Parse(await http.GetStringAsync("/api/feed.xml")).Root!.Element("channel")!.Elements("item")
            .Single(i => i.Element("guid")!.Value == "podcastfactory:e2e-durable");
        var enclosure = new Uri(item.Element("enclosure")!.Attribute("url")!.Value);
        Assert.NotEqual(7071, serve.BaseAddress.Port);
        Assert.Equal(serve.BaseAddress.Authority, enclosure.Authority);

        using HttpResponseMessage audio = await http.GetAsync(enclosure);
        Assert.Equal(HttpStatusCode.OK, audio.StatusCode);
        Assert.Equal("audio/mpeg", audio.Content.Headers.ContentType?.MediaType);
        Assert.Equal(long.Parse(item.Element("enclosure")!.Attribute("length")!.Value, System.Globalization.CultureInfo.InvariantCulture), (await audio.Content.ReadAsByteArrayAsync()).LongLength);
        foreach (XElement linked in item.Elements().Where(e => e.Attribute("url") is not null && e.Name != "enclosure"))
        {
            using HttpResponseMessage head = await http.SendAsync(new HttpRequestMessage(HttpMethod.Head, linked.Attribute("url")!.Value));
            Assert.True(head.StatusCode == HttpStatusCode.OK, $"{linked.Attribute("url")!.Value}: {(int)head.StatusCode}");
        }
    }

    private static async Task<JsonElement> WaitForEndAsync(HttpClient http, Uri statusUrl, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            JsonElement status = JsonDocument.Parse(await http.GetStringAsync(statusUrl, deadline.Token)).RootElement;
            if (status.GetProperty("runtimeStatus").GetString() is "completed" or "failed" or "terminated")
            {
                return status;
            }

            await Task.Delay(250, deadline.Token);
        }
    }
}
