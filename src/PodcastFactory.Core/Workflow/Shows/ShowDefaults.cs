using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Workflow.Shows;

/// <summary>
/// A show's settings as the defaults of an episode that names it: what the request did not set comes from the show.
/// A show's standing instructions are the episode's unless the request brings its own (which replace them, as every
/// other field does).
/// </summary>
public static class ShowDefaults
{
    /// <summary><paramref name="request"/> with the show's cast, language, length, format and instructions where <paramref name="given"/> does not list them.</summary>
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
            Format = given.HasFlag(RequestOverrides.Format) ? request.Format : show.DefaultFormat,
            Instructions = given.HasFlag(RequestOverrides.Instructions) ? request.Instructions : show.Instructions,
            Lexicon = Lexicon(show.Lexicon, request.Lexicon),
        };
    }

    // The show's pronunciations plus the request's; the request's entry wins for the same written form.
    static IReadOnlyList<LexiconEntry> Lexicon(IReadOnlyList<LexiconEntry>? show, IReadOnlyList<LexiconEntry>? request)
    {
        List<LexiconEntry> own = [.. request ?? []];
        var written = new HashSet<string>(own.Select(e => e.Text.Trim()), StringComparer.Ordinal);
        return [.. (show ?? []).Where(e => !written.Contains(e.Text.Trim())), .. own];
    }
}
