using System.Text.RegularExpressions;

namespace PodcastFactory.Core.Agents.Offline;

/// <summary>Which side of an argument a note supports.</summary>
internal enum Stance
{
    /// <summary>States a fact without weighing it.</summary>
    Neutral,
    /// <summary>An advantage, a benefit, something the approach makes possible.</summary>
    For,
    /// <summary>A risk, a limit, a cost, a trade-off: the source's own contrasts.</summary>
    Against,
}

/// <summary>
/// Reads a note's stance from the source's own words, so critique and debate episodes argue from what the material
/// itself weighs ("however", "but", "risk", "trade-off", "downside", "limitation" against; "advantage", "benefit",
/// "makes ... possible" for). A contrast wins over a benefit in the same sentence ("fast, but costly" is a caveat).
/// </summary>
internal static partial class NoteStance
{
    /// <summary>The stance of <paramref name="text"/>.</summary>
    public static Stance Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Against().IsMatch(text) ? Stance.Against : For().IsMatch(text) ? Stance.For : Stance.Neutral;
    }

    [GeneratedRegex(@"\b(however|but|risks?|risky|trade-?offs?|downsides?|drawbacks?|limitations?|limits?|not free|costs?|costly|expensive|slower|harder|hardest|difficult|problems?|pitfalls?|overhead|fails?|cannot|can't|surprises?|no longer|mistakes?|unless|caveats?|weakness(es)?)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Against();

    [GeneratedRegex(@"\b(advantages?|benefits?|benefit from|strengths?|enables?|allows?|lets|makes? .{0,40}(possible|easy|easier|fast|faster|free|safe)|improves?|faster|simpler|easier|reliable|survives?|guarantees?|ensures?|recover(s|y)?|resumes?|naturally|exactly|almost free|without paying)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex For();
}
