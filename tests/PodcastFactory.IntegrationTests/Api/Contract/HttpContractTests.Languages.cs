using System.Net;
using System.Text.Json;

namespace PodcastFactory.IntegrationTests.Api.Contract;

/// <summary>The contract, continued: languages the configuration cannot serve are refused at start, on both hosts.</summary>
public abstract partial class HttpContractTests
{
    const string SpanishSource = """[{"kind":"text","value":"Los huertos comunitarios reducen la temperatura de las calles cercanas durante el verano."}]""";

    [Fact]
    public async Task Create_LanguageWithoutOfflineLines_Returns400NamingLanguageAndWhatIsServed()
    {
        using HttpResponseMessage response = await Client.PostJsonAsync("/api/episodes",
            $$"""{"topic":"Huertos urbanos","language":"ja","sources":{{SpanishSource}}}""");

        JsonElement problem = await Client.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        string message = problem.GetProperty("errors").GetProperty("language")[0].GetString()!;
        Assert.Contains("de, en, es, fr", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"topic":"Huertos urbanos","language":42}""", "language")]
    [InlineData("""{"topic":"Huertos urbanos","language":"es; DROP"}""", "language")]
    [InlineData("""{"topic":"Huertos urbanos","language":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"}""", "language")]
    public async Task Create_LanguageOfWrongTypeOrShape_Returns400NamingLanguage(string body, string field)
    {
        using HttpResponseMessage response = await Client.PostJsonAsync("/api/episodes", body);

        JsonElement problem = await Client.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task Create_EnglishVoiceForSpanishEpisode_Returns400NamingTheHostsVoice()
    {
        using HttpResponseMessage response = await Client.PostJsonAsync("/api/episodes",
            $$"""{"topic":"Huertos urbanos","language":"es","hosts":[{"name":"Ana","voice":"en-us+f3"},{"name":"Luis","voice":"es+m3"}],"sources":{{SpanishSource}}}""");

        JsonElement problem = await Client.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        JsonElement errors = problem.GetProperty("errors");
        Assert.Contains("not the episode's language 'es'", errors.GetProperty("hosts[0].voice")[0].GetString(), StringComparison.Ordinal);
        Assert.False(errors.TryGetProperty("hosts[1].voice", out _), problem.ToString());
    }
}
