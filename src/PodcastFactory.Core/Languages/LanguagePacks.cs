using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json;

namespace PodcastFactory.Core.Languages;

/// <summary>
/// The language packs embedded in Core (<c>Languages/Packs/*.json</c>), read once. A request's language (BCP 47, e.g.
/// <c>es-MX</c>) is served by the pack of its primary subtag; a language without a pack cannot be written offline, so
/// an episode that needs the offline agents in it is refused at start (<see cref="Codes"/> lists what can be).
/// </summary>
public static class LanguagePacks
{
    const string ResourcePrefix = "PodcastFactory.Core.Languages.Packs.";

    static readonly JsonSerializerOptions _json = new() { PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip };
    static readonly Lazy<FrozenDictionary<string, LanguagePack>> _packs = new(Load);
    // Function words of another language that are content words in English ("die", "war", "son"): ranking keeps them,
    // so an English source ranks as it did before other languages came; measuring a language still counts them.
    static readonly FrozenSet<string> _englishContentWords = FrozenSet.ToFrozenSet(
        ["die", "war", "son", "man", "hat", "den", "con", "sin", "era", "sea", "ante", "pour", "plus", "fait", "bin", "tan", "bien", "sale"],
        StringComparer.Ordinal);

    static readonly Lazy<FrozenSet<string>> _allStopWords = new(() => _packs.Value.Values
        .SelectMany(p => p.Code == "en" ? p.StopWords : p.StopWords.Where(w => !_englishContentWords.Contains(w)))
        .ToFrozenSet(StringComparer.Ordinal));

    /// <summary>The codes of the embedded packs, sorted (<c>de, en, es, fr</c>).</summary>
    public static IReadOnlyList<string> Codes => [.. _packs.Value.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Every pack.</summary>
    public static IEnumerable<LanguagePack> All => _packs.Value.Values;

    /// <summary>English: the pack of the default language and the fallback of <see cref="For"/>.</summary>
    public static LanguagePack English => _packs.Value["en"];

    /// <summary>One kind of review cue in every embedded language: a check that sees no language finds an English or a Spanish welcome alike.</summary>
    public static string[] AllCues(Func<ReviewCues, IReadOnlyList<string>> kind) => [.. All.SelectMany(p => kind(p.ReviewCues)).Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// How prompts name <paramref name="language"/>: "Spanish (es)"; a language without a pack by its code.
    /// </summary>
    public static string Describe(string language)
    {
        string code = string.IsNullOrWhiteSpace(language) ? "en" : language.Trim();
        if (Find(code) is { } pack)
        {
            return $"{pack.Name} ({code})";
        }

        // Invariant globalization: .NET knows no language names here, so an unpacked language is named by its code.
        return $"the language with BCP 47 code '{code}'";
    }

    /// <summary>The primary subtag of <paramref name="language"/>, lower-case ("es-MX" -> "es").</summary>
    public static string Primary(string? language) =>
        string.IsNullOrWhiteSpace(language) ? "en" : language.Trim().Split('-', '_')[0].ToLowerInvariant();

    /// <summary>The pack for <paramref name="language"/>, or null when none is embedded.</summary>
    public static LanguagePack? Find(string? language) => _packs.Value.GetValueOrDefault(Primary(language));

    /// <summary>
    /// The pack for <paramref name="language"/>, English when none is embedded: the start refuses an episode whose
    /// offline writer has no pack, so only the model path (whose own lines are the model's) gets here without one.
    /// </summary>
    public static LanguagePack For(string? language) => Find(language) ?? English;

    /// <summary>
    /// True when <paramref name="word"/> (lower-case) is a function word in any embedded language: ranking and matching
    /// ignore it whatever the source's language, so a Spanish note is ranked by its content words, not by "de" and "la".
    /// </summary>
    public static bool IsStopWord(string word) => _allStopWords.Value.Contains(word);

    static FrozenDictionary<string, LanguagePack> Load()
    {
        Assembly assembly = typeof(LanguagePacks).Assembly;
        var packs = new Dictionary<string, LanguagePack>(StringComparer.OrdinalIgnoreCase);
        foreach (string name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal)))
        {
            using Stream stream = assembly.GetManifestResourceStream(name)!;
            LanguagePack pack = JsonSerializer.Deserialize<LanguagePack>(stream, _json)
                ?? throw new InvalidOperationException($"Language pack {name} is empty.");
            packs[pack.Code] = pack;
        }

        return packs.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }
}
