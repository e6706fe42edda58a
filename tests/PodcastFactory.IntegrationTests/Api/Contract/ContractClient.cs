using System.Net;
using System.Text;
using System.Text.Json;

namespace PodcastFactory.IntegrationTests.Api.Contract;

/// <summary>HTTP helpers of the contract suite: JSON bodies, problem details, waiting for an episode's stage.</summary>
public sealed class ContractClient(Uri baseAddress) : IDisposable
{
    public const string Source = "Durable workflows checkpoint after every step. A crash resumes the run from the last checkpoint. "
        + "Activities may run more than once, so they must be idempotent. Orchestrators replay their history and must be deterministic.";

    public HttpClient Http { get; } = new() { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };

    public static string EpisodeBody(string id, string topic = "How durable workflows recover", bool requireApproval = false, string priority = "social") =>
        JsonSerializer.Serialize(new
        {
            id,
            topic,
            priority,
            requireApproval,
            sources = new[] { new { kind = "text", value = Source, name = "notes.md" } },
        });

    public Task<HttpResponseMessage> PostJsonAsync(string path, string json) =>
        Http.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

    public async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    /// <summary>Asserts an RFC 7807 problem with <paramref name="status"/> and returns it.</summary>
    public async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        JsonElement problem = JsonDocument.Parse(text).RootElement.Clone();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("type").GetString()));
        return problem;
    }

    /// <summary>Polls the status until <paramref name="done"/> holds.</summary>
    public async Task<JsonElement> WaitForAsync(string id, Func<JsonElement, bool> done, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        JsonElement status = default;
        while (!deadline.IsCancellationRequested)
        {
            using HttpResponseMessage response = await Http.GetAsync($"/api/episodes/{id}", CancellationToken.None);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                status = await JsonAsync(response);
                if (done(status))
                {
                    return status;
                }
            }

            await Task.Delay(200, CancellationToken.None);
        }

        throw new TimeoutException($"Episode {id} did not reach the expected state: {status}");
    }

    public static bool IsFinished(JsonElement status) =>
        status.GetProperty("runtimeStatus").GetString() is "completed" or "failed" or "terminated";

    public static bool IsAwaitingApproval(JsonElement status) =>
        status.GetProperty("runtimeStatus").GetString() == "running" && status.TryGetProperty("stage", out JsonElement stage) && stage.GetString() == "approval";

    public void Dispose() => Http.Dispose();
}
