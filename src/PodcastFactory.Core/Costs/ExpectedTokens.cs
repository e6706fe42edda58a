namespace PodcastFactory.Core.Costs;

/// <summary>
/// What each kind of call is expected to consume, as opposed to <see cref="OutputTokenCaps"/> (the most it may): the
/// quote's expected figure (<c>totalUsd</c>) is priced from these, its high figure from the caps. Fitted to the bench's
/// <c>estimates</c> scenario (docs/benchmarks.md: billed tokens of 1, 5 and 10 minute episodes on the fake provider,
/// four characters a token), so they describe answers of a model's size, not a particular model's habits.
/// </summary>
public static class ExpectedTokens
{
    /// <summary>Characters a prompt token carries in English prose and JSON (the caps assume three, a bound).</summary>
    public const int CharactersPerToken = 4;

    /// <summary>Billed tokens per spoken word of script (its JSON, turns and claim indexes included): 1.85-1.97 measured.</summary>
    public const double TokensPerScriptWord = 1.95;

    /// <summary>Prompt characters of a research call besides the sources it carries (instructions and schema).</summary>
    public const int ResearchPromptCharacters = 2400;

    /// <summary>Notes one research angle writes (measured 790 billed tokens).</summary>
    public const int ResearchOutput = 790;

    /// <summary>Prompt tokens of a script call: instructions, merged notes and passages, bounded by the prompt (measured 1,642).</summary>
    public const int ScriptPrompt = 1650;

    /// <summary>Prompt tokens of a review besides the script it reads (measured 1,825 at 1 minute less the script).</summary>
    public const int ReviewPromptBesidesScript = 1530;

    /// <summary>The judge's verdict (measured 183 billed tokens).</summary>
    public const int ReviewOutput = 185;

    /// <summary>Prompt tokens of the social post besides the script it reads (measured 558 at 1 minute less the script).</summary>
    public const int SocialPromptBesidesScript = 265;

    /// <summary>The post (measured 56 billed tokens).</summary>
    public const int SocialOutput = 56;

    /// <summary>Tokens of a script of <paramref name="words"/> spoken words, as written by the writer or read by the judge.</summary>
    public static long Script(int words) => (long)Math.Ceiling(words * TokensPerScriptWord);
}
