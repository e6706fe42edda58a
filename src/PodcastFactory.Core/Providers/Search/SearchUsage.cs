using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Providers.Search;

/// <summary>
/// The one place a search request becomes a ledger line: agent <see cref="Agent"/>, the provider as provider and model,
/// one request as the unit, priced per request. Every answered request is paid, so an answer that could not be used
/// (invalid JSON) is priced too.
/// </summary>
public static class SearchUsage
{
    /// <summary>Agent name of web searches in the ledger and manifest.</summary>
    public const string Agent = "web-search";

    /// <summary>Unit of search usage.</summary>
    public const string Unit = "requests";

    /// <summary>One answered request to <paramref name="provider"/>.</summary>
    public static AgentUsage Answered(string provider, decimal pricePerRequest, double durationMs) =>
        new(Agent, provider, provider, 1, 0, Unit, durationMs, pricePerRequest);
}
