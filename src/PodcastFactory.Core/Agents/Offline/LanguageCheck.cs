using PodcastFactory.Core.Languages;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Agents.Offline;

/// <summary>
/// The "language" check: the script's spoken text is in the brief's language, judged by function-word shares
/// (<see cref="LanguageShare"/>). It fails a script that drifted into another language, or one that reads sources of
/// another language out inside a frame of the right one; a language without a pack is not measured.
/// </summary>
internal static class LanguageCheck
{
    /// <summary>The check over <paramref name="script"/>.</summary>
    public static CheckOutcome Check(ScriptBrief brief, Script script)
    {
        LanguageVerdict verdict = LanguageShare.Judge(string.Join("\n", script.Turns.Select(t => t.Text)), brief.Language);
        string name = LanguagePacks.Find(brief.Language)?.Name ?? brief.Language;
        return verdict.Passed
            ? CheckOutcome.Pass(CheckNames.Language, verdict.Detail)
            : CheckOutcome.Fail(CheckNames.Language, verdict.Detail,
                $"Write every turn in {name} ('{brief.Language}'): {verdict.Detail}; sources in another language are told in {name}, not read out.");
    }
}
