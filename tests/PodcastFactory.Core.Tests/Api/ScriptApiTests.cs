using System.Text.Json;
using Microsoft.DurableTask.Converters;
using Microsoft.DurableTask.Client;
using PodcastFactory.Core.Api;
using PodcastFactory.Core.Artifacts;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Workflow;
using PodcastFactory.Core.Workflow.Revoicing;

namespace PodcastFactory.Core.Tests.Api;

public sealed class ScriptApiTests : IDisposable
{
    private const string Id = "ep-edit";
    private const string EditBody = """{"turns":[{"speaker":"Alex","text":"Welcome back."},{"speaker":"Sam","text":"Edited line.","chapter":"Intro","claims":[1]}]}""";
    private readonly ApiTestHost _host = new();

    private ScriptApi Api => _host.Get<ScriptApi>();

    private IArtifactStore Store => _host.Get<IArtifactStore>();

    private async Task FinishedEpisodeAsync(OrchestrationRuntimeStatus status = OrchestrationRuntimeStatus.Completed)
    {
        var input = new EpisodeInput(Id, new EpisodeRequest { Topic = "Edits" }, [], new EpisodeSettings(4, 600, new CostEstimates(0, 0, 0, 0, 0)));
        _host.Client.Instances[Id] = new OrchestrationMetadata(nameof(EpisodeOrchestrator), Id)
        {
            RuntimeStatus = status,
            SerializedInput = JsonDataConverter.Default.Serialize(input),
            DataConverter = JsonDataConverter.Default,
        };
        Script script = new("Edits", [new ScriptTurn("Alex", "Welcome.", [0], "Opening"), new ScriptTurn("Sam", "Thanks.")], 1);
        await Store.WriteJsonAsync(ArtifactNames.Script(Id), script, null, default);
    }

    private async Task<ApiResponse> GetAsync()
    {
        var request = ApiTestHost.Request();
        return await _host.ExecuteAsync(request, await Api.GetAsync(request, Id, default));
    }

    private async Task<ApiResponse> PutAsync(string body, string? ifMatch)
    {
        var request = ApiTestHost.Request(body, "PUT");
        if (ifMatch is not null)
        {
            request.Headers.IfMatch = ifMatch;
        }

        return await _host.ExecuteAsync(request, await Api.PutAsync(request, Id, default));
    }

    private async Task<ApiResponse> RevoiceAsync()
    {
        var request = ApiTestHost.Request("{}", "POST");
        return await _host.ExecuteAsync(request, await Api.RevoiceAsync(request, Id, default));
    }

    [Fact]
    public async Task GetAsync_FinishedEpisode_ReturnsRevisionZeroWithHostsVoicesTurnsAndETag()
    {
        await FinishedEpisodeAsync();

        var response = await GetAsync();

        Assert.Equal(200, response.Status);
        Assert.False(string.IsNullOrEmpty(response.Headers.ETag));
        JsonElement json = response.Json;
        Assert.Equal(0, json.GetProperty("revision").GetInt32());
        Assert.Equal(["Alex", "Sam"], json.GetProperty("hosts").EnumerateArray().Select(h => h.GetString()));
        Assert.Equal("flite:slt", json.GetProperty("voices").GetProperty("Sam").GetString());
        Assert.Equal("Opening", json.GetProperty("turns")[0].GetProperty("chapter").GetString());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("turns")[1].GetProperty("chapter").ValueKind);
        Assert.Equal(1, json.GetProperty("turns")[1].GetProperty("index").GetInt32());
    }

    [Fact]
    public async Task GetAsync_UnknownEpisode_Returns404()
    {
        var response = await GetAsync();

        Assert.Equal(404, response.Status);
    }

    [Fact]
    public async Task PutAsync_WithoutIfMatch_Returns428AndSavesNothing()
    {
        await FinishedEpisodeAsync();

        var response = await PutAsync(EditBody, ifMatch: null);

        Assert.Equal(428, response.Status);
        Assert.Null(await Store.GetInfoAsync(ArtifactNames.ScriptEdit(Id, 1), default));
    }

    [Fact]
    public async Task PutAsync_CurrentETag_SavesRevisionOneKeepsRevisionZeroAndUpdatesScriptJson()
    {
        await FinishedEpisodeAsync();
        string etag = (await GetAsync()).Headers.ETag!;

        var response = await PutAsync(EditBody, etag);

        Assert.Equal(200, response.Status);
        Assert.Equal(1, response.Json.GetProperty("revision").GetInt32());
        Assert.NotEqual(etag, response.Headers.ETag.ToString());
        Assert.Equal("Welcome.", (await Store.ReadJsonAsync<ScriptEdit>(ArtifactNames.ScriptEdit(Id, 0), default)).Turns[0].Text);
        Script script = await Store.ReadJsonAsync<Script>(ArtifactNames.Script(Id), default);
        Assert.Equal("Edited line.", script.Turns[1].Text);
        Assert.Equal(1, (await GetAsync()).Json.GetProperty("revision").GetInt32());
    }

    [Fact]
    public async Task PutAsync_WeakFormOfTheCurrentETag_Returns412AndSavesNothing()
    {
        await FinishedEpisodeAsync();
        string etag = (await GetAsync()).Headers.ETag!;

        var response = await PutAsync(EditBody, "W/" + etag);

        Assert.Equal(412, response.Status);
        Assert.Null(await Store.GetInfoAsync(ArtifactNames.ScriptEdit(Id, 1), default));
    }

    [Fact]
    public async Task PutAsync_CurrentETagInAList_Saves()
    {
        await FinishedEpisodeAsync();
        string etag = (await GetAsync()).Headers.ETag!;

        var response = await PutAsync(EditBody, "\"other\", " + etag);

        Assert.Equal(200, response.Status);
    }

    [Fact]
    public async Task PutAsync_StaleETag_Returns412NamingTheCurrentRevision()
    {
        await FinishedEpisodeAsync();
        string etag = (await GetAsync()).Headers.ETag!;
        Assert.Equal(200, (await PutAsync(EditBody, etag)).Status);

        var response = await PutAsync(EditBody, etag);

        Assert.Equal(412, response.Status);
        Assert.Contains("revision is 1", response.Json.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Null(await Store.GetInfoAsync(ArtifactNames.ScriptEdit(Id, 2), default));
    }

    [Fact]
    public async Task PutAsync_UnknownFieldAndControlCharacter_Returns400NamingThem()
    {
        await FinishedEpisodeAsync();
        string etag = (await GetAsync()).Headers.ETag!;

        var response = await PutAsync("""{"turns":[{"speaker":"Alex","text":"a\u0007b","mood":"happy"}]}""", etag);

        Assert.Equal(400, response.Status);
        JsonElement errors = response.Json.GetProperty("errors");
        Assert.True(errors.TryGetProperty("turns[0].mood", out _), response.Text);
        Assert.True(errors.TryGetProperty("turns[0].text", out _), response.Text);
    }

    [Fact]
    public async Task PutAsync_GetBodySentBackUnchanged_SavesTheNextRevision()
    {
        await FinishedEpisodeAsync();
        ApiResponse read = await GetAsync();

        var response = await PutAsync(read.Text, read.Headers.ETag!);

        Assert.Equal(200, response.Status);
        Assert.Equal(1, response.Json.GetProperty("revision").GetInt32());
        Assert.Equal(read.Json.GetProperty("turns").ToString(), response.Json.GetProperty("turns").ToString());
        Assert.Equal(read.Json.GetProperty("voices").ToString(), response.Json.GetProperty("voices").ToString());
    }

    [Fact]
    public async Task PutAsync_GetBodyWithATurnDeleted_IgnoresTheIndexes()
    {
        await FinishedEpisodeAsync();
        ApiResponse read = await GetAsync();
        string body = $$"""{"episodeId":"{{Id}}","revision":0,"hosts":["Alex","Sam"],"turns":[{"index":1,"speaker":"Sam","text":"Thanks.","chapter":null,"claims":[]}]}""";

        var response = await PutAsync(body, read.Headers.ETag!);

        Assert.Equal(200, response.Status);
        Assert.Equal(0, response.Json.GetProperty("turns")[0].GetProperty("index").GetInt32());
    }

    [Theory]
    [InlineData("""{"episodeId":"someone-else","turns":[{"speaker":"Alex","text":"Hi."}]}""", "episodeId")]
    [InlineData("""{"hosts":["Alex","Mallory"],"turns":[{"speaker":"Alex","text":"Hi."}]}""", "hosts")]
    [InlineData("""{"hosts":"Alex","turns":[{"speaker":"Alex","text":"Hi."}]}""", "hosts")]
    [InlineData("""{"episodeId":7,"turns":[{"speaker":"Alex","text":"Hi."}]}""", "episodeId")]
    [InlineData("""{"turns":[{"index":-1,"speaker":"Alex","text":"Hi."}]}""", "turns[0].index")]
    [InlineData("""{"turns":[{"index":"first","speaker":"Alex","text":"Hi."}]}""", "turns[0].index")]
    [InlineData("""{"revision":"zero","turns":[{"speaker":"Alex","text":"Hi."}]}""", "revision")]
    public async Task PutAsync_ReadOnlyFieldWrongOrMistyped_Returns400NamingIt(string body, string field)
    {
        await FinishedEpisodeAsync();
        string etag = (await GetAsync()).Headers.ETag!;

        var response = await PutAsync(body, etag);

        Assert.Equal(400, response.Status);
        Assert.True(response.Json.GetProperty("errors").TryGetProperty(field, out _), response.Text);
        Assert.Null(await Store.GetInfoAsync(ArtifactNames.ScriptEdit(Id, 1), default));
    }

    [Fact]
    public async Task PutAsync_BodyOfAnOlderRevisionWithWildcardIfMatch_Returns412()
    {
        await FinishedEpisodeAsync();
        ApiResponse read = await GetAsync();
        Assert.Equal(200, (await PutAsync(EditBody, read.Headers.ETag!)).Status);

        var response = await PutAsync(read.Text, "*");

        Assert.Equal(412, response.Status);
        Assert.Null(await Store.GetInfoAsync(ArtifactNames.ScriptEdit(Id, 2), default));
    }

    [Theory]
    [InlineData("flite:nobody")]
    [InlineData("en-us+zz9")]
    [InlineData("nosuchvoice")]
    public async Task PutAsync_UnknownVoice_Returns400NamingTheHostAndSavesNothing(string voice)
    {
        await FinishedEpisodeAsync();
        string etag = (await GetAsync()).Headers.ETag!;

        var response = await PutAsync($$"""{"voices":{"Sam":"{{voice}}"},"turns":[{"speaker":"Alex","text":"Hi."}]}""", etag);

        Assert.Equal(400, response.Status);
        string message = response.Json.GetProperty("errors").GetProperty("voices.Sam")[0].GetString()!;
        Assert.Contains("flite:rms", message, StringComparison.Ordinal);
        Assert.Null(await Store.GetInfoAsync(ArtifactNames.ScriptEdit(Id, 1), default));
    }

    [Fact]
    public async Task PutAsync_KnownVoice_SavesIt()
    {
        await FinishedEpisodeAsync();
        string etag = (await GetAsync()).Headers.ETag!;

        var response = await PutAsync("""{"voices":{"Sam":"en-gb+f2"},"turns":[{"speaker":"Alex","text":"Hi."}]}""", etag);

        Assert.Equal(200, response.Status);
        Assert.Equal("en-gb+f2", response.Json.GetProperty("voices").GetProperty("Sam").GetString());
    }

    [Fact]
    public async Task PutAsync_SpeakerNotAHost_Returns400()
    {
        await FinishedEpisodeAsync();
        string etag = (await GetAsync()).Headers.ETag!;

        var response = await PutAsync("""{"turns":[{"speaker":"Mallory","text":"Hi."}]}""", etag);

        Assert.Equal(400, response.Status);
        Assert.True(response.Json.GetProperty("errors").TryGetProperty("turns[0].speaker", out _), response.Text);
    }

    [Fact]
    public async Task PutAsync_EpisodeStillRunning_Returns409()
    {
        await FinishedEpisodeAsync(OrchestrationRuntimeStatus.Running);
        string etag = (await GetAsync()).Headers.ETag!;

        var response = await PutAsync(EditBody, etag);

        Assert.Equal(409, response.Status);
    }

    [Fact]
    public async Task RevoiceAsync_SameRevisionTwice_StartsOneRevoiceOfThatRevision()
    {
        await FinishedEpisodeAsync();
        Assert.Equal(200, (await PutAsync(EditBody, (await GetAsync()).Headers.ETag!)).Status);

        var first = await RevoiceAsync();
        var second = await RevoiceAsync();

        Assert.Equal(202, first.Status);
        Assert.Equal(200, second.Status);
        Assert.Equal(1, first.Json.GetProperty("revision").GetInt32());
        Assert.Equal(first.Text, second.Text);
        var started = Assert.Single(_host.Client.Started);
        Assert.Equal((nameof(RevoiceOrchestrator), "ep-edit-revoice-1"), (started.Name, started.InstanceId));
        Assert.Equal(1, ((RevoiceInput)started.Input!).Revision);
    }

    [Fact]
    public async Task PutAsync_NewLexicon_IsTheRevisionsAndTheRevoiceIsStartedWithIt()
    {
        await FinishedEpisodeAsync();
        const string body = """{"turns":[{"speaker":"Alex","text":"Welcome to SQL."},{"speaker":"Sam","text":"Thanks."}],"lexicon":[{"text":"SQL","say":"sequel"}]}""";

        Assert.Equal(200, (await PutAsync(body, (await GetAsync()).Headers.ETag!)).Status);
        var read = await GetAsync();
        var revoice = await RevoiceAsync();

        Assert.Equal("sequel", read.Json.GetProperty("lexicon")[0].GetProperty("say").GetString());
        Assert.Equal(202, revoice.Status);
        var input = (RevoiceInput)Assert.Single(_host.Client.Started).Input!;
        Assert.Equal([new LexiconEntry("SQL", "sequel")], input.Lexicon!);
        Assert.Equal([new LexiconEntry("SQL", "sequel")], input.AsEpisodeInput().Request.Lexicon);
    }

    [Fact]
    public async Task PutAsync_LexiconOverItsCap_Returns400NamingTheLexicon()
    {
        await FinishedEpisodeAsync();
        string entries = string.Join(',', Enumerable.Range(0, LexiconEntry.MaxEntries + 1).Select(i => $"{{\"text\":\"W{i}\",\"say\":\"w\"}}"));

        var response = await PutAsync("{\"turns\":[{\"speaker\":\"Alex\",\"text\":\"Hi.\"}],\"lexicon\":[" + entries + "]}", (await GetAsync()).Headers.ETag!);

        Assert.Equal(400, response.Status);
        Assert.True(response.Json.GetProperty("errors").TryGetProperty("lexicon", out _), response.Text);
    }

    [Fact]
    public async Task RevoiceAsync_NoEditYet_Returns409()
    {
        await FinishedEpisodeAsync();

        var response = await RevoiceAsync();

        Assert.Equal(409, response.Status);
        Assert.Empty(_host.Client.Started);
    }

    [Fact]
    public async Task RevoiceAsync_UnknownField_Returns400()
    {
        await FinishedEpisodeAsync();
        var request = ApiTestHost.Request("""{"force":true}""", "POST");

        var response = await _host.ExecuteAsync(request, await Api.RevoiceAsync(request, Id, default));

        Assert.Equal(400, response.Status);
    }

    [Fact]
    public async Task RevoiceAsync_OlderRevoiceNotFinished_Returns409AndStartsNothing()
    {
        await FinishedEpisodeAsync();
        Assert.Equal(200, (await PutAsync(EditBody, (await GetAsync()).Headers.ETag!)).Status);
        Assert.Equal(202, (await RevoiceAsync()).Status);
        Assert.Equal(200, (await PutAsync(EditBody, (await GetAsync()).Headers.ETag!)).Status);

        var response = await RevoiceAsync();

        Assert.Equal(409, response.Status);
        Assert.Contains("revision 1", response.Json.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Single(_host.Client.Started);
    }

    [Theory]
    [InlineData(-60, 202)]
    [InlineData(0, 200)]
    public async Task RevoiceAsync_ClaimWithoutOrchestration_IsTakenOverOnlyOnceOrphaned(int claimedMinutesAgo, int expected)
    {
        await FinishedEpisodeAsync();
        Assert.Equal(200, (await PutAsync(EditBody, (await GetAsync()).Headers.ETag!)).Status);
        string claim = JsonSerializer.Serialize(new { revision = 1, generation = 0, claimedAt = DateTimeOffset.UtcNow.AddMinutes(claimedMinutesAgo) });
        await Store.WriteTextAsync(ArtifactNames.RevoiceClaim(Id, 1), claim, null, default);

        var response = await RevoiceAsync();

        Assert.Equal(expected, response.Status);
        Assert.Equal(expected == 202 ? 1 : 0, _host.Client.Started.Count);
        Assert.Equal(expected == 202, await Store.GetInfoAsync(ArtifactNames.RevoiceClaim(Id, 1, generation: 1), default) is not null);
    }

    [Fact]
    public async Task GetAsync_UnknownQueryParameter_Returns400()
    {
        await FinishedEpisodeAsync();
        var request = ApiTestHost.Request(query: "?revision=3");

        var response = await _host.ExecuteAsync(request, await Api.GetAsync(request, Id, default));

        Assert.Equal(400, response.Status);
    }

    public void Dispose() => _host.Dispose();
}
