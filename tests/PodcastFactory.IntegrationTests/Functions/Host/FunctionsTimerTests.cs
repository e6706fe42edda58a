using System.Net;
using System.Text.Json;
using PodcastFactory.FunctionsHost;
using PodcastFactory.IntegrationTests.Api.Contract;
using PodcastFactory.IntegrationTests.Storage;
using Xunit.Abstractions;

namespace PodcastFactory.IntegrationTests.Functions.Host;

/// <summary>The timer trigger (<c>ScheduledEpisode</c>, <c>%EpisodeSchedule%</c>) of the Functions app itself.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class FunctionsTimerTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    const string Timer = "ScheduledEpisode";
    const string BacklogJson = """
        {"topics":[
          {"topic":"Event sourcing basics","priority":"social","sources":[{"kind":"text","value":"Event sourcing stores every change as an event. The current state is a fold over the events. Snapshots speed up rebuilding."}]},
          {"topic":"Sagas explained","priority":"social"}
        ]}
        """;

    [Fact]
    public async Task Timer_FiredTwiceForOneSlot_StartsTheNextTopicExactlyOnce()
    {
        string hub = AzuriteFixture.NewTaskHub("fntimer");
        Dictionary<string, string?> settings = AzuriteFunctionsApp.Settings(azurite.ConnectionString, hub, "fn-" + hub.ToLowerInvariant());
        await using FunctionsAppHost app = await AzuriteFunctionsApp.StartAsync(azurite.ConnectionString, hub, settings, output);
        using var client = new ContractClient(app.BaseAddress);
        using (var put = new HttpRequestMessage(HttpMethod.Put, "/api/backlog") { Content = new StringContent(BacklogJson, System.Text.Encoding.UTF8, "application/json") })
        {
            Assert.Equal(HttpStatusCode.OK, (await client.Http.SendAsync(put)).StatusCode);
        }

        await Task.WhenAll(app.FireTimerAsync(Timer), app.FireTimerAsync(Timer));

        string[] scheduled = await ScheduledEpisodesAsync(client);
        string id = Assert.Single(scheduled);
        JsonElement topics = JsonDocument.Parse(await client.Http.GetStringAsync("/api/backlog")).RootElement.GetProperty("topics");
        Assert.Equal("taken", topics[0].GetProperty("status").GetString());
        Assert.Equal(id, topics[0].GetProperty("episodeId").GetString());
        Assert.Equal("pending", topics[1].GetProperty("status").GetString());
        JsonElement status = await client.WaitForAsync(id, ContractClient.IsFinished, TimeSpan.FromMinutes(2));
        Assert.Equal("Event sourcing basics", status.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Timer_OnItsSchedule_FiresFromTheResolvedSetting()
    {
        string root = Directory.CreateTempSubdirectory("pf-func-timer-").FullName;
        try
        {
            Dictionary<string, string?> settings = FunctionsHostOptions.ReadLocalSettings();
            settings["Artifacts__Provider"] = "FileSystem";
            settings["Artifacts__RootPath"] = root;
            settings["EpisodeSchedule"] = "*/2 * * * * *";
            await using FunctionsAppHost app = await FunctionsAppHost.StartAsync(new FunctionsHostOptions { Settings = settings, Log = output.WriteLine });
            using var client = new ContractClient(app.BaseAddress);
            using var put = new HttpRequestMessage(HttpMethod.Put, "/api/backlog") { Content = new StringContent(BacklogJson, System.Text.Encoding.UTF8, "application/json") };
            Assert.Equal(HttpStatusCode.OK, (await client.Http.SendAsync(put)).StatusCode);

            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            while ((await ScheduledEpisodesAsync(client)).Length == 0)
            {
                await Task.Delay(250, deadline.Token);
            }
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    static async Task<string[]> ScheduledEpisodesAsync(ContractClient client)
    {
        JsonElement list = JsonDocument.Parse(await client.Http.GetStringAsync("/api/episodes?pageSize=100")).RootElement;
        return [.. list.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetString()!).Where(id => id.StartsWith("scheduled-", StringComparison.Ordinal))];
    }
}
