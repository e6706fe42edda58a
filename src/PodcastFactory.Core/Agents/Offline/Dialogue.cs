using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Agents.Offline;

/// <summary>
/// The turns of an offline script as they are written, and who speaks next. Two hosts strictly alternate (today's
/// dialogue, unchanged); a solo narrator speaks every turn; three or four hosts hand the word to whoever has said least
/// so far (never the one who just spoke), so every host carries a fair share of the words by construction
/// (<see cref="CastRules"/>: nobody under 15 %).
/// </summary>
internal sealed class Dialogue(ScriptBrief brief)
{
    readonly Dictionary<string, int> _words = Cast(brief).ToDictionary(h => h, _ => 0, StringComparer.Ordinal);

    /// <summary>The speaker labels in cast order.</summary>
    public IReadOnlyList<string> Hosts { get; } = Cast(brief);

    /// <summary>The turns so far.</summary>
    public List<ScriptTurn> Turns { get; } = [];

    /// <summary>True for a one-host episode.</summary>
    public bool Solo => Hosts.Count == 1;

    /// <summary>Who speaks the next turn.</summary>
    public string Next => Hosts.Count switch
    {
        1 => Hosts[0],
        // Two hosts: strict alternation by turn count, as the dialogue always did.
        2 => Hosts[Turns.Count % 2],
        _ => Turns.Count == 0 ? Hosts[0] : After(Turns[^1].Speaker),
    };

    /// <summary>Who speaks after <paramref name="speaker"/>: the other of two, the narrator of a solo, else the quietest.</summary>
    public string After(string speaker)
    {
        if (Hosts.Count <= 2)
        {
            return Hosts.Count == 1 || speaker != Hosts[0] ? Hosts[0] : Hosts[1];
        }

        int from = IndexOf(speaker);
        return Enumerable.Range(1, Hosts.Count - 1).Select(k => Hosts[(from + k) % Hosts.Count])
            .OrderBy(h => _words[h]).First();
    }

    /// <summary>Words spoken so far by <paramref name="speaker"/>.</summary>
    public int Words(string speaker) => _words.GetValueOrDefault(speaker);

    /// <summary>True when the next speaker has said more than the one after: they ask, so the other tells the next note.</summary>
    public bool NextIsAhead => Hosts.Count > 1 && Words(Next) > Words(After(Next));

    /// <summary>Appends a turn.</summary>
    public void Add(string speaker, string text, IReadOnlyList<int>? claims = null, string? chapter = null)
    {
        Turns.Add(new ScriptTurn(speaker, text, claims, chapter));
        _words[speaker] = Words(speaker) + TextStats.CountWords(text);
    }

    /// <summary>Appends a turn by <see cref="Next"/>.</summary>
    public void Say(string text, IReadOnlyList<int>? claims = null, string? chapter = null) => Add(Next, text, claims, chapter);

    /// <summary>The cast's speaker labels.</summary>
    public static IReadOnlyList<string> Cast(ScriptBrief brief)
    {
        ArgumentNullException.ThrowIfNull(brief);
        if (brief.Hosts is not { Count: >= CastRules.MinHosts and <= CastRules.MaxHosts })
        {
            throw new ArgumentException($"A script needs {CastRules.MinHosts} to {CastRules.MaxHosts} hosts.", nameof(brief));
        }

        return brief.Hosts.Select(h => h.Name).ToList();
    }

    int IndexOf(string speaker)
    {
        for (int i = 0; i < Hosts.Count; i++)
        {
            if (Hosts[i] == speaker)
            {
                return i;
            }
        }

        return Hosts.Count - 1;
    }
}
