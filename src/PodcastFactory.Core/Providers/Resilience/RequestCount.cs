namespace PodcastFactory.Core.Providers.Resilience;

/// <summary>
/// How many requests one call has sent so far, carried on the request (the same message is sent again by the retry),
/// so the failure message can state the count truly.
/// </summary>
public sealed class RequestCount
{
    /// <summary>Where the count rides on the request.</summary>
    public static readonly HttpRequestOptionsKey<RequestCount> Key = new("PodcastFactory.RequestCount");

    int _sent;

    /// <summary>Requests that left so far.</summary>
    public int Sent => Volatile.Read(ref _sent);

    /// <summary>Counts one more request leaving (the limiter said go).</summary>
    public void Add() => Interlocked.Increment(ref _sent);

    /// <summary>The count of <paramref name="request"/>, or null when it is not sent through a provider client.</summary>
    public static RequestCount? Of(HttpRequestMessage? request) =>
        request is not null && request.Options.TryGetValue(Key, out RequestCount? count) ? count : null;
}
