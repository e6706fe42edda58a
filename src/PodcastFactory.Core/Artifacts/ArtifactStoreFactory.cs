using Azure.Identity;
using Azure.Storage.Blobs;
using PodcastFactory.Core.Configuration;

namespace PodcastFactory.Core.Artifacts;

/// <summary>Creates the configured artifact store.</summary>
public static class ArtifactStoreFactory
{
    /// <summary>Creates the store for <paramref name="options"/>.</summary>
    public static IArtifactStore Create(ArtifactStoreOptions options) => options.Provider switch
    {
        ArtifactStoreKind.FileSystem => new FileSystemArtifactStore(options.RootPath),
        ArtifactStoreKind.Blob => new BlobArtifactStore(CreateContainerClient(options)),
        _ => throw new NotSupportedException($"Artifacts:Provider '{options.Provider}' is not available in this build."),
    };

    /// <summary>
    /// The blob container for <paramref name="options"/>: from the connection string when one is set (Azurite,
    /// shared key), otherwise from <see cref="ArtifactStoreOptions.BlobServiceUri"/> with Entra ID
    /// (DefaultAzureCredential, pinned to the user-assigned managed identity when its client id is set).
    /// </summary>
    public static BlobContainerClient CreateContainerClient(ArtifactStoreOptions options)
    {
        var clientOptions = new BlobClientOptions();
        clientOptions.Retry.MaxRetries = 3;
        clientOptions.Retry.NetworkTimeout = TimeSpan.FromSeconds(100);
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return new BlobServiceClient(options.ConnectionString, clientOptions).GetBlobContainerClient(options.ContainerName);
        }

        if (options.BlobServiceUri is null)
        {
            throw new InvalidOperationException("Artifacts:Provider is Blob but neither Artifacts:ConnectionString nor Artifacts:BlobServiceUri is set.");
        }

        var credential = new DefaultAzureCredential(new DefaultAzureCredentialOptions
        {
            ManagedIdentityClientId = string.IsNullOrWhiteSpace(options.ManagedIdentityClientId) ? null : options.ManagedIdentityClientId,
        });
        return new BlobServiceClient(options.BlobServiceUri, credential, clientOptions).GetBlobContainerClient(options.ContainerName);
    }
}
