using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using PodcastFactory.Core.Api;
using PodcastFactory.Core.Workflow.Quotes;
using PodcastFactory.Core.Workflow;

namespace PodcastFactory.Core.Tests.Api;

/// <summary>POST /api/quotes with hostile bodies, and starts that carry a quoteId.</summary>
public sealed class QuoteApiTests : IDisposable
{
    const string Body = """{"topic":"Durable workflows","depth":"quick","targetMinutes":2,"sources":[{"kind":"text","value":"Checkpoints make workflows durable."}]}""";

    // A priced text model (its endpoint is never called: a quote makes no model call).
    readonly ApiTestHost _host = new(new Dictionary<string, string?>
    {
        ["TextModel:Provider"] = "OpenAICompatible",
        ["TextModel:Model"] = "gpt-4o-mini",
        ["TextModel:Endpoint"] = "http://127.0.0.1:9/v1",
        ["TextModel:ApiKey"] = "test",
    });

    public void Dispose() => _host.Dispose();

    async Task<ApiResponse> QuoteAsync(string body)
    {
        HttpRequest request = ApiTestHost.Request(body, "POST");
        request.ContentType = "application/json";
        return await _host.ExecuteAsync(request, await _host.Get<QuoteApi>().CreateAsync(request, CancellationToken.None));
    }

    async Task<ApiResponse> StartAsync(string body)
    {
        HttpRequest request = ApiTestHost.Request(body, "POST");
        request.ContentType = "application/json";
        return await _host.ExecuteAsync(request, await _host.Get<EpisodeApi>().StartAsync(request, CancellationToken.None));
    }

    static string With(string body, string extra) => body[..^1] + "," + extra + "}";

    [Fact]
    public async Task Create_ValidRequest_Returns200WithStagesTotalsAndAssumptions_AndStartsNothing()
    {
        ApiResponse response = await QuoteAsync(Body);

        Assert.Equal(200, response.Status);
        JsonElement quote = response.Json;
        Assert.True(QuoteStore.IsValidId(quote.GetProperty("quoteId").GetString()), response.Text);
        decimal low = quote.GetProperty("lowUsd").GetDecimal(), total = quote.GetProperty("totalUsd").GetDecimal(), high = quote.GetProperty("highUsd").GetDecimal();
        Assert.True(0 < low && low < total && total < high, response.Text);
        Assert.Equal(["research", "script", "review", "polish", "social", "audio"], quote.GetProperty("stages").EnumerateArray().Select(s => s.GetProperty("stage").GetString()));
        Assert.Equal("gpt-4o-mini", quote.GetProperty("assumptions").GetProperty("textModel").GetString());
        Assert.Equal(300, quote.GetProperty("assumptions").GetProperty("words").GetInt32());
        Assert.Equal(2, quote.GetProperty("assumptions").GetProperty("angles").GetInt32());
        Assert.DoesNotContain("requestHash", response.Text, StringComparison.Ordinal);
        Assert.Empty(_host.Client.Started);
    }

    [Theory]
    [InlineData("""{"depth":"quick"}""", "topic")]
    [InlineData("""{"topic":"Durable workflows","targetMinutes":"five","sources":[{"kind":"text","value":"x y z"}]}""", "targetMinutes")]
    [InlineData("""{"topic":"Durable workflows","targetMinutes":0,"sources":[{"kind":"text","value":"x y z"}]}""", "targetMinutes")]
    [InlineData("""{"topic":"Durable workflows","depth":"bottomless","sources":[{"kind":"text","value":"x y z"}]}""", "depth")]
    [InlineData("""{"topic":"Durable workflows","sources":[{"kind":"file","value":"/etc/passwd"}]}""", "sources[0].kind")]
    [InlineData("""{"topic":"Durable workflows","sources":[{"kind":"text","value":"x y z"}],"price":0}""", "price")]
    [InlineData("""{"topic":"Durable workflows"}""", "sources")]
    [InlineData("""[1,2]""", "body")]
    [InlineData("""{"topic":""", "body")]
    public async Task Create_BadBody_Returns400NamingTheField_AsAStartWould(string body, string field)
    {
        ApiResponse quote = await QuoteAsync(body);
        ApiResponse start = await StartAsync(body);

        Assert.Equal(400, quote.Status);
        Assert.Equal("application/problem+json", quote.ContentType);
        Assert.True(quote.Json.GetProperty("errors").TryGetProperty(field, out _), quote.Text);
        Assert.Equal(start.Json.GetProperty("errors").ToString(), quote.Json.GetProperty("errors").ToString());
    }

    [Fact]
    public async Task Create_OversizeTopic_Returns400_AndOversizeBody_413()
    {
        ApiResponse response = await QuoteAsync(JsonSerializer.Serialize(new { topic = new string('a', 10_000), sources = new[] { new { kind = "text", value = "x y z" } } }));
        Assert.Equal(400, response.Status);

        HttpRequest huge = ApiTestHost.Request("{}", "POST");
        huge.ContentType = "application/json";
        huge.ContentLength = JsonBody.MaxBytes + 1L;
        var refused = await Assert.ThrowsAsync<BadHttpRequestException>(() => _host.Get<QuoteApi>().CreateAsync(huge, CancellationToken.None));
        Assert.Equal(413, refused.StatusCode);
    }

    [Fact]
    public void CrossSite_ForeignOriginPostingAQuote_Is403()
    {
        HttpRequest request = ApiTestHost.Request(Body, "POST");
        request.Path = "/api/quotes";
        request.ContentType = "application/json";
        request.ContentLength = Encoding.UTF8.GetByteCount(Body);
        request.Headers.Origin = "https://evil.example";

        IResult? refused = _host.Get<CrossSiteGuard>().Refuse(request);

        Assert.Equal(403, Assert.IsAssignableFrom<IStatusCodeHttpResult>(refused).StatusCode);
    }

    [Fact]
    public async Task Start_WithQuoteOfTheSameRequest_RunsUnderTheQuotesHighFigure()
    {
        string quoteId = (await QuoteAsync(Body)).Json.GetProperty("quoteId").GetString()!;
        decimal high = (await _host.Get<QuoteStore>().FindAsync(quoteId, default))!.HighUsd;

        ApiResponse response = await StartAsync(With(Body, $"\"id\":\"ep-quoted\",\"quoteId\":\"{quoteId}\""));

        Assert.Equal(202, response.Status);
        var input = Assert.IsType<EpisodeInput>(Assert.Single(_host.Client.Started).Input);
        Assert.Equal(high, input.Request.BudgetUsd);
        // The manifest compares the episode against the quote it ran under.
        Assert.Equal(quoteId, (await QuoteStore.ReadAttachedAsync(_host.Get<PodcastFactory.Core.Artifacts.IArtifactStore>(), "ep-quoted", default))?.QuoteId);
    }

    [Fact]
    public async Task Start_WithQuoteOfAnotherRequest_Returns400NamingQuoteId()
    {
        string quoteId = (await QuoteAsync(Body)).Json.GetProperty("quoteId").GetString()!;

        ApiResponse response = await StartAsync(With(Body.Replace("\"targetMinutes\":2", "\"targetMinutes\":20", StringComparison.Ordinal), $"\"quoteId\":\"{quoteId}\""));

        Assert.Equal(400, response.Status);
        Assert.Contains("different request", response.Json.GetProperty("errors").GetProperty("quoteId")[0].GetString(), StringComparison.Ordinal);
        Assert.Empty(_host.Client.Started);
    }

    [Theory]
    [InlineData("q-00000000000000000000000000000000")]
    [InlineData("../../etc/passwd")]
    [InlineData("")]
    public async Task Start_WithUnknownOrMalformedQuoteId_Returns400(string quoteId)
    {
        ApiResponse response = await StartAsync(With(Body, $"\"quoteId\":{JsonSerializer.Serialize(quoteId)}"));

        Assert.Equal(400, response.Status);
        Assert.True(response.Json.GetProperty("errors").TryGetProperty("quoteId", out _), response.Text);
        Assert.Empty(_host.Client.Started);
    }

    [Fact]
    public async Task Start_WithExpiredQuote_Returns400()
    {
        string quoteId = (await QuoteAsync(Body)).Json.GetProperty("quoteId").GetString()!;
        QuoteStore store = _host.Get<QuoteStore>();
        EpisodeQuote quote = (await store.FindAsync(quoteId, default))!;
        await store.SaveAsync(quote with { ExpiresAt = DateTimeOffset.UtcNow.AddMinutes(-1) }, default);

        ApiResponse response = await StartAsync(With(Body, $"\"quoteId\":\"{quoteId}\""));

        Assert.Equal(400, response.Status);
        Assert.Contains("expired", response.Json.GetProperty("errors").GetProperty("quoteId")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_WithQuoteAndItsOwnBudget_Returns400NamingBudget()
    {
        string quoteId = (await QuoteAsync(Body)).Json.GetProperty("quoteId").GetString()!;

        ApiResponse response = await StartAsync(With(Body, $"\"budgetUsd\":5,\"quoteId\":\"{quoteId}\""));

        Assert.Equal(400, response.Status);
        Assert.True(response.Json.GetProperty("errors").TryGetProperty("budgetUsd", out _), response.Text);
    }
}
