using System.Diagnostics;
using PodcastFactory.Core.Diagnostics;

namespace PodcastFactory.Core.Providers;

/// <summary>
/// Innermost handler of a provider's <see cref="HttpClient"/>: measures each HTTP attempt as it goes on the wire
/// (every retry is an attempt) by status code, and counts 429s, into <see cref="PodcastMetrics"/>. The span of the
/// attempt is the runtime's own HTTP client span; this handler only measures.
/// </summary>
public sealed class ProviderMetricsHandler(string provider) : DelegatingHandler
{
    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        long started = Stopwatch.GetTimestamp();
        try
        {
            HttpResponseMessage response = await base.SendAsync(request, cancellationToken);
            PodcastMetrics.HttpAttempt(provider, (int)response.StatusCode, null, Stopwatch.GetElapsedTime(started));
            return response;
        }
        catch (Exception ex)
        {
            string error = ex is OperationCanceledException ? "timeout" : ex.GetType().FullName ?? "exception";
            PodcastMetrics.HttpAttempt(provider, null, error, Stopwatch.GetElapsedTime(started));
            throw;
        }
    }
}
