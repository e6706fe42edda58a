using System.Net;
using System.Text;
using System.Text.Json;

namespace PodcastFactory.IntegrationTests.Api;

/// <summary>Requirement 5 against a real <c>podcast serve</c> (started with a bogus HTTP_PROXY and no NO_PROXY).</summary>
public sealed partial class ServeStrictTests(ServeProcess serve) : IClassFixture<ServeProcess>
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = serve.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

    [Fact]
    public async Task Serve_HttpProxySetWithoutNoProxy_StillStartsAndListsEpisodes()
    {
        var body = new StringContent("""{"topic":"Durable workflows behind a proxy","priority":"social","depth":"quick","targetMinutes":1,"sources":[{"kind":"text","value":"Checkpoints make workflows durable."}]}""", Encoding.UTF8, "application/json");

        HttpResponseMessage started = await _http.PostAsync("/api/episodes", body);
        HttpResponseMessage listed = await _http.GetAsync("/api/episodes?pageSize=5");

        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
    }

    [Fact]
    public async Task Serve_ChunkedBodyOverTheCap_Returns413Problem()
    {
        var content = new PushStreamContent(async stream =>
        {
            byte[] chunk = Encoding.UTF8.GetBytes(new string('a', 64 * 1024));
            await stream.WriteAsync(Encoding.UTF8.GetBytes("{\"topic\":\""));
            for (int i = 0; i < 6 * 16; i++)
            {
                await stream.WriteAsync(chunk);
            }
        });
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/episodes") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        HttpResponseMessage response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/api/episodes?continuationToken=not-a-token", "continuationToken")]
    [InlineData("/api/episodes?top=-1", "top")]
    [InlineData("/api/episodes?top=abc", "top")]
    public async Task Serve_BadQuery_Returns400ProblemNamingTheParameter(string url, string field)
    {
        HttpResponseMessage response = await _http.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using JsonDocument problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _));
    }

    /// <summary>Content written by a callback with no length: HttpClient sends it chunked.</summary>
    private sealed class PushStreamContent(Func<Stream, Task> write) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => write(stream);

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
