using Microsoft.Extensions.Options;
using PodcastFactory.Core.Configuration;

namespace PodcastFactory.Core.Publishing.Feed;

/// <summary>
/// The API base URL (e.g. <c>https://host/api</c>) the feed's links are built on: <c>Feed:PublicBaseUrl</c> when set,
/// else the address the local server really listens on (told by <c>podcast serve</c> once it has bound, so
/// <c>--port 0</c> yields links that work), else the request's own address; publishing without any of these (e.g.
/// <c>podcast produce</c>) uses <see cref="DefaultLocal"/>. The feed is re-based on every GET, so a stored feed never
/// points at an old port.
/// </summary>
public sealed class FeedAddress(IOptions<FeedOptions> options)
{
    /// <summary>The address <c>podcast serve</c> listens on by default.</summary>
    public static readonly Uri DefaultLocal = new("http://127.0.0.1:7071/api");

    volatile Uri? _listening;

    /// <summary>The API base of the server this process runs, once it listens on a concrete (not wildcard) address.</summary>
    public Uri? ListeningBase => _listening;

    /// <summary>Records the API base of the local server (called by <c>podcast serve</c> after it has bound).</summary>
    public void SetListeningBase(Uri apiBase)
    {
        ArgumentNullException.ThrowIfNull(apiBase);
        _listening = apiBase;
    }

    /// <summary>The base the publish stage writes into the stored feed (no request at hand).</summary>
    public Uri ForPublishing() => options.Value.PublicBaseUrl ?? _listening ?? DefaultLocal;

    /// <summary>The base a served feed is rendered for, given the API base of the request that asked for it.</summary>
    public Uri ForRequest(Uri requestApiBase) => options.Value.PublicBaseUrl ?? _listening ?? requestApiBase;
}
