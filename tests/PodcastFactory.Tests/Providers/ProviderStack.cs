using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PodcastFactory.Core;

namespace PodcastFactory.Tests.Providers;

/// <summary>The app's real DI wiring (<c>AddPodcastFactory</c>) without the durable runtime, for provider-level tests.</summary>
internal static class ProviderStack
{
    public static ServiceProvider Build(IDictionary<string, string?> settings)
    {
        var all = new Dictionary<string, string?>(settings)
        {
            ["Artifacts:Provider"] = "FileSystem",
            ["Artifacts:RootPath"] = Path.Combine(Path.GetTempPath(), "pf-provider-tests"),
        };
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(all).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(configuration);
        services.AddPodcastFactory(configuration);
        return services.BuildServiceProvider();
    }

    /// <summary>Azure OpenAI text and speech against <paramref name="server"/>, with extra or replaced settings.</summary>
    public static ServiceProvider Azure(FakeOpenAIServer server, params (string Key, string? Value)[] overrides)
    {
        Dictionary<string, string?> settings = OpenAIEpisodeTests.AzureSettings(server);
        foreach ((string key, string? value) in overrides)
        {
            settings[key] = value;
        }

        return Build(settings);
    }
}
