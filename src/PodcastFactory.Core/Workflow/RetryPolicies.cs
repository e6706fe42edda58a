using System.Reflection;
using Microsoft.DurableTask;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Providers.OpenAI;
using PodcastFactory.Core.Providers.Resilience;

namespace PodcastFactory.Core.Workflow;

/// <summary>
/// One retry policy per dependency kind. Intervals start at 2 s or more (shorter durable timers fired early on
/// the Azure Storage backend). Failures marked <see cref="NonRetryableException"/> (bad request,
/// authentication, invalid configuration) are not retried: repeating them only costs time and money. Neither is a
/// provider's <see cref="ProviderTransientException"/>: the provider client's resilience pipeline already sent that call
/// as often as it may, and retrying the step on top multiplied its requests.
/// </summary>
public static class RetryPolicies
{
    /// <summary>Text models: 3 attempts, 2 s then 4 s.</summary>
    public static readonly RetryPolicy Llm = Create(maxAttempts: ProviderCallPolicy.TextStepAttempts, firstRetry: TimeSpan.FromSeconds(2));

    /// <summary>
    /// Speech: 4 attempts (many small calls, so a transient fault is likelier), 2 s, 4 s, 8 s. A throttled failure is
    /// not retried here: <see cref="AudioOrchestrator"/> waits what the provider asked on a durable timer instead.
    /// </summary>
    public static readonly RetryPolicy Speech = Create(maxAttempts: 4, firstRetry: TimeSpan.FromSeconds(2), IsRetryableSpeech);

    /// <summary>Artifact storage only (merge, plan, stitch, manifest): 3 attempts, 2 s then 4 s.</summary>
    public static readonly RetryPolicy Storage = Create(maxAttempts: 3, firstRetry: TimeSpan.FromSeconds(2));

    /// <summary>Task options for text-model activities.</summary>
    public static readonly TaskOptions LlmOptions = new(Llm);

    /// <summary>Task options for speech activities.</summary>
    public static readonly TaskOptions SpeechOptions = new(Speech);

    /// <summary>Task options for storage-only activities.</summary>
    public static readonly TaskOptions StorageOptions = new(Storage);

    static RetryPolicy Create(int maxAttempts, TimeSpan firstRetry, Func<TaskFailureDetails, bool>? handle = null) =>
        new(maxAttempts, firstRetry, backoffCoefficient: 2.0, maxRetryInterval: TimeSpan.FromMinutes(1))
        {
            HandleFailure = handle ?? IsRetryable,
        };

    /// <summary>The speech policy's rule: <see cref="IsRetryable"/>, except throttling, which the audio stage waits out itself.</summary>
    public static bool IsRetryableSpeech(TaskFailureDetails failure) =>
        IsRetryable(failure) && ThrottleWait.Asked(failure) is null;

    /// <summary>
    /// The retry rule every policy applies: a failure caused by a <see cref="NonRetryableException"/> (or a subtype:
    /// bad request, authentication, invalid model output, a missing tool, mismatched audio) is final.
    /// </summary>
    public static bool IsRetryable(TaskFailureDetails failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        try
        {
            return !failure.IsCausedBy<NonRetryableException>() && !failure.IsCausedBy<ProviderTransientException>();
        }
        catch (AmbiguousMatchException)
        {
            // The SDK resolves the error type by name; a name loaded from two assemblies (HttpRequestException is)
            // threw here and broke the policy. Our non-retryable types are unique, so an ambiguous name is not one.
            return true;
        }
    }
}
