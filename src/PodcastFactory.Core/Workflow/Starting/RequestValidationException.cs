using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Workflow.Starting;

/// <summary>A request was refused before anything started; each error names its field.</summary>
public sealed class RequestValidationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RequestValidationException(IReadOnlyList<ValidationError> errors)
        : base("The request is invalid: " + string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}")))
    {
        Errors = errors;
    }

    /// <summary>Creates the exception.</summary>
    public RequestValidationException()
        : this([])
    {
    }

    /// <summary>Creates the exception.</summary>
    public RequestValidationException(string message)
        : this([new ValidationError("body", message)])
    {
    }

    /// <summary>Creates the exception.</summary>
    public RequestValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [new ValidationError("body", message)];
    }

    /// <summary>The problems found.</summary>
    public IReadOnlyList<ValidationError> Errors { get; } = [];
}
