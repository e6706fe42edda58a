using System.Text.Json;

namespace PodcastFactory.FunctionsHost.Durable;

/// <summary>
/// The value the durable extension binds to a <c>[DurableClient]</c> parameter in the isolated model: where the
/// worker's gRPC client finds the backend. Without <c>maxGrpcMessageSizeInBytes</c> every client call fails with
/// ResourceExhausted.
/// </summary>
internal static class DurableClientBinding
{
    public static string Json(string taskHub, string rpcBaseUrl, Uri httpBaseUrl) => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["taskHubName"] = taskHub,
        ["connectionName"] = "Storage",
        ["rpcBaseUrl"] = rpcBaseUrl,
        ["requiredQueryStringParameters"] = "",
        ["httpBaseUrl"] = new Uri(httpBaseUrl, "runtime/webhooks/durabletask").ToString(),
        ["maxGrpcMessageSizeInBytes"] = int.MaxValue,
    });
}
