using Microsoft.AspNetCore.Http;
using PodcastFactory.Core.Api;

namespace PodcastFactory.Core.Tests.Api;

/// <summary>
/// Hostile bodies for <c>editions</c> on <c>POST /api/episodes</c>: every bad shape is a 400 naming <c>editions</c>, and
/// until editions are produced a servable list is refused too (saying so), so nothing starts in one language silently.
/// </summary>
public sealed class EditionsApiTests : IDisposable
{
    readonly ApiTestHost _host = new();

    public void Dispose() => _host.Dispose();

    // Every body carries a source, so the only thing wrong with it is what the test puts in editions.
    async Task<ApiResponse> StartAsync(string json)
    {
        json = """{"sources":[{"kind":"text","value":"Durable workflows replay their history."}],""" + json[1..];
        HttpRequest request = ApiTestHost.Request(method: "POST");
        request.Body = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json));
        return await _host.ExecuteAsync(request, await _host.Get<EpisodeApi>().StartAsync(request, default));
    }

    string EditionsError(ApiResponse response)
    {
        Assert.Equal(400, response.Status);
        Assert.Empty(_host.Client.Started);
        // A wrong JSON type is named by its position (editions[0]); the rules by the field.
        var named = response.Json.GetProperty("errors").EnumerateObject().SingleOrDefault(e => e.Name.StartsWith("editions", StringComparison.Ordinal));
        Assert.True(named.Value.ValueKind == System.Text.Json.JsonValueKind.Array, response.Text);
        return named.Value[0].GetString()!;
    }

    [Theory]
    [InlineData("""{"topic":"Durable workflows","editions":"es"}""")]
    [InlineData("""{"topic":"Durable workflows","editions":[5]}""")]
    [InlineData("""{"topic":"Durable workflows","editions":{"es":true}}""")]
    [InlineData("""{"topic":"Durable workflows","editions":[null]}""")]
    [InlineData("""{"topic":"Durable workflows","editions":["es; DROP"]}""")]
    [InlineData("""{"topic":"Durable workflows","editions":[""]}""")]
    public async Task StartAsync_EditionsOfTheWrongShape_Returns400NamingEditions(string body) =>
        EditionsError(await StartAsync(body));

    [Fact]
    public async Task StartAsync_FiveEditions_Returns400SayingTheCap() =>
        Assert.Contains("At most 4 editions (got 5)", EditionsError(await StartAsync("""{"topic":"Durable workflows","editions":["es","fr","de","it","pt"]}""")), StringComparison.Ordinal);

    [Fact]
    public async Task StartAsync_OversizeEditionCode_Returns400NamingEditions() =>
        Assert.Contains("language code", EditionsError(await StartAsync($$"""{"topic":"Durable workflows","editions":["{{new string('e', 10_000)}}"]}""")), StringComparison.Ordinal);

    [Fact]
    public async Task StartAsync_DuplicateEditionByPrimarySubtag_Returns400() =>
        Assert.Contains("named twice", EditionsError(await StartAsync("""{"topic":"Durable workflows","editions":["es","es-MX"]}""")), StringComparison.Ordinal);

    [Fact]
    public async Task StartAsync_EditionInTheEpisodesOwnLanguage_Returns400() =>
        Assert.Contains("own language", EditionsError(await StartAsync("""{"topic":"Durable workflows","language":"en-GB","editions":["es","en"]}""")), StringComparison.Ordinal);

    [Fact]
    public async Task StartAsync_EditionNoWriterServes_Returns400NamingTheEditionAndTheServedLanguages()
    {
        string message = EditionsError(await StartAsync("""{"topic":"Durable workflows","editions":["ja"]}"""));

        Assert.StartsWith("Edition 'ja': Language 'ja' cannot be served here", message, StringComparison.Ordinal);
        Assert.Contains("es", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_ServableEditions_AreRefusedUntilProducedRatherThanStartingOneLanguage() =>
        Assert.StartsWith("Editions are not produced yet", EditionsError(await StartAsync("""{"topic":"Durable workflows","priority":"social","editions":["es","fr"]}""")), StringComparison.Ordinal);

    [Fact]
    public async Task StartAsync_EmptyEditions_StartsAsBefore()
    {
        ApiResponse response = await StartAsync("""{"topic":"Durable workflows","editions":[]}""");

        Assert.True(response.Status == 202, response.Text);
        Assert.Single(_host.Client.Started);
    }

    [Fact]
    public void CrossSite_ForeignOriginPostingEditions_Is403()
    {
        const string body = """{"topic":"Durable workflows","editions":["es"]}""";
        HttpRequest request = ApiTestHost.Request(body, "POST");
        request.Path = "/api/episodes";
        request.ContentType = "application/json";
        request.ContentLength = System.Text.Encoding.UTF8.GetByteCount(body);
        request.Headers.Origin = "https://evil.example";

        IResult? refused = _host.Get<CrossSiteGuard>().Refuse(request);

        Assert.Equal(403, Assert.IsAssignableFrom<IStatusCodeHttpResult>(refused).StatusCode);
    }
}
