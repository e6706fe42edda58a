namespace PodcastFactory.Core.Models;

/// <summary>
/// A show: the unit a listener subscribes to. Its settings are the defaults of every episode that names it (the
/// request overrides them), and it has its own feed. Stored as <c>_shows/{id}/show.json</c>; see docs/shows.md.
/// </summary>
public sealed record Show
{
    /// <summary>The slug that names it in URLs and requests (<see cref="ShowValidator.IdPattern"/>).</summary>
    public string Id { get; init; } = "";

    /// <summary>Title (the feed's channel title).</summary>
    public string Title { get; init; } = "";

    /// <summary>What the show is about (the channel description).</summary>
    public string Description { get; init; } = "";

    /// <summary>BCP-47 language code of its episodes and feed.</summary>
    public string Language { get; init; } = "en";

    /// <summary>Author shown by podcast apps.</summary>
    public string Author { get; init; } = "";

    /// <summary>Owner e-mail (itunes:owner, podcast:locked owner).</summary>
    public string? OwnerEmail { get; init; }

    /// <summary>Artwork URL (absolute http(s), passing the sources' address policy); null: the default artwork.</summary>
    public string? ArtworkUrl { get; init; }

    /// <summary>Apple Podcasts category (<see cref="ShowValidator.Categories"/>).</summary>
    public string Category { get; init; } = "Technology";

    /// <summary>Whether the show is explicit.</summary>
    public bool Explicit { get; init; }

    /// <summary>The cast: 1 to 4 hosts.</summary>
    public IReadOnlyList<HostVoice> Hosts { get; init; } = EpisodeRequest.DefaultHosts;

    /// <summary>Default format of its episodes (<see cref="EpisodeFormats.All"/>).</summary>
    public string DefaultFormat { get; init; } = EpisodeFormats.DeepDive;

    /// <summary>Default target length of its episodes, in minutes.</summary>
    public int DefaultMinutes { get; init; } = 5;

    /// <summary>Standing instructions for the writer of every episode (bounded free text), or null.</summary>
    public string? Instructions { get; init; }

    /// <summary>
    /// The show's pronunciation lexicon (names, acronyms): every episode speaks with it; an episode's own entries are added
    /// and win over the show's for the same written form.
    /// </summary>
    public IReadOnlyList<LexiconEntry> Lexicon { get; init; } = [];

    /// <summary>When it was created.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it was last changed.</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>
    /// When it was deleted: a deleted show starts no episodes and is not listed, but its published episodes and feed
    /// stay readable until it is purged (<c>DELETE /api/shows/{id}?purge=true</c>).
    /// </summary>
    public DateTimeOffset? DeletedAt { get; init; }
}
