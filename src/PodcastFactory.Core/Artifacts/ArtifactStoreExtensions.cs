using PodcastFactory.Core.Models;
using System.Text;
using System.Text.Json;

namespace PodcastFactory.Core.Artifacts;

/// <summary>Typed reads and writes over <see cref="IArtifactStore"/>.</summary>
public static class ArtifactStoreExtensions
{
    /// <summary>Serializes <paramref name="value"/> as JSON and writes it.</summary>
    public static async Task<ArtifactInfo> WriteJsonAsync<T>(this IArtifactStore store, string name, T value, string? inputHash, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await JsonSerializer.SerializeAsync(buffer, value, PodcastJson.Options, cancellationToken);
        buffer.Position = 0;
        return await store.WriteAsync(name, buffer, ContentTypes.Json, inputHash, cancellationToken);
    }

    /// <summary>
    /// Creates a JSON artifact only if its name is free (see <see cref="IArtifactStore.TryCreateAsync"/>): of concurrent
    /// callers exactly one gets true.
    /// </summary>
    public static async Task<bool> TryCreateJsonAsync<T>(this IArtifactStore store, string name, T value, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        using var content = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(value, PodcastJson.Options));
        return await store.TryCreateAsync(name, content, ContentTypes.Json, cancellationToken);
    }

    /// <summary>Reads and deserializes a JSON artifact; throws <see cref="InvalidDataException"/> when it is not valid.</summary>
    public static async Task<T> ReadJsonAsync<T>(this IArtifactStore store, string name, CancellationToken cancellationToken)
    {
        await using Stream stream = await store.OpenReadAsync(name, cancellationToken);
        try
        {
            return await JsonSerializer.DeserializeAsync<T>(stream, PodcastJson.Options, cancellationToken)
                ?? throw new InvalidDataException($"Artifact '{name}' holds JSON null.");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"Artifact '{name}' is not valid {typeof(T).Name} JSON: {ex.Message}", ex);
        }
    }

    /// <summary>Reads a JSON artifact that may not exist (yet): null when it does not; <see cref="InvalidDataException"/> when it is not valid.</summary>
    public static async Task<T?> ReadJsonIfExistsAsync<T>(this IArtifactStore store, string name, CancellationToken cancellationToken)
        where T : class =>
        await store.GetInfoAsync(name, cancellationToken) is null ? null : await store.ReadJsonAsync<T>(name, cancellationToken);

    /// <summary>Writes UTF-8 text.</summary>
    public static async Task<ArtifactInfo> WriteTextAsync(this IArtifactStore store, string name, string text, string? inputHash, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream(Encoding.UTF8.GetBytes(text));
        return await store.WriteAsync(name, buffer, ContentTypes.ForName(name), inputHash, cancellationToken);
    }

    /// <summary>Reads UTF-8 text.</summary>
    public static async Task<string> ReadTextAsync(this IArtifactStore store, string name, CancellationToken cancellationToken)
    {
        await using Stream stream = await store.OpenReadAsync(name, cancellationToken);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await reader.ReadToEndAsync(cancellationToken);
    }

    /// <summary>True when the artifact exists and was produced from the same input hash.</summary>
    public static async Task<bool> IsUpToDateAsync(this IArtifactStore store, string name, string inputHash, CancellationToken cancellationToken) =>
        await store.GetInfoAsync(name, cancellationToken) is { InputHash: { } stored } && stored == inputHash;
}
