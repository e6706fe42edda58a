using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Agents.Offline;

/// <summary>Where the offline script refers back to an earlier episode: the note that builds on it, and the episode.</summary>
/// <param name="Note">The research note whose turn carries the reference.</param>
/// <param name="Episode">The earlier episode it builds on.</param>
internal sealed record BackReference(int Note, BibleEpisode Episode)
{
    /// <summary>The line said before the note: names the episode by number and title, states nothing new.</summary>
    public string Line => $"Back in episode {Episode.Number} we talked about {Episode.Title.TrimEnd('.', '?', '!', ' ')}, and this builds on it.";
}

/// <summary>
/// Finds the one place an offline script refers back (series memory): the first planned note that shares a topic with
/// a key point of an earlier episode of the show, i.e. at least <see cref="MinSharedWords"/> content-word stems (the
/// same stems the claim hashes are made of). The newest matching episode wins a tie, since that is the one listeners
/// remember. One reference per episode: a show that says "back in episode n" every other line sounds like a rerun.
/// </summary>
internal static class BackReferences
{
    /// <summary>Content-word stems a note must share with an earlier key point to build on it.</summary>
    public const int MinSharedWords = 3;

    /// <summary>The reference for <paramref name="planned"/> notes (in the order they are told), or null when none builds on an earlier episode.</summary>
    public static BackReference? Find(ResearchNotes research, IEnumerable<int> planned)
    {
        if (research.Earlier is not { Count: > 0 } earlier)
        {
            return null;
        }

        var points = earlier
            .SelectMany(e => e.Points.Select(p => (Episode: e, Tokens: TextTokenizer.TokenSet(p))))
            .ToList();
        foreach (int note in planned)
        {
            HashSet<string> tokens = TextTokenizer.TokenSet(research.Notes[note].Text);
            BibleEpisode? best = points
                .Select(p => (p.Episode, Shared: p.Tokens.Count(tokens.Contains)))
                .Where(p => p.Shared >= MinSharedWords)
                .OrderByDescending(p => p.Shared).ThenByDescending(p => p.Episode.Number)
                .Select(p => p.Episode)
                .FirstOrDefault();
            if (best is not null)
            {
                return new BackReference(note, best);
            }
        }

        return null;
    }
}
