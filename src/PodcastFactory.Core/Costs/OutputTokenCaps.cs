using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Costs;

/// <summary>
/// The most output tokens each kind of model call may produce: sent with the call (the model stops there) and used by
/// every estimate of it, so an estimate is what the call can cost at most on the output side, not a guess.
/// </summary>
public static class OutputTokenCaps
{
    /// <summary>Tokens per spoken word of script, JSON and claim indexes included.</summary>
    public const double TokensPerScriptWord = 1.6;

    /// <summary>Research notes of one angle (up to a dozen notes with their quotes).</summary>
    public const int Research = 2000;

    /// <summary>A handful of web search queries.</summary>
    public const int Queries = 400;

    /// <summary>The quality judge's verdict with its suggestions.</summary>
    public const int Review = 1000;

    /// <summary>One social-media post (at most a few hundred characters, as the platform limit says).</summary>
    public const int Social = 300;

    /// <summary>A script of <paramref name="targetMinutes"/>: its upper word tolerance plus the JSON around the turns.</summary>
    public static int Script(int targetMinutes) =>
        (int)Math.Ceiling(TextStats.TargetWords(Math.Max(1, targetMinutes)) * 1.25 * TokensPerScriptWord) + 500;

    /// <summary>
    /// Prompt tokens for <paramref name="characters"/> characters of prompt, plus a per-message overhead: three characters
    /// a token, a bound above what tokenizers count for English prose and JSON (about four), because a call whose answer
    /// is lost is listed at this estimate and must not be listed below its bill.
    /// </summary>
    public static long PromptTokens(long characters, int messages) => (characters + 2) / 3 + (8L * messages);
}
