using Azure.Core;
using Azure.Identity;

namespace PodcastFactory.Core.Providers.OpenAI;

/// <summary>Entra ID for Azure OpenAI when no API key is configured.</summary>
public static class AzureCredentials
{
    /// <summary>Token scope of Azure OpenAI (Cognitive Services).</summary>
    public const string CognitiveServicesScope = "https://cognitiveservices.azure.com/.default";

    /// <summary>
    /// <see cref="DefaultAzureCredential"/>: a managed identity in Azure (the user-assigned one named by
    /// <paramref name="managedIdentityClientId"/> when set), the developer's Azure CLI / Visual Studio sign-in locally.
    /// </summary>
    public static TokenCredential Create(string? managedIdentityClientId) =>
        new DefaultAzureCredential(new DefaultAzureCredentialOptions
        {
            ManagedIdentityClientId = string.IsNullOrWhiteSpace(managedIdentityClientId) ? null : managedIdentityClientId,
        });
}
