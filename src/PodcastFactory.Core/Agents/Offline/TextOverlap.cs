namespace PodcastFactory.Core.Agents.Offline;

/// <summary>Token-set overlap measures used to match script text against research notes.</summary>
internal static class TextOverlap
{
    /// <summary>Fraction of <paramref name="reference"/>'s tokens that also occur in <paramref name="candidate"/> (0 when reference is empty).</summary>
    public static double Coverage(IReadOnlySet<string> reference, IReadOnlySet<string> candidate)
    {
        if (reference.Count == 0)
        {
            return 0;
        }

        int shared = reference.Count(candidate.Contains);
        return (double)shared / reference.Count;
    }

    /// <summary>Jaccard similarity of two token sets (0 when both are empty).</summary>
    public static double Jaccard(IReadOnlySet<string> a, IReadOnlySet<string> b)
    {
        if (a.Count == 0 && b.Count == 0)
        {
            return 0;
        }

        int shared = a.Count(b.Contains);
        return (double)shared / (a.Count + b.Count - shared);
    }

    /// <summary>
    /// How well a piece of script text matches a note: the larger of "how much of the note the text states" and
    /// "how much of the text comes from the note", so both a verbatim statement with a short lead-in and one
    /// fragment of a note that was split across turns count as matching.
    /// </summary>
    public static double Match(string text, string note)
    {
        HashSet<string> textTokens = TextTokenizer.TokenSet(text);
        HashSet<string> noteTokens = TextTokenizer.TokenSet(note);
        return Math.Max(Coverage(noteTokens, textTokens), Coverage(textTokens, noteTokens));
    }
}
