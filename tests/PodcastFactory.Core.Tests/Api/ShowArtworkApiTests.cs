using System.Xml.Linq;
using Microsoft.AspNetCore.Http;
using PodcastFactory.Core.Api;
using PodcastFactory.Core.Tests.Workflow.Shows;

namespace PodcastFactory.Core.Tests.Api;

/// <summary>Issue 24 item 1: a show's uploaded artwork (PUT with If-Match, judged by its bytes), served anonymously and named by the show's feed.</summary>
public sealed class ShowArtworkApiTests : IDisposable
{
    const string Show = """{"id":"tech-weekly","title":"Tech Weekly","ownerEmail":"owner@example.com","artworkUrl":"https://93.184.215.14/art.png","hosts":[{"name":"Kim","voice":"flite:slt"},{"name":"Lee","voice":"flite:rms"}]}""";
    const string ArtworkPath = "/api/shows/tech-weekly/artwork";

    static readonly byte[] _goodPng = TestImages.Png(1400, 1400);

    readonly ApiTestHost _host = new(new Dictionary<string, string?> { ["Feed:PublicBaseUrl"] = "https://pods.example.org/api" });

    public void Dispose() => _host.Dispose();

    ShowArtworkApi Api => _host.Get<ShowArtworkApi>();

    async Task<string> CreateShowAsync()
    {
        HttpRequest request = ApiTestHost.Request(Show, "POST");
        request.ContentType = "application/json";
        ApiResponse created = await _host.ExecuteAsync(request, await _host.Get<ShowApi>().CreateAsync(request, default));
        Assert.True(created.Status == 201, created.Text);
        return created.Headers.ETag.ToString();
    }

    static HttpRequest Upload(byte[] body, string? contentType, string? ifMatch, long? contentLength = -1)
    {
        HttpRequest request = ApiTestHost.Request(method: "PUT");
        request.Path = ArtworkPath;
        request.Body = new MemoryStream(body);
        request.ContentType = contentType;
        request.ContentLength = contentLength == -1 ? body.Length : contentLength;
        if (ifMatch is not null)
        {
            request.Headers.IfMatch = ifMatch;
        }

        return request;
    }

    async Task<ApiResponse> PutAsync(byte[] body, string? contentType, string? ifMatch)
    {
        HttpRequest request = Upload(body, contentType, ifMatch);
        return await _host.ExecuteAsync(request, await Api.PutAsync(request, "tech-weekly", default));
    }

    async Task<ApiResponse> GetAsync(string? ifNoneMatch = null)
    {
        HttpRequest request = ApiTestHost.Request();
        if (ifNoneMatch is not null)
        {
            request.Headers.IfNoneMatch = ifNoneMatch;
        }

        return await _host.ExecuteAsync(request, await Api.GetAsync(request, "tech-weekly", default));
    }

    async Task<string?> FeedImageAsync()
    {
        HttpRequest request = ApiTestHost.Request();
        ApiResponse feed = await _host.ExecuteAsync(request, await _host.Get<ShowApi>().GetFeedAsync(request, "tech-weekly", default));
        XElement channel = XDocument.Parse(feed.Text).Root!.Element("channel")!;
        XNamespace itunes = "http://www.itunes.com/dtds/podcast-1.0.dtd";
        string? itunesImage = channel.Element(itunes + "image")?.Attribute("href")?.Value;
        Assert.Equal(itunesImage, channel.Element("image")?.Element("url")?.Value);
        return itunesImage;
    }

    static void AssertNamesArtwork(ApiResponse response)
    {
        Assert.Equal(400, response.Status);
        Assert.True(response.Json.GetProperty("errors").TryGetProperty("artwork", out _), response.Text);
    }

    [Fact]
    public async Task Put_SquarePng_Returns200WithANewShowETag_AndGetServesTheBytesWithTypeAndETag()
    {
        string etag = await CreateShowAsync();

        ApiResponse put = await PutAsync(_goodPng, "image/png", etag);

        Assert.Equal(200, put.Status);
        Assert.NotEqual(etag, put.Headers.ETag.ToString());
        Assert.Equal(412, (await PutAsync(_goodPng, "image/png", etag)).Status); // the upload changed the show
        ApiResponse get = await GetAsync();
        Assert.Equal(200, get.Status);
        Assert.Equal("image/png", get.ContentType);
        Assert.Equal(_goodPng, get.Body);
        Assert.Equal(304, (await GetAsync(get.Headers.ETag.ToString())).Status);
    }

    [Fact]
    public async Task Put_JpegAfterPng_ReplacesIt()
    {
        string etag = await CreateShowAsync();
        string next = (await PutAsync(_goodPng, "image/png", etag)).Headers.ETag.ToString();
        byte[] jpeg = TestImages.JpegHeader(2000, 2000);

        Assert.Equal(200, (await PutAsync(jpeg, "image/jpeg; charset=binary", next)).Status);

        ApiResponse get = await GetAsync();
        Assert.Equal("image/jpeg", get.ContentType);
        Assert.Equal(jpeg, get.Body);
    }

    [Fact]
    public async Task Feed_PointsAtTheUploadOnceThereIsOne_ElseAtArtworkUrl()
    {
        string etag = await CreateShowAsync();
        Assert.Equal("https://93.184.215.14/art.png", await FeedImageAsync());

        await PutAsync(_goodPng, "image/png", etag);

        Assert.Equal("https://pods.example.org/api/shows/tech-weekly/artwork", await FeedImageAsync());
    }

    [Theory]
    [InlineData("image/gif")]
    [InlineData("text/plain")]
    [InlineData("application/json")]
    [InlineData(null)]
    public async Task Put_ContentTypeNotPngOrJpeg_Returns415(string? contentType)
    {
        string etag = await CreateShowAsync();

        Assert.Equal(415, (await PutAsync(_goodPng, contentType, etag)).Status);
        Assert.Equal(404, (await GetAsync()).Status);
    }

    [Fact]
    public async Task Put_FakeMagicOrMismatchedType_Returns400NamingArtwork()
    {
        string etag = await CreateShowAsync();

        AssertNamesArtwork(await PutAsync("GIF89a not a png at all"u8.ToArray(), "image/png", etag));
        AssertNamesArtwork(await PutAsync(TestImages.JpegHeader(1400, 1400), "image/png", etag));
        AssertNamesArtwork(await PutAsync([], "image/jpeg", etag));
        Assert.Equal(404, (await GetAsync()).Status);
    }

    [Theory]
    [InlineData(1400, 1600)]
    [InlineData(1000, 1000)]
    [InlineData(3200, 3200)]
    public async Task Put_NonSquareTooSmallOrTooLarge_Returns400NamingArtwork(int width, int height)
    {
        string etag = await CreateShowAsync();

        AssertNamesArtwork(await PutAsync(TestImages.JpegHeader(width, height), "image/jpeg", etag));
    }

    [Fact]
    public async Task Put_OverFiveMegabytes_Is413_DeclaredOrChunked()
    {
        string etag = await CreateShowAsync();
        byte[] huge = [.. _goodPng, .. new byte[5 * 1024 * 1024]];

        BadHttpRequestException declared = await Assert.ThrowsAsync<BadHttpRequestException>(() =>
            Api.PutAsync(Upload(huge, "image/png", etag), "tech-weekly", default));
        BadHttpRequestException chunked = await Assert.ThrowsAsync<BadHttpRequestException>(() =>
            Api.PutAsync(Upload(huge, "image/png", etag, contentLength: null), "tech-weekly", default));

        Assert.Equal((413, 413), (declared.StatusCode, chunked.StatusCode));
        Assert.Equal(404, (await GetAsync()).Status);
    }

    [Fact]
    public async Task Put_WithoutIfMatch_Is428_StaleIs412_UnknownShowIs404()
    {
        await CreateShowAsync();

        Assert.Equal(428, (await PutAsync(_goodPng, "image/png", ifMatch: null)).Status);
        Assert.Equal(412, (await PutAsync(_goodPng, "image/png", "\"0000\"")).Status);
        HttpRequest unknown = Upload(_goodPng, "image/png", "\"0000\"");
        Assert.Equal(404, (await _host.ExecuteAsync(unknown, await Api.PutAsync(unknown, "no-such-show", default))).Status);
        Assert.Equal(404, (await GetAsync()).Status);
    }

    [Fact]
    public async Task Purge_RemovesTheArtwork()
    {
        string etag = await CreateShowAsync();
        await PutAsync(_goodPng, "image/png", etag);

        HttpRequest purge = ApiTestHost.Request(method: "DELETE", query: "?purge=true");
        Assert.Equal(204, (await _host.ExecuteAsync(purge, await _host.Get<ShowApi>().DeleteAsync(purge, "tech-weekly", default))).Status);

        Assert.Equal(404, (await GetAsync()).Status);
    }

    [Theory]
    [InlineData("https://evil.example", "image/png", 403)]
    [InlineData("null", "image/jpeg", 403)]
    [InlineData("http://localhost:7071", "image/png", null)]
    [InlineData(null, "image/jpeg", null)]
    [InlineData(null, "image/gif", 415)]
    [InlineData(null, "text/plain", 415)]
    public async Task CrossSiteGuard_LetsOnlySameSiteImagesOntoTheArtworkRoute(string? origin, string contentType, int? status)
    {
        HttpRequest request = Upload(_goodPng, contentType, ifMatch: null);
        if (origin is not null)
        {
            request.Headers.Origin = origin;
        }

        Assert.Equal(status, await GuardStatusAsync(request));
    }

    [Theory]
    [InlineData("PUT", "/api/shows/tech-weekly")]
    [InlineData("POST", "/api/shows/tech-weekly/artwork")]
    [InlineData("PUT", "/api/shows/tech-weekly/artwork/x")]
    [InlineData("PUT", "/api/episodes/ep-1/artwork")]
    public async Task CrossSiteGuard_RefusesImageBodiesEverywhereElse(string method, string path)
    {
        HttpRequest request = Upload(_goodPng, "image/png", ifMatch: null);
        request.Method = method;
        request.Path = path;

        Assert.Equal(415, await GuardStatusAsync(request));
    }

    async Task<int?> GuardStatusAsync(HttpRequest request) =>
        _host.Get<CrossSiteGuard>().Refuse(request) is { } refused ? (await _host.ExecuteAsync(request, refused)).Status : null;
}
