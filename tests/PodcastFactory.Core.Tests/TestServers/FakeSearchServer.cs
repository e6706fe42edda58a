using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace PodcastFactory.Core.Tests.TestServers;

/// <summary>
/// One loopback server speaking the four search APIs as they are documented: Tavily <c>POST /search</c> (Bearer key,
/// JSON body), Brave <c>GET /web/search</c> (<c>X-Subscription-Token</c>), SearXNG <c>GET /search?format=json</c> and
/// MediaWiki <c>GET /w/api.php?action=query&amp;list=search</c>, plus pages under <c>/pages/</c> and <c>/wiki/</c>.
/// Results point at <see cref="PageUrls"/>; queued faults (status + body) answer first; latencies can be injected.
/// </summary>
internal sealed class FakeSearchServer : IAsyncDisposable
{
    public const string Key = "search-key";

    readonly ConcurrentQueue<(int Status, string Body)> _faults = new();
    TestSite _site = null!;

    public ConcurrentQueue<(string Method, string Path, string Query, Dictionary<string, string> Headers, string Body)> Calls { get; } = new();

    /// <summary>Pages the search results point to (path under the server root) with their HTML.</summary>
    public Dictionary<string, string> Pages { get; } = new(StringComparer.Ordinal);

    /// <summary>Result URLs in the order they are returned (absolute URLs, may point elsewhere).</summary>
    public List<string> PageUrls { get; } = [];

    public TimeSpan SearchLatency { get; set; }

    public Func<string, TimeSpan> PageLatency { get; set; } = _ => TimeSpan.Zero;

    public Uri Root => _site.Root;

    public void Fail(int status, string body, int times = 1)
    {
        for (int i = 0; i < times; i++)
        {
            _faults.Enqueue((status, body));
        }
    }

    public static async Task<FakeSearchServer> StartAsync()
    {
        var server = new FakeSearchServer();
        server._site = await TestSite.StartAsync(app =>
        {
            app.MapPost("/search", server.TavilyAsync);
            app.MapGet("/web/search", server.BraveAsync);
            app.MapGet("/search", server.SearXngAsync);
            app.MapGet("/w/api.php", server.WikipediaAsync);
            app.MapGet("/pages/{name}", server.PageAsync);
            app.MapGet("/wiki/{name}", server.PageAsync);
        });
        return server;
    }

    async Task TavilyAsync(HttpContext c)
    {
        string body = await RecordAsync(c);
        if (await AuthorizeAsync(c, c.Request.Headers.Authorization == "Bearer " + Key) || await FaultAsync(c))
        {
            return;
        }

        JsonNode request = JsonNode.Parse(body)!;
        int max = (int?)request["max_results"] ?? 5;
        await JsonAsync(c, new JsonObject
        {
            ["query"] = (string?)request["query"],
            ["results"] = new JsonArray(PageUrls.Take(max).Select((u, i) => (JsonNode)new JsonObject { ["title"] = $"Result {i + 1}", ["url"] = u, ["content"] = "snippet", ["score"] = 0.9 }).ToArray()),
            ["response_time"] = 0.5,
        });
    }

    async Task BraveAsync(HttpContext c)
    {
        await RecordAsync(c);
        if (await AuthorizeAsync(c, c.Request.Headers["X-Subscription-Token"] == Key) || await FaultAsync(c))
        {
            return;
        }

        int count = int.Parse(c.Request.Query["count"].ToString() is { Length: > 0 } n ? n : "20", System.Globalization.CultureInfo.InvariantCulture);
        await JsonAsync(c, new JsonObject
        {
            ["type"] = "search",
            ["query"] = new JsonObject { ["original"] = c.Request.Query["q"].ToString() },
            ["web"] = new JsonObject
            {
                ["type"] = "search",
                ["results"] = new JsonArray(PageUrls.Take(count).Select((u, i) => (JsonNode)new JsonObject { ["title"] = $"Result {i + 1}", ["url"] = u, ["description"] = "a <strong>snippet</strong>" }).ToArray()),
            },
        });
    }

    async Task SearXngAsync(HttpContext c)
    {
        await RecordAsync(c);
        if (c.Request.Query["format"] != "json")
        {
            c.Response.StatusCode = 403; // what SearXNG answers when the JSON format is not enabled
            return;
        }

        if (await FaultAsync(c))
        {
            return;
        }

        await JsonAsync(c, new JsonObject
        {
            ["query"] = c.Request.Query["q"].ToString(),
            ["number_of_results"] = PageUrls.Count,
            ["results"] = new JsonArray(PageUrls.Select((u, i) => (JsonNode)new JsonObject { ["url"] = u, ["title"] = $"Result {i + 1}", ["content"] = "snippet", ["engine"] = "fake" }).ToArray()),
        });
    }

    async Task WikipediaAsync(HttpContext c)
    {
        await RecordAsync(c);
        if (await FaultAsync(c))
        {
            return;
        }

        if (c.Request.Query["action"] != "query" || c.Request.Query["list"] != "search" || string.IsNullOrEmpty(c.Request.Query["srsearch"]))
        {
            await JsonAsync(c, new JsonObject { ["error"] = new JsonObject { ["code"] = "badparams", ["info"] = "action=query&list=search&srsearch= required" } });
            return;
        }

        await JsonAsync(c, new JsonObject
        {
            ["batchcomplete"] = true,
            ["query"] = new JsonObject
            {
                ["searchinfo"] = new JsonObject { ["totalhits"] = PageUrls.Count },
                ["search"] = new JsonArray(PageUrls.Select(u => (JsonNode)new JsonObject
                {
                    ["ns"] = 0,
                    ["title"] = Uri.UnescapeDataString(u[(u.LastIndexOf('/') + 1)..]).Replace('_', ' '),
                    ["pageid"] = Math.Abs(u.GetHashCode(StringComparison.Ordinal)),
                    ["snippet"] = "a <span class=\"searchmatch\">match</span>",
                }).ToArray()),
            },
        });
    }

    async Task PageAsync(HttpContext c, string name)
    {
        await Task.Delay(PageLatency(name), c.RequestAborted);
        if (!Pages.TryGetValue(name, out string? html))
        {
            c.Response.StatusCode = 404;
            return;
        }

        c.Response.ContentType = "text/html; charset=utf-8";
        await c.Response.WriteAsync(html, c.RequestAborted);
    }

    async Task<string> RecordAsync(HttpContext c)
    {
        using var reader = new StreamReader(c.Request.Body);
        string body = await reader.ReadToEndAsync();
        Calls.Enqueue((c.Request.Method, c.Request.Path.Value ?? "", c.Request.QueryString.Value ?? "",
            c.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), body));
        await Task.Delay(SearchLatency, c.RequestAborted);
        return body;
    }

    static async Task<bool> AuthorizeAsync(HttpContext c, bool authorized)
    {
        if (authorized)
        {
            return false;
        }

        c.Response.StatusCode = 401;
        await c.Response.WriteAsJsonAsync(new { detail = new { error = "Unauthorized: missing or invalid API key." } });
        return true;
    }

    async Task<bool> FaultAsync(HttpContext c)
    {
        if (!_faults.TryDequeue(out (int Status, string Body) fault))
        {
            return false;
        }

        c.Response.StatusCode = fault.Status;
        if (fault.Status == 429)
        {
            c.Response.Headers.RetryAfter = "0";
        }

        c.Response.ContentType = "application/json";
        await c.Response.WriteAsync(fault.Body);
        return true;
    }

    static Task JsonAsync(HttpContext c, JsonNode body)
    {
        c.Response.ContentType = "application/json";
        return c.Response.WriteAsync(body.ToJsonString(new JsonSerializerOptions { WriteIndented = false }));
    }

    public async ValueTask DisposeAsync() => await _site.DisposeAsync();
}
