using PodcastFactory.Core.Models;
using PodcastFactory.Core.Workflow.Shows;

namespace PodcastFactory.Core.Api;

/// <summary>
/// Body of <c>POST /api/shows</c> and <c>PUT /api/shows/{id}</c> (and of <c>podcast show create --file</c>): a show's
/// fields in camelCase; <c>id</c> and <c>title</c> are required on create, the rest take the defaults below. A PUT
/// replaces the whole show (what it leaves out goes back to the default); its <c>id</c>, if given, must be the route's.
/// </summary>
public sealed record ShowBody
{
    /// <summary>The slug (2-48 lower-case letters, digits, hyphens).</summary>
    public string? Id { get; init; }

    /// <summary>Title.</summary>
    public string? Title { get; init; }

    /// <summary>Description (default empty: the title).</summary>
    public string? Description { get; init; }

    /// <summary>Language code (default <c>en</c>).</summary>
    public string? Language { get; init; }

    /// <summary>Author (default the title).</summary>
    public string? Author { get; init; }

    /// <summary>Owner e-mail.</summary>
    public string? OwnerEmail { get; init; }

    /// <summary>Artwork URL (absolute http(s), a public address).</summary>
    public string? ArtworkUrl { get; init; }

    /// <summary>Apple category (default Technology).</summary>
    public string? Category { get; init; }

    /// <summary>Explicit (default false).</summary>
    public bool? Explicit { get; init; }

    /// <summary>1-4 hosts (default the two default hosts).</summary>
    public IReadOnlyList<HostVoice>? Hosts { get; init; }

    /// <summary>Default format (default deep-dive).</summary>
    public string? DefaultFormat { get; init; }

    /// <summary>Default target minutes (default 5).</summary>
    public int? DefaultMinutes { get; init; }

    /// <summary>Standing instructions for the writer.</summary>
    public string? Instructions { get; init; }

    /// <summary>The show's pronunciation lexicon (at most 200 entries of text with say or ipa).</summary>
    public IReadOnlyList<LexiconEntry>? Lexicon { get; init; }

    /// <summary>The show this body describes, with <paramref name="id"/> and the given times, defaults for what it leaves out.</summary>
    public Show ToShow(string id, DateTimeOffset createdAt, DateTimeOffset updatedAt)
    {
        var d = new Show();
        return new Show
        {
            Id = id,
            Title = Title?.Trim() ?? "",
            Description = Description ?? "",
            Language = Language ?? d.Language,
            Author = Author?.Trim() ?? Title?.Trim() ?? "",
            OwnerEmail = OwnerEmail,
            ArtworkUrl = ArtworkUrl,
            Category = Category ?? d.Category,
            Explicit = Explicit ?? d.Explicit,
            Hosts = Hosts ?? d.Hosts,
            DefaultFormat = DefaultFormat ?? d.DefaultFormat,
            DefaultMinutes = DefaultMinutes ?? d.DefaultMinutes,
            Instructions = Instructions,
            Lexicon = Lexicon ?? [],
            CreatedAt = createdAt,
            UpdatedAt = updatedAt,
        };
    }
}

/// <summary>A show as the API returns it: its fields, whether it was deleted, and where its feed and episodes are.</summary>
/// <param name="Show">The show's fields.</param>
/// <param name="Deleted">True after a DELETE without purge.</param>
/// <param name="Url">This document.</param>
/// <param name="FeedUrl">Its RSS feed.</param>
/// <param name="EpisodesUrl">Its episodes (<c>GET /api/episodes?show=</c>).</param>
public sealed record ShowResponse(Show Show, bool Deleted, string Url, string FeedUrl, string EpisodesUrl)
{
    /// <summary>The response for <paramref name="show"/>, links on <paramref name="baseUrl"/>.</summary>
    public static ShowResponse Of(Show show, string baseUrl)
    {
        ArgumentNullException.ThrowIfNull(show);
        string self = $"{baseUrl}/{ApiRoutes.Prefix}/shows/{show.Id}";
        return new(show, show.DeletedAt is not null, self, $"{baseUrl}/{ApiRoutes.Prefix}/{ShowFeeds.FeedPath(show.Id)}",
            $"{baseUrl}/{ApiRoutes.Prefix}/{ApiRoutes.Episodes}?show={show.Id}");
    }
}

/// <summary><c>GET /api/shows</c>: the shows, by id.</summary>
/// <param name="Items">Each show.</param>
public sealed record ShowListResponse(IReadOnlyList<ShowResponse> Items);
