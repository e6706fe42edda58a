namespace PodcastFactory.Core.Costs;

/// <summary>
/// What each kind of call is expected to consume, as opposed to <see cref="OutputTokenCaps"/> (the most it may): the
/// quote's expected figure (<c>totalUsd</c>) is priced from these, its high figure from the caps. Fitted to the bench's
/// <c>estimates</c> scenario (docs/benchmarks.md: billed tokens of 1, 5 and 10 minute episodes on the fake provider,
/// four characters a token, with the prompts as of the show brief and the judge's fact-check), so they describe answers
/// of a model's size, not a particular model's habits: re-measure them when a prompt or a schema grows.
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

    /// <summary>Prompt tokens of a script call: instructions, show brief, merged notes and cited passages, bounded by the prompt (measured 4,189-4,191).</summary>
    public const int ScriptPrompt = 4190;

    /// <summary>Prompt tokens of a review besides the script it reads (measured 3,981 at 1 minute less the script).</summary>
    public const int ReviewPromptBesidesScript = 3690;

    /// <summary>
    /// Prompt tokens of a polish call besides the passed script it rewrites: its instructions, show brief, merged notes
    /// and cited passages (measured 4,113-4,115 with polish on, the script's tokens taken out).
    /// </summary>
    public const int PolishPromptBesidesScript = 4115;

    /// <summary>The judge's checks and suggestions, besides its claim verdicts (measured 287 billed tokens at 1 minute, 1,889 at 10).</summary>
    public const int ReviewOutput = 110;

    /// <summary>The judge's claim verdicts (one per cited note, with its reason) per spoken word of script.</summary>
    public const double ReviewOutputPerScriptWord = 1.19;

    /// <summary>Prompt tokens of the social post besides the script it reads (measured 558 at 1 minute less the script).</summary>
    public const int SocialPromptBesidesScript = 265;

    /// <summary>The post (measured 56 billed tokens).</summary>
    public const int SocialOutput = 56;

    /// <summary>Tokens of a script of <paramref name="words"/> spoken words, as written by the writer or read by the judge.</summary>
    public static long Script(int words) => (long)Math.Ceiling(words * TokensPerScriptWord);

    /// <summary>The judge's answer for a script of <paramref name="words"/> spoken words: its claim verdicts grow with the script.</summary>
    public static long Review(int words) => ReviewOutput + (long)Math.Ceiling(words * ReviewOutputPerScriptWord);
}
