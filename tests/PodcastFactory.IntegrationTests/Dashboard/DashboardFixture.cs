using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using PodcastFactory.IntegrationTests.Api;
using PodcastFactory.IntegrationTests.Infra;

namespace PodcastFactory.IntegrationTests.Dashboard;

/// <summary>
/// One <c>podcast serve</c> (offline agents, in-memory backend) and one headless chromium for every dashboard test;
/// it also starts, at once, the one episode with audio that the episode page tests share.
/// </summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    readonly ServeProcess _serve = new();
    IPlaywright? _playwright;
    IBrowser? _browser;
    Task<string>? _audioEpisode;

    public Uri BaseAddress => _serve.BaseAddress;

    public HttpClient Http { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        string chromium = Chromium.Path();
        await _serve.InitializeAsync();
        Http = new HttpClient { BaseAddress = _serve.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        _audioEpisode = StartAndFinishAsync(NewId("dash-audio"), "How durable workflows recover from crashes", priority: "audio");
        // Two shared cores and a server child process: give the page more than Playwright's default 5 s.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--autoplay-policy=no-user-gesture-required", "--mute-audio", "--no-sandbox"],
        });
    }

    /// <summary>A completed episode with episode.mp3, chapters, transcript, script, reviews and manifest.</summary>
    public Task<string> AudioEpisodeAsync() => _audioEpisode!;

    /// <summary>A page at 1280x800 that records uncaught errors and Content-Security-Policy violations.</summary>
    public async Task<DashboardPage> NewPageAsync(Uri? baseAddress = null)
    {
        IBrowserContext context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = (baseAddress ?? BaseAddress).ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
        });
        IPage page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        return new DashboardPage(page);
    }

    public static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";

    public static string SourceText { get; } = File.ReadAllText(Path.Combine(BicepCli.RepositoryRoot, "samples", "durable-workflows.md"));

    /// <summary>Starts an episode through the API (one-minute, quick research).</summary>
    public async Task StartAsync(string id, string topic, string priority = "social", bool requireApproval = false, string sourceName = "durable-workflows.md")
    {
        using HttpResponseMessage response = await Http.PostAsJsonAsync("/api/episodes", new
        {
            id,
            topic,
            priority,
            requireApproval,
            depth = "quick",
            targetMinutes = 1,
            sources = new[] { new { kind = "text", value = SourceText, name = sourceName } },
        });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Waits until the episode's runtime status is no longer pending or running.</summary>
    public async Task<JsonElement> WaitForEndAsync(string id, TimeSpan timeout)
    {
        DateTime until = DateTime.UtcNow + timeout;
        while (true)
        {
            JsonElement status = await Http.GetFromJsonAsync<JsonElement>($"/api/episodes/{id}");
            if (status.GetProperty("runtimeStatus").GetString() is not ("pending" or "running"))
            {
                return status;
            }

            Assert.True(DateTime.UtcNow < until, $"Episode {id} did not finish in {timeout}: {status}");
            await Task.Delay(250);
        }
    }

    async Task<string> StartAndFinishAsync(string id, string topic, string priority)
    {
        await StartAsync(id, topic, priority);
        JsonElement status = await WaitForEndAsync(id, TimeSpan.FromMinutes(2));
        Assert.Equal("completed", status.GetProperty("runtimeStatus").GetString());
        return id;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        Http?.Dispose();
        await _serve.DisposeAsync();
    }
}

/// <summary>The tests that share one dashboard fixture (one server, one browser).</summary>
[CollectionDefinition(Name)]
public sealed class DashboardCollection : ICollectionFixture<DashboardFixture>
{
    public const string Name = "Dashboard";
}

/// <summary>Debian's chromium (Playwright cannot download browsers here); scripts/test.sh installs it with apt-get.</summary>
public static class Chromium
{
    public static string Path()
    {
        string? found = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(System.IO.Path.PathSeparator)
            .SelectMany(dir => new[] { "chromium", "chromium-browser" }.Select(name => System.IO.Path.Combine(dir, name)))
            .FirstOrDefault(File.Exists);
        return found ?? throw new InvalidOperationException(
            "The dashboard's browser tests need chromium on PATH (apt-get install chromium; ./scripts/test.sh installs it).");
    }
}
