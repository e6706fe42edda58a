using System.ComponentModel.DataAnnotations;

namespace PodcastFactory.Core.Configuration;

/// <summary>
/// Limits of every outbound page fetch (URL sources and web research). Section <c>Fetch</c>. Each bound exists because
/// the URLs come from callers or from search results: a huge, slow or hostile answer must cost little.
/// </summary>
public sealed class FetchOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Fetch";

    /// <summary>Largest body read, in bytes (after decompression), enforced while streaming. Default 4 MiB.</summary>
    [Range(1024, 64 * 1024 * 1024, ErrorMessage = "Fetch:MaxBytes must be between 1024 and 67108864.")]
    public int MaxBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>One deadline for the whole fetch: every redirect hop, headers and body. Default 20 s.</summary>
    [Range(1, 300, ErrorMessage = "Fetch:TimeoutSeconds must be between 1 and 300.")]
    public int TimeoutSeconds { get; set; } = 20;

    /// <summary>Redirects followed at most (each hop checked: http/https only, allowed address). Default 5.</summary>
    [Range(0, 10, ErrorMessage = "Fetch:MaxRedirects must be between 0 and 10.")]
    public int MaxRedirects { get; set; } = 5;

    /// <summary>
    /// Optional proxy for source fetches (absolute http URL). Unset (the default), fetches ignore <c>HTTP_PROXY</c> and
    /// connect directly, so the address check runs on the connected socket. Set, each hop's host is resolved and checked
    /// before the request goes to the proxy.
    /// </summary>
    [Url(ErrorMessage = "Fetch:Proxy must be an absolute URL such as http://proxy:3128.")]
    public string? Proxy { get; set; }

    /// <summary>Pages fetched at once: per research angle, and the URL sources of one request. Default 4.</summary>
    [Range(1, 16, ErrorMessage = "Fetch:MaxParallel must be between 1 and 16.")]
    public int MaxParallel { get; set; } = 4;

    /// <summary>
    /// One deadline for all the sources of one request, in seconds (each fetch also keeps its own
    /// <see cref="TimeoutSeconds"/>). Sources still unread then are named in the 400 and nothing starts. Default 30 s.
    /// </summary>
    [Range(1, 600, ErrorMessage = "Fetch:SourcesDeadlineSeconds must be between 1 and 600.")]
    public int SourcesDeadlineSeconds { get; set; } = 30;
}
