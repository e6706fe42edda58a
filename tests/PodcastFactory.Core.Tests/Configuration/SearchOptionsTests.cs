using System.ComponentModel.DataAnnotations;
using PodcastFactory.Core.Configuration;

namespace PodcastFactory.Core.Tests.Configuration;

public sealed class SearchOptionsTests
{
    [Fact]
    public void Validate_EmptyEndpointAsAppSettingsWriteIt_IsValidAndUsesTheProviderDefault()
    {
        // local.settings.sample.json writes "Search__Endpoint": "": the Functions worker stopped at start on it.
        var options = new SearchOptions { Provider = SearchProviderKind.Wikipedia, Endpoint = "" };

        Assert.Empty(Validate(options));
        Assert.Equal(new Uri("https://en.wikipedia.org/"), options.BaseUrl);
    }

    [Fact]
    public void Validate_RelativeEndpoint_NamesTheSetting()
    {
        var options = new SearchOptions { Provider = SearchProviderKind.SearXng, Endpoint = "searx.local" };

        Assert.Contains(Validate(options), r => r.ErrorMessage!.Contains("Search:Endpoint", StringComparison.Ordinal));
    }

    static List<ValidationResult> Validate(SearchOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }
}
