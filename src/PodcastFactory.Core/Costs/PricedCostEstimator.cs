using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Costs;

/// <summary>
/// Estimates each paid call before it is made, priced from the <see cref="PriceTable"/>: the prompt from the real size
/// of what it will carry (the captured sources, the script the length asks for) and the answer at the call's output
/// cap (<see cref="OutputTokenCaps"/>), the most the model may write. The estimate decides whether a stage may start
/// within the budget, so it is an upper bound on the output side and close on the input side.
/// </summary>
/// <param name="prices">The price table.</param>
/// <param name="textModel">Priced text model name, or null when the text agents are offline (free).</param>
/// <param name="speechModel">Priced speech model name, or null when speech is offline (free).</param>
public sealed class PricedCostEstimator(PriceTable prices, string? textModel, string? speechModel) : ICostEstimator
{
    /// <summary>Prompt characters of every call's instructions and response schema.</summary>
    public const int InstructionCharacters = 4000;

    /// <summary>Characters of merged research notes handed to the script writer and the evaluator.</summary>
    public const int ResearchCharacters = 10000;

    /// <summary>Characters of cited source passages the writer and the judge read besides the notes (the prompt's bound).</summary>
    public const int PassageCharacters = 12000;

    /// <summary>Characters per spoken word of script (the word and its space, with punctuation).</summary>
    const int ScriptCharactersPerWord = 6;

    /// <inheritdoc />
    public CostEstimates Estimate(EpisodeRequest request, long sourceCharacters)
    {
        ArgumentNullException.ThrowIfNull(request);
        int scriptCap = OutputTokenCaps.Script(request.TargetMinutes);
        // What the review and the post read: the script at the longest the writer is allowed (its words, not its cap).
        long scriptCharacters = (long)(TextStats.TargetWords(request.TargetMinutes) * 1.25 * ScriptCharactersPerWord);
        decimal research = Text(InstructionCharacters + sourceCharacters, OutputTokenCaps.Research);
        decimal script = Text(InstructionCharacters + ResearchCharacters + PassageCharacters, scriptCap);
        decimal review = Text(InstructionCharacters + ResearchCharacters + PassageCharacters + scriptCharacters, OutputTokenCaps.Review);
        decimal social = Text(InstructionCharacters + scriptCharacters, OutputTokenCaps.Social);
        decimal speech = speechModel is null ? 0m : prices.Speech(speechModel, 1_000_000);
        return new CostEstimates(research, script, review, social, speech);
    }

    decimal Text(long promptCharacters, long output) =>
        textModel is null ? 0m : Math.Round(prices.Text(textModel, OutputTokenCaps.PromptTokens(promptCharacters, 2), output), 6, MidpointRounding.ToPositiveInfinity);
}
