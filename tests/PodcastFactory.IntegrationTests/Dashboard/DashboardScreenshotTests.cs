using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using PodcastFactory.IntegrationTests.Infra;
using static Microsoft.Playwright.Assertions;

namespace PodcastFactory.IntegrationTests.Dashboard;

/// <summary>
/// Renders every page of the dashboard at 1280x800 and saves a PNG of each: into docs/screenshots/ with
/// <c>UPDATE_SCREENSHOTS=1</c>, else into a temp folder (the test still proves each page renders without a script
/// error or CSP violation).
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class DashboardScreenshotTests(DashboardFixture fixture)
{
    [Fact]
    public async Task Screenshots_EveryPage_RendersAndIsSaved()
    {
        string id = await fixture.AudioEpisodeAsync();
        string folder = Environment.GetEnvironmentVariable("UPDATE_SCREENSHOTS") == "1"
            ? Path.Combine(BicepCli.RepositoryRoot, "docs", "screenshots")
            : Directory.CreateTempSubdirectory("pf-shots-").FullName;
        Directory.CreateDirectory(folder);
        await using DashboardPage dashboard = await fixture.NewPageAsync();
        IPage page = dashboard.Page;

        await dashboard.OpenAsync("#/");
        await Expect(page.Locator($"tr[data-id='{id}']")).ToBeVisibleAsync();
        await ShootAsync(page, folder, "list.png");

        await dashboard.OpenAsync("#/new");
        await page.FillAsync("input[name=topic]", "How durable workflows recover from crashes");
        await page.ClickAsync("text=Add URL");
        await page.FillAsync(".source input[type=url]", "https://learn.microsoft.com/azure/azure-functions/durable/durable-functions-overview");
        await ShootAsync(page, folder, "start-form.png");

        await dashboard.OpenAsync($"#/episodes/{id}");
        await Expect(page.Locator("#costs svg.chart").First).ToBeVisibleAsync();
        await Expect(page.Locator("#transcript .cue").First).ToBeVisibleAsync();
        await page.EvalOnSelectorAsync("#player", "a => { a.currentTime = 6; }");
        await ShootAsync(page, folder, "episode.png");
        await page.Locator("#script").ScrollIntoViewIfNeededAsync();
        await ShootAsync(page, folder, "episode-script.png");
        await page.Locator("#costs").ScrollIntoViewIfNeededAsync();
        await ShootAsync(page, folder, "episode-costs.png");

        string waiting = DashboardFixture.NewId("waiting");
        await fixture.StartAsync(waiting, "Why activities must be idempotent", requireApproval: true);
        await dashboard.OpenAsync($"#/episodes/{waiting}");
        await Expect(page.Locator("#approval")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Expect(page.Locator("#script .turn").First).ToBeVisibleAsync();
        await page.FillAsync("#approval input[name=reviewer]", "kim");
        await ShootAsync(page, folder, "episode-approval.png");
        await page.ClickAsync("#cancel");

        await SeedBacklogIfEmptyAsync();
        await dashboard.OpenAsync("#/backlog");
        await Expect(page.Locator("#backlog-form")).ToBeVisibleAsync();
        await ShootAsync(page, folder, "backlog.png");

        await dashboard.OpenAsync($"#/episodes/{id}/edit");
        await Expect(page.Locator("textarea.turn-text").First).ToBeVisibleAsync();
        await ShootAsync(page, folder, "edit-script.png");

        dashboard.AssertNoProblems();
    }

    async Task SeedBacklogIfEmptyAsync()
    {
        JsonElement backlog = await fixture.Http.GetFromJsonAsync<JsonElement>("/api/backlog");
        if (backlog.GetProperty("topics").GetArrayLength() > 0)
        {
            return;
        }

        using HttpResponseMessage response = await fixture.Http.PutAsJsonAsync("/api/backlog", new
        {
            topics = new object[]
            {
                new { topic = "Event sourcing basics", priority = "both", depth = "standard", targetMinutes = 5, status = "done", episodeId = "scheduled-20261123-0900" },
                new { topic = "Sagas and compensating actions", priority = "audio", depth = "deep", targetMinutes = 8 },
                new { topic = "Idempotent activities in practice", targetMinutes = 4 },
            },
        });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    static async Task ShootAsync(IPage page, string folder, string name)
    {
        await Task.Delay(300);
        byte[] png = await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name) });
        Assert.True(png.Length > 10_000, $"{name} is nearly empty.");
    }
}
