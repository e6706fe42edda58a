using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PodcastFactory.Core.Workflow.Webhooks;

/// <summary>
/// Standard Webhooks signing (standardwebhooks.com): <c>webhook-signature: v1,&lt;base64 HMAC-SHA256&gt;</c> over
/// <c>{webhook-id}.{webhook-timestamp}.{body}</c>, keyed with the base64-decoded part of the <c>whsec_</c> secret.
/// </summary>
public static class WebhookSignature
{
    /// <summary>The prefix of a secret in the Standard Webhooks form.</summary>
    public const string SecretPrefix = "whsec_";

    /// <summary>Header names.</summary>
    public const string IdHeader = "webhook-id", TimestampHeader = "webhook-timestamp", SignatureHeader = "webhook-signature";

    /// <summary>A new secret: 32 random bytes as <c>whsec_&lt;base64&gt;</c>.</summary>
    public static string NewSecret() => SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>The key bytes of a <c>whsec_</c> secret; null when it is not one.</summary>
    public static byte[]? KeyOf(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        if (!secret.StartsWith(SecretPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        string encoded = secret[SecretPrefix.Length..];
        byte[] buffer = new byte[encoded.Length];
        return encoded.Length > 0 && Convert.TryFromBase64String(encoded, buffer, out int written) ? buffer[..written] : null;
    }

    /// <summary>The <c>webhook-signature</c> value for one message.</summary>
    public static string Sign(string secret, string id, long timestamp, ReadOnlySpan<byte> body)
    {
        byte[] key = KeyOf(secret) ?? throw new ArgumentException("The secret is not in the whsec_<base64> form.", nameof(secret));
        byte[] prefix = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{id}.{timestamp}."));
        byte[] signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, signed));
    }

    /// <summary>
    /// True when any <c>v1</c> signature in <paramref name="header"/> (space-separated, as the spec allows during key
    /// rotation) matches, compared in constant time. What receivers do; the tests' receiver uses it.
    /// </summary>
    public static bool Verify(string secret, string id, long timestamp, ReadOnlySpan<byte> body, string header)
    {
        ArgumentNullException.ThrowIfNull(header);
        byte[] expected = Encoding.ASCII.GetBytes(Sign(secret, id, timestamp, body));
        foreach (string candidate in header.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(candidate)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The stable <c>webhook-id</c> (and CloudEvents id) of the event <paramref name="type"/> raised by orchestration
    /// <paramref name="instanceId"/>: derived, never random, so a replay or a crash resends the same id.
    /// </summary>
    public static string MessageId(string instanceId, string type) =>
        "msg_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(instanceId + "\n" + type)))[..32];
}
