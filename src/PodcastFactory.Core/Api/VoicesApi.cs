using Microsoft.AspNetCore.Http;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Providers;

namespace PodcastFactory.Core.Api;

/// <summary>
/// <c>GET /api/voices</c>: the voices of the configured speech provider (offline: flite's and espeak-ng's), each with
/// its language and gender where known, so a client offers only voices that a start will accept.
/// </summary>
public sealed class VoicesApi(ISpeechSynthesizer speech)
{
    /// <summary>GET: <c>{ "provider": NAME, "voices": [ { id, provider, language, gender } ] }</c>; any query parameter is a 400.</summary>
    public async Task<IResult> ListAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (QueryRules.Refuse(request) is { } badQuery)
        {
            return badQuery;
        }

        return Results.Json(await ListAsync(speech, cancellationToken), PodcastJson.Compact);
    }

    /// <summary>
    /// The listing of <paramref name="speech"/>: its catalog, or no voices for a provider that has none yet (it still
    /// checks voices at start), so the API and <c>podcast voices</c> say the same.
    /// </summary>
    public static async Task<VoiceListing> ListAsync(ISpeechSynthesizer speech, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(speech);
        IReadOnlyList<VoiceInfo> voices = speech is IVoiceCatalog catalog ? await catalog.ListVoicesAsync(cancellationToken) : [];
        return new VoiceListing(speech.Name, voices);
    }
}

/// <summary>The body of <c>GET /api/voices</c>.</summary>
/// <param name="Provider">The configured speech provider.</param>
/// <param name="Voices">Its voices.</param>
public sealed record VoiceListing(string Provider, IReadOnlyList<VoiceInfo> Voices);
