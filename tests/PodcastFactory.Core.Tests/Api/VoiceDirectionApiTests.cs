using System.Text.Json;
using PodcastFactory.Core.Api;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Workflow;

namespace PodcastFactory.Core.Tests.Api;

/// <summary>A host's <c>style</c> and the <c>lexicon</c> on <c>POST /api/episodes</c>: carried to the episode, hostile bodies refused naming the field.</summary>
public sealed class VoiceDirectionApiTests : IDisposable
{
    const string Sources = "\"sources\":[{\"kind\":\"text\",\"value\":\"Durable workflows replay their history.\"}]";
    readonly ApiTestHost _host = new();

    public void Dispose() => _host.Dispose();

    async Task<ApiResponse> StartAsync(string fields)
    {
        var request = ApiTestHost.Request("{\"topic\":\"Durable Functions\"," + Sources + fields + "}", "POST");
        return await _host.ExecuteAsync(request, await _host.Get<EpisodeApi>().StartAsync(request, default));
    }

    [Fact]
    public async Task StartAsync_StyleAndLexicon_ReachTheEpisodeRequest()
    {
        ApiResponse response = await StartAsync("""
            ,"hosts":[{"name":"Alex","voice":"flite:rms","style":"calm, a little slower"},{"name":"Sam","voice":"flite:slt"}],
            "lexicon":[{"text":"SQL","say":"sequel"},{"text":"Saoirse","ipa":"ˈsɪərʃə"}]
            """);

        Assert.Equal(202, response.Status);
        EpisodeRequest request = Assert.IsType<EpisodeInput>(Assert.Single(_host.Client.Started).Input).Request;
        Assert.Equal(["calm, a little slower", null], request.Hosts.Select(h => h.Style));
        Assert.Equal([new LexiconEntry("SQL", "sequel"), new LexiconEntry("Saoirse", null, "ˈsɪərʃə")], request.Lexicon);
    }

    [Theory]
    [InlineData(""",{"hosts":1}""", "body")]
    [InlineData(""","hosts":[{"name":"Alex","voice":"flite:rms","style":"calm\nfast"},{"name":"Sam","voice":"flite:slt"}]""", "hosts[0].style")]
    [InlineData(""","hosts":[{"name":"Alex","voice":"flite:rms"},{"name":"Sam","voice":"flite:slt","style":42}]""", "hosts[1].style")]
    [InlineData(""","lexicon":"SQL=sequel" """, "lexicon")]
    [InlineData(""","lexicon":[{"text":"SQL","pronounce":"sequel"}]""", "lexicon[0].pronounce")]
    [InlineData(""","lexicon":[{"text":"SQL"}]""", "lexicon[0].say")]
    [InlineData(""","lexicon":[{"text":"<SQL>","say":"]]>"},{"text":"","say":"x"}]""", "lexicon[1].text")]
    public async Task StartAsync_HostileDirection_Returns400NamingTheField(string fields, string field)
    {
        ApiResponse response = fields.StartsWith(",{", StringComparison.Ordinal)
            ? await RawAsync("{\"topic\":\"Durable Functions\"" + fields + "}")
            : await StartAsync(fields);

        Assert.Equal(400, response.Status);
        Assert.True(field == "body" || response.Json.GetProperty("errors").TryGetProperty(field, out _), response.Text);
        Assert.Empty(_host.Client.Started);
    }

    [Fact]
    public async Task StartAsync_LexiconOverItsCapOrOversizeStyle_Returns400NamingEach()
    {
        string entries = string.Join(',', Enumerable.Range(0, LexiconEntry.MaxEntries + 1).Select(i => $"{{\"text\":\"Word{i}\",\"say\":\"w\"}}"));
        string style = JsonSerializer.Serialize(new string('s', VoiceDirectionValidator.MaxStyleCharacters + 1));

        ApiResponse response = await StartAsync($",\"lexicon\":[{entries}],\"hosts\":[{{\"name\":\"Alex\",\"voice\":\"flite:rms\",\"style\":{style}}},{{\"name\":\"Sam\",\"voice\":\"flite:slt\"}}]");

        Assert.Equal(400, response.Status);
        JsonElement errors = response.Json.GetProperty("errors");
        Assert.True(errors.TryGetProperty("lexicon", out _) && errors.TryGetProperty("hosts[0].style", out _), response.Text);
    }

    async Task<ApiResponse> RawAsync(string body)
    {
        var request = ApiTestHost.Request(body, "POST");
        return await _host.ExecuteAsync(request, await _host.Get<EpisodeApi>().StartAsync(request, default));
    }
}
