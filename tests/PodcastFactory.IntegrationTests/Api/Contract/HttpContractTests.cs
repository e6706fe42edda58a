using System.Net;
using System.Text.Json;
using PodcastFactory.Core.Artifacts;

namespace PodcastFactory.IntegrationTests.Api.Contract;

/// <summary>
/// The HTTP API's contract, run unchanged against every host that serves it (<c>podcast serve</c>, the Functions
/// app on the test host, and <c>func start</c> through scripts/contract-func.sh). A subclass supplies the base
/// address and, where it can, the artifact store behind it. This part: starting and reading episodes.
/// </summary>
public abstract partial class HttpContractTests : IDisposable
{
    readonly Lazy<ContractClient> _client;

    protected HttpContractTests() => _client = new(() => new ContractClient(BaseAddress));

    /// <summary>The host's base address (routes under /api).</summary>
    protected abstract Uri BaseAddress { get; }

    /// <summary>The artifact store the host serves from (tests plant artifacts in it).</summary>
    protected abstract IArtifactStore Store { get; }

    protected ContractClient Client => _client.Value;

    protected static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..10]}";

    [Fact]
    public async Task Create_NewId_Returns202WithLocation()
    {
        string id = NewId("new");

        using HttpResponseMessage response = await Client.PostJsonAsync("/api/episodes", ContractClient.EpisodeBody(id));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(new Uri(BaseAddress, $"/api/episodes/{id}"), response.Headers.Location);
        JsonElement body = await Client.JsonAsync(response);
        Assert.Equal(id, body.GetProperty("id").GetString());
        Assert.True(body.GetProperty("created").GetBoolean());
        Assert.Equal(response.Headers.Location!.ToString(), body.GetProperty("statusUrl").GetString());
    }

    [Fact]
    public async Task Create_SameIdSameBody_Returns200WithSameLocation()
    {
        string id = NewId("again");
        using HttpResponseMessage first = await Client.PostJsonAsync("/api/episodes", ContractClient.EpisodeBody(id));

        using HttpResponseMessage second = await Client.PostJsonAsync("/api/episodes", ContractClient.EpisodeBody(id));

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.False((await Client.JsonAsync(second)).GetProperty("created").GetBoolean());
    }

    [Fact]
    public async Task Create_ConcurrentSameId_StartsOneEpisode()
    {
        string id = NewId("race");

        HttpResponseMessage[] responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Client.PostJsonAsync("/api/episodes", ContractClient.EpisodeBody(id))));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Accepted));
        Assert.Equal(3, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
    }

    [Fact]
    public async Task Create_SameIdDifferentBody_Returns409ProblemDetails()
    {
        string id = NewId("clash");
        using HttpResponseMessage first = await Client.PostJsonAsync("/api/episodes", ContractClient.EpisodeBody(id, topic: "How durable workflows recover"));

        using HttpResponseMessage second = await Client.PostJsonAsync("/api/episodes", ContractClient.EpisodeBody(id, topic: "Something else entirely"));

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        await Client.AssertProblemAsync(second, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Create_UnknownField_Returns400ProblemDetails()
    {
        using HttpResponseMessage response = await Client.PostJsonAsync("/api/episodes", """{"topic":"Durable workflows","colour":"blue"}""");

        await Client.AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Create_InvalidFields_Returns400WithErrorsPerField()
    {
        using HttpResponseMessage response = await Client.PostJsonAsync("/api/episodes", """{"topic":"x","targetMinutes":99}""");

        JsonElement problem = await Client.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        JsonElement errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("topic", out _), problem.ToString());
        Assert.True(errors.TryGetProperty("targetMinutes", out _), problem.ToString());
    }

    [Fact]
    public async Task Create_UnknownEnumValue_Returns400UnderItsField()
    {
        using HttpResponseMessage response = await Client.PostJsonAsync("/api/episodes", """{"topic":"Durable workflows","depth":"bottomless"}""");

        JsonElement problem = await Client.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("depth", out _), problem.ToString());
    }

    [Fact]
    public async Task Create_MalformedJson_Returns400UnderBody()
    {
        using HttpResponseMessage response = await Client.PostJsonAsync("/api/episodes", """{"topic": """);

        JsonElement problem = await Client.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("body", out _), problem.ToString());
    }

    [Fact]
    public async Task Status_StartedEpisode_ReturnsRuntimeStatusAndProgress()
    {
        string id = NewId("status");
        using HttpResponseMessage started = await Client.PostJsonAsync("/api/episodes", ContractClient.EpisodeBody(id));

        JsonElement status = await Client.WaitForAsync(id, ContractClient.IsFinished, TimeSpan.FromMinutes(1));

        Assert.Equal(id, status.GetProperty("id").GetString());
        Assert.Equal("completed", status.GetProperty("runtimeStatus").GetString());
        Assert.Equal(100, status.GetProperty("percent").GetInt32());
        Assert.Contains(status.GetProperty("artifacts").EnumerateArray(), a => a.GetProperty("name").GetString() == "social.md");
    }

    [Fact]
    public async Task Status_UnknownEpisode_Returns404ProblemDetails()
    {
        using HttpResponseMessage response = await Client.Http.GetAsync($"/api/episodes/{NewId("missing")}");

        await Client.AssertProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task List_PageSizeOne_FollowsContinuationTokensThroughEveryEpisode()
    {
        string[] ids = [NewId("page"), NewId("page"), NewId("page")];
        foreach (string id in ids)
        {
            using HttpResponseMessage started = await Client.PostJsonAsync("/api/episodes", ContractClient.EpisodeBody(id));
        }

        var seen = new List<string>();
        string? token = null;
        for (int page = 0; page < 500; page++)
        {
            string url = "/api/episodes?pageSize=1" + (token is null ? "" : "&continuationToken=" + Uri.EscapeDataString(token));
            JsonElement list = JsonDocument.Parse(await Client.Http.GetStringAsync(url)).RootElement.Clone();
            Assert.True(list.GetProperty("items").GetArrayLength() <= 1, list.ToString());
            seen.AddRange(list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!));
            token = list.TryGetProperty("continuationToken", out JsonElement next) ? next.GetString() : null;
            if (token is null)
            {
                break;
            }
        }

        Assert.Null(token);
        Assert.Subset(seen.ToHashSet(), ids.ToHashSet());
        Assert.DoesNotContain(seen, s => s.EndsWith("-audio", StringComparison.Ordinal));
    }

    [Fact]
    public async Task List_InvalidPageSize_Returns400ProblemDetails()
    {
        using HttpResponseMessage response = await Client.Http.GetAsync("/api/episodes?pageSize=-3");

        await Client.AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    public void Dispose()
    {
        if (_client.IsValueCreated)
        {
            _client.Value.Dispose();
        }

        GC.SuppressFinalize(this);
    }
}
