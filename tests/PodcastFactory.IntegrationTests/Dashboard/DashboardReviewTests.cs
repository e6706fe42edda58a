using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PodcastFactory.IntegrationTests.Dashboard;

/// <summary>What the producer sees of an episode whose script failed review: the outcome, why, and the decision.</summary>
[Collection(DashboardCollection.Name)]
public sealed class DashboardReviewTests(DashboardFixture fixture)
{
    // A thin source stretched to 30 minutes with no revision allowed fails the offline review every time.
    async Task<string> NeedsReviewEpisodeAsync()
    {
        string id = DashboardFixture.NewId("review");
        using HttpResponseMessage response = await fixture.Http.PostAsJsonAsync("/api/episodes", new
        {
            id,
            topic = "Durable workflows",
            priority = "audio",
            targetMinutes = 30,
            maxRevisions = 0,
            sources = new[] { new { kind = "text", value = "Checkpoints make workflows durable. A replay rebuilds state from history." } },
        });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        JsonElement status = await fixture.WaitForEndAsync(id, TimeSpan.FromMinutes(1));
        Assert.Equal("needs-review", status.GetProperty("outcome").GetString());
        return id;
    }

    async Task<(string Id, DashboardPage Dashboard)> NeedsReviewPageAsync()
    {
        string id = await NeedsReviewEpisodeAsync();
        DashboardPage dashboard = await fixture.NewPageAsync();
        await dashboard.OpenAsync("#/episodes/" + id);
        return (id, dashboard);
    }

    [Fact]
    public async Task EpisodeList_NeedsReviewEpisode_ShowsTheOutcomeNotCompleted()
    {
        string id = await NeedsReviewEpisodeAsync();
        await using DashboardPage dashboard = await fixture.NewPageAsync();

        await dashboard.OpenAsync("#/");

        ILocator pill = dashboard.Page.Locator($"tr[data-id='{id}'] .pill.status");
        await Expect(pill).ToHaveTextAsync("needs-review");
        await Expect(pill).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bcompleted\b"));
        dashboard.AssertNoProblems();
    }

    [Fact]
    public async Task EpisodeList_AudioEpisode_ShowsItsLengthAsMinutesAndSeconds()
    {
        string id = await fixture.AudioEpisodeAsync();
        await using DashboardPage dashboard = await fixture.NewPageAsync();

        await dashboard.OpenAsync("#/");

        await Expect(dashboard.Page.Locator($"tr[data-id='{id}'] td.length")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+:\d\d$"));
        await dashboard.OpenAsync("#/episodes/" + id);
        await Expect(dashboard.Page.Locator("#audio-length")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+:\d\d$"));
    }

    [Fact]
    public async Task EpisodePage_NeedsReview_FailedChecksFirstAndRejectEndsItWithTheReason()
    {
        (string id, DashboardPage opened) = await NeedsReviewPageAsync();
        await using DashboardPage dashboard = opened;
        IPage page = dashboard.Page;

        await Expect(page.Locator("#needs-review #failed-checks li").First).ToBeVisibleAsync();
        bool first = await page.EvaluateAsync<bool>("() => document.querySelector('article.episode').firstElementChild.contains(document.querySelector('#needs-review'))");
        Assert.True(first, "The needs-review box is not at the top of the page.");
        await Expect(page.Locator("#approve-audio")).ToBeVisibleAsync();
        await page.ClickAsync("#reject-episode");
        await Expect(page.Locator("#needs-review [role=alert]")).ToContainTextAsync("Say why");
        await page.FillAsync("#needs-review textarea[name=reason]", "off-topic tangent");
        await page.ClickAsync("#reject-episode");
        await Expect(page.Locator("#outcome")).ToHaveTextAsync("rejected", new() { Timeout = 10_000 });
        await Expect(page.Locator("#review-decision")).ToContainTextAsync("off-topic tangent");
        JsonElement status = await fixture.Http.GetFromJsonAsync<JsonElement>($"/api/episodes/{id}");
        Assert.Equal("rejected", status.GetProperty("outcome").GetString());
        dashboard.AssertNoProblems();
    }

    [Fact]
    public async Task EpisodePage_NeedsReview_ApproveContinuesToAudioAndPublishes()
    {
        (string id, DashboardPage opened) = await NeedsReviewPageAsync();
        await using DashboardPage dashboard = opened;
        IPage page = dashboard.Page;

        await page.FillAsync("#needs-review input[name=reviewer]", "kim");
        await page.ClickAsync("#approve-audio");

        await Expect(page.Locator("#outcome")).ToHaveTextAsync("completed", new() { Timeout = 90_000 });
        using HttpResponseMessage feed = await fixture.Http.GetAsync("/api/feed.xml");
        Assert.Contains("podcastfactory:" + id, await feed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        dashboard.AssertNoProblems();
    }

    [Fact]
    public async Task Revoice_NeedsReviewEpisode_VoicesTheEditButNeverPublishesIt()
    {
        string id = await NeedsReviewEpisodeAsync();
        using HttpResponseMessage read = await fixture.Http.GetAsync($"/api/episodes/{id}/script");
        using var put = new HttpRequestMessage(HttpMethod.Put, $"/api/episodes/{id}/script") { Content = new StringContent(await read.Content.ReadAsStringAsync(), System.Text.Encoding.UTF8, "application/json") };
        put.Headers.TryAddWithoutValidation("If-Match", read.Headers.ETag!.ToString());
        using HttpResponseMessage saved = await fixture.Http.SendAsync(put);
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());

        using HttpResponseMessage revoice = await fixture.Http.PostAsync($"/api/episodes/{id}/revoice", null);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, revoice.StatusCode);
        JsonElement status = default;
        for (DateTime until = DateTime.UtcNow.AddSeconds(90); DateTime.UtcNow < until; await Task.Delay(250))
        {
            status = await fixture.Http.GetFromJsonAsync<JsonElement>($"/api/episodes/{id}");
            if (status.TryGetProperty("revoice", out JsonElement r) && r.GetProperty("runtimeStatus").GetString() == "completed")
            {
                break;
            }
        }

        Assert.Equal("completed", status.GetProperty("revoice").GetProperty("runtimeStatus").GetString());
        Assert.Equal("needs-review", status.GetProperty("outcome").GetString());
        JsonElement manifest = await fixture.Http.GetFromJsonAsync<JsonElement>($"/api/episodes/{id}/artifacts/manifest.json");
        JsonElement revision = manifest.GetProperty("revisions")[0];
        Assert.False(revision.GetProperty("published").GetBoolean());
        Assert.Contains(revision.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.StartsWith("publish: held:", StringComparison.Ordinal));
        using HttpResponseMessage feed = await fixture.Http.GetAsync("/api/feed.xml");
        Assert.DoesNotContain("podcastfactory:" + id, await feed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
