using System.ComponentModel.DataAnnotations;

namespace PodcastFactory.Core.Configuration;

/// <summary>
/// Prices of the paid models, in USD. Section <c>Pricing</c>; an entry in configuration
/// (e.g. <c>Pricing__Models__gpt-4o-mini__OutputPerMillionTokens</c>) overrides or adds to the defaults.
/// </summary>
public sealed class PricingOptions : IValidatableObject
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Pricing";

    /// <summary>
    /// Price per model name (the TextModel/Speech <c>Model</c> setting, else the deployment name), case-insensitive.
    /// Defaults are Azure OpenAI global standard list prices; gpt-4o-mini-tts is billed per token and approximated
    /// per character (about $0.015 per spoken minute). Azure AI Speech is its pay-as-you-go real-time list price (neural
    /// $15, HD $30 per million characters); ElevenLabs its API list price per 1,000 characters (multilingual $0.10,
    /// flash/turbo $0.05), which plans with included credits undercut.
    /// </summary>
    public Dictionary<string, ModelPrice> Models { get; set; } = Defaults();

    /// <summary>The built-in price list.</summary>
    public static Dictionary<string, ModelPrice> Defaults() => new(StringComparer.OrdinalIgnoreCase)
    {
        ["gpt-4o-mini"] = new() { InputPerMillionTokens = 0.15m, OutputPerMillionTokens = 0.60m },
        ["gpt-4o"] = new() { InputPerMillionTokens = 2.50m, OutputPerMillionTokens = 10.00m },
        ["gpt-4.1"] = new() { InputPerMillionTokens = 2.00m, OutputPerMillionTokens = 8.00m },
        ["gpt-4.1-mini"] = new() { InputPerMillionTokens = 0.40m, OutputPerMillionTokens = 1.60m },
        ["tts-1"] = new() { PerMillionCharacters = 15.00m },
        ["tts-1-hd"] = new() { PerMillionCharacters = 30.00m },
        ["gpt-4o-mini-tts"] = new() { PerMillionCharacters = 15.00m },
        [SpeechOptions.AzureSpeechDefaultModel] = new() { PerMillionCharacters = 15.00m },
        ["azure-speech-hd"] = new() { PerMillionCharacters = 30.00m },
        [SpeechOptions.ElevenLabsDefaultModel] = new() { PerMillionCharacters = 100.00m },
        ["eleven_v3"] = new() { PerMillionCharacters = 100.00m },
        ["eleven_flash_v2_5"] = new() { PerMillionCharacters = 50.00m },
        ["eleven_turbo_v2_5"] = new() { PerMillionCharacters = 50.00m },
    };

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach ((string model, ModelPrice price) in Models)
        {
            if (price is null)
            {
                continue;
            }

            foreach ((string name, decimal value) in new[]
            {
                (nameof(ModelPrice.InputPerMillionTokens), price.InputPerMillionTokens),
                (nameof(ModelPrice.OutputPerMillionTokens), price.OutputPerMillionTokens),
                (nameof(ModelPrice.PerMillionCharacters), price.PerMillionCharacters),
            })
            {
                if (value < 0)
                {
                    yield return new ValidationResult($"{SectionName}:Models:{model}:{name} must not be negative.", [nameof(Models)]);
                }
            }
        }
    }
}

/// <summary>The price of one model in USD.</summary>
public sealed class ModelPrice
{
    /// <summary>USD per one million input (prompt) tokens.</summary>
    public decimal InputPerMillionTokens { get; set; }

    /// <summary>USD per one million output (completion) tokens.</summary>
    public decimal OutputPerMillionTokens { get; set; }

    /// <summary>USD per one million characters of speech input.</summary>
    public decimal PerMillionCharacters { get; set; }
}
