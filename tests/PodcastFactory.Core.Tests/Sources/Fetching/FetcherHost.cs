using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PodcastFactory.Core.Configuration;
using PodcastFactory.Core.Sources.Fetching;

namespace PodcastFactory.Core.Tests.Sources.Fetching;

/// <summary>A <see cref="BoundedFetcher"/> wired as the app wires it, with settings from a dictionary.</summary>
internal static class FetcherHost
{
    public static ServiceProvider Services(IDictionary<string, string?>? settings = null)
    {
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        var services = new ServiceCollection();
        services.AddSingleton(configuration);
        services.AddSingleton(TimeProvider.System);
        services.AddOptions<WorkflowOptions>().BindConfiguration(WorkflowOptions.SectionName);
        services.AddBoundedFetcher();
        return services.BuildServiceProvider();
    }

    /// <summary>Loopback allowed (the test site lives there), with optional extra settings.</summary>
    public static BoundedFetcher Create(ServiceProvider services) => services.GetRequiredService<BoundedFetcher>();

    public static Dictionary<string, string?> Loopback(params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string?> { ["Workflow:AllowPrivateNetworkSources"] = "true" };
        foreach ((string key, string value) in extra)
        {
            settings[key] = value;
        }

        return settings;
    }
}
