namespace PodcastFactory.Core.Models;

/// <summary>Which outputs an episode produces.</summary>
public enum OutputPriority
{
    /// <summary>Audio only: no social post.</summary>
    Audio,
    /// <summary>Social post only: no audio.</summary>
    Social,
    /// <summary>Both audio and a social post.</summary>
    Both,
}

/// <summary>How many research angles are explored.</summary>
public enum ResearchDepth
{
    /// <summary>Two angles.</summary>
    Quick,
    /// <summary>Three angles.</summary>
    Standard,
    /// <summary>Five angles.</summary>
    Deep,
}

/// <summary>One host of the show (a cast has 1-4, see <see cref="CastRules"/>).</summary>
/// <param name="Name">Display name, used as the speaker label in the script.</param>
/// <param name="Voice">Voice identifier for the speech provider (e.g. "flite:rms" for flite, "en-us+m3" for espeak-ng, "alloy" for OpenAI).</param>
/// <param name="Persona">Who the host is on the show, in a sentence (the writer's brief); null: the role's default persona.</param>
/// <param name="Style">How the host speaks, one line of free text (e.g. "warm and calm, a little slower"); each speech provider
/// renders it in its own form (docs/voices.md#direction-per-host); null: the voice's own manner.</param>
public sealed record HostVoice(string Name, string Voice, string? Persona = null, string? Style = null);

/// <summary>The kind of a supplied source.</summary>
public enum SourceKind
{
    /// <summary>Inline text.</summary>
    Text,
    /// <summary>A local text file, read when the episode starts.</summary>
    File,
    /// <summary>A URL, fetched when the episode starts.</summary>
    Url,
}

/// <summary>A source that grounds the research.</summary>
/// <param name="Kind">Inline text, a file path or a URL.</param>
/// <param name="Value">The text itself, the path or the URL.</param>
/// <param name="Name">Optional display name (defaults to the file name, the URL or "source-n").</param>
public sealed record SourceInput(SourceKind Kind, string Value, string? Name = null);

/// <summary>What a producer asks for: validated by <see cref="EpisodeRequestValidator"/> before anything starts.</summary>
public sealed record EpisodeRequest
{
    /// <summary>The episode topic (3..200 characters).</summary>
    public string Topic { get; init; } = "";

    /// <summary>Sources that ground the research; without them offline research says so and invents nothing.</summary>
    public IReadOnlyList<SourceInput> Sources { get; init; } = [];

    /// <summary>
    /// What grounds the research: sources, web or both. Null means web when a search provider is configured and no
    /// sources are given, else sources; resolved when the episode starts.
    /// </summary>
    public ResearchMode? Research { get; init; }

    /// <summary>
    /// The show this episode belongs to (a <see cref="Models.Show"/> id): its settings are the defaults, its feed gets the
    /// episode. Null: the default show (the root feed).
    /// </summary>
    public string? Show { get; init; }

    /// <summary>Which outputs to produce.</summary>
    public OutputPriority Priority { get; init; } = OutputPriority.Both;

    /// <summary>Research depth (number of angles).</summary>
    public ResearchDepth Depth { get; init; } = ResearchDepth.Standard;

    /// <summary>Target length in minutes (1..60).</summary>
    public int TargetMinutes { get; init; } = 5;

    /// <summary>The cast, 1-4 hosts (names are the script's speakers); defaults to <see cref="DefaultHosts"/>.</summary>
    public IReadOnlyList<HostVoice> Hosts { get; init; } = DefaultHosts;

    /// <summary>The episode's format, one of <see cref="EpisodeFormats.All"/> (default <c>deep-dive</c>).</summary>
    public string Format { get; init; } = EpisodeFormats.DeepDive;

    /// <summary>
    /// The producer's free-text instructions for this episode (at most <see cref="EpisodeRequestValidator.MaxInstructionsCharacters"/>
    /// characters): the model writer and judge read them as data; offline they are recorded in the manifest's request.
    /// </summary>
    public string? Instructions { get; init; }

    /// <summary>BCP-47 language code, default "en".</summary>
    public string Language { get; init; } = "en";

    /// <summary>
    /// Other languages to make this episode in from the same research (issue 25 item 2): at most
    /// <see cref="EpisodeRequestValidator.MaxEditions"/>, no duplicates, not <see cref="Language"/>. Null (not an empty
    /// list) when none, so the request's hash, and with it a repeated start, is what it was before editions existed.
    /// </summary>
    public IReadOnlyList<string>? Editions { get; init; }

    /// <summary>Optional budget in USD; optional work stops when it would be exceeded.</summary>
    public decimal? BudgetUsd { get; init; }

    /// <summary>How many times the script may be revised after a failed review (0..5, default 2).</summary>
    public int MaxRevisions { get; init; } = 2;

    /// <summary>When true (the default) a script that passed review is polished for natural talk and fact-checked again; false saves those two model calls.</summary>
    public bool Polish { get; init; } = true;

    /// <summary>How names and terms are pronounced (at most <see cref="LexiconEntry.MaxEntries"/> entries); the transcript keeps the written form.</summary>
    public IReadOnlyList<LexiconEntry> Lexicon { get; init; } = [];

    /// <summary>When true the episode waits for a person's approval after the quality gate.</summary>
    public bool RequireApproval { get; init; }

    /// <summary>How long to wait for approval before giving up (hours, default 24).</summary>
    public double ApprovalTimeoutHours { get; init; } = 24;

    /// <summary>When true, audio and social are produced even if the script fails its last review.</summary>
    public bool ContinueOnFailedReview { get; init; }

    /// <summary>The default hosts: two distinct espeak-ng voices.</summary>
    public static readonly IReadOnlyList<HostVoice> DefaultHosts =
        [new HostVoice("Alex", "flite:rms"), new HostVoice("Sam", "flite:slt")];
}
