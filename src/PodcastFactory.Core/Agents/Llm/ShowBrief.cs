using System.Globalization;
using PodcastFactory.Core.Languages;

namespace PodcastFactory.Core.Agents.Llm;

/// <summary>
/// The show brief the writer and the reviser read before their task (<c>Prompts/show-brief.md</c>): the cast with
/// roles and personas, the format's structure, dialogue devices, the rules for text written for the ear and the word
/// target. One brief for both, so a revision keeps the show the draft was written for.
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

    /// <summary>The placeholders the script prompts share (host names, word range, turn limit) plus the rendered brief.</summary>
    public static Dictionary<string, string> Values(ScriptBrief brief)
    {
        ArgumentNullException.ThrowIfNull(brief);
        int target = Models.TextStats.TargetWords(brief.TargetMinutes);
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["topic"] = brief.Topic,
            ["language"] = LanguagePacks.Describe(brief.Language),
            ["hostA"] = brief.Hosts[0].Name,
            ["hostB"] = brief.Hosts[1].Name,
            ["hostAPersona"] = Persona(brief.Hosts[0].Persona, DefaultHostPersona),
            ["hostBPersona"] = Persona(brief.Hosts[1].Persona, DefaultCoHostPersona),
            ["targetMinutes"] = brief.TargetMinutes.ToString(CultureInfo.InvariantCulture),
            ["targetWords"] = target.ToString(CultureInfo.InvariantCulture),
            ["minWords"] = ((int)(target * (1 - Tolerance))).ToString(CultureInfo.InvariantCulture),
            ["maxWords"] = ((int)(target * (1 + Tolerance))).ToString(CultureInfo.InvariantCulture),
            ["maxTurnCharacters"] = brief.MaxTurnCharacters.ToString(CultureInfo.InvariantCulture),
        };
        values["showBrief"] = PromptLibrary.Render(Prompts.ShowBrief, values);
        return values;
    }

    static string Persona(string? given, string fallback) => string.IsNullOrWhiteSpace(given) ? fallback : given.Trim();
}
