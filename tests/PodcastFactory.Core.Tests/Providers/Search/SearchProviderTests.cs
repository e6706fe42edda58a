using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PodcastFactory.Core.Configuration;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Providers.Search;
using PodcastFactory.Core.Tests.TestServers;

namespace PodcastFactory.Core.Tests.Providers.Search;

public sealed class SearchProviderTests : IAsyncLifetime
{
    FakeSearchServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeSearchServer.StartAsync();
        _server.PageUrls.AddRange(["https://example.org/a", "https://example.com/b", "ftp://example.net/c", "https://example.net/Durable_Functions"]);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    ServiceProvider Services(string provider, string? key = FakeSearchServer.Key, params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Search:Provider"] = provider,
            ["Search:Endpoint"] = _server.Root.ToString(),
            ["Search:ApiKey"] = key,
            ["Search:MaxRetries"] = "2",
        };
        foreach ((string k, string v) in extra)
        {
            settings[k] = v;
        }

        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton(configuration);
        services.AddLogging();
        services.AddWebSearch(configuration);
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task SearchAsync_Tavily_PostsQueryWithBearerKeyAndPricesTheRequest()
    {
        using ServiceProvider services = Services("Tavily");

        AgentResult<IReadOnlyList<SearchHit>> result = await services.GetRequiredService<ISearchProvider>().SearchAsync("durable functions", 2, "en", CancellationToken.None);

        var call = Assert.Single(_server.Calls);
        Assert.Equal(("POST", "/search"), (call.Method, call.Path));
        Assert.Equal("Bearer " + FakeSearchServer.Key, call.Headers["Authorization"]);
        Assert.Contains("\"max_results\":2", call.Body, StringComparison.Ordinal);
        Assert.Equal(["https://example.org/a", "https://example.com/b"], result.Value.Select(h => h.Url));
        Assert.Equal((SearchUsage.Agent, "tavily", 0.008m, 1L), (result.Usage.Agent, result.Usage.Provider, result.Usage.CostUsd, result.Usage.TotalUnits));
    }

    [Fact]
    public async Task SearchAsync_Brave_SendsSubscriptionTokenAndReadsWebResults()
    {
        using ServiceProvider services = Services("Brave");

        AgentResult<IReadOnlyList<SearchHit>> result = await services.GetRequiredService<ISearchProvider>().SearchAsync("durable functions", 5, "en", CancellationToken.None);

        var call = Assert.Single(_server.Calls);
        Assert.Equal("/web/search", call.Path);
        Assert.Equal(FakeSearchServer.Key, call.Headers["X-Subscription-Token"]);
        Assert.Contains("q=durable%20functions", call.Query, StringComparison.Ordinal);
        Assert.Equal(3, result.Value.Count); // the ftp result is dropped
        Assert.Equal("a snippet", result.Value[0].Snippet);
        Assert.Equal(0.005m, result.Usage.CostUsd);
    }

    [Fact]
    public async Task SearchAsync_SearXng_AsksForJsonAndIsFree()
    {
        using ServiceProvider services = Services("SearXng", key: null);

        AgentResult<IReadOnlyList<SearchHit>> result = await services.GetRequiredService<ISearchProvider>().SearchAsync("durable functions", 10, "en", CancellationToken.None);

        Assert.Contains("format=json", Assert.Single(_server.Calls).Query, StringComparison.Ordinal);
        Assert.Equal(3, result.Value.Count);
        Assert.Equal(0m, result.Usage.CostUsd);
    }

    [Fact]
    public async Task SearchAsync_Wikipedia_QueriesMediaWikiAndLinksArticles()
    {
        using ServiceProvider services = Services("Wikipedia", key: null);

        AgentResult<IReadOnlyList<SearchHit>> result = await services.GetRequiredService<ISearchProvider>().SearchAsync("durable functions", 10, "en", CancellationToken.None);

        string query = Assert.Single(_server.Calls).Query;
        Assert.Contains("action=query&list=search&srsearch=durable%20functions", query, StringComparison.Ordinal);
        Assert.Contains(result.Value, h => h.Url == new Uri(_server.Root, "wiki/Durable_Functions").ToString() && h.Title == "Durable Functions" && h.Snippet == "a match");
    }

    [Theory]
    [InlineData("Tavily")]
    [InlineData("Brave")]
    public async Task SearchAsync_WrongKey_FailsAtOnceNamingTheSetting(string provider)
    {
        using ServiceProvider services = Services(provider, key: "wrong");

        var ex = await Assert.ThrowsAsync<SearchFailedException>(() => services.GetRequiredService<ISearchProvider>().SearchAsync("q", 3, "en", CancellationToken.None));

        Assert.Contains("401", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Search:ApiKey", ex.Message, StringComparison.Ordinal);
        Assert.Single(_server.Calls);
    }

    [Fact]
    public async Task SearchAsync_RateLimitedThenAnswered_RetriesAndSucceeds()
    {
        using ServiceProvider services = Services("Brave");
        _server.Fail(429, "{\"error\":\"rate limited\"}");

        AgentResult<IReadOnlyList<SearchHit>> result = await services.GetRequiredService<ISearchProvider>().SearchAsync("q", 3, "en", CancellationToken.None);

        Assert.Equal(2, _server.Calls.Count);
        Assert.NotEmpty(result.Value);
    }

    [Fact]
    public async Task SearchAsync_ServerErrorsOnEveryAttempt_FailsAfterTheRetries()
    {
        using ServiceProvider services = Services("SearXng", key: null, ("Search:MaxRetries", "1"));
        _server.Fail(503, "{}", times: 5);

        var ex = await Assert.ThrowsAsync<SearchFailedException>(() => services.GetRequiredService<ISearchProvider>().SearchAsync("q", 3, "en", CancellationToken.None));

        Assert.Contains("503", ex.Message, StringComparison.Ordinal);
        Assert.Equal(2, _server.Calls.Count);
    }

    [Theory]
    [InlineData("Tavily", "not json at all")]
    [InlineData("Wikipedia", "{\"batchcomplete\":true}")]
    public async Task SearchAsync_InvalidJson_FailsWithReasonAndStillPricesTheAnsweredCall(string provider, string body)
    {
        using ServiceProvider services = Services(provider);
        _server.Fail(200, body);

        var ex = await Assert.ThrowsAsync<SearchFailedException>(() => services.GetRequiredService<ISearchProvider>().SearchAsync("q", 3, "en", CancellationToken.None));

        Assert.Contains("JSON", ex.Message, StringComparison.Ordinal);
        Assert.NotNull(ex.Usage);
        Assert.Equal(SearchOptions.DefaultPrice(Enum.Parse<SearchProviderKind>(provider)), ex.Usage!.CostUsd);
    }

    [Theory]
    [InlineData("Tavily", null, "Search:ApiKey is required")]
    [InlineData("SearXng", "", "Search:Endpoint is required")]
    public void Options_MissingSetting_FailValidationNamingIt(string provider, string? key, string message)
    {
        var settings = new Dictionary<string, string?> { ["Search:Provider"] = provider, ["Search:ApiKey"] = key };
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddSingleton(configuration).AddLogging();
        services.AddWebSearch(configuration);
        using ServiceProvider provider2 = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider2.GetRequiredService<IOptions<SearchOptions>>().Value);

        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }
}
