using PodcastFactory.Core.Costs;

namespace PodcastFactory.Core.Publishing;

/// <summary>The providers and models the show notes credit, from the calls that made the episode.</summary>
public static class ModelCredits
{
    /// <summary>
    /// One credit per agent, provider and model (<c>script-writer: azure-openai gpt-4o-mini</c>), in the order first used,
    /// after <paramref name="earlier"/> (the credits of the runs before this one). Cache hits are left out: no provider
    /// answered them (their provider is <c>cache</c>); the call that made the output is credited by the run that paid it.
    /// </summary>
    public static IReadOnlyList<string> Of(IEnumerable<LedgerEntry> calls, IEnumerable<string>? earlier = null)
    {
        ArgumentNullException.ThrowIfNull(calls);
        return (earlier ?? []).Concat(calls.Where(c => !c.Usage.CacheHit).Select(c => $"{c.Usage.Agent}: {c.Usage.Provider} {c.Usage.Model}".TrimEnd()))
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }
}
