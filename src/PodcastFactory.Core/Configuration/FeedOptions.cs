using System.ComponentModel.DataAnnotations;

namespace PodcastFactory.Core.Configuration;

/// <summary>The podcast feed (<c>feed.xml</c>): channel settings and public URLs. Section <c>Feed</c>.</summary>
public sealed class FeedOptions : IValidatableObject
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Feed";

    /// <summary>Show title.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Feed:Title must not be empty.")]
    [StringLength(255, ErrorMessage = "Feed:Title must be at most 255 characters.")]
    public string Title { get; set; } = "PodcastFactory";

    /// <summary>Show description.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Feed:Description must not be empty.")]
    [StringLength(4000, ErrorMessage = "Feed:Description must be at most 4000 characters.")]
    public string Description { get; set; } = "Two AI hosts explain a topic from researched sources. Produced with AI.";

    /// <summary>Author shown by podcast apps.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Feed:Author must not be empty.")]
    public string Author { get; set; } = "PodcastFactory";

    /// <summary>Owner e-mail (itunes:email in itunes:owner, and the owner of podcast:locked); a warning is logged at publish while it is unset.</summary>
    [EmailAddress(ErrorMessage = "Feed:OwnerEmail must be an e-mail address.")]
    public string? OwnerEmail { get; set; }

    /// <summary>podcast:locked: true tells other platforms not to import the show without the owner's consent.</summary>
    public bool Locked { get; set; }

    /// <summary>Language code (RSS language), e.g. <c>en</c> or <c>en-us</c>.</summary>
    [RegularExpression("^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})?$", ErrorMessage = "Feed:Language must be a language code such as en or en-us.")]
    public string Language { get; set; } = "en";

    /// <summary>Apple Podcasts category, e.g. <c>Technology</c>.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Feed:Category must not be empty.")]
    public string Category { get; set; } = "Technology";

    /// <summary>Whether the show is explicit.</summary>
    public bool Explicit { get; set; }

    /// <summary>
    /// Public base URL of the API, used for the feed's own URL, enclosures, transcripts, chapters and the default
    /// artwork, e.g. <c>https://my-app.azurewebsites.net/api</c>. Podcast apps fetch these URLs, so it must be reachable
    /// by them. Unset: the address the feed is served from (the listening address of <c>podcast serve</c>, the request's host in the Functions app).
    /// </summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>Artwork URL (a square JPEG or PNG, 1400-3000 px); empty: the supplied default at <c>{PublicBaseUrl}/feed/artwork.png</c>.</summary>
    public Uri? ArtworkUrl { get; set; }

    /// <summary>How many items the feed keeps (newest first).</summary>
    [Range(1, 1000, ErrorMessage = "Feed:MaxItems must be between 1 and 1000.")]
    public int MaxItems { get; set; } = 300;

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (PublicBaseUrl is { } baseUrl && (!baseUrl.IsAbsoluteUri || baseUrl.Scheme is not ("http" or "https") || baseUrl.Query.Length > 0 || baseUrl.Fragment.Length > 0))
        {
            yield return new ValidationResult("Feed:PublicBaseUrl must be an absolute http(s) URL without query or fragment.", [nameof(PublicBaseUrl)]);
        }

        if (ArtworkUrl is { } art && (!art.IsAbsoluteUri || art.Scheme is not ("http" or "https")))
        {
            yield return new ValidationResult("Feed:ArtworkUrl must be an absolute http(s) URL.", [nameof(ArtworkUrl)]);
        }
    }

    /// <summary>The artwork URL podcast apps fetch, given the API base URL the feed is rendered for.</summary>
    public Uri EffectiveArtworkUrl(Uri baseUrl) => ArtworkUrl ?? Combine(baseUrl, "feed/artwork.png");

    /// <summary>A URL under <paramref name="baseUrl"/> (the API base, e.g. <c>https://host/api</c>).</summary>
    public static Uri Combine(Uri baseUrl, string relative)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        return new(baseUrl.AbsoluteUri.TrimEnd('/') + "/" + relative);
    }
}
