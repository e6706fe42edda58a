using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Agents.Llm;

/// <summary>
/// The model's answer failed validation twice (the second time after being told the error). Not retried by the
/// durable policy: the same prompt is likely to fail the same way and each try costs money.
/// </summary>
public sealed class InvalidModelOutputException : NonRetryableException
{
    /// <summary>Creates the exception.</summary>
    public InvalidModelOutputException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public InvalidModelOutputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    public InvalidModelOutputException()
    {
    }
}
