using System.ComponentModel.DataAnnotations;

namespace PodcastFactory.Core.Configuration;

/// <summary>The speech provider. Section <c>Speech</c>.</summary>
public sealed class SpeechOptions : IValidatableObject
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Speech";

    /// <summary>ElevenLabs' public API, used when <c>Speech:Endpoint</c> is not set.</summary>
    public static readonly Uri ElevenLabsEndpoint = new("https://api.elevenlabs.io/");

    /// <summary>Price entry of Azure AI Speech when <c>Speech:Model</c> is not set (neural voices).</summary>
    public const string AzureSpeechDefaultModel = "azure-speech-neural";

    /// <summary>ElevenLabs <c>model_id</c> when <c>Speech:Model</c> is not set.</summary>
    public const string ElevenLabsDefaultModel = "eleven_multilingual_v2";

    /// <summary>
    /// <c>Offline</c> (default: flite for <c>flite:</c> voices, espeak-ng for the others), <c>AzureOpenAI</c>, <c>OpenAICompatible</c>, <c>AzureSpeech</c> (Azure AI
    /// Speech REST, SSML) or <c>ElevenLabs</c>.
    /// </summary>
    public ModelProviderKind Provider { get; set; } = ModelProviderKind.Offline;

    /// <summary>
    /// Azure OpenAI endpoint, OpenAI-compatible base URL, the Azure AI Speech region's text-to-speech endpoint
    /// (<c>https://{region}.tts.speech.microsoft.com/</c>) or, optionally, an ElevenLabs API base URL.
    /// </summary>
    public Uri? Endpoint { get; set; }

    /// <summary>Azure OpenAI speech deployment (e.g. a tts or gpt-4o-mini-tts deployment).</summary>
    public string? Deployment { get; set; }

    /// <summary>Azure OpenAI REST api-version of the speech call (AzureOpenAI).</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Speech:ApiVersion must not be empty.")]
    public string ApiVersion { get; set; } = "2025-03-01-preview";

    /// <summary>
    /// Speech model (required for OpenAICompatible, e.g. tts-1); on Azure OpenAI the deployment's model name, used for
    /// prices; on ElevenLabs the <c>model_id</c> (default eleven_multilingual_v2); on Azure AI Speech only the price entry
    /// (default azure-speech-neural; azure-speech-hd for HD voices).
    /// </summary>
    public string? Model { get; set; }

    /// <summary>API key (Azure AI Speech: the resource key; ElevenLabs: <c>xi-api-key</c>); omit for Entra ID on Azure.</summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// Azure AI Speech resource id (<c>/subscriptions/.../providers/Microsoft.CognitiveServices/accounts/...</c>): with no
    /// API key, the managed identity's token is sent as <c>aad#{ResourceId}#{token}</c>, as the regional endpoint requires.
    /// </summary>
    public string? ResourceId { get; set; }

    /// <summary>ElevenLabs <c>voice_settings.stability</c> (0..1).</summary>
    [Range(0.0, 1.0, ErrorMessage = "Speech:Stability must be between 0 and 1.")]
    public double Stability { get; set; } = 0.5;

    /// <summary>ElevenLabs <c>voice_settings.similarity_boost</c> (0..1).</summary>
    [Range(0.0, 1.0, ErrorMessage = "Speech:SimilarityBoost must be between 0 and 1.")]
    public double SimilarityBoost { get; set; } = 0.75;

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

    /// <summary>The name the price table knows this provider's speech by (and ElevenLabs' <c>model_id</c>).</summary>
    public string PricedModel() => Provider switch
    {
        ModelProviderKind.AzureSpeech => string.IsNullOrWhiteSpace(Model) ? AzureSpeechDefaultModel : Model.Trim(),
        ModelProviderKind.ElevenLabs => string.IsNullOrWhiteSpace(Model) ? ElevenLabsDefaultModel : Model.Trim(),
        _ => !string.IsNullOrWhiteSpace(Model) ? Model.Trim() : Deployment?.Trim() ?? "unknown",
    };

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (ValidationResult result in ProviderSettings.Validate(SectionName, Provider, Endpoint, Deployment, Model))
        {
            yield return result;
        }

        if (Provider == ModelProviderKind.AzureSpeech && string.IsNullOrWhiteSpace(ApiKey) && string.IsNullOrWhiteSpace(ResourceId))
        {
            yield return new ValidationResult(
                "Speech:ApiKey or, for a managed identity, Speech:ResourceId is required when Speech:Provider is AzureSpeech.", [nameof(ApiKey)]);
        }

        if (Provider == ModelProviderKind.ElevenLabs && string.IsNullOrWhiteSpace(ApiKey))
        {
            yield return new ValidationResult("Speech:ApiKey (the xi-api-key) is required when Speech:Provider is ElevenLabs.", [nameof(ApiKey)]);
        }
    }
}
