using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Workflow.Starting;
using PodcastFactory.Core.Workflow;
using PodcastFactory.IntegrationTests.Workflow;

namespace PodcastFactory.IntegrationTests.Sources;

public sealed class UrlSourceTests : IAsyncLifetime
{
    WebApplication _site = null!;
    string _url = "";

    public async Task InitializeAsync()
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        _site = builder.Build();
        string html = "<html><head><style>p{}</style><script>var x = 1;</script></head><body><h1>Durable workflows</h1>"
            + string.Concat(File.ReadAllText(LocalEpisodeRunner.Fixture("durable-workflows.md")).Split("\n\n").Select(p => $"<p>{WebUtility.HtmlEncode(p)}</p>"))
            + "</body></html>";
        _site.MapGet("/article", () => Results.Content(html, "text/html"));
        _site.MapGet("/big", () => Results.Text(new string('a', 200_000), "text/plain"));
        await _site.StartAsync();
        _url = _site.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/article";
    }

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public async Task Start_UrlOnLoopbackByDefault_RefusedNamingTheSource()
    {
        await using var runner = new LocalEpisodeRunner();

        var ex = await Assert.ThrowsAsync<RequestValidationException>(() => runner.ProduceAsync(Request(), "url-refused"));

        ValidationError error = Assert.Single(ex.Errors);
        Assert.Equal("sources[0].value", error.Field);
        Assert.Contains("private, loopback or link-local", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Produce_UrlOnLoopbackWhenAllowed_ResearchesTheFetchedTextWithoutMarkup()
    {
        await using var runner = new LocalEpisodeRunner();

        (_, EpisodeResult? result) = await runner.ProduceAsync(Request(), "url-allowed",
            new Dictionary<string, string?> { ["Workflow:AllowPrivateNetworkSources"] = "true" });

        Assert.NotNull(result);
        string source = await File.ReadAllTextAsync(runner.PathOf("url-allowed/sources/source-1.md"));
        Assert.Contains("durable", source, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<p>", source, StringComparison.Ordinal);
        Assert.DoesNotContain("var x", source, StringComparison.Ordinal);
        string research = await File.ReadAllTextAsync(runner.PathOf("url-allowed/research.md"));
        Assert.Contains(_url, research, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_UrlLargerThanTheCap_RefusedNamingTheSourceAndNothingStarts()
    {
        await using var runner = new LocalEpisodeRunner();
        var settings = new Dictionary<string, string?> { ["Workflow:AllowPrivateNetworkSources"] = "true", ["Fetch:MaxBytes"] = "100000" };

        var ex = await Assert.ThrowsAsync<RequestValidationException>(() =>
            runner.ProduceAsync(Request() with { Sources = [new SourceInput(SourceKind.Url, _url.Replace("/article", "/big", StringComparison.Ordinal))] }, "url-big", settings));

        ValidationError error = Assert.Single(ex.Errors);
        Assert.Equal("sources[0].value", error.Field);
        Assert.Contains("Fetch:MaxBytes", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(runner.PathOf("url-big/sources"))); // nothing captured, no orchestration scheduled
    }

    EpisodeRequest Request() => new()
    {
        Topic = "How durable workflows recover from crashes",
        Sources = [new SourceInput(SourceKind.Url, _url)],
        TargetMinutes = 1,
        Priority = OutputPriority.Social,
        Depth = ResearchDepth.Quick,
    };
}
