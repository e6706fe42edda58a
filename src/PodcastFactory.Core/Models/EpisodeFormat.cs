namespace PodcastFactory.Core.Models;

/// <summary>
/// One show format: its name (the request's <c>format</c>), the cast it needs and how long it may run. The arc each
/// format gives the script lives with the writers (the offline planner's <c>FormatArcs</c>, the model's brief section in
/// <c>Prompts/formats.md</c>); this record is what validation and the show defaults read.
/// </summary>
/// <param name="Name">The wire name (kebab-case).</param>
/// <param name="MinHosts">Fewest hosts the format can be told with.</param>
/// <param name="MaxHosts">Most hosts the format can be told with.</param>
/// <param name="MaxMinutes">Longest target length in minutes.</param>
/// <param name="DefaultMinutes">Target length when the request names none.</param>
/// <param name="Summary">One line for help texts and errors.</param>
public sealed record EpisodeFormat(string Name, int MinHosts, int MaxHosts, int MaxMinutes, int DefaultMinutes, string Summary)
{
    /// <summary>Why a cast of <paramref name="hosts"/> cannot tell this format, or null when it can (requests and shows alike).</summary>
    public string? CastProblem(int hosts) => hosts >= MinHosts && hosts <= MaxHosts
        ? null
        : $"A {Name} episode needs {(MinHosts == MaxHosts ? $"exactly {MinHosts} host" : $"{MinHosts} to {MaxHosts} hosts")} (got {hosts}).";

    /// <summary>Why <paramref name="minutes"/> is too long for this format, or null when it fits.</summary>
    public string? LengthProblem(int minutes) => minutes > MaxMinutes ? $"A {Name} episode runs at most {MaxMinutes} minutes (got {minutes})." : null;
}

/// <summary>
/// The seven formats in one list (h3's shows validate a default format against it). Host ranges: <c>panel</c> needs 3-4
/// hosts, <c>debate</c> and <c>interview</c> 2-4, <c>solo</c> exactly one (a 400 naming <c>hosts</c> otherwise: silently
/// dropping a cast the producer chose would surprise more than a clear refusal); <c>brief</c> runs at most 2 minutes (a
/// larger explicit target is a 400 naming <c>targetMinutes</c>; without one it takes 2).
/// </summary>
public static class EpisodeFormats
{
    /// <summary>Format names.</summary>
    public const string DeepDive = "deep-dive", Brief = "brief", Critique = "critique", Debate = "debate", Interview = "interview",
        Panel = "panel", Solo = "solo";

    /// <summary>Every format, the default first.</summary>
    public static readonly IReadOnlyList<EpisodeFormat> All =
    [
        new(DeepDive, 1, CastRules.MaxHosts, EpisodeRequestValidator.MaxMinutes, 5, "a conversation that explains the topic section by section (the default)"),
        new(Brief, 1, CastRules.MaxHosts, 2, 2, "one to two minutes: the key points only"),
        new(Critique, 1, CastRules.MaxHosts, EpisodeRequestValidator.MaxMinutes, 5, "strengths and weaknesses of the material, with evidence"),
        new(Debate, 2, CastRules.MaxHosts, EpisodeRequestValidator.MaxMinutes, 5, "hosts take opposing positions, each argued from cited claims"),
        new(Interview, 2, CastRules.MaxHosts, EpisodeRequestValidator.MaxMinutes, 5, "the other hosts interview a guest (the last host) who answers from the research"),
        new(Panel, 3, CastRules.MaxHosts, EpisodeRequestValidator.MaxMinutes, 5, "three or four hosts, each owning an angle"),
        new(Solo, 1, 1, EpisodeRequestValidator.MaxMinutes, 5, "one narrator"),
    ];

    /// <summary>The names, comma-separated, for error messages and help.</summary>
    public static string Names { get; } = string.Join(", ", All.Select(f => f.Name));

    /// <summary>The format called <paramref name="name"/> (case-insensitive), or null.</summary>
    public static EpisodeFormat? Find(string? name) =>
        All.FirstOrDefault(f => string.Equals(f.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The format called <paramref name="name"/>, or the default for an unknown one (validation refused it before).</summary>
    public static EpisodeFormat Of(string? name) => Find(name) ?? All[0];

    /// <summary>
    /// The cast when the request names none: the two default hosts, one for <c>solo</c>, three for <c>panel</c>, so that
    /// <c>--format solo</c> or <c>--format panel</c> alone is a valid request.
    /// </summary>
    public static IReadOnlyList<HostVoice> DefaultHosts(string? name) => Of(name) switch
    {
        { MaxHosts: 1 } => [EpisodeRequest.DefaultHosts[0]],
        { MinHosts: 3 } => [.. EpisodeRequest.DefaultHosts, CastRules.ThirdDefaultHost],
        _ => EpisodeRequest.DefaultHosts,
    };
}
