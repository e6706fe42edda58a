using Microsoft.Extensions.Logging;
using PodcastFactory.Core.Diagnostics;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Providers.Speech;

/// <summary>
/// The offline speech provider: voices named <c>flite:NAME</c> are spoken by flite (the better-measured engine, see
/// docs/voices.md), every other voice by espeak-ng. When flite is not installed, flite voices fall back to an
/// espeak-ng voice of the same kind and a warning says how to install flite; availability is checked once. Both
/// engines write WAV; flite at 16 kHz, espeak-ng at 22.05 kHz, so an episode keeps one engine for both hosts. flite speaks
/// English only: in another language its voices are spoken by espeak-ng's voice for that language (a warning says so).
/// </summary>
public sealed class LocalSpeechSynthesizer(EspeakSpeechSynthesizer espeak, FliteSpeechSynthesizer flite, EspeakVoiceCatalog voices, ILogger<LocalSpeechSynthesizer> logger)
    : ISpeechSynthesizer, IVoiceCatalog
{
    /// <summary>Provider name in the ledger and in the segment cache key.</summary>
    public const string ProviderName = "local";

    readonly Lazy<bool> _fliteAvailable = new(flite.IsAvailable);
    int _warned;
    readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> _substituted = new(StringComparer.OrdinalIgnoreCase);

    /// <inheritdoc />
    public string Name => ProviderName;

    /// <summary>
    /// Without flite, flite voices are spoken by espeak-ng (another engine, another sample rate): speech stored by one
    /// machine must not be reused by another that speaks differently, so the engine is part of the key.
    /// </summary>
    public string CacheKey => _fliteAvailable.Value ? ProviderName : ProviderName + "/espeak-fallback";

    /// <inheritdoc />
    public AudioFormat Format => AudioFormat.Wav;

    /// <inheritdoc />
    public int MaxInputCharacters => espeak.MaxInputCharacters;

    /// <inheritdoc />
    /// <remarks>flite voices must be one of <see cref="FliteVoices.Known"/> (also when they fall back to espeak-ng); any other voice is espeak-ng's to know.</remarks>
    public Task<string?> CheckVoiceAsync(string voice, string language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(voice);
        if (!FliteVoices.IsFlite(voice))
        {
            return voices.ProblemAsync(voice, language, cancellationToken);
        }

        string name = voice.Trim()[FliteVoices.Prefix.Length..];
        return Task.FromResult(FliteVoices.Known.Contains(name, StringComparer.OrdinalIgnoreCase)
            ? null
            : $"Unknown voice '{voice}': flite has no voice '{name}'. Valid flite voices: {string.Join(", ", FliteVoices.Known.Select(v => FliteVoices.Prefix + v))}; espeak-ng voices such as en-us+m3 or en-gb+f2 work too.");
    }

    /// <inheritdoc />
    /// <remarks>English is flite's; every language is spoken by espeak-ng, which must have a voice for it.</remarks>
    public Task<string?> CheckLanguageAsync(string language, CancellationToken cancellationToken) => voices.LanguageProblemAsync(language, cancellationToken);

    /// <inheritdoc />
    public string? VoiceSubstitution(string voice, string language) =>
        FliteVoices.IsFlite(voice) && !FliteVoices.Speaks(language)
            ? $"flite speaks English only: voice '{voice}' speaks '{language}' as espeak-ng voice '{FliteVoices.EspeakFallback(voice, language)}'"
            : null;

    /// <inheritdoc />
    /// <remarks>
    /// flite's voices (defaults first), then espeak-ng's US English with each numbered variant that the installed
    /// espeak-ng knows (<c>en-us+m1</c>..<c>m8</c>, <c>f1</c>..<c>f5</c>); any other espeak-ng language works too but is not
    /// listed (over a hundred, see <c>espeak-ng --voices</c>).
    /// </remarks>
    public async Task<IReadOnlyList<VoiceInfo>> ListVoicesAsync(CancellationToken cancellationToken)
    {
        var list = new List<VoiceInfo>();
        foreach (string name in FliteVoices.Known)
        {
            list.Add(new VoiceInfo(FliteVoices.Prefix + name, ProviderName, "en-US", FliteVoices.Gender(name)));
        }

        IReadOnlyList<string> variants = await voices.VariantsAsync() ?? [];
        foreach (string variant in variants.Where(v => v.Length == 2 && v[0] is 'm' or 'f' && char.IsAsciiDigit(v[1])).Order(StringComparer.Ordinal))
        {
            list.Add(new VoiceInfo("en-us+" + variant, ProviderName, "en-US", variant[0] == 'f' ? "female" : "male"));
        }

        return list;
    }

    /// <inheritdoc />
    public Task<AgentUsage> SynthesizeAsync(string text, string voice, string language, Stream output, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(voice);
        if (!FliteVoices.IsFlite(voice))
        {
            return espeak.SynthesizeAsync(text, voice, language, output, cancellationToken);
        }

        if (!FliteVoices.Speaks(language))
        {
            // flite's voices are English only: another language is spoken by espeak-ng's voice for it, of the same kind.
            string speaker = FliteVoices.EspeakFallback(voice, language);
            if (_substituted.TryAdd(voice + "|" + language, 0))
            {
                Logs.FliteLanguageSubstituted(logger, voice, language, speaker);
            }

            return espeak.SynthesizeAsync(text, speaker, language, output, cancellationToken);
        }

        if (_fliteAvailable.Value)
        {
            return flite.SynthesizeAsync(text, voice, output, cancellationToken);
        }

        string fallback = FliteVoices.EspeakFallback(voice);
        if (Interlocked.Exchange(ref _warned, 1) == 0)
        {
            Logs.FliteMissing(logger, voice, fallback);
        }

        return espeak.SynthesizeAsync(text, fallback, language, output, cancellationToken);
    }
}
