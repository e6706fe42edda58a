using System.Net;
using PodcastFactory.Core.Dashboard;
using PodcastFactory.IntegrationTests.Functions.Host;

namespace PodcastFactory.IntegrationTests.Dashboard;

/// <summary>The Functions app serves the same dashboard files under /api/dashboard/ (anonymous, with the same headers).</summary>
[Collection(FunctionsAppCollection.Name)]
public sealed class DashboardFunctionsTests(FunctionsAppFixture app)
{
    [Theory]
    [InlineData("", "index.html")]
    [InlineData("app.js", "app.js")]
    [InlineData("views/list.js", "views/list.js")]
    public async Task Dashboard_Get_ServesTheEmbeddedFileWithTheSecurityHeaders(string path, string file)
    {
        using var http = new HttpClient { BaseAddress = app.BaseAddress };

        using HttpResponseMessage response = await http.GetAsync("/api/dashboard/" + path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(DashboardFiles.Find(file)!.Bytes, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(DashboardFiles.Find(file)!.ContentType, response.Content.Headers.ContentType?.ToString());
        Assert.Equal(DashboardFiles.ContentSecurityPolicy, Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact]
    public async Task Dashboard_WithoutTrailingSlash_RedirectsToIt()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };

        using HttpResponseMessage response = await http.GetAsync("/api/dashboard");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/api/dashboard/", response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task Dashboard_UnknownFile_Returns404()
    {
        using var http = new HttpClient { BaseAddress = app.BaseAddress };

        using HttpResponseMessage response = await http.GetAsync("/api/dashboard/..%2fhost.json");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
