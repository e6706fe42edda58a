using PodcastFactory.Core.Languages;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Agents.Offline;

/// <summary>
/// The other host's part in an offline script. Questions come from the source's own structure, never from a stray
/// phrase: a section's heading (asked as it stands when the heading is a question), or the subject of a definition the
/// next note gives ("So what is durable execution?"); each is answered by the very next turn. Reactions vary and never
/// echo the last speaker's words back ("Crash, noted." said nothing). Every pattern is used at most once per episode,
/// in a fixed order, so no line comes back and output stays deterministic; when a pool runs out, the host simply says
/// nothing extra. No line adds a fact. The pools are the episode language's (<see cref="LanguagePack.Pools"/>).
/// </summary>
/// <param name="notes">The research notes the questions are about.</param>
/// <param name="pack">The episode language's lines.</param>
/// <param name="solo">A narrator alone: reactions to one's own words would ring false, so only bridges lead in.</param>
internal sealed class HostLines(IReadOnlyList<ResearchNote> notes, LanguagePack pack, bool solo = false)
{
    readonly Dictionary<IReadOnlyList<string>, int> _next = new(ReferenceEqualityComparer.Instance);
    int _told;

    /// <summary>A question whose answer is note <paramref name="index"/>'s definition, or null when the note defines nothing or none is left.</summary>
    public string? Question(int index)
    {
        if (ClaimPhrases.Definition(notes[index].Text) is not (string subject, string verb))
        {
            return null;
        }

        IReadOnlyList<string> pool = verb switch
        {
            "means" => pack.Pools.Meaning,
            "are" => pack.Pools.PluralDefinition,
            _ => pack.Pools.Definition,
        };
        return Take(pool, subject);
    }

    /// <summary>
    /// The question about a section whose <paramref name="heading"/> was just named: none when the heading is itself a
    /// question (it was asked as it stands), else one from the pool; null when none is left.
    /// </summary>
    public string? HeadingQuestion(string heading) => heading.Trim().EndsWith('?') ? "" : Take(pack.Pools.Heading, "");

    /// <summary>
    /// A short reaction after a note was told (every other note, so reactions stay occasional), or a bridge to the next
    /// note; null when both pools are used up. The parameter is the note told, kept for callers' readability.
    /// </summary>
    public string? FollowUp(int index)
    {
        _ = index;
        _told++;
        return (!solo && _told % 2 == 1 ? Take(pack.Pools.Reactions, "") : null) ?? Take(pack.Pools.Bridges, "");
    }

    /// <summary>A short reaction, or null when none is left (a debate's and a panel's hosts react to each other).</summary>
    public string? Reaction() => Take(pack.Pools.Reactions, "");

    /// <summary>A bridge to the next note, or null when none is left.</summary>
    public string? Bridge() => Take(pack.Pools.Bridges, "");

    /// <summary>A short acknowledgement before answering a question, or null when none is left.</summary>
    public string? Answer() => Take(pack.Pools.Answers, "");

    string? Take(IReadOnlyList<string> pool, string phrase)
    {
        int next = _next.GetValueOrDefault(pool);
        if (next >= pool.Count)
        {
            return null;
        }

        _next[pool] = next + 1;
        return string.Format(System.Globalization.CultureInfo.InvariantCulture, pool[next], phrase);
    }
}
