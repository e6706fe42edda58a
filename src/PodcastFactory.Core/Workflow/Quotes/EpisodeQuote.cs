using PodcastFactory.Core.Costs;

namespace PodcastFactory.Core.Workflow.Quotes;

/// <summary>One stage of a quote.</summary>
/// <param name="Stage">research, script, review, polish, social or audio.</param>
/// <param name="Calls">Calls expected (one per angle, one script, one review, one post; audio: one per segment is not counted, speech is priced by character).</param>
/// <param name="MaxCalls">Calls the stage may make at most (every revision used).</param>
/// <param name="ExpectedUsd">Expected cost, from <see cref="ExpectedTokens"/>.</param>
/// <param name="HighUsd">Most it may cost: <see cref="MaxCalls"/> at the budget estimate (<see cref="PricedCostEstimator"/>).</param>
/// <param name="Skipped">Why the stage will be skipped (no calls, nothing paid), as the episode's stage record will say; null when it runs.</param>
public sealed record QuoteStage(string Stage, int Calls, int MaxCalls, decimal ExpectedUsd, decimal HighUsd, string? Skipped = null);

/// <summary>What a quote assumed, so a caller can see why it says what it says.</summary>
/// <param name="TextModel">Priced text model, or null when text is offline (free).</param>
/// <param name="SpeechModel">Priced speech model, or null when speech is offline (free).</param>
/// <param name="InputPerMillionTokens">Text input price (USD).</param>
/// <param name="OutputPerMillionTokens">Text output price (USD).</param>
/// <param name="SpeechPerMillionCharacters">Speech price (USD).</param>
/// <param name="Words">Script words expected (the target length).</param>
/// <param name="MaxWords">Most script words the writer may deliver (the upper tolerance).</param>
/// <param name="Segments">Speech segments expected.</param>
/// <param name="SourceCharacters">Characters each research call carries (captured sources plus expected web pages).</param>
/// <param name="Angles">Research angles.</param>
/// <param name="MaxRevisions">Revisions the high figure allows for.</param>
public sealed record QuoteAssumptions(
    string? TextModel,
    string? SpeechModel,
    decimal InputPerMillionTokens,
    decimal OutputPerMillionTokens,
    decimal SpeechPerMillionCharacters,
    int Words,
    int MaxWords,
    int Segments,
    long SourceCharacters,
    int Angles,
    int MaxRevisions);

/// <summary>
/// A stored quote: the expected cost (<see cref="TotalUsd"/>), its band (<see cref="LowUsd"/>-<see cref="TotalUsd"/>),
/// and the most the episode may cost (<see cref="HighUsd"/>), which becomes the budget of a start that carries the quote.
/// </summary>
/// <param name="QuoteId">Id to pass as <c>quoteId</c> when starting.</param>
/// <param name="RequestHash">Hash of the request quoted: a start with another request may not use the quote.</param>
/// <param name="CreatedAt">When it was made.</param>
/// <param name="ExpiresAt">After this a start may not use it (prices and sources may have changed).</param>
/// <param name="Stages">Per stage.</param>
/// <param name="TotalUsd">Expected cost.</param>
/// <param name="LowUsd">Lower edge of the expected band.</param>
/// <param name="HighUsd">Upper bound: the budget a start with this quote runs under.</param>
/// <param name="Assumptions">What the figures assumed.</param>
public sealed record EpisodeQuote(
    string QuoteId,
    string RequestHash,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    IReadOnlyList<QuoteStage> Stages,
    decimal TotalUsd,
    decimal LowUsd,
    decimal HighUsd,
    QuoteAssumptions Assumptions);
