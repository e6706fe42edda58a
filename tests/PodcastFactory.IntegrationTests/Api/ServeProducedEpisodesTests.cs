using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PodcastFactory.IntegrationTests.Cli;
using PodcastFactory.IntegrationTests.Workflow;
using PodcastFactory.Local.Cli;

namespace PodcastFactory.IntegrationTests.Api;

/// <summary>An episode <c>podcast produce</c> ran on its own backend into the folder <c>podcast serve</c> reads.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class ServeProducedEpisodesTests(ServeProcess serve) : IClassFixture<ServeProcess>
{
    [Fact]
    public async Task ProducedIntoTheSameStore_ServeListsAndShowsItFromItsManifest()
    {
        const string Id = "produced-elsewhere";
        using (new ConsoleCapture())
        {
            int exit = await PodcastCli.Create().Parse(["produce", "How durable workflows recover from crashes", "--source", LocalEpisodeRunner.Fixture("durable-workflows.md"),
                "--minutes", "1", "--depth", "quick", "--priority", "social", "--id", Id, "--out", serve.Root]).InvokeAsync();
            Assert.Equal(ExitCodes.Success, exit);
        }

        using var http = new HttpClient { BaseAddress = serve.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

        JsonElement status = await http.GetFromJsonAsync<JsonElement>($"/api/episodes/{Id}");
        Assert.Equal("completed", status.GetProperty("outcome").GetString());
        Assert.True(status.GetProperty("fromManifest").GetBoolean());
        Assert.Contains(status.GetProperty("artifacts").EnumerateArray(), a => a.GetProperty("name").GetString() == "social.md");
        JsonElement list = await http.GetFromJsonAsync<JsonElement>("/api/episodes");
        Assert.Contains(list.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetString() == Id);
        using HttpResponseMessage social = await http.GetAsync($"/api/episodes/{Id}/artifacts/social.md");
        Assert.Equal(HttpStatusCode.OK, social.StatusCode);
    }
}
