using System.Collections.Concurrent;
using System.ComponentModel;
using Microsoft.Extensions.Options;
using PodcastFactory.Core.Configuration;

namespace PodcastFactory.Core.Providers.Speech;

/// <summary>
/// The voices the installed espeak-ng knows, asked of espeak-ng itself: a voice is <c>LANGUAGE</c> or
/// <c>LANGUAGE+VARIANT</c>. espeak-ng fails on an unknown language but silently speaks an unknown variant with the
/// default one, so languages are probed (<c>espeak-ng -q -v LANGUAGE</c>, once each) and variants are looked up in
/// <c>espeak-ng --voices=variant</c>. Without espeak-ng nothing can be checked (the speech stage reports it missing).
/// </summary>
public sealed class EspeakVoiceCatalog(IOptions<EspeakOptions> options)
{
    static readonly TimeSpan _timeout = TimeSpan.FromSeconds(10);
    readonly ConcurrentDictionary<string, bool> _languages = new(StringComparer.OrdinalIgnoreCase);
    readonly Lazy<Task<IReadOnlyList<string>?>> _variants = new(() => VariantsAsync(options.Value.ExecutablePath));

    /// <summary>Why <paramref name="voice"/> is not an espeak-ng voice here (with the valid ones), or null when it is.</summary>
    public async Task<string?> ProblemAsync(string voice, string language, CancellationToken cancellationToken)
    {
        string resolved;
        try
        {
            resolved = EspeakVoices.Resolve(voice, language);
        }
        catch (ArgumentException)
        {
            return await UnknownAsync(voice, "it is not a voice id");
        }

        IReadOnlyList<string>? variants = await _variants.Value;
        if (variants is null)
        {
            return null;
        }

        string[] parts = resolved.Split('+', 2);
        if (parts.Length == 2 && !variants.Contains(parts[1], StringComparer.OrdinalIgnoreCase))
        {
            return await UnknownAsync(voice, $"espeak-ng has no variant '{parts[1]}'");
        }

        if (!await KnowsAsync(parts[0], cancellationToken))
        {
            return await UnknownAsync(voice, $"espeak-ng has no language or voice '{parts[0]}'");
        }

        return EspeakVoices.LanguageMismatch(voice, resolved, language);
    }

    /// <summary>Why espeak-ng cannot speak <paramref name="language"/> (its voice for it is not installed), or null; null without espeak-ng.</summary>
    public async Task<string?> LanguageProblemAsync(string language, CancellationToken cancellationToken)
    {
        if (await _variants.Value is null)
        {
            return null;
        }

        string voice = EspeakVoices.LanguageVoice(language);
        return await KnowsAsync(voice, cancellationToken) ? null : $"espeak-ng has no voice for '{language}' (tried '{voice}'; see espeak-ng --voices)";
    }

    async Task<bool> KnowsAsync(string language, CancellationToken cancellationToken)
    {
        if (!_languages.TryGetValue(language, out bool known))
        {
            known = await SpeaksAsync(language, cancellationToken);
            _languages[language] = known;
        }

        return known;
    }

    /// <summary>The variants (<c>m1</c>..<c>m8</c>, <c>f1</c>..<c>f5</c> first), or null without espeak-ng.</summary>
    public Task<IReadOnlyList<string>?> VariantsAsync() => _variants.Value;

    async Task<string> UnknownAsync(string voice, string why)
    {
        IReadOnlyList<string> variants = await _variants.Value ?? [];
        List<string> numbered = variants.Where(v => v.Length == 2 && v[0] is 'm' or 'f' && char.IsAsciiDigit(v[1])).Order(StringComparer.Ordinal).ToList();
        return $"Unknown voice '{voice}': {why}. Valid voices: {string.Join(", ", FliteVoices.Known.Select(v => FliteVoices.Prefix + v))}; "
            + $"espeak-ng LANGUAGE or LANGUAGE+VARIANT such as en-us+m3, en-gb+f2, de, fr+m1 (languages: espeak-ng --voices; variants: {string.Join(", ", numbered)}"
            + (variants.Count > numbered.Count ? $" and {variants.Count - numbered.Count} more, see espeak-ng --voices=variant" : "")
            + $"); or an OpenAI voice name ({string.Join(", ", OpenAI.OpenAIVoices.Known)}).";
    }

    async Task<bool> SpeaksAsync(string language, CancellationToken cancellationToken)
    {
        try
        {
            await ToolProcess.RunAsync(options.Value.ExecutablePath, ["-q", "-v", language, "a"], stdin: null, _timeout, cancellationToken);
            return true;
        }
        catch (ToolExitException)
        {
            return false;
        }
    }

    static async Task<IReadOnlyList<string>?> VariantsAsync(string executable)
    {
        try
        {
            string listing = await ToolProcess.RunAsync(executable, ["--voices=variant"], stdin: null, _timeout, CancellationToken.None);
            // "Pty Language Age/Gender VoiceName File Other": the file column is "!v/NAME"; a voice name may hold spaces.
            return listing.Split('\n').Skip(1)
                .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(c => c.StartsWith("!v/", StringComparison.Ordinal)))
                .OfType<string>().Select(c => c[3..]).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        }
        catch (Exception ex) when (ex is Win32Exception or ToolExitException or TimeoutException)
        {
            return null;
        }
    }
}
