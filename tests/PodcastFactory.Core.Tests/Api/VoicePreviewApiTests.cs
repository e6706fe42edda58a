using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using PodcastFactory.Core.Api;
using PodcastFactory.Core.Artifacts;
using PodcastFactory.Core.Costs.Journal;
using PodcastFactory.Core.Tests.Providers.OpenAI;
using PodcastFactory.Core.Workflow.Activities;
using PodcastFactory.Core.Workflow.Previews;

namespace PodcastFactory.Core.Tests.Api;

/// <summary>
/// POST /api/voices/preview against Azure OpenAI speech served by a local server speaking its wire protocol: the audio
/// comes back, the same body is paid once, the call is in the cost journal at its price, and hostile bodies are refused.
/// </summary>
public sealed class VoicePreviewApiTests : IAsyncLifetime
{
    FakeOpenAIServer _server = null!;
    ApiTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeOpenAIServer.StartAsync();
        _host = new ApiTestHost(ProviderStack.AzureSettings(_server));
    }

    public async Task DisposeAsync()
    {
        _host.Dispose();
        await _server.DisposeAsync();
    }

    async Task<ApiResponse> PreviewAsync(string body, string? contentType = "application/json", string query = "")
    {
        HttpRequest request = ApiTestHost.Request(body, "POST", query);
        request.ContentType = contentType;
        request.ContentLength = Encoding.UTF8.GetByteCount(body);
        if (_host.Get<CrossSiteGuard>().Refuse(request) is { } refused)
        {
            return await _host.ExecuteAsync(request, refused);
        }

        return await _host.ExecuteAsync(request, await _host.Get<VoicePreviewApi>().PreviewAsync(request, CancellationToken.None));
    }

    static void AssertNamesField(ApiResponse response, string field)
    {
        Assert.Equal(400, response.Status);
        Assert.Equal("application/problem+json", response.ContentType);
        Assert.True(response.Json.GetProperty("errors").TryGetProperty(field, out _), response.Text);
    }

    [Fact]
    public async Task Preview_KnownVoice_ReturnsTheProvidersMp3_AndJournalsTheCallAtItsPrice()
    {
        ApiResponse response = await PreviewAsync("""{"voice":"coral","text":"Hello, I am your host."}""");

        Assert.Equal(200, response.Status);
        Assert.Equal("audio/mpeg", response.ContentType);
        // MP3 as the provider sent it: a frame sync (or an ID3 tag) first.
        Assert.True(response.Body.Length > 100 && ((response.Body[0] == 0xFF && (response.Body[1] & 0xE0) == 0xE0) || Encoding.ASCII.GetString(response.Body, 0, 3) == "ID3"), $"{response.Body.Length} bytes");
        FakeRequest sent = Assert.Single(_server.SpeechRequests);
        Assert.Equal("coral", (string?)JsonNodeOf(sent)["voice"]);
        Assert.Equal("Hello, I am your host.", (string?)JsonNodeOf(sent)["input"]);
        CostJournal journal = await JournalReader.ReadAsync(_host.Get<IArtifactStore>(), ArtifactNames.Journal(VoicePreviewer.Folder));
        JournalEntry call = Assert.Single(journal.Attempts.SelectMany(a => a.Calls));
        Assert.Equal(PaidCallState.Answered, call.State);
        Assert.Equal("characters", call.UnitKind);
        Assert.Equal("Hello, I am your host.".Length, call.InputUnits);
        Assert.Equal(_server.BilledUsd, call.CostUsd);
        Assert.True(call.CostUsd > 0m, "tts-1 is priced per character");
    }

    [Fact]
    public async Task Preview_SameVoiceStyleAndText_IsServedFromTheStoreWithoutASecondCall()
    {
        const string body = """{"voice":"coral","style":"warm and curious","text":"Welcome back to the show."}""";

        ApiResponse first = await PreviewAsync(body);
        ApiResponse second = await PreviewAsync(body);
        ApiResponse otherStyle = await PreviewAsync("""{"voice":"coral","style":"brisk","text":"Welcome back to the show."}""");

        Assert.Equal((200, 200, 200), (first.Status, second.Status, otherStyle.Status));
        Assert.Equal(first.Body, second.Body);
        Assert.Equal("false", first.Headers["Preview-Cached"].ToString());
        Assert.Equal("true", second.Headers["Preview-Cached"].ToString());
        // The style is part of the content key: another style is another preview.
        Assert.Equal(2, _server.SpeechRequests.Count());
        CostJournal journal = await JournalReader.ReadAsync(_host.Get<IArtifactStore>(), ArtifactNames.Journal(VoicePreviewer.Folder));
        Assert.Equal(2, journal.Attempts.SelectMany(a => a.Calls).Count());
    }

    [Fact]
    public async Task Preview_UnknownVoice_Returns400NamingVoice_AndCallsNothing()
    {
        AssertNamesField(await PreviewAsync("""{"voice":"nobody","text":"Hello"}"""), "voice");

        Assert.Empty(_server.Requests);
    }

    [Theory]
    [InlineData("""{"voice":"coral","text":""}""", "text")]
    [InlineData("""{"voice":"coral","text":"   "}""", "text")]
    [InlineData("""{"voice":"coral"}""", "text")]
    [InlineData("""{"text":"Hello"}""", "voice")]
    [InlineData("""{"voice":42,"text":"Hello"}""", "voice")]
    [InlineData("""{"voice":"coral","text":["Hello"]}""", "text")]
    [InlineData("""{"voice":"coral","text":"Hello","style":{"mood":"calm"}}""", "style")]
    [InlineData("""{"voice":"coral","text":"Hello","language":"en_US!"}""", "language")]
    [InlineData("""{"voice":"coral","text":"Hello","speed":2}""", "speed")]
    [InlineData("""{"voice":"coral","text":"Hello\u0007"}""", "text")]
    [InlineData("""[1,2]""", "body")]
    [InlineData("""{"voice":""", "body")]
    public async Task Preview_BadBody_Returns400NamingTheField(string body, string field)
    {
        AssertNamesField(await PreviewAsync(body), field);

        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task Preview_TextOver200Characters_Returns400NamingText_At201()
    {
        AssertNamesField(await PreviewAsync(JsonSerializer.Serialize(new { voice = "coral", text = new string('a', 201) })), "text");
        Assert.Equal(200, (await PreviewAsync(JsonSerializer.Serialize(new { voice = "coral", text = new string('a', 200) }))).Status);
    }

    [Fact]
    public async Task Preview_StyleOverItsCap_Returns400NamingStyle()
    {
        AssertNamesField(await PreviewAsync(JsonSerializer.Serialize(new { voice = "coral", text = "Hi", style = new string('s', VoicePreviewApi.MaxStyleCharacters + 1) })), "style");
    }

    [Fact]
    public async Task Preview_OversizeBody_Returns413()
    {
        string body = JsonSerializer.Serialize(new { voice = "coral", text = "Hi", style = new string('s', VoicePreviewApi.MaxBodyBytes) });
        HttpRequest request = ApiTestHost.Request(body, "POST");
        request.ContentType = "application/json";

        var ex = await Assert.ThrowsAsync<BadHttpRequestException>(() => _host.Get<VoicePreviewApi>().PreviewAsync(request, CancellationToken.None));

        Assert.Equal(413, ex.StatusCode);
        Assert.Empty(_server.Requests);
    }

    [Theory]
    [InlineData("https://evil.example", "application/json", 403)]
    [InlineData(null, "text/plain", 415)]
    public async Task Preview_CrossSiteOrNonJson_IsRefusedBeforeTheHandler(string? origin, string contentType, int status)
    {
        HttpRequest request = ApiTestHost.Request("""{"voice":"coral","text":"Hello"}""", "POST");
        request.Path = "/api/voices/preview";
        request.ContentType = contentType;
        if (origin is not null)
        {
            request.Headers.Origin = origin;
        }

        IResult? refused = _host.Get<CrossSiteGuard>().Refuse(request);

        Assert.NotNull(refused);
        Assert.Equal(status, (await _host.ExecuteAsync(request, refused)).Status);
    }

    [Fact]
    public async Task Preview_QueryParameter_Returns400()
    {
        Assert.Equal(400, (await PreviewAsync("""{"voice":"coral","text":"Hello"}""", query: "?voice=coral")).Status);
    }

    static System.Text.Json.Nodes.JsonNode JsonNodeOf(FakeRequest request) => System.Text.Json.Nodes.JsonNode.Parse(request.Body)!;
}
