using System.Text;
using Microsoft.AspNetCore.Http;
using PodcastFactory.Core.Api;

namespace PodcastFactory.Core.Tests.Api;

/// <summary>Issue 20, item 10: pages on other origins cannot change anything (no-cors text/plain fetches, HTML forms).</summary>
public sealed class CrossSiteGuardTests : IDisposable
{
    readonly ApiTestHost _host = new(new Dictionary<string, string?>
    {
        ["Api:AllowedOrigins:0"] = "https://studio.example.com",
        ["Feed:PublicBaseUrl"] = "https://pods.example.org/api",
    });

    public void Dispose() => _host.Dispose();

    static HttpRequest Request(string method = "POST", string? contentType = "application/json", string body = "{}", string? origin = null)
    {
        HttpRequest request = ApiTestHost.Request(body, method);
        request.ContentType = contentType;
        request.ContentLength = Encoding.UTF8.GetByteCount(body);
        if (origin is not null)
        {
            request.Headers.Origin = origin;
        }

        return request;
    }

    async Task<int?> StatusAsync(HttpRequest request) =>
        _host.Get<CrossSiteGuard>().Refuse(request) is { } refused ? (await _host.ExecuteAsync(request, refused)).Status : null;

    [Theory]
    [InlineData("https://evil.example")]
    [InlineData("http://localhost:7072")]
    [InlineData("https://localhost:7071")]
    [InlineData("null")]
    [InlineData("not a url")]
    public async Task Refuse_ForeignOriginOnPost_Returns403(string origin)
    {
        Assert.Equal(403, await StatusAsync(Request(origin: origin)));
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("PATCH")]
    public async Task Refuse_ForeignOriginOnOtherWrites_Returns403(string method)
    {
        Assert.Equal(403, await StatusAsync(Request(method, origin: "https://evil.example")));
    }

    [Theory]
    [InlineData("http://localhost:7071")]
    [InlineData("HTTP://LOCALHOST:7071")]
    [InlineData("https://studio.example.com")]
    [InlineData("https://pods.example.org")]
    public async Task Refuse_OwnPublicOrAllowedOrigin_LetsItThrough(string origin)
    {
        Assert.Null(await StatusAsync(Request(origin: origin)));
    }

    [Fact]
    public async Task Refuse_ForeignOriginOnGet_LetsItThroughBecauseReadsChangeNothing()
    {
        Assert.Null(await StatusAsync(Request("GET", contentType: null, body: "", origin: "https://evil.example")));
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("text/plain;charset=UTF-8")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data; boundary=x")]
    [InlineData("application/jsonp")]
    [InlineData("application/json; charset=latin1")]
    [InlineData("garbage///")]
    public async Task Refuse_BodyNotJson_Returns415Problem(string contentType)
    {
        HttpRequest request = Request(contentType: contentType, body: """{"topic":"Durable workflows"}""");

        var refused = _host.Get<CrossSiteGuard>().Refuse(request);

        var response = await _host.ExecuteAsync(request, refused!);
        Assert.Equal(415, response.Status);
        Assert.Equal("application/problem+json", response.ContentType);
    }

    [Fact]
    public async Task Refuse_BodyWithoutContentType_Returns415()
    {
        Assert.Equal(415, await StatusAsync(Request(contentType: null, body: """{"topic":"x"}""")));
    }

    [Fact]
    public async Task Refuse_ChunkedBodyWithoutContentType_Returns415()
    {
        HttpRequest request = Request(contentType: null, body: "");
        request.ContentLength = null;
        request.Headers.TransferEncoding = "chunked";

        Assert.Equal(415, await StatusAsync(request));
    }

    [Fact]
    public async Task Refuse_FormPostWithNoFields_Returns415()
    {
        // An HTML form with no inputs still declares its encoding.
        Assert.Equal(415, await StatusAsync(Request(contentType: "application/x-www-form-urlencoded", body: "")));
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("Application/JSON; charset=utf-8")]
    public async Task Refuse_JsonBody_LetsItThrough(string contentType)
    {
        Assert.Null(await StatusAsync(Request(contentType: contentType)));
    }

    [Fact]
    public async Task Refuse_BodilessCommandWithoutContentType_LetsItThrough()
    {
        // cancel and revoice take no body: a JSON client sends none and no content type.
        Assert.Null(await StatusAsync(Request(contentType: null, body: "")));
    }

    [Fact]
    public async Task Refuse_BodilessCommandFromForeignOrigin_Returns403()
    {
        Assert.Equal(403, await StatusAsync(Request(contentType: null, body: "", origin: "https://evil.example")));
    }
}
