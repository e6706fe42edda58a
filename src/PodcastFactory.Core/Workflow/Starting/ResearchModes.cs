using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Workflow.Starting;

/// <summary>Decides, when an episode starts, what grounds its research; the answer is frozen into the episode input.</summary>
public static class ResearchModes
{
    /// <summary>Why a topic with no sources and no search provider is refused, naming both ways out.</summary>
    public const string TopicOnlyMessage =
        "A topic alone cannot be researched here: no sources were given and no search provider is configured. Send sources (CLI: --source FILE|URL or --text; API: sources), or set Search__Provider (Wikipedia needs no key) for web research. See docs/research.md.";

    /// <summary>
    /// The request's mode, or the default: web when a search provider is configured and no sources are given, else
    /// sources. Web research asked for without a provider is an error naming the setting; so is "sources" without any,
    /// and so is a topic alone (no sources, no provider): it would research nothing and voice an empty episode.
    /// </summary>
    public static (ResearchMode Mode, ValidationError? Error) Resolve(EpisodeRequest request, bool searchConfigured)
    {
        ArgumentNullException.ThrowIfNull(request);
        bool hasSources = request.Sources.Count > 0;
        ResearchMode mode = request.Research ?? (searchConfigured && !hasSources ? ResearchMode.Web : ResearchMode.Sources);
        if (mode != ResearchMode.Sources && !searchConfigured)
        {
            return (mode, new ValidationError("research",
                $"research '{mode.ToString().ToLowerInvariant()}' needs a search provider: set Search__Provider (Wikipedia needs no key; Tavily and Brave need Search__ApiKey; SearXng needs Search__Endpoint). See docs/research.md."));
        }

        if (mode == ResearchMode.Both && !hasSources)
        {
            return (mode, new ValidationError("research", "research 'both' needs sources; send sources, or ask for 'web'."));
        }

        if (mode == ResearchMode.Sources && !hasSources && request.Research is null)
        {
            return (mode, new ValidationError("sources", TopicOnlyMessage));
        }

        if (request.Research == ResearchMode.Sources && !hasSources)
        {
            return (mode, new ValidationError("research", "research 'sources' needs sources; send sources, or ask for 'web' with a search provider configured."));
        }

        return (mode, null);
    }
}
