namespace PodcastFactory.Core.Sources.Fetching;

/// <summary>
/// A page was not fetched because it broke a bound (size, time, type, scheme, address, redirects) or did not answer
/// 200. The message says why in words a caller can act on; URL sources turn it into a 400, web research into a
/// dropped page with the reason in the notes.
/// </summary>
public sealed class FetchRefusedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public FetchRefusedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public FetchRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public FetchRefusedException()
        : base("The page was not fetched.")
    {
    }
}
