using System.ComponentModel.DataAnnotations;

namespace PodcastFactory.Core.Configuration;

/// <summary>The chat model behind the text agents. Section <c>TextModel</c>.</summary>
public sealed class TextModelOptions : IValidatableObject
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "TextModel";

    /// <summary><c>Offline</c> (default), <c>AzureOpenAI</c> or <c>OpenAICompatible</c>.</summary>
    public ModelProviderKind Provider { get; set; } = ModelProviderKind.Offline;

    /// <summary>Azure OpenAI resource endpoint, or the base URL of an OpenAI-compatible server (e.g. http://localhost:11434/v1).</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>Azure OpenAI deployment name (AzureOpenAI).</summary>
    public string? Deployment { get; set; }

    /// <summary>Model name (required for OpenAICompatible); on Azure the deployment's model name, used to look up prices (default: the deployment name).</summary>
    public string? Model { get; set; }

    /// <summary>API key; omit for Entra ID (DefaultAzureCredential) on Azure OpenAI.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Client id of a user-assigned managed identity, when one is used.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>Per-request timeout in seconds.</summary>
    [Range(5, 600, ErrorMessage = "TextModel:TimeoutSeconds must be between 5 and 600.")]
    public int TimeoutSeconds { get; set; } = 120;

    /// <summary>Retries inside one activity attempt for 429/5xx (honouring Retry-After); durable retries come on top.</summary>
    [Range(0, 5, ErrorMessage = "TextModel:MaxRetries must be between 0 and 5.")]
    public int MaxRetries { get; set; } = 2;

    /// <summary>Requests per minute the deployment allows; unset: learned from the answers' x-ratelimit-* headers.</summary>
    [Range(1, 1_000_000, ErrorMessage = "TextModel:RequestsPerMinute must be between 1 and 1000000 (or unset to learn it from the provider's headers).")]
    public int? RequestsPerMinute { get; set; }

    /// <summary>Tokens per minute the deployment allows; unset: learned from the answers' x-ratelimit-* headers.</summary>
    [Range(1, 100_000_000, ErrorMessage = "TextModel:TokensPerMinute must be between 1 and 100000000 (or unset to learn it from the provider's headers).")]
    public int? TokensPerMinute { get; set; }

    /// <summary>
    /// Longest a call waits for its rate-limit turn inside an activity, in seconds; a longer wait fails the attempt as
    /// throttled and the workflow waits on a durable timer instead of holding a thread.
    /// </summary>
    [Range(1, 60, ErrorMessage = "TextModel:RateLimitMaxWaitSeconds must be between 1 and 60.")]
    public int RateLimitMaxWaitSeconds { get; set; } = 10;

    /// <summary>
    /// Whether calls carry a temperature at all: set false for models that refuse one (reasoning models such as o1, o3,
    /// o4-mini or gpt-5), and every agent's <see cref="AgentSamplingOptions.Temperature"/> is left out of the request.
    /// </summary>
    public bool SendTemperature { get; set; } = true;

    /// <summary>The script writer (draft, revisions and the polish pass): creative, so sampled warmer.</summary>
    public AgentSamplingOptions Writer { get; set; } = new() { Temperature = 0.8 };

    /// <summary>The quality judge and fact-checker: deterministic, so the same script gets the same verdict.</summary>
    public AgentSamplingOptions Judge { get; set; } = new() { Temperature = 0 };

    /// <summary>The research agent and its search queries: close to the sources.</summary>
    public AgentSamplingOptions Researcher { get; set; } = new() { Temperature = 0.2 };

    /// <summary>The social-media writer.</summary>
    public AgentSamplingOptions SocialWriter { get; set; } = new() { Temperature = 0.7 };

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        ProviderSettings.Validate(SectionName, Provider, Endpoint, Deployment, Model)
            .Concat((Writer ?? new()).Validate(SectionName + ":Writer"))
            .Concat((Judge ?? new()).Validate(SectionName + ":Judge"))
            .Concat((Researcher ?? new()).Validate(SectionName + ":Researcher"))
            .Concat((SocialWriter ?? new()).Validate(SectionName + ":SocialWriter"));
}

/// <summary>Model provider kinds shared by text and speech.</summary>
public enum ModelProviderKind
{
    /// <summary>Offline agents (text) or local speech (flite, espeak-ng for voices that are not flite's).</summary>
    Offline,
    /// <summary>Azure OpenAI via Azure.AI.OpenAI (key or Entra ID).</summary>
    AzureOpenAI,
    /// <summary>Any OpenAI-compatible endpoint (OpenAI, Ollama, vLLM, LM Studio).</summary>
    OpenAICompatible,
    /// <summary>Azure AI Speech text to speech over its REST API (speech only).</summary>
    AzureSpeech,
    /// <summary>ElevenLabs text to speech over its REST API (speech only).</summary>
    ElevenLabs,
}

/// <summary>Shared validation of provider settings.</summary>
internal static class ProviderSettings
{
    public static IEnumerable<ValidationResult> Validate(string section, ModelProviderKind provider, Uri? endpoint, string? deployment, string? model)
    {
        if (provider == ModelProviderKind.Offline)
        {
            yield break;
        }

        if (provider is ModelProviderKind.AzureSpeech or ModelProviderKind.ElevenLabs && section != SpeechOptions.SectionName)
        {
            // Speech services cannot write a script: only the Speech section may name them.
            yield return new ValidationResult($"{section}:Provider {provider} is a speech provider; use Offline, AzureOpenAI or OpenAICompatible.", ["Provider"]);
            yield break;
        }

        if (provider == ModelProviderKind.ElevenLabs && endpoint is null)
        {
            // ElevenLabs has one public endpoint (SpeechOptions.ElevenLabsEndpoint); a setting only redirects it.
            yield break;
        }

        if (endpoint is null || !endpoint.IsAbsoluteUri || endpoint.Scheme is not ("http" or "https"))
        {
            yield return new ValidationResult($"{section}:Endpoint must be an absolute http(s) URL when {section}:Provider is {provider}.", ["Endpoint"]);
        }

        if (provider == ModelProviderKind.AzureOpenAI && string.IsNullOrWhiteSpace(deployment))
        {
            yield return new ValidationResult($"{section}:Deployment is required when {section}:Provider is AzureOpenAI.", ["Deployment"]);
        }

        if (provider == ModelProviderKind.OpenAICompatible && string.IsNullOrWhiteSpace(model))
        {
            yield return new ValidationResult($"{section}:Model is required when {section}:Provider is OpenAICompatible.", ["Model"]);
        }
    }
}
