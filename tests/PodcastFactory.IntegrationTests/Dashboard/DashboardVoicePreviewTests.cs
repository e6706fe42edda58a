using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PodcastFactory.IntegrationTests.Dashboard;

/// <summary>The start form's "Preview" buttons in a real browser: the voice is heard (audio from the API), a bad one is named.</summary>
[Collection(DashboardCollection.Name)]
public sealed class DashboardVoicePreviewTests(DashboardFixture fixture)
{
    [Fact]
    public async Task StartForm_PreviewButton_FetchesTheVoicesAudio_AndAnUnknownVoiceShowsTheApiError()
    {
        await using DashboardPage dashboard = await fixture.NewPageAsync();
        IPage page = dashboard.Page;
        await dashboard.OpenAsync("#/new");
        ILocator previews = page.Locator("#start-form .voice-preview");
        await Expect(previews).ToHaveCountAsync(4); // one per host row (a cast of 1-4)

        IResponse answer = await page.RunAndWaitForResponseAsync(
            () => previews.Nth(1).Locator("button.preview").ClickAsync(), r => r.Url.EndsWith("/api/voices/preview", StringComparison.Ordinal));

        Assert.Equal(200, answer.Status);
        Assert.Equal("audio/mpeg", (await answer.AllHeadersAsync())["content-type"]);
        Assert.Contains("\"voice\":\"flite:slt\"", answer.Request.PostData, StringComparison.Ordinal);
        await Expect(previews.Nth(1).Locator(".preview-status")).Not.ToContainTextAsync("voice:");

        await page.FillAsync("input[name=voice0]", "nobody");
        await previews.Nth(0).Locator("button.preview").ClickAsync();

        await Expect(previews.Nth(0).Locator(".preview-status")).ToContainTextAsync("voice:");
        dashboard.AssertNoProblems();
    }
}
