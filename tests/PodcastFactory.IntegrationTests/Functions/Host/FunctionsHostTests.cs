using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using PodcastFactory.Core.Api;
using PodcastFactory.Core.Workflow;
using PodcastFactory.FunctionsHost;
using PodcastFactory.IntegrationTests.Api.Contract;

namespace PodcastFactory.IntegrationTests.Functions.Host;

/// <summary>The test host's own protocol duties: loading, routing, log forwarding, a worker that dies.</summary>
[Collection(FunctionsAppCollection.Name)]
public sealed class FunctionsHostTests(FunctionsAppFixture app)
{
    [Fact]
    public void Start_WorkerIndexing_LoadsEveryFunctionOfTheApp()
    {
        using JsonDocument metadata = JsonDocument.Parse(File.ReadAllText(Path.Combine(FunctionsHostOptions.ReleaseAppDirectory(), "functions.metadata")));
        string[] built = [.. metadata.RootElement.EnumerateArray().Select(f => f.GetProperty("name").GetString()!)];

        Assert.Equal(built.Order(), app.Host.Functions.Order());
        Assert.Subset(app.Host.Functions.ToHashSet(), WorkflowTasks.Activities.Concat(WorkflowTasks.Orchestrators).Select(t => t.Name).ToHashSet());
    }

    [Fact]
    public async Task FrontDoor_UnknownRouteOrMethod_Returns404WithoutInvoking()
    {
        using var client = new ContractClient(app.BaseAddress);

        using HttpResponseMessage unknown = await client.Http.GetAsync("/api/nothing-here");
        using HttpResponseMessage wrongMethod = await client.Http.DeleteAsync("/api/backlog");
        using HttpResponseMessage noPrefix = await client.Http.GetAsync("/" + ApiRoutes.Backlog);

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, wrongMethod.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, noPrefix.StatusCode);
    }

    [Fact]
    public async Task Invocation_WorkerLogs_ReachTheHostAsRpcLog()
    {
        using var client = new ContractClient(app.BaseAddress);
        string id = $"logged-{Guid.NewGuid().ToString("N")[..8]}";

        using HttpResponseMessage started = await client.PostJsonAsync("/api/episodes", ContractClient.EpisodeBody(id));

        Assert.Contains(app.Host.Logs, l => l.StartsWith("[Information] ", StringComparison.Ordinal) && l.Contains($"instance ID '{id}'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Invocation_HttpRequest_WorkerSendsNoFrameworkInformationLines()
    {
        using var client = new ContractClient(app.BaseAddress);
        int before = app.Host.Logs.Count;

        using HttpResponseMessage response = await client.Http.GetAsync("/api/backlog");
        await Task.Delay(500);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(app.Host.Logs.Skip(before), l => l.StartsWith("[Information] Microsoft.AspNetCore", StringComparison.Ordinal));
    }

    [Fact]
    public async Task KillWorker_RequestInFlight_FailsItAndReportsTheExitThenRestarts()
    {
        string id = $"inflight-{Guid.NewGuid().ToString("N")[..8]}";
        byte[] large = new byte[64 * 1024 * 1024];
        await app.Store.WriteAsync($"{id}/episode.wav", new MemoryStream(large), "audio/wav", null, CancellationToken.None);
        using var client = new ContractClient(app.BaseAddress);
        int before = app.Host.WorkerProcessId;

        // Headers only: the worker blocks writing the body, its invocation stays pending.
        using HttpResponseMessage response = await client.Http.GetAsync($"/api/episodes/{id}/artifacts/episode.wav", HttpCompletionOption.ResponseHeadersRead);
        Assert.True(app.Host.PendingInvocations >= 1);
        app.Host.KillWorker();
        await WaitUntilAsync(() => app.Host.Logs.Any(l => l.Contains($"worker process {before} exited with code", StringComparison.Ordinal)), TimeSpan.FromSeconds(20));

        Assert.Equal(0, app.Host.PendingInvocations);
        Assert.Contains(app.Host.Logs, l => Regex.IsMatch(l, @"^host: .* [1-9][0-9]* pending invocation\(s\) failed"));
        await app.Host.RestartWorkerAsync();
        Assert.NotEqual(before, app.Host.WorkerProcessId);
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/api/backlog")).StatusCode);
    }

    static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (!condition())
        {
            await Task.Delay(50, deadline.Token);
        }
    }
}
