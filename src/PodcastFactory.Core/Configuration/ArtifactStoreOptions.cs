using System.ComponentModel.DataAnnotations;

namespace PodcastFactory.Core.Configuration;

/// <summary>Where artifacts are stored. Section <c>Artifacts</c>.</summary>
public sealed class ArtifactStoreOptions : IValidatableObject
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Artifacts";

    /// <summary><c>FileSystem</c> (default) or <c>Blob</c>.</summary>
    public ArtifactStoreKind Provider { get; set; } = ArtifactStoreKind.FileSystem;

    /// <summary>Root folder of the file-system store (default <c>episodes</c>).</summary>
    public string RootPath { get; set; } = "episodes";

    /// <summary>Blob container name (default <c>episodes</c>).</summary>
    [RegularExpression("^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$", ErrorMessage = "Artifacts:ContainerName must be a valid blob container name (3-63 lower-case letters, digits, hyphens).")]
    public string ContainerName { get; set; } = "episodes";

    /// <summary>Blob connection string (Azurite: <c>UseDevelopmentStorage=true</c>); alternative to <see cref="BlobServiceUri"/>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Blob service URL for Entra ID (DefaultAzureCredential), e.g. https://acct.blob.core.windows.net.</summary>
    public Uri? BlobServiceUri { get; set; }

    /// <summary>Client id of a user-assigned managed identity, when one is used.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider == ArtifactStoreKind.Blob && string.IsNullOrWhiteSpace(ConnectionString) && BlobServiceUri is null)
        {
            yield return new ValidationResult(
                "Artifacts:Provider is Blob but neither Artifacts:ConnectionString nor Artifacts:BlobServiceUri is set.",
                [nameof(ConnectionString), nameof(BlobServiceUri)]);
        }

        if (Provider == ArtifactStoreKind.FileSystem && string.IsNullOrWhiteSpace(RootPath))
        {
            yield return new ValidationResult("Artifacts:RootPath must be set for the FileSystem store.", [nameof(RootPath)]);
        }
    }
}

/// <summary>Artifact store implementations.</summary>
public enum ArtifactStoreKind
{
    /// <summary>Local folder.</summary>
    FileSystem,
    /// <summary>Azure Blob Storage (or Azurite).</summary>
    Blob,
}
