using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using PodcastFactory.Core.Tests.Workflow.Shows;
using static Microsoft.Playwright.Assertions;

namespace PodcastFactory.IntegrationTests.Dashboard;

/// <summary>The shows page in the browser: create a show with a cast of three, edit it (If-Match), upload its artwork, its feed link, and the start form's show selector.</summary>
[Collection(DashboardCollection.Name)]
public sealed class DashboardShowsTests(DashboardFixture fixture)
{
    [Fact]
    public async Task Shows_CreateWithThreeHostsThenEdit_StoresTheCastAndOffersTheShowWhenStarting()
    {
        string id = DashboardFixture.NewId("show");
        await using DashboardPage dashboard = await fixture.NewPageAsync();
        IPage page = dashboard.Page;
        await dashboard.OpenAsync("#/shows/new");

        await page.FillAsync("#show-form input[name=id]", id);
        await page.FillAsync("#show-form input[name=title]", "Browser Show");
        await page.ClickAsync("#add-host");
        await page.Locator(".cast-row .host-name").Nth(2).FillAsync("Robin");
        await page.Locator(".cast-row .host-voice").Nth(2).FillAsync("flite:awb");
        await page.SelectOptionAsync("#show-form select[name=defaultFormat]", "panel");
        await page.ClickAsync("#show-form button[type=submit]");

        await Expect(page.Locator("h1")).ToHaveTextAsync("Browser Show");
        await Expect(page.Locator("#show-feed")).ToHaveAttributeAsync("href", $"/api/shows/{id}/feed.xml");
        await page.FillAsync("#show-form input[name=title]", "Browser Show, renamed");
        await page.ClickAsync("#show-form button[type=submit]");
        await Expect(page.Locator("#show-message")).ToContainTextAsync("Saved.");

        // Artwork: a same-origin browser upload passes the cross-site guard and carries the ETag the save returned.
        await page.SetInputFilesAsync("#artwork-file", new FilePayload { Name = "cover.png", MimeType = "image/png", Buffer = TestImages.Png(1400, 1400) });
        await page.ClickAsync("#upload-artwork");
        await Expect(page.Locator("#show-message")).ToContainTextAsync("Artwork uploaded");
        using HttpResponseMessage artwork = await fixture.Http.GetAsync($"/api/shows/{id}/artwork");
        Assert.Equal("image/png", artwork.Content.Headers.ContentType?.MediaType);

        JsonElement stored = (await fixture.Http.GetFromJsonAsync<JsonElement>($"/api/shows/{id}")).GetProperty("show");
        Assert.Equal("Browser Show, renamed", stored.GetProperty("title").GetString());
        Assert.Equal(["Alex", "Sam", "Robin"], stored.GetProperty("hosts").EnumerateArray().Select(h => h.GetProperty("name").GetString()));
        Assert.Equal("panel", stored.GetProperty("defaultFormat").GetString());

        await dashboard.OpenAsync("#/shows");
        await Expect(page.Locator($"article.show[data-id='{id}'] .show-link")).ToHaveTextAsync("Browser Show, renamed");
        await dashboard.OpenAsync("#/new?show=" + id);
        await Expect(page.Locator("#show-select")).ToHaveValueAsync(id);
        dashboard.AssertNoProblems();
    }

    [Fact]
    public async Task Shows_SaveAfterAnotherEdit_ShowsTheReloadMessageInsteadOfOverwriting()
    {
        string id = DashboardFixture.NewId("show");
        using HttpResponseMessage created = await fixture.Http.PostAsJsonAsync("/api/shows", new { id, title = "Contested" });
        created.EnsureSuccessStatusCode();
        await using DashboardPage dashboard = await fixture.NewPageAsync();
        IPage page = dashboard.Page;
        await dashboard.OpenAsync("#/shows/" + id);
        await Expect(page.Locator("#show-form")).ToBeVisibleAsync();

        using var edit = new HttpRequestMessage(HttpMethod.Put, $"/api/shows/{id}") { Content = JsonContent.Create(new { title = "Changed elsewhere" }) };
        edit.Headers.TryAddWithoutValidation("If-Match", created.Headers.ETag!.ToString());
        (await fixture.Http.SendAsync(edit)).EnsureSuccessStatusCode();
        await page.FillAsync("#show-form input[name=title]", "Mine");
        await page.ClickAsync("#show-form button[type=submit]");

        await Expect(page.Locator("#show-message")).ToContainTextAsync("Someone changed this show");
        Assert.Equal("Changed elsewhere", (await fixture.Http.GetFromJsonAsync<JsonElement>($"/api/shows/{id}")).GetProperty("show").GetProperty("title").GetString());
    }
}
