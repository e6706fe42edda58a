using Azure;
using Azure.Storage.Blobs;

namespace PodcastFactory.Local.Backends;

/// <summary>Checks, quickly, that an Azure Storage account (or Azurite) answers before anything is started on it.</summary>
public static class StorageProbe
{
    /// <summary>How to start Azurite, for messages.</summary>
    public const string StartAzuriteHint =
        "Start Azurite with: npx azurite --location .azurite --silent --skipApiVersionCheck --loose (or: npm ci && npm run azurite), "
        + "or point --connection-string (or AZURITE_CONNECTION_STRING) at a running one.";

    /// <summary>Returns null when the blob service answers, otherwise a message that says what to do.</summary>
    public static async Task<string?> CheckAsync(string connectionString, bool isAzurite, CancellationToken cancellationToken)
    {
        BlobServiceClient client;
        try
        {
            var options = new BlobClientOptions();
            options.Retry.MaxRetries = 0;
            options.Retry.NetworkTimeout = TimeSpan.FromSeconds(3);
            client = new BlobServiceClient(connectionString, options);
        }
        catch (FormatException ex)
        {
            return $"The storage connection string is not valid: {ex.Message}";
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(5));
        try
        {
            await client.GetPropertiesAsync(timeout.Token);
            return null;
        }
        catch (RequestFailedException ex) when (ex.Status is 401 or 403)
        {
            return $"Azure Storage at {client.Uri} refused the credentials ({ex.Status} {ex.ErrorCode}). Check the connection string.";
        }
        catch (RequestFailedException ex) when (ex.Status > 0)
        {
            return null; // It answered; the request itself is not what we came to test.
        }
        catch (Exception ex) when (ex is RequestFailedException or HttpRequestException or OperationCanceledException or AggregateException && !cancellationToken.IsCancellationRequested)
        {
            return isAzurite
                ? $"No Azure Storage answered at {client.Uri}. {StartAzuriteHint}"
                : $"No Azure Storage answered at {client.Uri}. Check the account name, the network and the connection string.";
        }
    }
}
