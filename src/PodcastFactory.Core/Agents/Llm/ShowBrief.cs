using System.Globalization;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Languages;

namespace PodcastFactory.Core.Agents.Llm;

/// <summary>
/// The show brief the writer and the reviser read before their task (<c>Prompts/show-brief.md</c>): the cast (1-4 hosts)
/// with roles and personas, the format's arc (its section of <c>Prompts/formats.md</c>), dialogue devices, the rules for
/// text written for the ear and the word target. One brief for both, so a revision keeps the show the draft was written
/// for; the judge reads the same cast and arc (<see cref="CastValues"/>).
/// </summary>
internal static class ShowBrief
{
    /// <summary>Share of the target the script may fall short or run over.</summary>
    public const double Tolerance = 0.25;

    /// <summary>The first host's persona when the request gives none: the guide of the episode.</summary>
    public const string DefaultHostPersona =
        "the guide of the episode, who has read the sources closely; explains each idea plainly with an example or an analogy, and keeps the thread.";

    /// <summary>The second host's persona when the request gives none: the listener's voice.</summary>
    public const string DefaultCoHostPersona =
        "the listener's voice: curious and a little sceptical; asks the questions a newcomer would ask, pushes back when something sounds too neat, and sums up what it means in practice.";

    /// <summary>The third and fourth hosts' personas when the request gives none.</summary>
    static readonly string[] _morePersonas =
    [
        "the practitioner: brings the concrete case, asks what it means for a team that has to run it.",
        "the sceptic: looks for the limits and the trade-offs in the sources, and says when a claim needs its evidence.",
    ];

    /// <summary>The guest's persona in an interview when the request gives none.</summary>
    public const string DefaultGuestPersona =
        "the guest, an expert on the topic who has read every source and answers from them, plainly and with examples.";

    static readonly string[] _counts = ["no hosts", "one host", "two hosts", "three hosts", "four hosts"];

    /// <summary>The placeholders the script prompts share (cast, format, word range, turn limit) plus the rendered brief.</summary>
    public static Dictionary<string, string> Values(ScriptBrief brief)
    {
        ArgumentNullException.ThrowIfNull(brief);
        int target = TextStats.TargetWords(brief.TargetMinutes);
        Dictionary<string, string> values = CastValues(brief);
        values["language"] = LanguagePacks.Describe(brief.Language);
        values["targetMinutes"] = brief.TargetMinutes.ToString(CultureInfo.InvariantCulture);
        values["targetWords"] = target.ToString(CultureInfo.InvariantCulture);
        values["minWords"] = ((int)(target * (1 - Tolerance))).ToString(CultureInfo.InvariantCulture);
        values["maxWords"] = ((int)(target * (1 + Tolerance))).ToString(CultureInfo.InvariantCulture);
        values["maxTurnCharacters"] = brief.MaxTurnCharacters.ToString(CultureInfo.InvariantCulture);
        values["showBrief"] = PromptLibrary.Render(Prompts.ShowBrief, values);
        return values;
    }

    /// <summary>What the writer and the judge both need: the topic, the cast, the format and its arc.</summary>
    public static Dictionary<string, string> CastValues(ScriptBrief brief)
    {
        ArgumentNullException.ThrowIfNull(brief);
        IReadOnlyList<HostVoice> hosts = brief.Hosts;
        List<string> names = hosts.Select(h => h.Name).ToList();
        string format = EpisodeFormats.Of(brief.Format).Name;
        (double min, double max) = CastRules.Shares(hosts.Count);
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["topic"] = brief.Topic,
            ["format"] = format,
            ["cast"] = $"{_counts[Math.Min(hosts.Count, _counts.Length - 1)]}, {Join(names)}",
            ["hosts"] = Join(names),
            ["hostA"] = names[0],
            ["speakers"] = string.Join(" or ", names.Select(n => $"\"{n}\"")),
            ["castTalk"] = hosts.Count == 1 ? "one person talking to the listener" : $"{_counts[hosts.Count][..^6]} people talking",
            ["turnRule"] = hosts.Count switch
            {
                1 => "The narrator speaks every turn.",
                2 => string.Create(CultureInfo.InvariantCulture, $"The hosts alternate; each speaks {min * 100:0}% to {max * 100:0}% of the words."),
                _ => string.Create(CultureInfo.InvariantCulture, $"Every host speaks, and nobody speaks less than {min * 100:0}% of the words; the same host never takes two turns in a row."),
            },
            ["castList"] = string.Join("\n", hosts.Select((h, i) => $"- {h.Name} is {Role(format, hosts.Count, i)}: {Persona(h.Persona, DefaultPersona(format, hosts.Count, i))}")),
            ["sides"] = Join(names.Select((n, i) => $"{n} {(i % 2 == 0 ? "for" : "against")}").ToList()),
            ["guest"] = names[^1],
            ["interviewers"] = Join(names.SkipLast(1).ToList()),
            ["interviewersVerb"] = names.Count > 2 ? "" : "s",
            ["owners"] = "the sections in turn, starting with " + (names.Count > 1 ? names[1] : names[0]),
        };
        values["formatArc"] = PromptLibrary.Render(Prompts.Formats, values).Split("\n## ", StringSplitOptions.None)
            .Select(s => s.TrimStart('#', ' '))
            .First(s => s.StartsWith(format + "\n", StringComparison.Ordinal))[(format.Length + 1)..].Trim();
        return values;
    }

    static string Role(string format, int count, int index) => (format, count, index) switch
    {
        (_, 1, _) => "the narrator",
        (EpisodeFormats.Interview, _, var i) when i == count - 1 => "the guest",
        (EpisodeFormats.Interview, _, _) => "an interviewer",
        (EpisodeFormats.Debate, _, var i) => i % 2 == 0 ? "arguing for" : "arguing against",
        (EpisodeFormats.Panel, _, _) => "a panelist",
        (_, _, 0) => "the host",
        (_, 2, _) => "the co-host",
        _ => "a co-host",
    };

    static string DefaultPersona(string format, int count, int index) =>
        format == EpisodeFormats.Interview && count > 1 && index == count - 1 ? DefaultGuestPersona
        : index == 0 ? DefaultHostPersona
        : index == 1 ? DefaultCoHostPersona
        : _morePersonas[(index - 2) % _morePersonas.Length];

    static string Persona(string? given, string fallback) => string.IsNullOrWhiteSpace(given) ? fallback : given.Trim();

    static string Join(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "",
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1],
    };
}
