using Microsoft.Extensions.Logging;
using PodcastFactory.Core.Audio;
using PodcastFactory.Core.Diagnostics;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Models.Speech;

namespace PodcastFactory.Core.Providers.Speech;

/// <summary>
/// The offline speech provider: voices named <c>flite:NAME</c> are spoken by flite (the better-measured engine, see
/// docs/voices.md), every other voice by espeak-ng. When flite is not installed, flite voices fall back to an
/// espeak-ng voice of the same kind and a warning says how to install flite; availability is checked once. Both
/// engines write WAV; flite at 16 kHz, espeak-ng at 22.05 kHz, so an episode keeps one engine for both hosts. flite speaks
/// English only: in another language its voices are spoken by espeak-ng's voice for that language (a warning says so).
/// Direction: a <c>[pause]</c> is <see cref="SpeechMarks.PauseMs"/> of silence between the pieces spoken around it (the
/// engines have no pause markup of their own), emphasis is the plain words, lexicon entries are said as their <c>say</c>.
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
    public async Task<AgentUsage> SynthesizeAsync(SpeechInput input, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        IReadOnlyList<SpokenPart> parts = input.Parts();
        if (!parts.Any(p => p.Kind == SpokenPartKind.Pause))
        {
            return await SynthesizeAsync(SpokenText.Plain(parts, ""), input.Voice, input.Language, output, cancellationToken);
        }

        // Each piece between pauses is spoken on its own, then the pieces are joined with silence (the stitcher's own pause).
        var pieces = new List<(byte[] Wav, int PauseAfterMs)>();
        int leadingPauseMs = 0;
        AgentUsage? total = null;
        foreach ((string text, int pauseAfterMs) in Pieces(parts))
        {
            if (text.Length == 0)
            {
                // Pauses with no words between them add up: before the first words, or after the last piece.
                if (pieces.Count == 0)
                {
                    leadingPauseMs += pauseAfterMs;
                }
                else
                {
                    pieces[^1] = (pieces[^1].Wav, pieces[^1].PauseAfterMs + pauseAfterMs);
                }

                continue;
            }

            using var wav = new MemoryStream();
            AgentUsage usage = await SynthesizeAsync(text, input.Voice, input.Language, wav, cancellationToken);
            total = total is null ? usage : total with { InputUnits = total.InputUnits + usage.InputUnits, DurationMs = total.DurationMs + usage.DurationMs };
            pieces.Add((wav.ToArray(), pauseAfterMs));
        }

        if (total is null)
        {
            throw new ArgumentException("The text has nothing to say but pauses.", nameof(input));
        }

        var inputs = new List<StitchInput>();
        if (leadingPauseMs > 0)
        {
            // A segment that opens with a pause: an empty clip in the first piece's format carries the silence.
            using var first = new MemoryStream(pieces[0].Wav, writable: false);
            byte[] empty = WavHeader.CreateCanonical((await WavHeader.ReadAsync(first, cancellationToken)).Format, 0);
            inputs.Add(new StitchInput("pause", _ => Task.FromResult<Stream>(new MemoryStream(empty, writable: false)), leadingPauseMs));
        }

        inputs.AddRange(pieces.Select((p, i) => new StitchInput($"piece {i + 1}", _ => Task.FromResult<Stream>(new MemoryStream(p.Wav, writable: false)), p.PauseAfterMs)));
        await new WavStitcher().StitchAsync(inputs, output, cancellationToken);
        return total;
    }

    // The text between pauses and the silence after it; a piece may be empty (pauses at the start or in a row).
    static IEnumerable<(string Text, int PauseAfterMs)> Pieces(IReadOnlyList<SpokenPart> parts)
    {
        var words = new List<SpokenPart>();
        int pause = 0;
        foreach (SpokenPart part in parts)
        {
            if (part.Kind == SpokenPartKind.Pause)
            {
                pause += SpeechMarks.PauseMs;
                continue;
            }

            if (pause > 0)
            {
                yield return (SpokenText.Plain(words, ""), pause);
                (words, pause) = ([], 0);
            }

            words.Add(part);
        }

        if (words.Count > 0 || pause > 0)
        {
            yield return (SpokenText.Plain(words, ""), pause);
        }
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
