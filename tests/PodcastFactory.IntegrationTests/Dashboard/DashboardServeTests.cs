using System.Diagnostics;
using System.Net;
using System.Text.Json;
using PodcastFactory.Core.Dashboard;
using PodcastFactory.IntegrationTests.Api;
using static Microsoft.Playwright.Assertions;

namespace PodcastFactory.IntegrationTests.Dashboard;

/// <summary>How <c>podcast serve</c> serves the dashboard's files (headers, caching, refusals) and guards its API.</summary>
[Collection(DashboardCollection.Name)]
public sealed class DashboardServeTests(DashboardFixture fixture)
{
    [Fact]
    public async Task Root_RedirectsToTheDashboard()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = fixture.BaseAddress };

        using HttpResponseMessage response = await http.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/dashboard/", response.Headers.Location?.ToString());
    }

    [Theory]
    [InlineData("/dashboard/", "text/html")]
    [InlineData("/dashboard/app.js", "text/javascript")]
    [InlineData("/dashboard/views/episode.js", "text/javascript")]
    [InlineData("/dashboard/app.css", "text/css")]
    public async Task DashboardFile_Get_ServedWithContentTypeCspNosniffAndETag(string path, string mediaType)
    {
        using HttpResponseMessage response = await fixture.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(DashboardFiles.ContentSecurityPolicy, Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.NotNull(response.Headers.ETag);
    }

    [Fact]
    public async Task DashboardFile_IfNoneMatchItsETag_Returns304()
    {
        using HttpResponseMessage first = await fixture.Http.GetAsync("/dashboard/app.js");
        using var again = new HttpRequestMessage(HttpMethod.Get, "/dashboard/app.js");
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);

        using HttpResponseMessage second = await fixture.Http.SendAsync(again);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }

    [Theory]
    [InlineData("/dashboard/..%2f..%2fbacklog.json")]
    [InlineData("/dashboard/views%2f..%2f..%2fbacklog.json")]
    [InlineData("/dashboard/nothing.js")]
    [InlineData("/dashboard/index.html.bak")]
    public async Task DashboardFile_UnknownOrTraversingPath_Returns404WithTheSecurityHeaders(string path)
    {
        using HttpResponseMessage response = await fixture.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/dashboard/%2e%2e/%2e%2e/etc/passwd")]
    [InlineData("/dashboard/views/../../PodcastFactory.Core.dll")]
    public async Task DashboardFile_DotSegments_NeverLeaveTheEmbeddedFiles(string path)
    {
        using var raw = new HttpRequestMessage(HttpMethod.Get, new Uri(fixture.BaseAddress, path));

        using HttpResponseMessage response = await fixture.Http.SendAsync(raw);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Artifact_HtmlShowNotes_ServedSandboxedWithoutScript()
    {
        string id = await fixture.AudioEpisodeAsync();

        using HttpResponseMessage response = await fixture.Http.GetAsync($"/api/episodes/{id}/artifacts/show-notes.html");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        string policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("sandbox", policy, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact]
    public async Task Serve_NonLoopbackListenWithoutKey_RefusesToStart()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (string arg in new[] { ServeProcess.PodcastDll(), "serve", "--listen", "0.0.0.0", "--port", "0" })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("PODCAST_API_KEY");
        using Process process = Process.Start(start)!;
        string error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(2, process.ExitCode);
        Assert.Contains("API key is required", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_WithApiKey_ApiNeedsTheKeyButTheDashboardAndFeedDoNot()
    {
        var serve = new ServeProcess { ExtraArguments = ["--listen", "0.0.0.0", "--api-key", "s3cret-key"] };
        await serve.InitializeAsync();
        try
        {
            using var http = new HttpClient { BaseAddress = serve.BaseAddress };

            using HttpResponseMessage anonymous = await http.GetAsync("/api/episodes");
            using HttpResponseMessage wrong = await SendAsync(http, "/api/backlog", "x-api-key", "wrong");
            using HttpResponseMessage apiKey = await SendAsync(http, "/api/episodes", "x-api-key", "s3cret-key");
            using HttpResponseMessage functionsKey = await SendAsync(http, "/api/backlog", "x-functions-key", "s3cret-key");
            using HttpResponseMessage page = await http.GetAsync("/dashboard/");
            using HttpResponseMessage feed = await http.GetAsync("/api/feed.xml");
            using HttpResponseMessage showFeed = await http.GetAsync("/api/shows/no-show/feed.xml");
            using HttpResponseMessage showArtwork = await http.GetAsync("/api/shows/no-show/artwork");
            using var image = new ByteArrayContent([0x89, 0x50, 0x4E, 0x47]);
            image.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/png");
            using HttpResponseMessage artworkUpload = await http.PutAsync("/api/shows/no-show/artwork", image);

            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
            Assert.Equal("application/problem+json", anonymous.Content.Headers.ContentType?.MediaType);
            Assert.Equal(401, JsonDocument.Parse(await anonymous.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetInt32());
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
            Assert.Equal(HttpStatusCode.OK, apiKey.StatusCode);
            Assert.Equal(HttpStatusCode.OK, functionsKey.StatusCode);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.DoesNotContain("s3cret-key", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.NotFound, feed.StatusCode);
            // A show's feed and artwork are read by podcast apps without a key; uploading artwork still needs it.
            Assert.Equal(HttpStatusCode.NotFound, showFeed.StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, showArtwork.StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, artworkUpload.StatusCode);

            // The page itself: refused until the key is typed in, then the list loads with it.
            await using DashboardPage dashboard = await fixture.NewPageAsync(serve.BaseAddress);
            await dashboard.OpenAsync("#/");
            await Expect(dashboard.Page.Locator(".status-line")).ToContainTextAsync("refused the key");
            await dashboard.Page.FillAsync("#key-input", "s3cret-key");
            await dashboard.Page.ClickAsync("#key-form button[type=submit]");
            await Expect(dashboard.Page.Locator("#episodes tbody")).ToContainTextAsync("No episodes yet.");
            await Expect(dashboard.Page.Locator(".status-line")).ToBeEmptyAsync();
            Assert.DoesNotContain("s3cret-key", await dashboard.Page.ContentAsync(), StringComparison.Ordinal);
            dashboard.AssertNoProblems();
        }
        finally
        {
            await serve.DisposeAsync();
        }
    }

    static Task<HttpResponseMessage> SendAsync(HttpClient http, string path, string header, string value)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add(header, value);
        return http.SendAsync(request);
    }
}
