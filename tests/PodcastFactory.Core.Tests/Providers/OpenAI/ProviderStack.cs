using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace PodcastFactory.Core.Tests.Providers.OpenAI;

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
        Dictionary<string, string?> settings = AzureSettings(server);
        foreach ((string key, string? value) in overrides)
        {
            settings[key] = value;
        }

        return Build(settings);
    }

    /// <summary>Azure OpenAI text and speech settings pointing at <paramref name="server"/>.</summary>
    internal static Dictionary<string, string?> AzureSettings(FakeOpenAIServer server) => new()
    {
        ["TextModel:Provider"] = "AzureOpenAI",
        ["TextModel:Endpoint"] = server.BaseUrl.ToString(),
        ["TextModel:Deployment"] = "gpt-4o-mini",
        ["TextModel:ApiKey"] = FakeOpenAIServer.Key,
        ["Speech:Provider"] = "AzureOpenAI",
        ["Speech:Endpoint"] = server.BaseUrl.ToString(),
        ["Speech:Deployment"] = "tts",
        ["Speech:Model"] = "tts-1",
        ["Speech:ApiKey"] = FakeOpenAIServer.Key,
    };
}
