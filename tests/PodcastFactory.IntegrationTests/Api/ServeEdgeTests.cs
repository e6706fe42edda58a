using System.Net;
using System.Text;
using System.Text.Json;

namespace PodcastFactory.IntegrationTests.Api;

/// <summary>Issue 20, item 10, against a real keyless <c>podcast serve</c>: cross-site writes and DNS rebinding.</summary>
public sealed partial class ServeStrictTests
{
    [Theory]
    [InlineData("evil.example")]
    [InlineData("evil.example:{port}")]
    [InlineData("127.0.0.1.evil.example:{port}")]
    [InlineData("localhost:1")]
    public async Task Serve_HostNotServed_Returns421Problem(string host)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/episodes");
        request.Headers.Host = host.Replace("{port}", serve.BaseAddress.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

        using HttpResponseMessage response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.MisdirectedRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Serve_DashboardWithRebindingHost_Returns421()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/dashboard/");
        request.Headers.Host = "evil.example:" + serve.BaseAddress.Port;

        using HttpResponseMessage response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.MisdirectedRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("127.0.0.1")]
    [InlineData("[::1]")]
    public async Task Serve_LoopbackNameWithItsPort_IsServed(string name)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/episodes?pageSize=1");
        request.Headers.Host = $"{name}:{serve.BaseAddress.Port}";

        using HttpResponseMessage response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Serve_NoCorsTextPlainFromAnotherOrigin_Returns403AndStartsNothing()
    {
        string id = "xsite-" + Guid.NewGuid().ToString("N")[..8];
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/episodes")
        {
            Content = new StringContent($$"""{"id":"{{id}}","topic":"Started by another site"}""", Encoding.UTF8, "text/plain"),
        };
        request.Headers.Add("Origin", "https://evil.example");

        using HttpResponseMessage response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync($"/api/episodes/{id}")).StatusCode);
    }

    [Fact]
    public async Task Serve_TextPlainWithoutOrigin_Returns415AndStartsNothing()
    {
        string id = "plain-" + Guid.NewGuid().ToString("N")[..8];

        using HttpResponseMessage response = await _http.PostAsync("/api/episodes", new StringContent($$"""{"id":"{{id}}","topic":"Durable workflows"}""", Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync($"/api/episodes/{id}")).StatusCode);
    }

    [Fact]
    public async Task Serve_HtmlFormPost_Returns415()
    {
        using HttpResponseMessage response = await _http.PostAsync("/api/episodes", new FormUrlEncodedContent([new("topic", "Durable workflows")]));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task Serve_BacklogPutFromAnotherOrigin_Returns403()
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/backlog") { Content = new StringContent("""{"topics":[]}""", Encoding.UTF8, "application/json") };
        request.Headers.Add("Origin", "http://localhost:1");

        using HttpResponseMessage response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Serve_JsonPostFromOwnOrigin_IsAccepted()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/episodes")
        {
            Content = new StringContent("""{"topic":"Durable workflows from the dashboard","priority":"social","depth":"quick","targetMinutes":1,"sources":[{"kind":"text","value":"Durable workflows replay their history after a crash."}]}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Origin", serve.BaseAddress.GetLeftPart(UriPartial.Authority));

        using HttpResponseMessage response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task Serve_BodilessCancelWithoutContentType_ReachesTheHandler()
    {
        using HttpResponseMessage response = await _http.PostAsync("/api/episodes/nobody-here/cancel", null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using JsonDocument problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(404, problem.RootElement.GetProperty("status").GetInt32());
    }
}
