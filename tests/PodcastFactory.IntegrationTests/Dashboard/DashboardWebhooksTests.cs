using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PodcastFactory.IntegrationTests.Dashboard;

/// <summary>The webhooks page in a real browser against <c>podcast serve</c>: subscribe, see the secret once, see it listed, delete it.</summary>
[Collection(DashboardCollection.Name)]
public sealed partial class DashboardWebhooksTests(DashboardFixture fixture)
{
    // A public address as a literal, so the address policy needs no DNS; only episode.failed is chosen, which the
    // shared fixture's episodes do not raise, so nothing is ever sent there.
    const string ReceiverUrl = "https://93.184.216.34/hooks/podcast";

    [Fact]
    public async Task WebhooksPage_Subscribe_ShowsTheSecretOnce_ListsIt_AndDeleteRemovesIt()
    {
        await using DashboardPage dashboard = await fixture.NewPageAsync();
        IPage page = dashboard.Page;
        await dashboard.OpenAsync("#/webhooks");
        await page.FillAsync("#webhook-url", ReceiverUrl);
        foreach (ILocator box in await page.Locator("#webhook-form input[name=events]").AllAsync())
        {
            await box.SetCheckedAsync(await box.GetAttributeAsync("value") == "episode.failed");
        }

        await page.ClickAsync("#webhook-form button[type=submit]");

        await Expect(page.Locator("#webhook-secret")).ToHaveTextAsync(SecretRegex());
        ILocator card = page.Locator("article.webhook", new() { HasText = ReceiverUrl });
        await Expect(card).ToHaveCountAsync(1);
        await Expect(card).ToContainTextAsync("episode.failed");
        await Expect(card).Not.ToContainTextAsync("episode.completed");
        string id = (await card.GetAttributeAsync("data-id"))!;

        // Shown once: a fresh visit lists the subscription without its secret, and the API never returns it again.
        await dashboard.OpenAsync("#/");
        await dashboard.OpenAsync("#/webhooks");
        await Expect(page.Locator($"article.webhook[data-id='{id}']")).ToBeVisibleAsync();
        await Expect(page.Locator("#webhook-secret")).ToHaveCountAsync(0);
        string listed = await fixture.Http.GetStringAsync($"/api/webhooks/{id}");
        Assert.DoesNotContain("whsec_", listed, StringComparison.Ordinal);

        await page.Locator($"article.webhook[data-id='{id}'] button", new() { HasText = "Delete" }).ClickAsync();

        await Expect(page.Locator($"article.webhook[data-id='{id}']")).ToHaveCountAsync(0);
        using HttpResponseMessage gone = await fixture.Http.GetAsync($"/api/webhooks/{id}");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        dashboard.AssertNoProblems();
    }

    [GeneratedRegex("^whsec_[A-Za-z0-9+/]{20,}={0,2}$")]
    private static partial Regex SecretRegex();
}
