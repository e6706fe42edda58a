using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using PodcastFactory.Core.Tests.Api;
using PodcastFactory.Core.Tests.TestServers;
using PodcastFactory.Core.Workflow.Webhooks;

namespace PodcastFactory.Core.Tests.Workflow.Webhooks;

/// <summary>One attempt against a real loopback receiver: signed, bounded, no redirects, the address policy applied.</summary>
public sealed class WebhookSenderTests : IAsyncDisposable
{
    static readonly byte[] _body = Encoding.UTF8.GetBytes("""{"specversion":"1.0","id":"msg_1","type":"episode.completed"}""");
    readonly ApiTestHost _host = new(new Dictionary<string, string?> { ["Workflow:AllowPrivateNetworkSources"] = "true", ["Webhooks:TimeoutSeconds"] = "1" });

    [Fact]
    public async Task SendAsync_Receiver200_IsDeliveredAndTheSignatureVerifies()
    {
        await using WebhookReceiver receiver = await WebhookReceiver.StartAsync();
        receiver.Secret = WebhookSignature.NewSecret();

        WebhookSendResult result = await _host.Get<WebhookSender>().SendAsync(receiver.Url, receiver.Secret, "msg_1", _body, CancellationToken.None);

        Assert.True(result.Delivered);
        Assert.Equal(200, result.StatusCode);
        ReceivedWebhook got = Assert.Single(receiver.Received);
        Assert.True(got.Verified);
        Assert.Equal("msg_1", got.Id);
        Assert.StartsWith("application/cloudevents+json", got.ContentType, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_Receiver500_IsNotDeliveredAndKeepsTheStatus()
    {
        await using WebhookReceiver receiver = await WebhookReceiver.StartAsync();
        receiver.Secret = WebhookSignature.NewSecret();
        receiver.Status = _ => 500;

        WebhookSendResult result = await _host.Get<WebhookSender>().SendAsync(receiver.Url, receiver.Secret, "msg_1", _body, CancellationToken.None);

        Assert.False(result.Delivered);
        Assert.Equal(500, result.StatusCode);
    }

    [Fact]
    public async Task SendAsync_ReceiverNeverAnswers_EndsAtTheDeadlineAsAFailure()
    {
        await using WebhookReceiver receiver = await WebhookReceiver.StartAsync();
        receiver.Secret = WebhookSignature.NewSecret();
        receiver.Status = _ => 0;

        WebhookSendResult result = await _host.Get<WebhookSender>().SendAsync(receiver.Url, receiver.Secret, "msg_1", _body, CancellationToken.None);

        Assert.False(result.Delivered);
        Assert.Null(result.StatusCode);
        Assert.Contains("within 1 s", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_Redirect_IsNotFollowed()
    {
        int followed = 0;
        await using TestSite site = await TestSite.StartAsync(app =>
        {
            app.MapPost("/hook", () => Results.Redirect("/elsewhere", permanent: false, preserveMethod: true));
            app.MapPost("/elsewhere", () => { Interlocked.Increment(ref followed); return Results.Ok(); });
        });

        WebhookSendResult result = await _host.Get<WebhookSender>().SendAsync(site.Url("hook"), WebhookSignature.NewSecret(), "msg_1", _body, CancellationToken.None);

        Assert.False(result.Delivered);
        Assert.Equal(307, result.StatusCode);
        Assert.Equal(0, followed);
    }

    [Fact]
    public async Task SendAsync_LoopbackWithoutPrivateNetworks_IsRefusedBeforeAnythingIsSent()
    {
        using var strict = new ApiTestHost();
        await using WebhookReceiver receiver = await WebhookReceiver.StartAsync();

        WebhookSendResult result = await strict.Get<WebhookSender>().SendAsync(receiver.Url, WebhookSignature.NewSecret(), "msg_1", _body, CancellationToken.None);

        Assert.False(result.Delivered);
        Assert.Contains("loopback", result.Error, StringComparison.Ordinal);
        Assert.Empty(receiver.Received);
    }

    public ValueTask DisposeAsync()
    {
        _host.Dispose();
        return ValueTask.CompletedTask;
    }
}
