namespace PodcastFactory.Core.Providers.Search;

/// <summary>One search result.</summary>
/// <param name="Url">The page's address.</param>
/// <param name="Title">The result title.</param>
/// <param name="Snippet">The provider's excerpt (may be empty).</param>
public sealed record SearchHit(string Url, string Title, string Snippet);

/// <summary>A search failed: the message names the provider and the reason (401 names <c>Search:ApiKey</c>).</summary>
public sealed class SearchFailedException : Exception, Costs.Journal.INotBilledFailure
{
    /// <summary>The answered (so paid) request behind the failure, when the provider answered at all.</summary>
    public Models.AgentUsage? Usage { get; init; }

    /// <summary>Creates the exception.</summary>
    public SearchFailedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public SearchFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public SearchFailedException()
        : base("The search failed.")
    {
    }
}
