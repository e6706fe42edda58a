using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Workflow.Shows;

/// <summary>
/// A show's settings as the defaults of an episode that names it: what the request did not set comes from the show.
/// The episode's format and instructions join here once requests carry them (issue 24 item 3).
/// </summary>
public static class ShowDefaults
{
    /// <summary><paramref name="request"/> with the show's cast, language and length where <paramref name="given"/> does not list them.</summary>
    public static EpisodeRequest Apply(EpisodeRequest request, Show show, RequestOverrides given)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(show);
        return request with
        {
            Show = show.Id,
            Hosts = given.HasFlag(RequestOverrides.Hosts) ? request.Hosts : show.Hosts,
            Language = given.HasFlag(RequestOverrides.Language) ? request.Language : show.Language,
            TargetMinutes = given.HasFlag(RequestOverrides.TargetMinutes) ? request.TargetMinutes : show.DefaultMinutes,
        };
    }
}
