using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace PodcastFactory.Core.Tests.TestServers;

/// <summary>
/// Separate loopback sites (one port each, so each counts as its own domain) serving an article built from the
/// repository's durable-workflows fixture, and bad pages: a binary answer and a redirect to gopher.
/// </summary>
internal sealed class PageSites : IAsyncDisposable
{
    readonly List<TestSite> _sites = [];

    public List<string> Good { get; } = [];

    public string Binary { get; private set; } = "";

    public string Gopher { get; private set; } = "";

    public int Requests => _sites.Sum(s => s.Requests.Count);

    /// <summary>Requests to the good pages only.</summary>
    public int GoodRequests => _sites.Take(Good.Count).Sum(s => s.Requests.Count);

    /// <summary>Latency of every good page.</summary>
    public int DelayMs { get; set; }

    /// <summary>The most good pages that were being served at one moment.</summary>
    public int MaxInFlight => _pagesInFlight.Max;

    readonly InFlightGauge _pagesInFlight = new();

    public static async Task<PageSites> StartAsync(int goodPages)
    {
        var sites = new PageSites();
        string[] paragraphs = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "durable-workflows.md")).Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        for (int i = 0; i < goodPages; i++)
        {
            string html = "<html><head><title>Durable workflows, part " + (i + 1) + "</title><script>var tracking = 1;</script></head><body>"
                + "<nav><a href='/'>Home</a> <a href='/about'>About</a></nav><article><h1>Durable workflows, part " + (i + 1) + "</h1>"
                + string.Concat(paragraphs.Skip(i).Where((_, k) => k % goodPages == 0).Select(p => $"<p>{WebUtility.HtmlEncode(p.TrimStart('#', ' '))}</p>"))
                + "</article><footer>Copyright nobody</footer></body></html>";
            TestSite site = await TestSite.StartAsync(app => app.MapGet("/article", async (HttpContext c) =>
            {
                using (sites._pagesInFlight.Enter())
                {
                    await Task.Delay(sites.DelayMs, c.RequestAborted);
                }

                return Results.Content(html, "text/html; charset=utf-8");
            }));
            sites._sites.Add(site);
            sites.Good.Add(site.Url("/article").ToString());
        }

        TestSite bad = await TestSite.StartAsync(app => app.MapGet("/file.bin", () => Results.Bytes(new byte[4096], "application/octet-stream")));
        sites._sites.Add(bad);
        sites.Binary = bad.Url("/file.bin").ToString();
        TestSite redirect = await TestSite.StartAsync(app => app.MapGet("/moved", () => Results.Redirect("gopher://127.0.0.1:70/1")));
        sites._sites.Add(redirect);
        sites.Gopher = redirect.Url("/moved").ToString();
        return sites;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (TestSite site in _sites)
        {
            await site.DisposeAsync();
        }
    }
}
