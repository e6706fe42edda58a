using PodcastFactory.Core.Api;
using PodcastFactory.Core.Tests.Api;
using PodcastFactory.Core.Workflow;

namespace PodcastFactory.Core.Tests.Languages;

/// <summary>POST /api/episodes refuses a language or a voice the configuration cannot serve, before anything starts.</summary>
public sealed class LanguageStartApiTests : IDisposable
{
    const string Source = """[{"kind":"text","value":"Los huertos comunitarios reducen la temperatura de las calles cercanas."}]""";

    readonly ApiTestHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task StartAsync_UnservedLanguage_Returns400NamingLanguageWithTheServedOnes()
    {
        var request = ApiTestHost.Request($$"""{"topic":"Sushi","language":"ja","sources":{{Source}}}""", "POST");

        var response = await _host.ExecuteAsync(request, await _host.Get<EpisodeApi>().StartAsync(request, default));

        Assert.Equal(400, response.Status);
        string message = response.Json.GetProperty("errors").GetProperty("language")[0].GetString()!;
        Assert.Contains("Languages this configuration serves: de, en, es, fr.", message, StringComparison.Ordinal);
        Assert.Empty(_host.Client.Started);
    }

    [Fact]
    public async Task StartAsync_GermanVoiceInSpanishEpisode_Returns400NamingTheVoice()
    {
        var request = ApiTestHost.Request($$"""{"topic":"Huertos","language":"es","hosts":[{"name":"Ana","voice":"es+f3"},{"name":"Luis","voice":"de"}],"sources":{{Source}}}""", "POST");

        var response = await _host.ExecuteAsync(request, await _host.Get<EpisodeApi>().StartAsync(request, default));

        Assert.Equal(400, response.Status);
        Assert.Contains("speaks 'de', not the episode's language 'es'", response.Json.GetProperty("errors").GetProperty("hosts[1].voice")[0].GetString(), StringComparison.Ordinal);
        Assert.Empty(_host.Client.Started);
    }

    [Fact]
    public async Task StartAsync_SpanishWithDefaultHosts_Returns202AndKeepsTheLanguage()
    {
        var request = ApiTestHost.Request($$"""{"topic":"Huertos urbanos","language":"es-ES","sources":{{Source}}}""", "POST");

        var response = await _host.ExecuteAsync(request, await _host.Get<EpisodeApi>().StartAsync(request, default));

        Assert.Equal(202, response.Status);
        var (_, input, _) = Assert.Single(_host.Client.Started);
        Assert.Equal("es-ES", Assert.IsType<EpisodeInput>(input).Request.Language);
    }
}
