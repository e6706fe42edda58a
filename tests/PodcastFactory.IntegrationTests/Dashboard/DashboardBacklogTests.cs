using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PodcastFactory.IntegrationTests.Dashboard;

/// <summary>The backlog editor in the browser: ETag-aware saves, and a clear message when someone else saved first.</summary>
[Collection(DashboardCollection.Name)]
public sealed class DashboardBacklogTests(DashboardFixture fixture)
{
    [Fact]
    public async Task Backlog_ChangedElsewhereBetweenLoadAndSave_ShowsConflictMessage()
    {
        string etag = await PutBacklogAsync(null, "Event sourcing basics", "Sagas explained");
        await using DashboardPage dashboard = await fixture.NewPageAsync();
        IPage page = dashboard.Page;
        await dashboard.OpenAsync("#/backlog");
        await Expect(page.Locator("#backlog-form")).ToHaveAttributeAsync("data-etag", etag);

        await PutBacklogAsync(etag, "Event sourcing basics", "Changed by someone else");
        await page.Locator("tr.topic-row input[name=topic]").First.FillAsync("Event sourcing, revised");
        await page.ClickAsync("#save-backlog");

        await Expect(page.Locator("#backlog-message")).ToContainTextAsync("Someone else changed the backlog");
        await page.ClickAsync("#reload-backlog");
        await Expect(page.Locator("tr.topic-row input[name=topic]").Nth(1)).ToHaveValueAsync("Changed by someone else");
        await page.Locator("tr.topic-row input[name=topic]").First.FillAsync("Event sourcing, revised");
        await page.ClickAsync("#save-backlog");
        await Expect(page.Locator("#backlog-message")).ToContainTextAsync("Saved.");
        JsonElement stored = await fixture.Http.GetFromJsonAsync<JsonElement>("/api/backlog");
        Assert.Equal("Event sourcing, revised", stored.GetProperty("topics")[0].GetProperty("topic").GetString());
        dashboard.AssertNoProblems();
    }

    async Task<string> PutBacklogAsync(string? ifMatch, params string[] topics)
    {
        if (ifMatch is null)
        {
            using HttpResponseMessage current = await fixture.Http.GetAsync("/api/backlog");
            ifMatch = current.Headers.ETag?.ToString();
        }

        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/backlog")
        {
            Content = JsonContent.Create(new { topics = topics.Select(t => new { topic = t }) }),
        };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        using HttpResponseMessage response = await fixture.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response.Headers.ETag!.ToString();
    }
}
