using System.Net;
using System.Text;
using System.Text.Json;

namespace PodcastFactory.IntegrationTests.Api.Contract;

/// <summary>The contract, continued: quotes, the same on both hosts.</summary>
public abstract partial class HttpContractTests
{
    const string QuoteBody = """{"topic":"How durable workflows recover","depth":"quick","targetMinutes":1,"sources":[{"kind":"text","value":"Durable workflows checkpoint after every step and replay their history after a crash."}]}""";

    [Fact]
    public async Task Quotes_Post_Returns200WithStagesAndAQuoteIdAStartAccepts_AndAnotherRequestsIdIs400()
    {
        using HttpResponseMessage response = await Client.PostJsonAsync("/api/quotes", QuoteBody);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        JsonElement quote = await Client.JsonAsync(response);
        string quoteId = quote.GetProperty("quoteId").GetString()!;
        Assert.Equal(6, quote.GetProperty("stages").GetArrayLength());
        // The offline writer has no polish pass: the quote lists the stage as the skip the run will record.
        JsonElement polish = quote.GetProperty("stages").EnumerateArray().Single(s => s.GetProperty("stage").GetString() == "polish");
        Assert.Equal(0, polish.GetProperty("calls").GetInt32());
        Assert.StartsWith("offline writer", polish.GetProperty("skipped").GetString(), StringComparison.Ordinal);
        // Offline providers: free, and the quote names no priced model (null fields are left out of the JSON).
        Assert.Equal(0m, quote.GetProperty("highUsd").GetDecimal());
        Assert.False(quote.GetProperty("assumptions").TryGetProperty("textModel", out _), quote.ToString());
        Assert.Equal(150, quote.GetProperty("assumptions").GetProperty("words").GetInt32());

        string other = QuoteBody.Replace("\"targetMinutes\":1", "\"targetMinutes\":2", StringComparison.Ordinal)[..^1] + $",\"quoteId\":\"{quoteId}\"}}";
        JsonElement problem = await Client.AssertProblemAsync(await Client.PostJsonAsync("/api/episodes", other), HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("quoteId", out _), problem.ToString());
    }

    [Theory]
    [InlineData("""{"topic":"How durable workflows recover","targetMinutes":"five"}""", "targetMinutes")]
    [InlineData("""{"topic":"How durable workflows recover","sources":[{"kind":"file","value":"/etc/passwd"}]}""", "sources[0].kind")]
    [InlineData("""{"topic":""", "body")]
    public async Task Quotes_BadBody_Returns400ProblemNamingTheField(string body, string field)
    {
        JsonElement problem = await Client.AssertProblemAsync(await Client.PostJsonAsync("/api/quotes", body), HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task Quotes_ForeignOrigin_Returns403Problem()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/quotes") { Content = new StringContent(QuoteBody, Encoding.UTF8, "application/json") };
        request.Headers.Add("Origin", "https://evil.example");

        await Client.AssertProblemAsync(await Client.Http.SendAsync(request), HttpStatusCode.Forbidden);
    }
}
