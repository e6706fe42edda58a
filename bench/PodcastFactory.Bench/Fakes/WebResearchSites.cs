using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace PodcastFactory.Bench.Fakes;

/// <summary>
/// A SearXNG-shaped search server and one page site per page (each its own port, so each is its own domain), all on
/// 127.0.0.1, with injected latencies: every search answers after <c>searchMs</c>, page i after <c>pageMs[i]</c>.
/// </summary>
public sealed class WebResearchSites : IAsyncDisposable
{
    readonly List<WebApplication> _apps = [];

    /// <summary>The search server's base URL (Search:Endpoint).</summary>
    public Uri SearchEndpoint { get; private set; } = null!;

    /// <summary>Starts the search server and the page sites.</summary>
    public static async Task<WebResearchSites> StartAsync(int searchMs, IReadOnlyList<int> pageMs, string pageText)
    {
        var sites = new WebResearchSites();
        var pageUrls = new List<string>();
        for (int i = 0; i < pageMs.Count; i++)
        {
            int delay = pageMs[i];
            string html = $"<html><head><title>Page {i + 1}</title></head><body><article>{string.Concat(pageText.Split("\n\n").Select(p => $"<p>{System.Net.WebUtility.HtmlEncode(p)}</p>"))}</article></body></html>";
            Uri root = await sites.StartAppAsync(app => app.MapGet("/page", async (HttpContext c) =>
            {
                await Task.Delay(delay, c.RequestAborted);
                return Results.Content(html, "text/html");
            }));
            pageUrls.Add(new Uri(root, "page").ToString());
        }

        sites.SearchEndpoint = await sites.StartAppAsync(app => app.MapGet("/search", async (HttpContext c) =>
        {
            await Task.Delay(searchMs, c.RequestAborted);
            var results = new JsonArray(pageUrls.Select((u, i) => (JsonNode)new JsonObject { ["url"] = u, ["title"] = "Page " + (i + 1).ToString(CultureInfo.InvariantCulture), ["content"] = "" }).ToArray());
            return Results.Content(new JsonObject { ["query"] = c.Request.Query["q"].ToString(), ["results"] = results }.ToJsonString(), "application/json");
        }));
        return sites;
    }

    async Task<Uri> StartAppAsync(Action<WebApplication> map)
    {
        (WebApplication app, Uri root) = await LoopbackApp.StartAsync(map);
        _apps.Add(app);
        return root;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (WebApplication app in _apps)
        {
            await app.DisposeAsync();
        }
    }
}
