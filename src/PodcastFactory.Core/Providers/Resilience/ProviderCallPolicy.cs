using System.Globalization;

namespace PodcastFactory.Core.Providers.Resilience;

/// <summary>
/// How one provider client's calls are sent: how many requests one call may send, how long each may take, and the
/// settings section named when the provider refuses who we are or where we asked.
/// </summary>
/// <param name="Provider">Provider name as the ledger and error messages show it.</param>
/// <param name="MaxRetries">Requests sent again after a 429/5xx/timeout within one call (the <c>MaxRetries</c> setting).</param>
/// <param name="AttemptTimeout">Longest one request may take once it has left (the limiter's wait for a turn is not in it).</param>
/// <param name="MaxTurnWait">Longest one request waits for its rate-limit turn before the call fails as throttled.</param>
/// <param name="SettingsSection">Configuration section behind the client (TextModel, Speech, Search), or null.</param>
public sealed record ProviderCallPolicy(string Provider, int MaxRetries, TimeSpan AttemptTimeout, TimeSpan MaxTurnWait, string? SettingsSection)
{
    /// <summary>Longest wait between two requests of a call, whatever the provider asks for (a longer ask returns to the workflow).</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(30);

    /// <summary>First backoff of the jittered exponential retry when the provider names no wait.</summary>
    public static readonly TimeSpan FirstDelay = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How many times the workflow runs a text or search step (its retry policy, <c>RetryPolicies.Llm</c>, is built from
    /// it, so the clients' failure messages and the policy cannot drift apart).
    /// </summary>
    public const int TextStepAttempts = 3;

    /// <summary>Most requests one call sends: the first and every retry. The workflow does not send it again on top.</summary>
    public int MaxRequests => 1 + MaxRetries;

    /// <summary>
    /// How many times the workflow's retry policy runs a step whose call failed throttled (429 past the retries): text
    /// and search steps run under <c>RetryPolicies.Llm</c>, which runs them again; 1 where the policy does not (speech:
    /// the audio stage waits out a throttle on a durable timer instead, and says so when it gives up).
    /// </summary>
    public int StepAttempts { get; init; } = 1;

    /// <summary>
    /// The count of requests as a throttled failure states it, with the step's bound when the workflow runs the step
    /// again: "429 on all 3 requests of the call (1 + TextModel:MaxRetries 2); the workflow runs the step at most 3
    /// times, so at most 9 requests".
    /// </summary>
    public string ThrottledOn(int sent)
    {
        string call = sent >= MaxRequests
            ? string.Create(CultureInfo.InvariantCulture, $"429 on all {sent} requests of the call (1 + {Setting}MaxRetries {MaxRetries})")
            : string.Create(CultureInfo.InvariantCulture, $"429 on {sent} of at most {MaxRequests} requests of the call");
        return StepAttempts <= 1 ? call : string.Create(CultureInfo.InvariantCulture,
            $"{call}; the workflow runs the step at most {StepAttempts} times, so at most {StepAttempts * MaxRequests} requests");
    }

    string Setting => SettingsSection is null ? "" : SettingsSection + ":";

    /// <summary>
    /// Longest a whole call may take: every request waiting for its turn and then timing out, plus the longest wait
    /// between requests. The total timeout and the SDKs' network timeout are set to it, so neither cuts the retries short.
    /// </summary>
    public TimeSpan CallBudget => ((AttemptTimeout + MaxTurnWait) * MaxRequests) + (MaxDelay * MaxRetries);

    /// <summary>The count of requests as a failure message states it: "all 3 requests (1 + Speech:MaxRetries 2)".</summary>
    public string RequestsSent(int sent) => sent >= MaxRequests
        ? string.Create(CultureInfo.InvariantCulture, $"all {sent} requests of the call (1 + {(SettingsSection is null ? "" : SettingsSection + ":")}MaxRetries {MaxRetries}; the workflow does not send it again)")
        : string.Create(CultureInfo.InvariantCulture, $"{sent} of at most {MaxRequests} requests of the call");
}
