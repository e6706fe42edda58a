using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PodcastFactory.IntegrationTests.Dashboard;

/// <summary>The dashboard in a real browser (headless chromium) against <c>podcast serve</c>.</summary>
[Collection(DashboardCollection.Name)]
public sealed class DashboardBrowserTests(DashboardFixture fixture)
{
    [Fact]
    public async Task StartForm_NewEpisode_ProgressChangesUntilDone()
    {
        string id = DashboardFixture.NewId("form");
        await using DashboardPage dashboard = await fixture.NewPageAsync();
        IPage page = dashboard.Page;
        await dashboard.OpenAsync("#/new");

        await page.FillAsync("input[name=topic]", "How durable workflows recover from crashes");
        await page.FillAsync("input[name=id]", id);
        await page.ClickAsync("text=Add text");
        await page.FillAsync(".source textarea", DashboardFixture.SourceText);
        await page.SelectOptionAsync("select[name=priority]", "audio");
        await page.SelectOptionAsync("select[name=depth]", "quick");
        await page.FillAsync("input[name=targetMinutes]", "1");
        await page.ClickAsync("#start-form button[type=submit]");

        await Expect(page).ToHaveURLAsync(new Regex($"#/episodes/{id}$"));
        var seen = new List<string>();
        DateTime until = DateTime.UtcNow.AddSeconds(90);
        while (await page.TextContentAsync("#runtime-status") is not "completed")
        {
            string percent = (await page.TextContentAsync("#percent") ?? "").Trim();
            if (seen.LastOrDefault() != percent)
            {
                seen.Add(percent);
            }

            Assert.True(DateTime.UtcNow < until, "The page never showed the episode completed; percents seen: " + string.Join(", ", seen));
            await Task.Delay(200);
        }

        await Expect(page.Locator("#percent")).ToHaveTextAsync("100%", new() { UseInnerText = true });
        await Expect(page.Locator("#outcome")).ToHaveTextAsync("completed");
        seen.Add("100%");
        Assert.True(seen.Distinct().Count() >= 3, "The page did not show the progress changing: " + string.Join(", ", seen));
        await dashboard.OpenAsync("#/");
        await Expect(page.Locator($"tr[data-id='{id}']")).ToHaveAttributeAsync("data-status", "completed");
        dashboard.AssertNoProblems();
    }

    [Fact]
    public async Task StartForm_InvalidMinutes_ShowsTheApiErrorNextToTheField()
    {
        await using DashboardPage dashboard = await fixture.NewPageAsync();
        IPage page = dashboard.Page;
        await dashboard.OpenAsync("#/new");

        await page.FillAsync("input[name=topic]", "Durable workflows");
        await page.FillAsync("input[name=targetMinutes]", "99");
        await page.ClickAsync("#start-form button[type=submit]");

        await Expect(page.Locator("[data-field=targetMinutes] .field-error")).ToContainTextAsync("1 to 60");
        await Expect(page).ToHaveURLAsync(new Regex("#/new$"));
        dashboard.AssertNoProblems();
    }

    [Fact]
    public async Task Player_CompletedEpisode_CurrentTimeAdvancesAndTranscriptFollows()
    {
        string id = await fixture.AudioEpisodeAsync();
        await using DashboardPage dashboard = await fixture.NewPageAsync();
        IPage page = dashboard.Page;
        await dashboard.OpenAsync($"#/episodes/{id}");

        await Expect(page.Locator("#player")).ToHaveAttributeAsync("data-source", "episode.mp3");
        await Expect(page.Locator("#chapters button.chapter").First).ToBeVisibleAsync();
        await Expect(page.Locator("#transcript .cue").First).ToBeVisibleAsync();
        await page.EvalOnSelectorAsync("#player", "a => a.play()");

        await page.WaitForFunctionAsync("() => document.getElementById('player').currentTime > 1");
        await Expect(page.Locator("#transcript .cue.current")).ToHaveCountAsync(1);
        double time = await page.EvalOnSelectorAsync<double>("#player", "a => a.currentTime");
        await page.WaitForFunctionAsync($"() => document.getElementById('player').currentTime > {time.ToString(System.Globalization.CultureInfo.InvariantCulture)} + 0.5");

        ILocator chapter = page.Locator("#chapters button.chapter").Nth(1);
        double start = double.Parse((await chapter.GetAttributeAsync("data-start"))!, System.Globalization.CultureInfo.InvariantCulture);
        await chapter.ClickAsync();
        await page.WaitForFunctionAsync($"() => Math.abs(document.getElementById('player').currentTime - {start.ToString(System.Globalization.CultureInfo.InvariantCulture)}) < 2");
        dashboard.AssertNoProblems();
    }

    [Fact]
    public async Task EpisodePage_CompletedEpisode_ShowsScriptCitationsReviewsCostChartAndArtifacts()
    {
        string id = await fixture.AudioEpisodeAsync();
        await using DashboardPage dashboard = await fixture.NewPageAsync();
        IPage page = dashboard.Page;
        await dashboard.OpenAsync($"#/episodes/{id}");

        await Expect(page.Locator("#script .turn").First).ToBeVisibleAsync();
        Assert.True(await page.Locator("#script sup.cite a").CountAsync() > 0, "No citation links in the script.");
        await Expect(page.Locator("#script .notes li").First).ToContainTextAsync("durable-workflows.md");
        await Expect(page.Locator("#reviews .review").First).ToBeVisibleAsync();
        Assert.True(await page.Locator("#costs svg.chart rect").CountAsync() >= 2, "No bars in the cost charts.");
        await Expect(page.Locator("#artifacts li", new() { HasText = "manifest.json" })).ToHaveCountAsync(1);
        await Expect(page.Locator("#edit-link")).ToBeVisibleAsync();

        IDownload download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#artifacts button:text-is('chapters.json')"));
        Assert.Equal("chapters.json", download.SuggestedFilename);
        dashboard.AssertNoProblems();
    }

    [Fact]
    public async Task Approve_WaitingEpisode_GoesOnToCompleted()
    {
        string id = DashboardFixture.NewId("approve");
        await fixture.StartAsync(id, "How durable workflows recover from crashes", requireApproval: true);
        await using DashboardPage dashboard = await fixture.NewPageAsync();
        IPage page = dashboard.Page;
        await dashboard.OpenAsync($"#/episodes/{id}");

        await Expect(page.Locator("#approval")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await page.FillAsync("#approval input[name=reviewer]", "kim");
        await page.FillAsync("#approval textarea[name=comment]", "ship it");
        await page.ClickAsync("#approve");

        await Expect(page.Locator("#runtime-status")).ToHaveTextAsync("completed", new() { Timeout = 60_000 });
        await Expect(page.Locator("#outcome")).ToHaveTextAsync("completed");
        await Expect(page.Locator("#approval")).ToHaveCountAsync(0);
        dashboard.AssertNoProblems();
    }

    [Fact]
    public async Task Cancel_RunningEpisode_EndsTerminated()
    {
        string id = DashboardFixture.NewId("cancel");
        await fixture.StartAsync(id, "How durable workflows recover from crashes", requireApproval: true);
        await using DashboardPage dashboard = await fixture.NewPageAsync();
        IPage page = dashboard.Page;
        await dashboard.OpenAsync($"#/episodes/{id}");

        await page.ClickAsync("#cancel");

        await Expect(page.Locator("#runtime-status")).ToHaveTextAsync("terminated");
        await Expect(page.Locator("#episode-header .notice.error")).ToContainTextAsync("cancelled");
        await Expect(page.Locator("#cancel")).ToHaveCountAsync(0);
        dashboard.AssertNoProblems();
    }

    [Fact]
    public async Task UntrustedText_MarkupInTopicAndSourceName_RendersAsTextOnly()
    {
        string id = DashboardFixture.NewId("xss");
        const string Topic = "<img src=x onerror=\"window.__xss=1\"> durable workflows";
        await fixture.StartAsync(id, Topic, sourceName: "<b onmouseover=alert(1)>notes</b>.md");
        await fixture.WaitForEndAsync(id, TimeSpan.FromMinutes(1));
        await using DashboardPage dashboard = await fixture.NewPageAsync();
        IPage page = dashboard.Page;

        await dashboard.OpenAsync("#/");
        await Expect(page.Locator($"tr[data-id='{id}'] a.episode-link")).ToContainTextAsync("<img src=x");
        await dashboard.OpenAsync($"#/episodes/{id}");
        await Expect(page.Locator("h1.title")).ToContainTextAsync("<img src=x onerror=");
        await Expect(page.Locator("#script .turn").First).ToBeVisibleAsync();
        await Expect(page.Locator("#script")).ToContainTextAsync("<img src=x");

        Assert.Equal(0, await page.Locator("main img, main b").CountAsync());
        Assert.Null(await page.EvaluateAsync<int?>("() => window.__xss ?? null"));
        dashboard.AssertNoProblems();
    }
}
