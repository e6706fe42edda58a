using System.ClientModel;
using System.ClientModel.Primitives;
using Azure.AI.OpenAI;
using Microsoft.Extensions.AI;
using OpenAI;
using PodcastFactory.Core.Configuration;

namespace PodcastFactory.Core.Providers.OpenAI;

/// <summary>
/// Builds the <see cref="IChatClient"/> of the text agents: Azure OpenAI (endpoint + deployment, API key or Entra ID)
/// or any OpenAI-compatible base URL (model, optional key). Requests go through the given <see cref="HttpClient"/>, whose
/// resilience pipeline (<see cref="Resilience.ProviderResilience"/>) is the only retry loop: the SDK's retry policy is set to zero retries.
/// </summary>
public static class ChatClientFactory
{
    /// <summary>Creates the chat client for validated <paramref name="options"/>.</summary>
    /// <exception cref="InvalidOperationException">The provider is Offline.</exception>
    public static IChatClient Create(TextModelOptions options, HttpClient httpClient)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(httpClient);
        Uri endpoint = options.Endpoint ?? throw new InvalidOperationException("TextModel:Endpoint is required.");
        var transport = new HttpClientPipelineTransport(httpClient);
        // Never shorter than the pipeline's own total timeout, so the SDK does not cut its retries short.
        TimeSpan budget = ProviderHttpClients.Policy(ProviderHttpClients.ProviderName(options.Provider), options.MaxRetries, options.TimeoutSeconds,
            new RateLimiting.RateLimitSettings(null, null, TimeSpan.FromSeconds(options.RateLimitMaxWaitSeconds)), ProviderHttpClients.TextModel).CallBudget;
        switch (options.Provider)
        {
            case ModelProviderKind.AzureOpenAI:
                var azureOptions = new AzureOpenAIClientOptions
                {
                    RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
                    NetworkTimeout = budget,
                    Transport = transport,
                };
                AzureOpenAIClient azure = string.IsNullOrWhiteSpace(options.ApiKey)
                    ? new AzureOpenAIClient(endpoint, AzureCredentials.Create(options.ManagedIdentityClientId), azureOptions)
                    : new AzureOpenAIClient(endpoint, new ApiKeyCredential(options.ApiKey), azureOptions);
                return azure.GetChatClient(options.Deployment).AsIChatClient();

            case ModelProviderKind.OpenAICompatible:
                var openAiOptions = new OpenAIClientOptions
                {
                    Endpoint = endpoint,
                    RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
                    NetworkTimeout = budget,
                    Transport = transport,
                };

                // Local servers (Ollama, vLLM, LM Studio) take no key, but the SDK requires one: it is sent and ignored.
                var key = new ApiKeyCredential(string.IsNullOrWhiteSpace(options.ApiKey) ? "unused" : options.ApiKey);
                return new OpenAIClient(key, openAiOptions).GetChatClient(options.Model).AsIChatClient();

            default:
                throw new InvalidOperationException("TextModel:Provider is Offline: there is no chat client to build.");
        }
    }

    /// <summary>The model name used for prices and the ledger: Model when set, else the Azure deployment name.</summary>
    public static string PricedModel(string? model, string? deployment) =>
        !string.IsNullOrWhiteSpace(model) ? model.Trim() : deployment?.Trim() ?? "unknown";
}
