using System.Text.Json;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Converters;
using PodcastFactory.Core.Api;
using PodcastFactory.Core.Artifacts;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Workflow;
using PodcastFactory.Core.Workflow.Activities;
using PodcastFactory.Core.Workflow.Revoicing;

namespace PodcastFactory.Core.Tests.Api;

public sealed class ReviewApiTests : IDisposable
{
    private const string Id = "ep-review";
    private readonly ApiTestHost _host = new();

    private ReviewApi Api => _host.Get<ReviewApi>();

    private IArtifactStore Store => _host.Get<IArtifactStore>();

    private async Task FinishedAsync(string status, EpisodeOutcome outcome)
    {
        var input = new EpisodeInput(Id, new EpisodeRequest { Topic = "Reviews" }, [], new EpisodeSettings(4, 600, new CostEstimates(0, 0, 0, 0, 0)));
        var result = new EpisodeResult(Id, outcome, "Reviews", [], [], 0.01m, null, ArtifactNames.Manifest(Id));
        _host.Client.Instances[Id] = new OrchestrationMetadata(nameof(EpisodeOrchestrator), Id)
        {
            RuntimeStatus = OrchestrationRuntimeStatus.Completed,
            SerializedInput = JsonDataConverter.Default.Serialize(input),
            SerializedOutput = JsonDataConverter.Default.Serialize(result),
            DataConverter = JsonDataConverter.Default,
        };
        await Store.WriteJsonAsync(ArtifactNames.Script(Id), new Script("Reviews", [new ScriptTurn("Alex", "Welcome."), new ScriptTurn("Sam", "Thanks.")], 2), null, default);
        await Store.WriteJsonAsync(ArtifactNames.Manifest(Id), new EpisodeManifest(Id, "Reviews", status, null, input.Request, DateTime.UtcNow, [],
            new ManifestCosts(0.01m, [], []), [], []), null, default);
        await Store.WriteJsonAsync(ArtifactNames.Review(Id, 0), new ScriptReview(0, false, 0.4, [new ReviewCheck("length", false, "first draft")], []), null, default);
        await Store.WriteJsonAsync(ArtifactNames.Review(Id, 2), new ScriptReview(2, false, 0.5,
            [new ReviewCheck("length", false, "310 words; 650-850 needed"), new ReviewCheck("balance", true, "ok"), new ReviewCheck("grounding", false, "2 of 9 turns cite notes")],
            ["add key points"]), null, default);
    }

    private async Task<ApiResponse> PostAsync(string body, bool reject)
    {
        var request = ApiTestHost.Request(body, "POST");
        return await _host.ExecuteAsync(request, reject ? await Api.RejectAsync(request, Id, default) : await Api.ApproveAsync(request, Id, default));
    }

    private async Task<EpisodeManifest> ManifestAsync() => await Store.ReadJsonAsync<EpisodeManifest>(ArtifactNames.Manifest(Id), default);

    private async Task<JsonElement> StatusAsync()
    {
        var request = ApiTestHost.Request();
        return (await _host.ExecuteAsync(request, await _host.Get<EpisodeApi>().GetAsync(request, Id, default))).Json;
    }

    [Fact]
    public async Task ApproveAsync_EpisodeWaitingForApproval_RaisesTheDecision()
    {
        _host.Client.Instances[Id] = FakeDurableClient.Metadata(Id, OrchestrationRuntimeStatus.Running, """{"stage":"approval","percent":62,"costUsd":0,"warnings":[]}""");
        var request = ApiTestHost.Request("""{"approved":true,"reviewer":"kim","comment":"good"}""", "POST");

        var response = await _host.ExecuteAsync(request, await Api.ApproveAsync(request, Id, default));

        Assert.Equal(202, response.Status);
        var (instance, name, payload) = Assert.Single(_host.Client.Events);
        Assert.Equal((Id, ApprovalDecision.EventName), (instance, name));
        Assert.Equal(new ApprovalDecision(true, "kim", "good"), payload);
    }

    [Fact]
    public async Task ApproveAsync_EpisodeNotWaiting_Returns409AndRaisesNothing()
    {
        _host.Client.Instances[Id] = FakeDurableClient.Metadata(Id, OrchestrationRuntimeStatus.Running, """{"stage":"audio","percent":70,"costUsd":0,"warnings":[]}""");
        var request = ApiTestHost.Request("""{"approved":true}""", "POST");

        var response = await _host.ExecuteAsync(request, await Api.ApproveAsync(request, Id, default));

        Assert.Equal(409, response.Status);
        Assert.Empty(_host.Client.Events);
    }

    [Fact]
    public async Task GetAsync_NeedsReviewEpisode_StatusListsTheLastReviewsFailedChecksWithMessages()
    {
        await FinishedAsync("needs-review", EpisodeOutcome.NeedsReview);

        JsonElement status = await StatusAsync();

        Assert.Equal("needs-review", status.GetProperty("outcome").GetString());
        JsonElement review = status.GetProperty("review");
        Assert.Equal(2, review.GetProperty("revision").GetInt32());
        Assert.Equal(["length", "grounding"], review.GetProperty("failedChecks").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        Assert.Equal("310 words; 650-850 needed", review.GetProperty("failedChecks")[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task ApproveAsync_FinishedNeedsReview_RecordsTheDecisionAndStartsAPublishingRevoiceOfTheScript()
    {
        await FinishedAsync("needs-review", EpisodeOutcome.NeedsReview);

        var response = await PostAsync("""{"approved":true,"reviewer":"kim","comment":"fine as is"}""", reject: false);

        Assert.Equal(202, response.Status);
        Assert.Equal("approved", response.Json.GetProperty("decision").GetString());
        Assert.Equal(1, response.Json.GetProperty("revision").GetInt32());
        EpisodeManifest manifest = await ManifestAsync();
        Assert.True(manifest.Decision!.Approved);
        Assert.Equal("kim", manifest.Decision.Reviewer);
        Assert.Equal("Welcome.", (await Store.ReadJsonAsync<ScriptEdit>(ArtifactNames.ScriptEdit(Id, 1), default)).Turns[0].Text);
        var started = Assert.Single(_host.Client.Started);
        Assert.Equal(RevoiceOrchestrator.InstanceId(Id, 1), started.InstanceId);
        Assert.Null(Assert.IsType<RevoiceInput>(started.Input).PublishHeld);
        Assert.True((await StatusAsync()).GetProperty("review").GetProperty("decision").GetProperty("approved").GetBoolean());
    }

    [Fact]
    public async Task RevoiceOfNeedsReviewEpisode_WithoutApproval_IsStartedWithPublishingHeld()
    {
        await FinishedAsync("needs-review", EpisodeOutcome.NeedsReview);
        var scriptApi = _host.Get<ScriptApi>();
        var get = ApiTestHost.Request();
        string etag = (await _host.ExecuteAsync(get, await scriptApi.GetAsync(get, Id, default))).Headers.ETag!;
        var put = ApiTestHost.Request("""{"turns":[{"speaker":"Alex","text":"Edited."}]}""", "PUT");
        put.Headers.IfMatch = etag;
        Assert.Equal(200, (await _host.ExecuteAsync(put, await scriptApi.PutAsync(put, Id, default))).Status);
        var post = ApiTestHost.Request("{}", "POST");

        Assert.Equal(202, (await _host.ExecuteAsync(post, await scriptApi.RevoiceAsync(post, Id, default))).Status);

        var input = Assert.IsType<RevoiceInput>(Assert.Single(_host.Client.Started).Input);
        Assert.Contains("needs-review", input.PublishHeld, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApproveAsync_AfterAHeldRevoice_VoicesANewRevisionThatMayPublish()
    {
        await RevoiceOfNeedsReviewEpisode_WithoutApproval_IsStartedWithPublishingHeld();
        _host.Client.Instances[RevoiceOrchestrator.InstanceId(Id, 1)] = FakeDurableClient.Metadata(RevoiceOrchestrator.InstanceId(Id, 1), OrchestrationRuntimeStatus.Failed);

        var response = await PostAsync("""{"approved":true}""", reject: false);

        Assert.Equal(202, response.Status);
        Assert.Equal(2, response.Json.GetProperty("revision").GetInt32());
        var started = _host.Client.Started.Last();
        Assert.Equal(RevoiceOrchestrator.InstanceId(Id, 2), started.InstanceId);
        Assert.Null(Assert.IsType<RevoiceInput>(started.Input).PublishHeld);
        Assert.Equal("Edited.", (await Store.ReadJsonAsync<ScriptEdit>(ArtifactNames.ScriptEdit(Id, 2), default)).Turns[0].Text);
    }

    [Fact]
    public async Task RejectAsync_FinishedNeedsReview_EndsRejectedWithTheReasonInManifestAndStatus()
    {
        await FinishedAsync("needs-review", EpisodeOutcome.NeedsReview);

        var response = await PostAsync("""{"reason":"off-topic tangent","reviewer":"kim"}""", reject: true);

        Assert.Equal(200, response.Status);
        EpisodeManifest manifest = await ManifestAsync();
        Assert.Equal("rejected", manifest.Status);
        Assert.Equal("rejected by kim: off-topic tangent", manifest.Error);
        Assert.False(manifest.Decision!.Approved);
        JsonElement status = await StatusAsync();
        Assert.Equal("rejected", status.GetProperty("outcome").GetString());
        Assert.Equal("rejected by kim: off-topic tangent", status.GetProperty("error").GetString());
        Assert.Empty(_host.Client.Started);
    }

    [Fact]
    public async Task ApproveAsync_RejectedEpisode_Returns409AndStartsNothing()
    {
        await FinishedAsync("needs-review", EpisodeOutcome.NeedsReview);
        Assert.Equal(200, (await PostAsync("""{"reason":"no"}""", reject: true)).Status);

        var response = await PostAsync("""{"approved":true}""", reject: false);

        Assert.Equal(409, response.Status);
        Assert.Empty(_host.Client.Started);
    }

    [Theory]
    [InlineData("completed", EpisodeOutcome.Completed)]
    [InlineData("partial", EpisodeOutcome.Partial)]
    public async Task RejectAsync_PublishedEpisode_Returns409AndChangesNothing(string status, EpisodeOutcome outcome)
    {
        await FinishedAsync(status, outcome);

        var response = await PostAsync("""{"reason":"too late"}""", reject: true);

        Assert.Equal(409, response.Status);
        Assert.Equal("application/problem+json", response.ContentType);
        Assert.Equal(status, (await ManifestAsync()).Status);
    }

    [Fact]
    public async Task RejectAsync_EpisodeWaitingForApproval_RaisesARejection()
    {
        _host.Client.Instances[Id] = FakeDurableClient.Metadata(Id, OrchestrationRuntimeStatus.Running, """{"stage":"approval","percent":62,"costUsd":0,"warnings":[]}""");

        var response = await PostAsync("""{"reason":"tone is off","reviewer":"kim"}""", reject: true);

        Assert.Equal(202, response.Status);
        var (_, name, payload) = Assert.Single(_host.Client.Events);
        Assert.Equal(ApprovalDecision.EventName, name);
        Assert.Equal(new ApprovalDecision(false, "kim", "tone is off"), payload);
    }

    [Theory]
    [InlineData("{}", "reason")]
    [InlineData("""{"reason":"   "}""", "reason")]
    [InlineData("""{"reason":42}""", "reason")]
    [InlineData("""{"reason":"no","reviewer":["kim"]}""", "reviewer")]
    [InlineData("""{"reason":"no","reviewer":"kim\nadmin"}""", "reviewer")]
    [InlineData("""{"reason":"a\u0007b"}""", "reason")]
    [InlineData("""{"reason":"no","approved":false}""", "approved")]
    [InlineData("[]", "body")]
    public async Task RejectAsync_BadBody_Returns400NamingTheFieldAndChangesNothing(string body, string field)
    {
        await FinishedAsync("needs-review", EpisodeOutcome.NeedsReview);

        var response = await PostAsync(body, reject: true);

        Assert.Equal(400, response.Status);
        Assert.Equal("application/problem+json", response.ContentType);
        Assert.True(response.Json.GetProperty("errors").TryGetProperty(field, out _), response.Text);
        Assert.Equal("needs-review", (await ManifestAsync()).Status);
    }

    [Fact]
    public async Task RejectAsync_ReasonTooLong_Returns400()
    {
        await FinishedAsync("needs-review", EpisodeOutcome.NeedsReview);

        var response = await PostAsync(JsonSerializer.Serialize(new { reason = new string('x', ReviewApi.MaxReasonLength + 1) }), reject: true);

        Assert.Equal(400, response.Status);
    }

    [Fact]
    public async Task RejectAsync_EpisodeOnlyInTheStore_RejectsThroughItsManifestButApprovalIsRefused()
    {
        await FinishedAsync("needs-review", EpisodeOutcome.NeedsReview);
        _host.Client.Instances.Clear();

        Assert.Equal(409, (await PostAsync("""{"approved":true}""", reject: false)).Status);
        var response = await PostAsync("""{"reason":"off-topic"}""", reject: true);

        Assert.Equal(200, response.Status);
        Assert.Equal("rejected", (await ManifestAsync()).Status);
        Assert.Empty(_host.Client.Started);
    }

    [Fact]
    public async Task ApproveAsync_ApprovedFalseOnFinishedNeedsReview_RejectsItWithTheComment()
    {
        await FinishedAsync("needs-review", EpisodeOutcome.NeedsReview);

        var response = await PostAsync("""{"approved":false,"comment":"tone is off"}""", reject: false);

        Assert.Equal(200, response.Status);
        Assert.Equal("rejected", (await ManifestAsync()).Status);
        Assert.Equal("rejected: tone is off", (await ManifestAsync()).Error);
    }

    [Theory]
    [InlineData("""{"approved":"yes"}""", "approved")]
    [InlineData("""{"approved":true,"comment":["a"]}""", "comment")]
    [InlineData("""{"approved":true,"reviewer":"kim\tlee\nadmin"}""", "reviewer")]
    [InlineData("""{"approved":true,"publish":true}""", "publish")]
    public async Task ApproveAsync_BadBody_Returns400AndDecidesNothing(string body, string field)
    {
        await FinishedAsync("needs-review", EpisodeOutcome.NeedsReview);

        var response = await PostAsync(body, reject: false);

        Assert.Equal(400, response.Status);
        Assert.True(response.Json.GetProperty("errors").TryGetProperty(field, out _), response.Text);
        Assert.Null((await ManifestAsync()).Decision);
        Assert.Empty(_host.Client.Started);
    }

    [Fact]
    public async Task RejectAsync_UnknownEpisode_Returns404()
    {
        var response = await PostAsync("""{"reason":"no"}""", reject: true);

        Assert.Equal(404, response.Status);
    }

    public void Dispose() => _host.Dispose();
}
