using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PodcastFactory.Core.Diagnostics;
using PodcastFactory.Core.Configuration;

namespace PodcastFactory.Core.Costs;

/// <summary>
/// Turns usage into USD from <see cref="PricingOptions"/>. A model without a price costs 0 and is logged once as a
/// warning, so a local model (Ollama) is free and a missing price for a paid one is visible.
/// </summary>
public sealed partial class PriceTable(IOptions<PricingOptions> options, ILogger<PriceTable> logger)
{
    readonly Dictionary<string, ModelPrice> _prices = new(options.Value.Models, StringComparer.OrdinalIgnoreCase);
    readonly ConcurrentDictionary<string, bool> _warned = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Cost of a chat call.</summary>
    public decimal Text(string model, long inputTokens, long outputTokens) =>
        Find(model) is { } price
            ? ((price.InputPerMillionTokens * inputTokens) + (price.OutputPerMillionTokens * outputTokens)) / 1_000_000m
            : 0m;

    /// <summary>Cost of speaking <paramref name="characters"/> characters.</summary>
    public decimal Speech(string model, long characters) =>
        Find(model) is { } price ? price.PerMillionCharacters * characters / 1_000_000m : 0m;

    /// <summary>The price of <paramref name="model"/>, or null (and one warning) when the table has none.</summary>
    public ModelPrice? Find(string model)
    {
        if (_prices.TryGetValue(model, out ModelPrice? price) && price is not null)
        {
            return price;
        }

        if (_warned.TryAdd(model, true))
        {
            Logs.UnknownModelPrice(logger, model);
        }

        return null;
    }
}
