using System.Text.Json;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Tests.TestServers;
using PodcastFactory.Core.Workflow.Starting;
using PodcastFactory.Core.Workflow.Webhooks;
using PodcastFactory.IntegrationTests.Workflow;
using PodcastFactory.Local.Backends;
using PodcastFactory.Local.Hosting;
using Xunit.Abstractions;

namespace PodcastFactory.IntegrationTests.Webhooks;

/// <summary>
/// Whole offline episodes in-process whose <c>callbackUrl</c> points at a real loopback receiver that verifies every
/// signature: deliveries are durable orchestrations with timers between attempts.
/// </summary>
public sealed class WebhookDeliveryTests(ITestOutputHelper output) : IDisposable
{
    readonly string _root = Directory.CreateTempSubdirectory("pf-hooks-").FullName;

    Dictionary<string, string?> Settings(string timeoutSeconds = "5", string windowHours = "1") => new()
    {
        ["Artifacts:Provider"] = "FileSystem",
        ["Artifacts:RootPath"] = _root,
        ["Workflow:AllowPrivateNetworkSources"] = "true",
        ["Webhooks:FirstRetrySeconds"] = "2",
        ["Webhooks:TimeoutSeconds"] = timeoutSeconds,
        ["Webhooks:RetryWindowHours"] = windowHours,
    };

    static EpisodeRequest Request() => new()
    {
        Topic = "How durable workflows recover from crashes",
        Sources = [new SourceInput(SourceKind.File, LocalEpisodeRunner.Fixture("durable-workflows.md"))],
        Depth = ResearchDepth.Quick,
        TargetMinutes = 1,
        Priority = OutputPriority.Social,
    };

    [Fact]
    public async Task Callback_Receiver500TwiceThen200_ThreeAttemptsOneWebhookIdEverySignatureValid()
    {
        await using WebhookReceiver receiver = await WebhookReceiver.StartAsync();
        int completedSeen = 0;
        // Only the completed event is failed twice; started is answered at once.
        receiver.Status = _ => 200;
        await using LocalRuntime runtime = await LocalRuntime.StartAsync(BackendSettings.InMemory, Settings());
        // Deliveries of different events can arrive at once: judge request n by its own body, count atomically.
        receiver.Status = n => receiver.Received.First(r => r.Number == n).Body.Contains("\"episode.completed\"", StringComparison.Ordinal)
            && Interlocked.Increment(ref completedSeen) <= 2 ? 500 : 200;

        StartedEpisode started = await runtime.Services.GetRequiredService<EpisodeStarter>()
            .StartAsync(Request(), "hooks-retry", CancellationToken.None, new StartOptions(receiver.Url.ToString()));
        receiver.Secret = started.CallbackSecret;
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await runtime.Client.WaitForInstanceCompletionAsync(started.EpisodeId, limit.Token);
        OrchestrationMetadata delivery = await WaitForAsync(runtime, EpisodeEvents.DeliveryInstanceId(started.EpisodeId, WebhookEventTypes.Completed), limit.Token);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, delivery.RuntimeStatus);
        List<ReceivedWebhook> completed = receiver.Received.Where(r => r.Body.Contains("\"episode.completed\"", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, completed.Count);
        Assert.Single(completed.Select(r => r.Id).Distinct());
        Assert.Single(completed.Select(r => r.Body).Distinct());
        Assert.All(receiver.Received, r => Assert.True(r.Verified, $"signature of {r.Id} did not verify"));
        Assert.Contains(receiver.Received, r => r.Body.Contains("\"episode.started\"", StringComparison.Ordinal));

        using JsonDocument cloudEvent = JsonDocument.Parse(completed[0].Body);
        Assert.Equal("1.0", cloudEvent.RootElement.GetProperty("specversion").GetString());
        Assert.Equal(completed[0].Id, cloudEvent.RootElement.GetProperty("id").GetString());
        Assert.Equal("hooks-retry", cloudEvent.RootElement.GetProperty("subject").GetString());
        Assert.Equal("completed", cloudEvent.RootElement.GetProperty("data").GetProperty("outcome").GetString());

        WebhookDelivery log = (await runtime.Services.GetRequiredService<WebhookStore>()
            .FindDeliveryAsync(WebhookSubscription.CallbackId("hooks-retry"), completed[0].Id, CancellationToken.None))!;
        Assert.Equal(WebhookDeliveryStates.Delivered, log.State);
        Assert.Equal([500, 500, 200], log.Attempts.Select(a => a.StatusCode ?? 0));
        ReceivedWebhook last = completed[^1];
        output.WriteLine($"POST {receiver.Url}\ncontent-type: {last.ContentType}\nwebhook-id: {last.Id}\nwebhook-timestamp: {last.Timestamp}\nwebhook-signature: {last.Signature}\n\n{last.Body}");
    }

    [Fact]
    public async Task Callback_ReceiverNeverAnswers_AttemptsEndAtTheDeadline_AndTheSubscriptionIsMarkedFailing()
    {
        await using WebhookReceiver receiver = await WebhookReceiver.StartAsync();
        receiver.Status = _ => 0;
        // Attempts of 1 s, 2-3 s apart, for a window of about 7 s.
        await using LocalRuntime runtime = await LocalRuntime.StartAsync(BackendSettings.InMemory, Settings(timeoutSeconds: "1", windowHours: "0.002"));
        StartedEpisode started = await runtime.Services.GetRequiredService<EpisodeStarter>()
            .StartAsync(Request(), "hooks-silent", CancellationToken.None, new StartOptions(receiver.Url.ToString()));
        receiver.Secret = started.CallbackSecret;
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await runtime.Client.WaitForInstanceCompletionAsync(started.EpisodeId, limit.Token);
        OrchestrationMetadata delivery = await WaitForAsync(runtime, EpisodeEvents.DeliveryInstanceId(started.EpisodeId, WebhookEventTypes.Started), limit.Token);

        WebhookDeliveryResult result = delivery.ReadOutputAs<WebhookDeliveryResult>()!;
        Assert.Equal([WebhookSubscription.CallbackId("hooks-silent")], result.Failed);
        WebhookStore store = runtime.Services.GetRequiredService<WebhookStore>();
        WebhookDelivery log = (await store.FindDeliveryAsync(WebhookSubscription.CallbackId("hooks-silent"), result.WebhookId, CancellationToken.None))!;
        Assert.Equal(WebhookDeliveryStates.Failed, log.State);
        Assert.True(log.Attempts.Count >= 2, $"{log.Attempts.Count} attempt(s)");
        Assert.All(log.Attempts, a => Assert.Contains("within 1 s", a.Error, StringComparison.Ordinal));
        Assert.NotNull((await store.FindAsync(WebhookSubscription.CallbackId("hooks-silent"), CancellationToken.None))!.FailingSince);
    }

    static async Task<OrchestrationMetadata> WaitForAsync(LocalRuntime runtime, string instanceId, CancellationToken cancellationToken)
    {
        // The delivery starts when the episode's orchestration hands it over; poll until it exists, then wait for it.
        while (await runtime.Client.GetInstanceAsync(instanceId, cancellationToken) is null)
        {
            await Task.Delay(100, cancellationToken);
        }

        return await runtime.Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, cancellationToken);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
