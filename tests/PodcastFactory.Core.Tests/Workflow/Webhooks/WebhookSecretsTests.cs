using System.Security.Cryptography;
using PodcastFactory.Core.Artifacts;
using PodcastFactory.Core.Tests.Api;
using PodcastFactory.Core.Workflow.Webhooks;

namespace PodcastFactory.Core.Tests.Workflow.Webhooks;

public sealed class WebhookSecretsTests : IDisposable
{
    readonly ApiTestHost _host = new(new Dictionary<string, string?> { ["Webhooks:SecretKey"] = Convert.ToBase64String(new byte[32]) });

    [Fact]
    public async Task Protect_ThenUnprotect_RoundTrips_AndTheStoredFormHidesTheSecret()
    {
        var secrets = _host.Get<WebhookSecrets>();
        string secret = WebhookSignature.NewSecret();
        string stored = await secrets.ProtectAsync("wh_0123456789abcdef", secret, CancellationToken.None);
        Assert.DoesNotContain(secret[6..], stored, StringComparison.Ordinal);
        Assert.Equal(secret, await secrets.UnprotectAsync("wh_0123456789abcdef", stored, CancellationToken.None));
    }

    [Fact]
    public async Task Unprotect_CiphertextMovedToAnotherSubscription_Fails()
    {
        var secrets = _host.Get<WebhookSecrets>();
        string stored = await secrets.ProtectAsync("wh_0123456789abcdef", WebhookSignature.NewSecret(), CancellationToken.None);
        await Assert.ThrowsAnyAsync<CryptographicException>(() => secrets.UnprotectAsync("wh_fedcba9876543210", stored, CancellationToken.None));
    }

    [Fact]
    public async Task Protect_WithoutAConfiguredKey_GeneratesOneKeyIntoTheStoreOnce()
    {
        using var host = new ApiTestHost();
        string stored = await host.Get<WebhookSecrets>().ProtectAsync("wh_0123456789abcdef", "whsec_AAAA", CancellationToken.None);
        string key = await host.Get<IArtifactStore>().ReadTextAsync(WebhookSecrets.GeneratedKeyName, CancellationToken.None);
        await host.Get<WebhookSecrets>().ProtectAsync("wh_0123456789abcdef", "whsec_BBBB", CancellationToken.None);
        Assert.Equal(key, await host.Get<IArtifactStore>().ReadTextAsync(WebhookSecrets.GeneratedKeyName, CancellationToken.None));
        Assert.Equal("whsec_AAAA", await host.Get<WebhookSecrets>().UnprotectAsync("wh_0123456789abcdef", stored, CancellationToken.None));
    }

    public void Dispose() => _host.Dispose();
}
