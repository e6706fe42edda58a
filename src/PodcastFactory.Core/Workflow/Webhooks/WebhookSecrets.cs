using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PodcastFactory.Core.Artifacts;
using PodcastFactory.Core.Configuration;
using PodcastFactory.Core.Diagnostics;

namespace PodcastFactory.Core.Workflow.Webhooks;

/// <summary>
/// Encrypts signing secrets at rest with AES-256-GCM (a fresh 12-byte nonce per secret, the subscription id as
/// associated data, so a ciphertext copied onto another subscription does not decrypt). The key is
/// <c>Webhooks:SecretKey</c>; without it one is generated once into the store (see <see cref="WebhookOptions.SecretKey"/>).
/// </summary>
public sealed class WebhookSecrets(IOptions<WebhookOptions> options, IArtifactStore store, ILogger<WebhookSecrets> logger)
{
    /// <summary>Where a generated key is kept (a hidden name: never served as an artifact).</summary>
    public const string GeneratedKeyName = "_webhooks/.secret-key";

    readonly SemaphoreSlim _gate = new(1, 1);
    byte[]? _key;

    /// <summary>The secret, encrypted for <paramref name="subscriptionId"/>.</summary>
    public async Task<string> ProtectAsync(string subscriptionId, string secret, CancellationToken cancellationToken)
    {
        byte[] key = await KeyAsync(cancellationToken);
        byte[] nonce = RandomNumberGenerator.GetBytes(AesGcm.NonceByteSizes.MaxSize);
        byte[] plain = Encoding.UTF8.GetBytes(secret);
        byte[] cipher = new byte[plain.Length];
        byte[] tag = new byte[AesGcm.TagByteSizes.MaxSize];
        using var aes = new AesGcm(key, tag.Length);
        aes.Encrypt(nonce, plain, cipher, tag, Encoding.UTF8.GetBytes(subscriptionId));
        return Convert.ToBase64String([.. nonce, .. tag, .. cipher]);
    }

    /// <summary>The secret of <paramref name="subscriptionId"/>; throws <see cref="CryptographicException"/> when the key or the id does not match.</summary>
    public async Task<string> UnprotectAsync(string subscriptionId, string encrypted, CancellationToken cancellationToken)
    {
        byte[] key = await KeyAsync(cancellationToken);
        byte[] all = Convert.FromBase64String(encrypted);
        int nonceSize = AesGcm.NonceByteSizes.MaxSize, tagSize = AesGcm.TagByteSizes.MaxSize;
        byte[] plain = new byte[all.Length - nonceSize - tagSize];
        using var aes = new AesGcm(key, tagSize);
        aes.Decrypt(all.AsSpan(0, nonceSize), all.AsSpan(nonceSize + tagSize), all.AsSpan(nonceSize, tagSize), plain, Encoding.UTF8.GetBytes(subscriptionId));
        return Encoding.UTF8.GetString(plain);
    }

    async Task<byte[]> KeyAsync(CancellationToken cancellationToken)
    {
        if (_key is { } cached)
        {
            return cached;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (options.Value.SecretKey is { } configured)
            {
                return _key = WebhookOptions.KeyBytes(configured)!;
            }

            // First writer wins, so processes sharing the store agree on one key.
            using var generated = new MemoryStream(Encoding.ASCII.GetBytes(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))));
            if (await store.TryCreateAsync(GeneratedKeyName, generated, ContentTypes.ForName("key.txt"), cancellationToken))
            {
                Logs.WebhookKeyGenerated(logger, store.Location);
            }

            string stored = await store.ReadTextAsync(GeneratedKeyName, cancellationToken);
            return _key = WebhookOptions.KeyBytes(stored) ?? throw new InvalidDataException($"{GeneratedKeyName} does not hold a 32-byte base64 key.");
        }
        finally
        {
            _gate.Release();
        }
    }
}
