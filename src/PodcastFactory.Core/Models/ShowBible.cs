namespace PodcastFactory.Core.Models;

/// <summary>One earlier episode of a show, as its bible remembers it.</summary>
/// <param name="Number">The episode's number in the show (1, 2, ...; never reused, even after old entries are dropped).</param>
/// <param name="EpisodeId">The episode id (what makes an append idempotent: one entry per id).</param>
/// <param name="Title">The script's title.</param>
/// <param name="Summary">A short summary (at most <see cref="ShowBible.MaxSummaryCharacters"/>).</param>
/// <param name="Points">The episode's key claims as said (at most <see cref="ShowBible.MaxPoints"/>, each bounded): what a writer
/// may refer back to and what the model-path research is told was covered.</param>
/// <param name="Claims">Hashes of every claim the script stated (normalized, see <c>Agents.ClaimKeys</c>; at most
/// <see cref="ShowBible.MaxClaimsPerEpisode"/>): what new research ranks lower.</param>
/// <param name="Page">The episode's show-notes page, when it was published.</param>
/// <param name="Audio">The episode's audio, when it was published.</param>
/// <param name="RecordedAt">When the entry was appended (the orchestration's clock).</param>
public sealed record BibleEpisode(
    int Number,
    string EpisodeId,
    string Title,
    string Summary,
    IReadOnlyList<string> Points,
    IReadOnlyList<string> Claims,
    Uri? Page = null,
    Uri? Audio = null,
    DateTime? RecordedAt = null);

/// <summary>
/// A show's memory of its own episodes (<c>_shows/{id}/bible.json</c>, beside the show's own document): what each earlier episode was called, what it said
/// and where it is. Bounded: the newest <see cref="MaxEpisodes"/> episodes and <see cref="MaxClaims"/> claim hashes in
/// all (older entries are dropped first), so reading it stays cheap however long the show runs.
/// </summary>
/// <param name="Show">The show's id.</param>
/// <param name="NextNumber">The number the next appended episode gets (kept apart from the entries, so dropping old
/// entries never renumbers the show).</param>
/// <param name="Episodes">The remembered episodes, oldest first.</param>
public sealed record ShowBible(string Show, int NextNumber, IReadOnlyList<BibleEpisode> Episodes)
{
    /// <summary>Episodes kept.</summary>
    public const int MaxEpisodes = 50;

    /// <summary>Claim hashes kept over all episodes.</summary>
    public const int MaxClaims = 2000;

    /// <summary>Claim hashes kept per episode.</summary>
    public const int MaxClaimsPerEpisode = 80;

    /// <summary>Key points kept per episode.</summary>
    public const int MaxPoints = 8;

    /// <summary>Characters kept of one key point.</summary>
    public const int MaxPointCharacters = 240;

    /// <summary>Characters kept of an episode's summary.</summary>
    public const int MaxSummaryCharacters = 400;

    /// <summary>Characters kept of an episode's title.</summary>
    public const int MaxTitleCharacters = 200;

    /// <summary>The empty bible of <paramref name="show"/>.</summary>
    public static ShowBible Empty(string show) => new(show, 1, []);

    /// <summary>The entry of <paramref name="episodeId"/>, or null when the bible has none.</summary>
    public BibleEpisode? Find(string episodeId) => Episodes.FirstOrDefault(e => e.EpisodeId == episodeId);

    /// <summary>
    /// This bible with <paramref name="entry"/> appended under the next number, bounded; unchanged when the episode is
    /// already in it (a replayed or re-run append adds nothing).
    /// </summary>
    public ShowBible Append(BibleEpisode entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (Find(entry.EpisodeId) is not null)
        {
            return this;
        }

        int number = Math.Max(NextNumber, Episodes.Count == 0 ? 1 : Episodes.Max(e => e.Number) + 1);
        List<BibleEpisode> episodes = [.. Episodes, Bounded(entry) with { Number = number }];
        while (episodes.Count > MaxEpisodes || (episodes.Count > 1 && episodes.Sum(e => e.Claims.Count) > MaxClaims))
        {
            episodes.RemoveAt(0);
        }

        return new ShowBible(Show, number + 1, episodes);
    }

    static BibleEpisode Bounded(BibleEpisode entry) => entry with
    {
        Title = Clip(entry.Title, MaxTitleCharacters),
        Summary = Clip(entry.Summary, MaxSummaryCharacters),
        Points = [.. entry.Points.Take(MaxPoints).Select(p => Clip(p, MaxPointCharacters))],
        Claims = [.. entry.Claims.Distinct(StringComparer.Ordinal).Take(MaxClaimsPerEpisode)],
    };

    /// <summary><paramref name="text"/> cut at a word boundary to at most <paramref name="max"/> characters, marked with an ellipsis when cut.</summary>
    public static string Clip(string text, int max)
    {
        string trimmed = (text ?? "").Trim();
        if (trimmed.Length <= max)
        {
            return trimmed;
        }

        int cut = trimmed.LastIndexOf(' ', max - 1);
        return trimmed[..(cut > max / 2 ? cut : max - 1)].TrimEnd() + "…";
    }
}
