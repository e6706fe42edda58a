using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using PodcastFactory.Core.Tests.TestServers;
using PodcastFactory.Core.Workflow.Webhooks;
using PodcastFactory.IntegrationTests.Durability;
using PodcastFactory.IntegrationTests.Storage;
using PodcastFactory.Local.Hosting;
using Xunit.Abstractions;

namespace PodcastFactory.IntegrationTests.Webhooks;

/// <summary>
/// The crash the Standard Webhooks id exists for: the worker is killed (SIGKILL) after an attempt reached the receiver
/// and before the attempt was recorded; the resumed worker sends the event again under the same <c>webhook-id</c>.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed partial class WebhookCrashTests(AzuriteFixture azurite, ITestOutputHelper output) : IDisposable
{
    readonly string _folder = Directory.CreateTempSubdirectory("pf-hookcrash-").FullName;

    [Fact]
    public async Task Resume_AfterKillBetweenSendingAndRecording_ResendsTheSameWebhookIdAndDelivers()
    {
        await using WebhookReceiver receiver = await WebhookReceiver.StartAsync();
        string hub = AzuriteFixture.NewTaskHub("hookcrash");
        string id = "hookcrash-" + hub;
        string journal = Path.Combine(_folder, "first.log");
        var settings = new Dictionary<string, string?>
        {
            ["Workflow:AllowPrivateNetworkSources"] = "true",
            ["Webhooks:FirstRetrySeconds"] = "2",
            ["Webhooks:SecretKey"] = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray()),
        };
        string secret;
        using (PodcastProcess first = PodcastProcess.Start(azurite.ConnectionString, journal,
            [.. DurableEpisodes.ProduceArgs(id, hub), "--callback-url", receiver.Url.ToString()], holdActivity: nameof(DeliverWebhookActivity) + "=600000", settings))
        {
            await first.WaitUntilAsync(() => ActivityJournal.Read(journal).Any(e => e.Activity == nameof(DeliverWebhookActivity)), TimeSpan.FromMinutes(2),
                "an attempt was sent and is held before it is recorded");
            first.Kill();
            secret = SecretLine().Match(first.Output).Groups[1].Value;
        }

        ReceivedWebhook beforeCrash = Assert.Single(receiver.Received);
        using (PodcastProcess resumed = PodcastProcess.Start(azurite.ConnectionString, Path.Combine(_folder, "resumed.log"),
            ["produce", "--resume", id, .. DurableEpisodes.StoreArgs(hub), "--json"], settings: settings))
        {
            int exit = await resumed.WaitForExitAsync(TimeSpan.FromMinutes(3));
            output.WriteLine(resumed.Output);
            Assert.Equal(0, exit);
        }

        List<ReceivedWebhook> sameEvent = receiver.Received.Where(r => r.Body == beforeCrash.Body).ToList();
        Assert.True(sameEvent.Count >= 2, $"the held event arrived {sameEvent.Count} time(s)");
        Assert.All(sameEvent, r => Assert.Equal(beforeCrash.Id, r.Id));
        Assert.All(receiver.Received, r => Assert.True(
            WebhookSignature.Verify(secret, r.Id, long.Parse(r.Timestamp, CultureInfo.InvariantCulture), Encoding.UTF8.GetBytes(r.Body), r.Signature), r.Id));
        Assert.Contains(receiver.Received, r => r.Body.Contains("\"episode.completed\"", StringComparison.Ordinal));

        WebhookStore store = new(DurableEpisodes.Store(azurite.ConnectionString));
        WebhookDelivery log = (await store.FindDeliveryAsync(WebhookSubscription.CallbackId(id), beforeCrash.Id, CancellationToken.None))!;
        Assert.Equal(WebhookDeliveryStates.Delivered, log.State);
        Assert.Equal(1, Assert.Single(log.Attempts).Number);
        foreach (ReceivedWebhook r in sameEvent)
        {
            output.WriteLine($"#{r.Number} webhook-id: {r.Id} webhook-timestamp: {r.Timestamp} webhook-signature: {r.Signature}");
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [GeneratedRegex(@"Callback signing secret \(shown once\): (whsec_\S+)")]
    private static partial Regex SecretLine();
}
