using PodcastFactory.Core.Costs;

namespace PodcastFactory.Core.Workflow.Quotes;

/// <summary>The priced models a quote assumes: the ones <see cref="ICostEstimator"/> prices (null = offline, free).</summary>
/// <param name="TextModel">Priced text model name.</param>
/// <param name="SpeechModel">Priced speech model name.</param>
public sealed record QuoteModels(string? TextModel, string? SpeechModel);
