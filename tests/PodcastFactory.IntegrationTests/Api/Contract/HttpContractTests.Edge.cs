using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using PodcastFactory.Core.Artifacts;

namespace PodcastFactory.IntegrationTests.Api.Contract;

/// <summary>The contract, continued: HEAD and Range on downloads, cross-site writes (issue 20, items 2 and 10).</summary>
public abstract partial class HttpContractTests
{
    async Task<string> PlantAudioAsync(int length = 100)
    {
        string id = NewId("range");
        byte[] audio = [.. Enumerable.Range(0, length).Select(i => (byte)i)];
        await Store.WriteAsync($"{id}/episode.mp3", new MemoryStream(audio), ContentTypes.Mp3, null, CancellationToken.None);
        return $"/api/episodes/{id}/artifacts/episode.mp3";
    }

    async Task<HttpResponseMessage> GetRangeAsync(string path, string range)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Range", range);
        return await Client.Http.SendAsync(request);
    }

    [Theory]
    [InlineData("bytes=10-19", 10, 19)]
    [InlineData("bytes=90-", 90, 99)]
    [InlineData("bytes=-5", 95, 99)]
    [InlineData("bytes=95-500", 95, 99)]
    public async Task Artifact_Range_Returns206WithContentRangeAndThoseBytes(string range, int first, int last)
    {
        string path = await PlantAudioAsync();

        using HttpResponseMessage response = await GetRangeAsync(path, range);

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal($"bytes {first}-{last}/100", response.Content.Headers.ContentRange?.ToString());
        Assert.Contains("bytes", response.Headers.AcceptRanges);
        Assert.Equal(Enumerable.Range(first, last - first + 1).Select(i => (byte)i), await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("bytes=100-")]
    [InlineData("bytes=500-600")]
    public async Task Artifact_UnsatisfiableRange_Returns416WithTheLength(string range)
    {
        string path = await PlantAudioAsync();

        using HttpResponseMessage response = await GetRangeAsync(path, range);

        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, response.StatusCode);
        Assert.Equal("bytes */100", response.Content.Headers.ContentRange?.ToString());
    }

    [Fact]
    public async Task Artifact_Get_AdvertisesByteRanges()
    {
        using HttpResponseMessage response = await Client.Http.GetAsync(await PlantAudioAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("bytes", response.Headers.AcceptRanges);
    }

    [Fact]
    public async Task Artifact_Head_Returns200WithTheGetHeadersAndNoBody()
    {
        string path = await PlantAudioAsync();

        using HttpResponseMessage head = await Client.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(100, head.Content.Headers.ContentLength);
        Assert.Equal("audio/mpeg", head.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task FeedArtwork_Head_Returns200WithLength()
    {
        using HttpResponseMessage head = await Client.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/api/feed/artwork.png"));

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.True(head.Content.Headers.ContentLength > 1000);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Create_ForeignOrigin_Returns403Problem()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/episodes") { Content = new StringContent(ContractClient.EpisodeBody(NewId("xsite")), Encoding.UTF8, "application/json") };
        request.Headers.Add("Origin", "https://evil.example");

        using HttpResponseMessage response = await Client.Http.SendAsync(request);

        await Client.AssertProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Create_OwnOrigin_IsAccepted()
    {
        // The dashboard's own requests: the host behind a proxy (the Functions front door) must still know its origin.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/episodes") { Content = new StringContent(ContractClient.EpisodeBody(NewId("own")), Encoding.UTF8, "application/json") };
        request.Headers.Add("Origin", BaseAddress.GetLeftPart(UriPartial.Authority));

        using HttpResponseMessage response = await Client.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task Create_BodyNotJson_Returns415Problem(string contentType)
    {
        using var content = new StringContent(ContractClient.EpisodeBody(NewId("plain")), Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);

        using HttpResponseMessage response = await Client.Http.PostAsync("/api/episodes", content);

        await Client.AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xFE })]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]
    public async Task Create_InvalidUtf8_Returns400Problem(byte[] invalid)
    {
        byte[] body = [.. Encoding.UTF8.GetBytes("{\"topic\":\"Durable "), .. invalid, .. Encoding.UTF8.GetBytes(" workflows\"}")];
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using HttpResponseMessage response = await Client.Http.PostAsync("/api/episodes", content);

        await Client.AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("""{"topic":"Durable \ud800 workflows"}""", "topic")]
    [InlineData("""{"topic":"Durable workflows","Topic":"Something else"}""", "Topic")]
    [InlineData("""{"topic":"Durable workflows \uffff"}""", "topic")]
    public async Task Create_LoneSurrogateDuplicateOrNonCharacter_Returns400NamingTheField(string body, string field)
    {
        using HttpResponseMessage response = await Client.PostJsonAsync("/api/episodes", body);

        JsonElement problem = await Client.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Theory]
    [InlineData("/api/feed.xml?format=atom")]
    [InlineData("/api/feed/artwork.png?size=3000")]
    public async Task Feed_UnknownQueryParameter_Returns400Problem(string path)
    {
        using HttpResponseMessage response = await Client.Http.GetAsync(path);

        await Client.AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Feed_PublishedEpisode_EveryLinkIsServedWhereTheFeedIsAndTheFeedAnswersHeadAnd304()
    {
        string id = NewId("feed-links");
        await ProduceAudioEpisodeAsync(id);

        using HttpResponseMessage feed = await Client.Http.GetAsync("/api/feed.xml");
        XElement item = XDocument.Parse(await feed.Content.ReadAsStringAsync()).Root!.Element("channel")!.Elements("item")
            .Single(i => i.Element("guid")!.Value == "podcastfactory:" + id);

        string[] links = [.. item.Elements().Attributes("url").Select(a => a.Value)];
        Assert.Equal(4, links.Length);
        foreach (string link in links)
        {
            Assert.Equal(BaseAddress.Authority, new Uri(link).Authority);
            using HttpResponseMessage response = await Client.Http.GetAsync(link);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{link}: {(int)response.StatusCode}");
        }

        Assert.NotNull(feed.Headers.ETag);
        using HttpResponseMessage head = await Client.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/api/feed.xml"));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(feed.Content.Headers.ContentLength, head.Content.Headers.ContentLength);
        Assert.Equal(feed.Headers.ETag, head.Headers.ETag);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        using var again = new HttpRequestMessage(HttpMethod.Get, "/api/feed.xml");
        again.Headers.IfNoneMatch.Add(feed.Headers.ETag);
        using HttpResponseMessage cached = await Client.Http.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, cached.StatusCode);
    }
}
