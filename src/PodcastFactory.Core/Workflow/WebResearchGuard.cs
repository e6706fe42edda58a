using PodcastFactory.Core.Models;
using PodcastFactory.Core.Workflow.Activities;

namespace PodcastFactory.Core.Workflow;

/// <summary>
/// After research: web research that left nothing usable fails the stage, saying why (the dropped queries and pages);
/// research without sources or search warns and says how to configure search. Nothing is invented either way.
/// </summary>
internal static class WebResearchGuard
{
    /// <summary>How to turn web research on, quoted in messages.</summary>
    public const string HowToConfigure =
        "to research the topic on the web, configure a search provider (Search__Provider=Wikipedia needs no key; Tavily, Brave or SearXng; see docs/research.md) or supply sources";

    public static void Check(EpisodeRun run, StageClock stage, MergeResearchOutput merged)
    {
        ResearchMode mode = run.Input.Request.Research ?? ResearchMode.Sources;
        if (mode != ResearchMode.Sources && merged.NoteCount == 0)
        {
            string why = merged.Problems is { Count: > 0 } problems ? string.Join("; ", problems) : "the searches returned no readable pages";
            string reason = $"web research found nothing usable: {why}";
            run.Fail(stage, reason, warn: false);
            throw new EpisodeStageFailedException(stage.Name, reason);
        }

        if (!merged.HasSources)
        {
            run.Warn($"research: no sources were supplied; the episode states no facts and is short ({HowToConfigure}).");
        }
        else if (merged.Problems is { Count: > 0 } dropped)
        {
            string count = dropped.Count < MergeResearchActivity.MaxReportedProblems ? dropped.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{dropped.Count} or more";
            run.Warn($"research: web research dropped {count} queries or pages (reasons in research.md).");
        }
    }
}
