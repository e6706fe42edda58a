using PodcastFactory.Core.Models;

namespace PodcastFactory.Bench.Running;

/// <summary>The episode every scenario produces: the repository's sample source, standard depth, both outputs.</summary>
public static class BenchEpisode
{
    /// <summary>Target length: 5 minutes (about 30 speech segments at the default segment size).</summary>
    public const int TargetMinutes = 5;

    /// <summary>The request, <paramref name="minutes"/> long.</summary>
    public static EpisodeRequest Request(int minutes = TargetMinutes) => new()
    {
        Topic = "How durable workflows recover from crashes",
        Sources = [new SourceInput(SourceKind.Text, File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", "durable-workflows.md")), "durable-workflows.md")],
        Depth = ResearchDepth.Standard,
        Priority = OutputPriority.Both,
        TargetMinutes = minutes,
    };
}
