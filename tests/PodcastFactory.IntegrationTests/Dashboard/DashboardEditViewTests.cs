using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PodcastFactory.IntegrationTests.Dashboard;

/// <summary>
/// The edit view against the script-edit and re-voice contract, answered inside the browser: what the page sends
/// (If-Match, the body's shape) and how it shows each answer. <see cref="DashboardRevoiceTests"/> runs the same flow
/// against the real API once it is merged; these keep the page's side of the contract honest on their own.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class DashboardEditViewTests(DashboardFixture fixture)
{
    [Fact]
    public async Task EditView_SaveThenRevoice_SendsIfMatchAndTheContractBodyThenReloadsTheAudio()
    {
        string id = await fixture.AudioEpisodeAsync();
        await using DashboardPage dashboard = await fixture.NewPageAsync();
        IPage page = dashboard.Page;
        var contract = new ScriptContract(id);
        await contract.RouteAsync(page);
        await dashboard.OpenAsync($"#/episodes/{id}/edit");
        await Expect(page.Locator("#player")).ToHaveAttributeAsync("data-source", "episode.mp3");
        string loadedBefore = (await page.GetAttributeAsync("#player", "data-loaded-at"))!;

        await page.Locator("textarea.turn-text").Nth(1).FillAsync("An edited turn.");
        await page.Locator("input.voice[data-host=Sam]").FillAsync("flite:awb");
        await page.ClickAsync("#save-script");
        await Expect(page.Locator("#edit-message")).ToContainTextAsync("Saved as revision 4");
        await page.ClickAsync("#revoice");

        await Expect(page.Locator("#revoice-status")).ToHaveAttributeAsync("data-status", "completed", new() { Timeout = 20_000 });
        await Expect(page.Locator("#revoice-progress")).ToContainTextAsync("1 segments synthesized, 7 reused");
        await Expect(page.Locator("#player")).Not.ToHaveAttributeAsync("data-loaded-at", loadedBefore);
        Assert.Equal("\"rev-3\"", contract.IfMatch);
        JsonNode put = contract.PutBody!;
        Assert.Equal(["title", "turns", "voices"], put.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal("An edited turn.", put["turns"]![1]!["text"]!.GetValue<string>());
        Assert.Equal(["speaker", "text", "chapter", "claims"], put["turns"]![0]!.AsObject().Select(p => p.Key));
        Assert.Equal("flite:awb", put["voices"]!["Sam"]!.GetValue<string>());
        Assert.Equal(1, contract.RevoicePosts);
        dashboard.AssertNoProblems();
    }

    [Theory]
    [InlineData(412, "Someone else changed this script")]
    [InlineData(409, "The episode is running")]
    [InlineData(400, "turns[0].text: Text must not be empty.")]
    public async Task EditView_SaveRefused_ShowsWhy(int status, string message)
    {
        string id = await fixture.AudioEpisodeAsync();
        await using DashboardPage dashboard = await fixture.NewPageAsync();
        IPage page = dashboard.Page;
        var contract = new ScriptContract(id) { PutStatus = status };
        await contract.RouteAsync(page);
        await dashboard.OpenAsync($"#/episodes/{id}/edit");

        await page.Locator("textarea.turn-text").First.FillAsync("");
        await page.ClickAsync("#save-script");

        await Expect(page.Locator("#edit-message")).ToContainTextAsync(message);
        await Expect(page.Locator("textarea.turn-text").First).ToHaveValueAsync("");
        dashboard.AssertNoProblems();
    }

    /// <summary>Answers GET/PUT .../script and POST .../revoice as the contract says, and adds <c>revoice</c> to the real status.</summary>
    sealed class ScriptContract(string id)
    {
        int _statusCalls;

        public int PutStatus { get; init; } = 200;

        public string? IfMatch { get; private set; }

        public JsonNode? PutBody { get; private set; }

        public int RevoicePosts { get; private set; }

        public async Task RouteAsync(IPage page)
        {
            await page.RouteAsync($"**/api/episodes/{id}/script", async route =>
            {
                if (route.Request.Method == "GET")
                {
                    await JsonAsync(route, 200, Document(3, "Welcome to the show."), "\"rev-3\"");
                    return;
                }

                IfMatch = route.Request.Headers.GetValueOrDefault("if-match");
                PutBody = JsonNode.Parse(route.Request.PostData!);
                if (PutStatus == 200)
                {
                    await JsonAsync(route, 200, Document(4, PutBody!["turns"]![0]!["text"]!.GetValue<string>()), "\"rev-4\"");
                }
                else
                {
                    var problem = new JsonObject { ["title"] = PutStatus == 400 ? "The request is invalid." : "Refused.", ["status"] = PutStatus, ["detail"] = "refused" };
                    if (PutStatus == 400)
                    {
                        problem["errors"] = new JsonObject { ["turns[0].text"] = new JsonArray("Text must not be empty.") };
                    }

                    await JsonAsync(route, PutStatus, problem, null);
                }
            });
            await page.RouteAsync($"**/api/episodes/{id}/revoice", async route =>
            {
                RevoicePosts++;
                await JsonAsync(route, 202, new JsonObject { ["episodeId"] = id, ["revision"] = 4, ["statusUrl"] = $"/api/episodes/{id}" }, null);
            });
            await page.RouteAsync($"**/api/episodes/{id}", async route =>
            {
                IAPIResponse real = await route.FetchAsync();
                JsonNode status = JsonNode.Parse(await real.TextAsync())!;
                if (RevoicePosts > 0)
                {
                    bool done = ++_statusCalls >= 2;
                    status["revoice"] = new JsonObject
                    {
                        ["revision"] = 4,
                        ["runtimeStatus"] = done ? "completed" : "running",
                        ["segmentsSynthesized"] = done ? 1 : 0,
                        ["segmentsReused"] = done ? 7 : 0,
                        ["costUsd"] = 0,
                    };
                }

                await JsonAsync(route, 200, status, null);
            });
        }

        JsonObject Document(int revision, string firstText) => new()
        {
            ["episodeId"] = id,
            ["revision"] = revision,
            ["title"] = "How durable workflows recover from crashes",
            ["hosts"] = new JsonArray("Alex", "Sam"),
            ["voices"] = new JsonObject { ["Alex"] = "flite:rms", ["Sam"] = "flite:slt" },
            ["turns"] = new JsonArray(
                new JsonObject { ["index"] = 0, ["speaker"] = "Alex", ["text"] = firstText, ["chapter"] = "Introduction", ["claims"] = new JsonArray() },
                new JsonObject { ["index"] = 1, ["speaker"] = "Sam", ["text"] = "Thanks, Alex.", ["chapter"] = null, ["claims"] = new JsonArray(0, 2) }),
        };

        static Task JsonAsync(IRoute route, int status, JsonNode body, string? etag) => route.FulfillAsync(new RouteFulfillOptions
        {
            Status = status,
            ContentType = status >= 400 ? "application/problem+json" : "application/json",
            Headers = etag is null ? null : new Dictionary<string, string> { ["ETag"] = etag },
            Body = body.ToJsonString(new JsonSerializerOptions()),
        });
    }
}
