using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PodcastFactory.Core.Artifacts;
using PodcastFactory.Core.Audio;
using PodcastFactory.Core.Workflow.Activities;

namespace PodcastFactory.IntegrationTests.Api.Contract;

/// <summary>This part: editing a finished episode's script and re-voicing it (only changed speech is synthesized).</summary>
public abstract partial class HttpContractTests
{
    [Fact]
    public async Task Revoice_OneTurnEdited_SynthesizesOnlyThatTurnAndRebuildsTheEpisode()
    {
        string id = NewId("revoice");
        await ProduceAudioEpisodeAsync(id);
        byte[] masterBefore = await Client.Http.GetByteArrayAsync($"/api/episodes/{id}/artifacts/episode.mp3");
        (JsonObject script, string etag) = await GetScriptAsync(id);
        Assert.Equal(0, (int)script["revision"]!);
        JsonArray turns = script["turns"]!.AsArray();
        int edited = turns.Count / 2;
        const string NewText = "Here is a freshly edited line about checkpoints.";

        using HttpResponseMessage put = await PutScriptAsync(id, etag, Edit(turns, edited, NewText, voices: null));
        using HttpResponseMessage revoice = await Client.PostJsonAsync($"/api/episodes/{id}/revoice", "{}");
        using HttpResponseMessage again = await Client.PostJsonAsync($"/api/episodes/{id}/revoice", "{}");
        JsonElement status = await Client.WaitForAsync(id, IsRevoiced(1), TimeSpan.FromMinutes(2));

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(1, (await Client.JsonAsync(put)).GetProperty("revision").GetInt32());
        Assert.Equal(HttpStatusCode.Accepted, revoice.StatusCode);
        Assert.Equal(new Uri(BaseAddress, $"/api/episodes/{id}"), revoice.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(await revoice.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        SegmentPlan plan = await Store.ReadJsonAsync<SegmentPlan>(ArtifactNames.SegmentPlan(id), default);
        int changed = plan.Segments.Count(s => s.Turn == edited);
        JsonElement run = status.GetProperty("revoice");
        Assert.Equal("completed", run.GetProperty("runtimeStatus").GetString());
        // The re-voice publishes the episode's progress shape as it runs the pipeline's tail: done at 100.
        Assert.Equal(("done", 100), (run.GetProperty("stage").GetString(), run.GetProperty("percent").GetInt32()));
        Assert.InRange(run.GetProperty("segmentsSynthesized").GetInt32(), 1, 2);
        Assert.Equal(changed, run.GetProperty("segmentsSynthesized").GetInt32());
        Assert.Equal(plan.Segments.Count - changed, run.GetProperty("segmentsReused").GetInt32());
        Assert.NotEqual(masterBefore, await Client.Http.GetByteArrayAsync($"/api/episodes/{id}/artifacts/episode.mp3"));
        Assert.Contains("freshly edited line", await Client.Http.GetStringAsync($"/api/episodes/{id}/artifacts/transcript.vtt"), StringComparison.Ordinal);
        EpisodeManifest manifest = await Store.ReadJsonAsync<EpisodeManifest>(ArtifactNames.Manifest(id), default);
        ManifestRevision revision = Assert.Single(manifest.Revisions!);
        Assert.Equal((1, changed, plan.Segments.Count - changed), (revision.Revision, revision.SegmentsSynthesized, revision.SegmentsReused));
        Assert.Equal(plan.Segments.Where(s => s.Turn == edited).Sum(s => (long)s.Text.Length), revision.CharactersSynthesized);
        Assert.Equal(plan.Segments.Count, manifest.Costs.Calls.Count(c => c.Stage == "revoice-r1"));
        Assert.Equal(manifest.Costs.Calls.Sum(c => c.Usage.CostUsd), manifest.Costs.TotalUsd);
        Assert.Equal(manifest.Costs.TotalUsd, status.GetProperty("costUsd").GetDecimal());
        string feed = await Client.Http.GetStringAsync("/api/feed.xml");
        Assert.Single(feed.Split($"podcastfactory:{id}<").Skip(1));
    }

    [Fact]
    public async Task Revoice_OneHostsVoiceChanged_SynthesizesExactlyThatHostsSegments()
    {
        string id = NewId("revoice-voice");
        await ProduceAudioEpisodeAsync(id);
        (JsonObject script, string etag) = await GetScriptAsync(id);

        using HttpResponseMessage put = await PutScriptAsync(id, etag, Edit(script["turns"]!.AsArray(), edited: -1, newText: null, voices: new JsonObject { ["Sam"] = "flite:awb" }));
        using HttpResponseMessage revoice = await Client.PostJsonAsync($"/api/episodes/{id}/revoice", "");
        JsonElement status = await Client.WaitForAsync(id, IsRevoiced(1), TimeSpan.FromMinutes(2));

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal("flite:awb", (await Client.JsonAsync(put)).GetProperty("voices").GetProperty("Sam").GetString());
        Assert.Equal(HttpStatusCode.Accepted, revoice.StatusCode);
        SegmentPlan plan = await Store.ReadJsonAsync<SegmentPlan>(ArtifactNames.SegmentPlan(id), default);
        int sam = plan.Segments.Count(s => s.Speaker == "Sam");
        Assert.All(plan.Segments.Where(s => s.Speaker == "Sam"), s => Assert.Equal("flite:awb", s.Voice));
        JsonElement run = status.GetProperty("revoice");
        Assert.Equal((sam, plan.Segments.Count - sam), (run.GetProperty("segmentsSynthesized").GetInt32(), run.GetProperty("segmentsReused").GetInt32()));
    }

    [Fact]
    public async Task Script_PutWithoutOrWithStaleIfMatch_Returns428Then412()
    {
        string id = NewId("edit-etag");
        using HttpResponseMessage started = await Client.PostJsonAsync("/api/episodes", ContractClient.EpisodeBody(id));
        await Client.WaitForAsync(id, ContractClient.IsFinished, TimeSpan.FromMinutes(1));
        (JsonObject script, string etag) = await GetScriptAsync(id);
        string body = Edit(script["turns"]!.AsArray(), 0, "An edited opening line.", voices: null);

        using HttpResponseMessage missing = await PutScriptAsync(id, null, body);
        using HttpResponseMessage first = await PutScriptAsync(id, etag, body);
        using HttpResponseMessage stale = await PutScriptAsync(id, etag, body);
        using HttpResponseMessage unknown = await PutScriptAsync(id, first.Headers.ETag?.Tag, """{"turns":[{"speaker":"Alex","text":"Hi.","tone":"warm"}]}""");

        await Client.AssertProblemAsync(missing, HttpStatusCode.PreconditionRequired);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        JsonElement problem = await Client.AssertProblemAsync(stale, HttpStatusCode.PreconditionFailed);
        Assert.Contains("revision is 1", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.True((await Client.AssertProblemAsync(unknown, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("turns[0].tone", out _));
    }

    async Task ProduceAudioEpisodeAsync(string id)
    {
        string body = JsonSerializer.Serialize(new
        {
            id,
            topic = "How durable workflows recover",
            priority = "audio",
            targetMinutes = 1,
            sources = new[] { new { kind = "text", value = ContractClient.Source, name = "notes.md" } },
        });
        using HttpResponseMessage started = await Client.PostJsonAsync("/api/episodes", body);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        JsonElement status = await Client.WaitForAsync(id, ContractClient.IsFinished, TimeSpan.FromMinutes(2));
        Assert.Equal("completed", status.GetProperty("outcome").GetString());
    }

    async Task<(JsonObject Script, string ETag)> GetScriptAsync(string id)
    {
        using HttpResponseMessage response = await Client.Http.GetAsync($"/api/episodes/{id}/script");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject(), response.Headers.ETag!.Tag);
    }

    Task<HttpResponseMessage> PutScriptAsync(string id, string? etag, string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/episodes/{id}/script") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (etag is not null)
        {
            request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(etag));
        }

        return Client.Http.SendAsync(request);
    }

    // The PUT body from the GET document's turns, with turn `edited` saying `newText`.
    static string Edit(JsonArray turns, int edited, string? newText, JsonObject? voices)
    {
        var edit = new JsonArray();
        for (int i = 0; i < turns.Count; i++)
        {
            edit.Add(new JsonObject
            {
                ["speaker"] = (string)turns[i]!["speaker"]!,
                ["text"] = i == edited ? newText : (string)turns[i]!["text"]!,
                ["chapter"] = turns[i]!["chapter"]?.DeepClone(),
                ["claims"] = turns[i]!["claims"]!.DeepClone(),
            });
        }

        var body = new JsonObject { ["turns"] = edit };
        if (voices is not null)
        {
            body["voices"] = voices;
        }

        return body.ToJsonString();
    }

    static Func<JsonElement, bool> IsRevoiced(int revision) => status =>
        status.TryGetProperty("revoice", out JsonElement run) && run.GetProperty("revision").GetInt32() == revision
        && run.GetProperty("runtimeStatus").GetString() is "completed" or "failed" or "terminated";
}
