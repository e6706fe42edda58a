using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Workflow.Shows;

/// <summary>
/// Which of a request's show-defaulted fields the caller set itself (the rest take the show's value). The API and
/// CLI know exactly what was given; a caller that does not say (<see cref="RequestOverridesExtensions.Infer"/>) counts a field as given when it
/// differs from the built-in default.
/// </summary>
[Flags]
public enum RequestOverrides
{
    /// <summary>Nothing given: every show default applies.</summary>
    None = 0,

    /// <summary>The cast.</summary>
    Hosts = 1,

    /// <summary>The language.</summary>
    Language = 2,

    /// <summary>The target length.</summary>
    TargetMinutes = 4,

    /// <summary>The format.</summary>
    Format = 8,

    /// <summary>The producer's instructions.</summary>
    Instructions = 16,
}

/// <summary>Helpers for <see cref="RequestOverrides"/>.</summary>
public static class RequestOverridesExtensions
{
    /// <summary>The overrides of a request whose origin did not say: a field differing from the built-in default was given.</summary>
    public static RequestOverrides Infer(EpisodeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var defaults = new EpisodeRequest();
        return (request.Hosts.SequenceEqual(defaults.Hosts) ? RequestOverrides.None : RequestOverrides.Hosts)
            | (request.Language == defaults.Language ? RequestOverrides.None : RequestOverrides.Language)
            | (request.TargetMinutes == defaults.TargetMinutes ? RequestOverrides.None : RequestOverrides.TargetMinutes)
            | (request.Format == defaults.Format ? RequestOverrides.None : RequestOverrides.Format)
            | (request.Instructions == defaults.Instructions ? RequestOverrides.None : RequestOverrides.Instructions);
    }
}
