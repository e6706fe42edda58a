using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace PodcastFactory.Core.Configuration;

/// <summary>
/// How one text agent samples the model: its temperature (a creative writer high, a deterministic judge at 0) and the
/// most output tokens a call may take. Sections <c>TextModel:Writer</c>, <c>TextModel:Judge</c>,
/// <c>TextModel:Researcher</c>, <c>TextModel:SocialWriter</c>.
/// </summary>
public sealed class AgentSamplingOptions
{
    /// <summary>Sampling temperature 0..2; unset: the model's default. Not sent at all while <see cref="TextModelOptions.SendTemperature"/> is false.</summary>
    public double? Temperature { get; set; }

    /// <summary>
    /// Output tokens a call may take (sent as <c>max_completion_tokens</c>); unset: the call's own cap, sized to what it
    /// asks for. Raise it for reasoning models, whose hidden reasoning counts against the same cap.
    /// </summary>
    public int? MaxOutputTokens { get; set; }

    /// <summary>Out-of-range values, each naming the setting.</summary>
    internal IEnumerable<ValidationResult> Validate(string section)
    {
        if (Temperature is { } t && (double.IsNaN(t) || t < 0 || t > 2))
        {
            yield return new ValidationResult(string.Create(CultureInfo.InvariantCulture, $"{section}:Temperature must be between 0 and 2 (got {t})."), ["Temperature"]);
        }

        if (MaxOutputTokens is { } m && (m < 16 || m > 128_000))
        {
            yield return new ValidationResult(string.Create(CultureInfo.InvariantCulture, $"{section}:MaxOutputTokens must be between 16 and 128000 (got {m})."), ["MaxOutputTokens"]);
        }
    }
}
