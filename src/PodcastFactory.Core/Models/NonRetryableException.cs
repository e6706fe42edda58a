namespace PodcastFactory.Core.Models;

/// <summary>
/// A failure that repeating will not fix: invalid request (400), authentication or authorization (401/403),
/// invalid configuration, a missing local tool. Durable retry policies do not retry it.
/// </summary>
public class NonRetryableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public NonRetryableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public NonRetryableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    public NonRetryableException()
    {
    }
}
