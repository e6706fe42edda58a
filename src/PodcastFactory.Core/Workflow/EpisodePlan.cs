using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Workflow;

/// <summary>What an episode will do, decided from the request alone (no I/O, so it is replay-safe).</summary>
/// <param name="Angles">Research angles, one activity each.</param>
/// <param name="RunAudio">Whether audio is produced.</param>
/// <param name="RunSocial">Whether a social post is produced.</param>
/// <param name="MaxRevisions">Revision bound of the quality gate.</param>
/// <param name="RunPolish">Whether a passed script gets the polish pass (a second writer call and review).</param>
public sealed record EpisodePlan(IReadOnlyList<string> Angles, bool RunAudio, bool RunSocial, int MaxRevisions, bool RunPolish = true);

/// <summary>Turns a request into an <see cref="EpisodePlan"/>.</summary>
public static class EpisodePlanner
{
    /// <summary>All angles, in the order they are taken.</summary>
    public static readonly IReadOnlyList<string> AllAngles =
    [
        "background and key definitions",
        "how it works in practice",
        "challenges, risks and trade-offs",
        "real-world examples and lessons",
        "future outlook and open questions",
    ];

    /// <summary>Angles explored per depth: quick 2, standard 3, deep 5.</summary>
    public static int AngleCount(ResearchDepth depth) => depth switch
    {
        ResearchDepth.Quick => 2,
        ResearchDepth.Deep => 5,
        _ => 3,
    };

    /// <summary>Plans an episode.</summary>
    public static EpisodePlan Plan(EpisodeRequest request) => new(
        AllAngles.Take(AngleCount(request.Depth)).ToList(),
        RunAudio: request.Priority != OutputPriority.Social,
        RunSocial: request.Priority != OutputPriority.Audio,
        request.MaxRevisions,
        request.Polish);
}
