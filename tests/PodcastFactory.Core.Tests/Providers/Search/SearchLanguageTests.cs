using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PodcastFactory.Core.Providers.Search;
using PodcastFactory.Core.Tests.TestServers;

namespace PodcastFactory.Core.Tests.Providers.Search;

/// <summary>Each search API gets the episode's language in its own parameter, as the local server speaking its wire format sees it.</summary>
public sealed class SearchLanguageTests : IAsyncLifetime
{
    FakeSearchServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeSearchServer.StartAsync();
        _server.PageUrls.AddRange(["https://example.org/a"]);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData("SearXng", "es-ES", "language=es-ES")]
    [InlineData("Brave", "es-ES", "search_lang=es")]
    [InlineData("Brave", "de", "search_lang=de")]
    [InlineData("Brave", "en-GB", "search_lang=en-gb")]
    public async Task SearchAsync_Language_ServerSeesTheProvidersLanguageParameter(string provider, string language, string expected)
    {
        using ServiceProvider services = Services(provider);

        await services.GetRequiredService<ISearchProvider>().SearchAsync("huertos urbanos", 3, language, CancellationToken.None);

        Assert.Contains(expected, Assert.Single(_server.Calls).Query, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://en.wikipedia.org/", "es", "https://es.wikipedia.org/")]
    [InlineData("https://en.wikipedia.org/", "de-AT", "https://de.wikipedia.org/")]
    [InlineData("https://de.wikipedia.org/", "fr", "https://fr.wikipedia.org/")]
    [InlineData("http://127.0.0.1:8080/", "es", "http://127.0.0.1:8080/")]
    [InlineData("https://wiki.example.org/", "es", "https://wiki.example.org/")]
    [InlineData("https://en.wikipedia.org/", "x-evil.com#", "https://en.wikipedia.org/")]
    public void WikipediaEdition_Language_IsTheEditionsHostOnWikipediaOnly(string endpoint, string language, string expected) =>
        Assert.Equal(expected, SearchLanguages.WikipediaEdition(new Uri(endpoint), language).ToString());

    ServiceProvider Services(string provider)
    {
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Search:Provider"] = provider,
            ["Search:Endpoint"] = _server.Root.ToString(),
            ["Search:ApiKey"] = provider == "SearXng" ? null : FakeSearchServer.Key,
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton(configuration);
        services.AddLogging();
        services.AddWebSearch(configuration);
        return services.BuildServiceProvider();
    }
}
