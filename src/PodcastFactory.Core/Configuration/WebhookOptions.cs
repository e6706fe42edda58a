using System.ComponentModel.DataAnnotations;

namespace PodcastFactory.Core.Configuration;

/// <summary>
/// Webhook delivery. Section <c>Webhooks</c>. Every bound exists because the receiver's URL comes from a caller: a slow,
/// huge or failing receiver must cost little and never hold an episode up.
/// </summary>
public sealed class WebhookOptions : IValidatableObject
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Webhooks";

    /// <summary>Seconds before the first retry; each later one doubles (with jitter), capped at <see cref="MaxRetryDelayMinutes"/>. Default 10.</summary>
    [Range(2, 3600, ErrorMessage = "Webhooks:FirstRetrySeconds must be between 2 and 3600 (durable timers under 2 s fired early on Azure Storage).")]
    public int FirstRetrySeconds { get; set; } = 10;

    /// <summary>Longest wait between two attempts, in minutes. Default 360 (6 h).</summary>
    [Range(1, 1440, ErrorMessage = "Webhooks:MaxRetryDelayMinutes must be between 1 and 1440.")]
    public int MaxRetryDelayMinutes { get; set; } = 360;

    /// <summary>How long after its first attempt an event is still retried, in hours; after it the subscription is marked failing. Default 24.</summary>
    [Range(0.001, 72, ErrorMessage = "Webhooks:RetryWindowHours must be between 0.001 and 72.")]
    public double RetryWindowHours { get; set; } = 24;

    /// <summary>One attempt's deadline (connect, send, status line and the bounded body), in seconds. Default 10.</summary>
    [Range(1, 60, ErrorMessage = "Webhooks:TimeoutSeconds must be between 1 and 60.")]
    public int TimeoutSeconds { get; set; } = 10;

    /// <summary>Subscriptions kept at most (each one is read when an event is prepared). Default 100.</summary>
    [Range(1, 1000, ErrorMessage = "Webhooks:MaxSubscriptions must be between 1 and 1000.")]
    public int MaxSubscriptions { get; set; } = 100;

    /// <summary>
    /// The AES-256-GCM key (base64 of 32 bytes) that encrypts stored signing secrets; in Azure a Key Vault reference
    /// (<c>@Microsoft.KeyVault(SecretUri=...)</c>). Unset, a key is generated once and kept in the artifact store
    /// (<c>_webhooks/.secret-key</c>): fine on one machine, but then whoever reads the store reads the secrets.
    /// </summary>
    public string? SecretKey { get; set; }

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (SecretKey is not null && KeyBytes(SecretKey) is null)
        {
            yield return new ValidationResult("Webhooks:SecretKey must be the base64 of exactly 32 random bytes (e.g. `openssl rand -base64 32`).", [nameof(SecretKey)]);
        }
    }

    /// <summary>The 32 key bytes of <paramref name="base64"/>, or null when it is not base64 of 32 bytes.</summary>
    public static byte[]? KeyBytes(string base64)
    {
        byte[] buffer = new byte[48];
        return Convert.TryFromBase64String(base64.Trim(), buffer, out int written) && written == 32 ? buffer[..32] : null;
    }
}
