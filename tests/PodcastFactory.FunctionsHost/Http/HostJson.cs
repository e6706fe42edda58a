using System.Text.Json;

namespace PodcastFactory.FunctionsHost.Http;

/// <summary>The parts of the app's host.json the test host honours.</summary>
internal static class HostJson
{
    /// <summary><c>extensions.http.routePrefix</c>, default <c>api</c>.</summary>
    public static string RoutePrefix(string appDirectory)
    {
        string path = Path.Combine(appDirectory, "host.json");
        if (!File.Exists(path))
        {
            return "api";
        }

        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        return document.RootElement.TryGetProperty("extensions", out JsonElement extensions)
            && extensions.TryGetProperty("http", out JsonElement http)
            && http.TryGetProperty("routePrefix", out JsonElement prefix)
            ? prefix.GetString() ?? ""
            : "api";
    }
}
