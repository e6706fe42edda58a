using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Costs;

/// <summary>
/// Estimates each paid call before it is made, from typical token counts scaled by the target length, priced
/// from the <see cref="PriceTable"/>. Deliberately generous (rounded up), because the estimate decides whether a
/// critical call may start within the budget.
/// </summary>
/// <param name="prices">The price table.</param>
/// <param name="textModel">Priced text model name, or null when the text agents are offline (free).</param>
/// <param name="speechModel">Priced speech model name, or null when speech is offline (free).</param>
public sealed class PricedCostEstimator(PriceTable prices, string? textModel, string? speechModel) : ICostEstimator
{
    /// <summary>Tokens per spoken word of script, JSON and claim indexes included.</summary>
    public const double TokensPerScriptWord = 1.6;

    /// <summary>Fixed prompt size (instructions and schema) of every call, in tokens.</summary>
    public const int PromptTokens = 1500;

    /// <summary>Tokens assumed for a file or URL source, whose text is not known before the episode starts.</summary>
    public const int UnknownSourceTokens = 4000;

    /// <summary>Tokens of merged research notes handed to the script writer and the evaluator.</summary>
    public const int ResearchTokens = 2500;

    /// <inheritdoc />
    public CostEstimates Estimate(EpisodeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        long scriptTokens = (long)Math.Ceiling(TextStats.TargetWords(request.TargetMinutes) * TokensPerScriptWord);
        long sourceTokens = request.Sources.Sum(s => s.Kind == SourceKind.Text ? (s.Value.Length / 4) + 1 : (long)UnknownSourceTokens);
        decimal research = Text(PromptTokens + sourceTokens, 1200);
        decimal script = Text(PromptTokens + ResearchTokens + scriptTokens, scriptTokens);
        decimal review = Text(PromptTokens + ResearchTokens + scriptTokens, 800);
        decimal social = Text(PromptTokens + scriptTokens, 300);
        decimal speech = speechModel is null ? 0m : prices.Speech(speechModel, 1_000_000);
        return new CostEstimates(research, script, review, social, speech);
    }

    decimal Text(long input, long output) =>
        textModel is null ? 0m : Math.Round(prices.Text(textModel, input, output), 6, MidpointRounding.ToPositiveInfinity);
}
