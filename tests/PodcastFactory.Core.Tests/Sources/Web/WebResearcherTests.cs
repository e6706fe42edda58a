using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PodcastFactory.Core.Agents;
using PodcastFactory.Core.Agents.Offline;
using PodcastFactory.Core.Artifacts;
using PodcastFactory.Core.Configuration;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Providers.Search;
using PodcastFactory.Core.Sources.Fetching;
using PodcastFactory.Core.Sources.Web;
using PodcastFactory.Core.Tests.TestServers;

namespace PodcastFactory.Core.Tests.Sources.Web;

public sealed class WebResearcherTests : IAsyncLifetime
{
    readonly string _root = Path.Combine(Path.GetTempPath(), "pf-web-" + Guid.NewGuid().ToString("N")[..8]);
    FakeSearchServer _search = null!;
    PageSites _pages = null!;
    ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _search = await FakeSearchServer.StartAsync();
        _pages = await PageSites.StartAsync(goodPages: 3);
        _search.PageUrls.AddRange(_pages.Good);
        var settings = new Dictionary<string, string?>
        {
            ["Search:Provider"] = "SearXng",
            ["Search:Endpoint"] = _search.Root.ToString(),
            ["Workflow:AllowPrivateNetworkSources"] = "true",
        };
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton(configuration).AddSingleton(TimeProvider.System).AddLogging();
        services.AddOptions<WorkflowOptions>().BindConfiguration(WorkflowOptions.SectionName);
        services.AddBoundedFetcher();
        services.AddWebSearch(configuration);
        services.AddSingleton<IArtifactStore>(new FileSystemArtifactStore(_root));
        services.AddSingleton<IQueryWriter, KeywordQueryWriter>();
        services.AddSingleton<PageCapturer>();
        services.AddTransient<WebResearcher>();
        _services = services.BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _pages.DisposeAsync();
        await _search.DisposeAsync();
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    static WebAngle Angle(int index = 0) => new("ep", "How durable workflows recover", "background and key definitions", index, "en", ResearchDepth.Standard);

    [Fact]
    public async Task ResearchAsync_RunAgain_ReadsCapturedSearchAndPagesWithoutCallingOut()
    {
        var researcher = _services.GetRequiredService<WebResearcher>();
        WebResearchResult first = await researcher.ResearchAsync(Angle(), CancellationToken.None);
        int searches = _search.Calls.Count, fetches = _pages.Requests;
        _search.PageUrls.Reverse(); // the web changed in between

        WebResearchResult second = await researcher.ResearchAsync(Angle(), CancellationToken.None);

        Assert.Equal(3, first.Pages.Count);
        Assert.Equal(first.Pages.Select(p => (p.Url, p.Text, p.RetrievedAt)), second.Pages.Select(p => (p.Url, p.Text, p.RetrievedAt)));
        Assert.Equal((searches, fetches), (_search.Calls.Count, _pages.Requests));
        Assert.Empty(second.Usages);
        Assert.Equal(2, first.Usages.Count);
    }

    [Fact]
    public async Task ResearchAsync_ThreeAnglesChooseTheSamePages_EachPageFetchedAndCapturedOnceAndSharedByAll()
    {
        var angles = await Task.WhenAll(Enumerable.Range(0, 3).Select(i => _services.GetRequiredService<WebResearcher>().ResearchAsync(Angle(i), CancellationToken.None)));

        Assert.Equal(3, _pages.Requests);
        Assert.Equal(3, Directory.GetFiles(Path.Combine(_root, "ep", "sources"), "web-*.md").Length);
        Assert.All(angles, a => Assert.Equal(_pages.Good, a.Pages.Select(p => p.Url)));
        Assert.All(angles, a => Assert.Equal(angles[0].Pages.Select(p => (p.Name, p.Artifact, p.Text)), a.Pages.Select(p => (p.Name, p.Artifact, p.Text))));
        Assert.Equal(_pages.Good.Select(u => CapturedPage.SourceName(new Uri(u))), angles[0].Pages.Select(p => p.Name));
    }

    [Fact]
    public async Task ResearchAsync_EveryResultOnOneSite_FillsThePageBudget()
    {
        // One site (the search server's own pages), as with a wiki: the three pages are all used, not one.
        _search.PageUrls.Clear();
        string article = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", "durable-workflows.md"));
        foreach (string name in new[] { "Replay", "Checkpoints", "Timers", "Fan_out" })
        {
            _search.Pages[name] = $"<html><head><title>{name}</title></head><body><article><h1>{name}</h1><p>{System.Net.WebUtility.HtmlEncode(article)}</p></article></body></html>";
            _search.PageUrls.Add(new Uri(_search.Root, "pages/" + name).ToString());
        }

        WebResearchResult result = await _services.GetRequiredService<WebResearcher>().ResearchAsync(Angle(), CancellationToken.None);

        Assert.Equal(_search.PageUrls.Take(3), result.Pages.Select(p => p.Url));
    }

    [Fact]
    public async Task ResearchAsync_DroppedPage_ReplacedByTheNextCandidate()
    {
        _search.PageUrls.Insert(0, _pages.Binary);

        WebResearchResult result = await _services.GetRequiredService<WebResearcher>().ResearchAsync(Angle(), CancellationToken.None);

        Assert.Equal(_pages.Good, result.Pages.Select(p => p.Url));
        Assert.Contains(result.Problems, p => p.StartsWith("page " + _pages.Binary + " dropped", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ResearchAsync_SlowPages_FetchedInParallel()
    {
        _pages.DelayMs = 600;

        WebResearchResult result = await _services.GetRequiredService<WebResearcher>().ResearchAsync(Angle(), CancellationToken.None);

        // Counted by the server, not timed: one at a time would never have two pages in flight.
        Assert.Equal(3, result.Pages.Count);
        Assert.True(_pages.MaxInFlight >= 2, $"at most {_pages.MaxInFlight} page(s) were fetched at once");
    }

    [Fact]
    public async Task ResearchAsync_OneQueryRejected_KeepsTheOtherQueryAndRecordsWhy()
    {
        _search.Fail(401, "{\"error\":\"no\"}");

        WebResearchResult result = await _services.GetRequiredService<WebResearcher>().ResearchAsync(Angle(), CancellationToken.None);

        Assert.NotEmpty(result.Pages);
        Assert.Contains(result.Problems, p => p.Contains("dropped", StringComparison.Ordinal) && p.Contains("401", StringComparison.Ordinal));
    }
}
