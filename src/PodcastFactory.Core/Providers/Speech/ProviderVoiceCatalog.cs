using Microsoft.Extensions.Logging;
using PodcastFactory.Core.Diagnostics;

namespace PodcastFactory.Core.Providers.Speech;

/// <summary>
/// The voices of a cloud speech provider, listed once per process from the provider's own voice-list call (a failed
/// listing is not kept, so the next check asks again). A host's voice is accepted when it is a listed id or name, or an
/// offline voice id (the default hosts), which speaks as the first listed voice of the episode's language and the
/// same gender.
/// </summary>
public sealed class ProviderVoiceCatalog(string provider, Func<CancellationToken, Task<IReadOnlyList<ProviderVoice>>> list, ILogger logger)
{
    /// <summary>Voices named in an error message, at most.</summary>
    const int NamedInProblem = 30;

    readonly SemaphoreSlim _gate = new(1, 1);
    IReadOnlyList<ProviderVoice>? _voices;

    /// <summary>The provider's voices (listed on first use).</summary>
    public async Task<IReadOnlyList<ProviderVoice>> GetAsync(CancellationToken cancellationToken)
    {
        if (_voices is { } voices)
        {
            return voices;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_voices is null)
            {
                IReadOnlyList<ProviderVoice> listed = await list(cancellationToken);
                Logs.SpeechVoicesListed(logger, provider, listed.Count);
                _voices = listed;
            }

            return _voices;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The provider's voices as <c>GET /api/voices</c> lists them (the same list the start check accepts).</summary>
    public async Task<IReadOnlyList<VoiceInfo>> InfosAsync(CancellationToken cancellationToken) =>
        [.. (await GetAsync(cancellationToken)).Select(v => new VoiceInfo(v.Id, provider, v.Locale, v.Female switch { true => "female", false => "male", null => null }))];

    /// <summary>Why <paramref name="voice"/> cannot speak <paramref name="language"/> here (naming voices that can), or null.</summary>
    public async Task<string?> ProblemAsync(string voice, string language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(voice);
        IReadOnlyList<ProviderVoice> voices = await GetAsync(cancellationToken);
        if (Find(voices, voice, language) is not null)
        {
            return null;
        }

        IEnumerable<ProviderVoice> suggested = voices.Where(v => Speaks(v, language));
        if (!suggested.Any())
        {
            suggested = voices;
        }

        string named = string.Join(", ", suggested.Take(NamedInProblem).Select(v => v.Id == v.Name ? v.Id : $"{v.Id} ({v.Name})"));
        string offline = OfflineVoiceGender.IsFemale(voice) is null ? "" : $" and no {provider} voice speaks '{language}'";
        return $"Unknown voice '{voice}' for {provider}{offline}. Valid voices include: {named}"
            + (suggested.Count() > NamedInProblem ? $" (and {suggested.Count() - NamedInProblem} more)" : "") + ".";
    }

    /// <summary>Why no listed voice speaks <paramref name="language"/> (so no host voice could), or null.</summary>
    public async Task<string?> LanguageProblemAsync(string language, CancellationToken cancellationToken)
    {
        IReadOnlyList<ProviderVoice> voices = await GetAsync(cancellationToken);
        if (voices.Count == 0 || voices.Any(v => Speaks(v, language)))
        {
            return null;
        }

        List<string> locales = voices.Select(v => v.Locale).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToList();
        return $"no {provider} voice speaks '{language}' (locales: {string.Join(", ", locales.Take(NamedInProblem))}{(locales.Count > NamedInProblem ? ", ..." : "")})";
    }

    /// <summary>The provider's id for <paramref name="voice"/>; throws <see cref="ArgumentException"/> for a voice <see cref="ProblemAsync"/> refuses.</summary>
    public async Task<string> ResolveAsync(string voice, string language, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(voice);
        ProviderVoice found = Find(await GetAsync(cancellationToken), voice, language)
            ?? throw new ArgumentException(await ProblemAsync(voice, language, cancellationToken), nameof(voice));
        if (OfflineVoiceGender.IsFemale(voice) is not null)
        {
            Logs.OfflineVoiceMapped(logger, voice, provider, found.Id, language);
        }

        return found.Id;
    }

    static ProviderVoice? Find(IReadOnlyList<ProviderVoice> voices, string voice, string language)
    {
        string trimmed = voice.Trim();
        ProviderVoice? listed = voices.FirstOrDefault(v => v.Id.Equals(trimmed, StringComparison.OrdinalIgnoreCase))
            ?? voices.FirstOrDefault(v => v.Name.Equals(trimmed, StringComparison.OrdinalIgnoreCase));
        if (listed is not null || OfflineVoiceGender.IsFemale(trimmed) is not { } female)
        {
            return listed;
        }

        // Same language and gender first; a voice of unknown gender before giving up on the language.
        return voices.FirstOrDefault(v => Speaks(v, language) && v.Female == female)
            ?? voices.FirstOrDefault(v => Speaks(v, language) && v.Female is null);
    }

    // "en" is spoken by en-US and en-GB voices, "en-GB" only by en-GB ones; a voice without a locale is multilingual.
    static bool Speaks(ProviderVoice voice, string language) =>
        voice.Locale is null
        || voice.Locale.Equals(language, StringComparison.OrdinalIgnoreCase)
        || voice.Locale.StartsWith(language + "-", StringComparison.OrdinalIgnoreCase);
}
