using System.Security.Cryptography;
using System.Text;

namespace PodcastFactory.Core.Workflow.Webhooks;

/// <summary>
/// The wait before attempt n+1: <c>FirstRetrySeconds</c> doubled per attempt, capped at <c>MaxRetryDelayMinutes</c>,
/// times a jitter of 0.75-1.25 so receivers that failed together are not retried together. The jitter is derived from
/// the webhook id, subscription and attempt (not <c>Random</c>), so a replay computes the same timer.
/// </summary>
public static class WebhookBackoff
{
    /// <summary>The delay after failed attempt <paramref name="attempt"/> (1-based).</summary>
    public static TimeSpan After(int attempt, string webhookId, string subscriptionId, int firstRetrySeconds, int maxDelayMinutes)
    {
        double baseSeconds = Math.Min(firstRetrySeconds * Math.Pow(2, Math.Min(attempt - 1, 30)), maxDelayMinutes * 60.0);
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{webhookId}/{subscriptionId}/{attempt}"));
        double jitter = 0.75 + (BitConverter.ToUInt16(hash, 0) / (double)ushort.MaxValue * 0.5);
        // Timers under 2 s fired early on the Azure Storage backend.
        return TimeSpan.FromSeconds(Math.Max(2, baseSeconds * jitter));
    }
}
