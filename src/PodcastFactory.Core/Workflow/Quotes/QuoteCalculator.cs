using PodcastFactory.Core.Agents;
using PodcastFactory.Core.Configuration;
using PodcastFactory.Core.Costs;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Workflow.Quotes;

/// <summary>What a quote is computed from besides the request: the real sizes the starter would freeze.</summary>
/// <param name="SourceCharacters">Characters one research call carries (captured sources plus expected web pages).</param>
/// <param name="SegmentMaxCharacters">Characters per speech segment.</param>
public sealed record QuoteBasis(long SourceCharacters, int SegmentMaxCharacters);

/// <summary>
/// Prices an episode before it starts, per stage, twice: expected (<see cref="ExpectedTokens"/>: one pass through the
/// quality gate, answers of their usual size) and high (<see cref="ICostEstimator"/>'s per-call budget estimates, at
/// the output caps, for every revision the request allows). The high figure is what the budget checks use, so a start
/// bound to it never stops over budget on an estimate the quote did not already contain. The polish pass is priced
/// from the writer the episode will use: a writer with no polish pass (offline) makes it a skip, as the run records it.
/// </summary>
public sealed class QuoteCalculator(PriceTable prices, QuoteModels models, ICostEstimator estimator, IScriptAgent writer)
{
    /// <summary>Why the polish stage is skipped when the request turns it off, as <see cref="PolishStage"/> records it.</summary>
    public const string PolishNotRequested = "not requested (polish: false)";

    /// <summary>Lower edge of the expected band, as a share of the expected figure (the calibration target is 0.75-1.25).</summary>
    public const decimal LowShare = 0.75m;

    /// <summary>Characters per spoken word of script, as <see cref="PricedCostEstimator"/> counts them.</summary>
    const int SpokenCharactersPerWord = 6;

    /// <summary>The per-stage figures, totals and assumptions for <paramref name="request"/> (its research mode resolved).</summary>
    public (IReadOnlyList<QuoteStage> Stages, decimal TotalUsd, decimal LowUsd, decimal HighUsd, QuoteAssumptions Assumptions) Compute(EpisodeRequest request, QuoteBasis basis)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(basis);
        EpisodePlan plan = EpisodePlanner.Plan(request);
        CostEstimates high = estimator.Estimate(request, basis.SourceCharacters);
        int words = TextStats.TargetWords(request.TargetMinutes);
        int maxWords = (int)Math.Ceiling(words * 1.25);
        long scriptTokens = ExpectedTokens.Script(words);
        int passes = 1 + plan.MaxRevisions;
        long spoken = (long)words * SpokenCharactersPerWord;
        int segments = (int)Math.Max(1, (spoken + basis.SegmentMaxCharacters - 1) / Math.Max(1, basis.SegmentMaxCharacters));

        var stages = new List<QuoteStage>
        {
            new(Stages.Research, plan.Angles.Count, plan.Angles.Count,
                plan.Angles.Count * Text((ExpectedTokens.ResearchPromptCharacters + basis.SourceCharacters) / ExpectedTokens.CharactersPerToken, ExpectedTokens.ResearchOutput),
                plan.Angles.Count * high.ResearchCallUsd),
            new(Stages.Script, 1, passes, Text(ExpectedTokens.ScriptPrompt, scriptTokens), passes * high.ScriptCallUsd),
            new(Stages.Review, 1, passes, Text(ExpectedTokens.ReviewPromptBesidesScript + scriptTokens, ExpectedTokens.Review(words)), passes * high.ReviewCallUsd),
            Polish(plan, high, words, scriptTokens),
        };
        if (plan.RunSocial)
        {
            stages.Add(new(Stages.Social, 1, 1, Text(ExpectedTokens.SocialPromptBesidesScript + scriptTokens, ExpectedTokens.SocialOutput), high.SocialCallUsd));
        }

        if (plan.RunAudio)
        {
            stages.Add(new(Stages.Audio, segments, (int)Math.Max(1, (maxWords * (long)SpokenCharactersPerWord) / Math.Max(1, basis.SegmentMaxCharacters) + 1),
                Round(Speech(spoken)), Round(high.Speech((long)maxWords * SpokenCharactersPerWord))));
        }

        decimal total = stages.Sum(s => s.ExpectedUsd);
        ModelPrice? text = models.TextModel is null ? null : prices.Find(models.TextModel);
        ModelPrice? speech = models.SpeechModel is null ? null : prices.Find(models.SpeechModel);
        var assumptions = new QuoteAssumptions(models.TextModel, models.SpeechModel, text?.InputPerMillionTokens ?? 0m, text?.OutputPerMillionTokens ?? 0m,
            speech?.PerMillionCharacters ?? 0m, words, maxWords, segments, basis.SourceCharacters, plan.Angles.Count, plan.MaxRevisions);
        return (stages, total, Round(total * LowShare), stages.Sum(s => s.HighUsd), assumptions);
    }

    // Two calls when it runs: the writer reads the passed script with the notes and writes it again, then the judge
    // fact-checks the rewrite as it did the draft. High is what the stage's budget check reserves (one script, one review).
    QuoteStage Polish(EpisodePlan plan, CostEstimates high, int words, long scriptTokens)
    {
        string? skipped = !plan.RunPolish ? PolishNotRequested : writer.NoPolishReason;
        if (skipped is not null)
        {
            return new(Stages.Polish, 0, 0, 0m, 0m, skipped);
        }

        decimal expected = Text(ExpectedTokens.PolishPromptBesidesScript + scriptTokens, scriptTokens)
            + Text(ExpectedTokens.ReviewPromptBesidesScript + scriptTokens, ExpectedTokens.Review(words));
        return new(Stages.Polish, 2, 2, expected, high.ScriptCallUsd + high.ReviewCallUsd);
    }

    decimal Text(long inputTokens, long outputTokens) =>
        models.TextModel is null ? 0m : Round(prices.Text(models.TextModel, inputTokens, outputTokens));

    decimal Speech(long characters) => models.SpeechModel is null ? 0m : prices.Speech(models.SpeechModel, characters);

    static decimal Round(decimal usd) => Math.Round(usd, 6, MidpointRounding.ToPositiveInfinity);
}
