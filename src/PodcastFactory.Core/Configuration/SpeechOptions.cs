using System.ComponentModel.DataAnnotations;

namespace PodcastFactory.Core.Configuration;

/// <summary>The speech provider. Section <c>Speech</c>.</summary>
public sealed class SpeechOptions : IValidatableObject
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Speech";

    /// <summary><c>Offline</c> (default: flite for <c>flite:</c> voices, espeak-ng for the others), <c>AzureOpenAI</c> or <c>OpenAICompatible</c>.</summary>
    public ModelProviderKind Provider { get; set; } = ModelProviderKind.Offline;

    /// <summary>Azure OpenAI endpoint or OpenAI-compatible base URL.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>Azure OpenAI speech deployment (e.g. a tts or gpt-4o-mini-tts deployment).</summary>
    public string? Deployment { get; set; }

    /// <summary>Azure OpenAI REST api-version of the speech call (AzureOpenAI).</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Speech:ApiVersion must not be empty.")]
    public string ApiVersion { get; set; } = "2025-03-01-preview";

    /// <summary>Speech model (required for OpenAICompatible, e.g. tts-1); on Azure the deployment's model name, used for prices.</summary>
    public string? Model { get; set; }

    /// <summary>API key; omit for Entra ID on Azure OpenAI.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Client id of a user-assigned managed identity, when one is used.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>Per-request timeout in seconds.</summary>
    [Range(5, 600, ErrorMessage = "Speech:TimeoutSeconds must be between 5 and 600.")]
    public int TimeoutSeconds { get; set; } = 120;

    /// <summary>Retries inside one activity attempt for 429/5xx.</summary>
    [Range(0, 5, ErrorMessage = "Speech:MaxRetries must be between 0 and 5.")]
    public int MaxRetries { get; set; } = 2;

    /// <summary>Largest segment sent in one call (OpenAI accepts 4096 characters).</summary>
    [Range(100, 4096, ErrorMessage = "Speech:MaxInputCharacters must be between 100 and 4096.")]
    public int MaxInputCharacters { get; set; } = 4000;

    /// <summary>Voice names a compatible speech server offers beyond OpenAI's (e.g. <c>Speech__Voices__0=af_bella</c>); requests may name them.</summary>
    public IList<string> Voices { get; } = [];

    /// <summary>Requests per minute the deployment allows; unset: learned from the answers' x-ratelimit-* headers.</summary>
    [Range(1, 1_000_000, ErrorMessage = "Speech:RequestsPerMinute must be between 1 and 1000000 (or unset to learn it from the provider's headers).")]
    public int? RequestsPerMinute { get; set; }

    /// <summary>
    /// Longest a call waits for its rate-limit turn inside an activity, in seconds; a longer wait fails the attempt as
    /// throttled and the workflow waits on a durable timer instead of holding a thread.
    /// </summary>
    [Range(1, 60, ErrorMessage = "Speech:RateLimitMaxWaitSeconds must be between 1 and 60.")]
    public int RateLimitMaxWaitSeconds { get; set; } = 10;

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        ProviderSettings.Validate(SectionName, Provider, Endpoint, Deployment, Model);
}
