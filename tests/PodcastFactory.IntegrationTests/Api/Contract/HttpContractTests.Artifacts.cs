using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using PodcastFactory.Core.Artifacts;

namespace PodcastFactory.IntegrationTests.Api.Contract;

/// <summary>The contract, continued: artifact downloads, approval and cancellation.</summary>
public abstract partial class HttpContractTests
{
    [Fact]
    public async Task Artifact_NestedName_ReturnsBytesWithContentType()
    {
        string id = NewId("nested");
        await Store.WriteTextAsync(ArtifactNames.ResearchAngle(id, 0), "# Angle one\n\nCheckpoints.", null, CancellationToken.None);

        using HttpResponseMessage response = await Client.Http.GetAsync($"/api/episodes/{id}/artifacts/research/angle-1.md");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/markdown", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("# Angle one\n\nCheckpoints.", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Artifact_LargeAudio_StreamsEveryByteAsAudio()
    {
        string id = NewId("large");
        byte[] audio = new byte[12 * 1024 * 1024];
        new Random(12).NextBytes(audio);
        await Store.WriteAsync($"{id}/episode.mp3", new MemoryStream(audio), ContentTypes.Mp3, null, CancellationToken.None);

        using HttpResponseMessage response = await Client.Http.GetAsync($"/api/episodes/{id}/artifacts/episode.mp3", HttpCompletionOption.ResponseHeadersRead);
        byte[] downloaded = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("audio/mpeg", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(audio.Length, downloaded.Length);
        Assert.Equal(SHA256.HashData(audio), SHA256.HashData(downloaded));
    }

    [Fact]
    public async Task Artifact_Missing_Returns404ProblemDetails()
    {
        using HttpResponseMessage response = await Client.Http.GetAsync($"/api/episodes/{NewId("gone")}/artifacts/script.md");

        await Client.AssertProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Artifact_HiddenName_Returns400ProblemDetails()
    {
        using HttpResponseMessage response = await Client.Http.GetAsync($"/api/episodes/{NewId("hidden")}/artifacts/audio/.episode.mp3.meta");

        await Client.AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Approve_EpisodeWaitingForApproval_Returns202AndTheEpisodeCompletes()
    {
        string id = NewId("approve");
        using HttpResponseMessage started = await Client.PostJsonAsync("/api/episodes", ContractClient.EpisodeBody(id, requireApproval: true));
        await Client.WaitForAsync(id, ContractClient.IsAwaitingApproval, TimeSpan.FromMinutes(1));

        using HttpResponseMessage approved = await Client.PostJsonAsync($"/api/episodes/{id}/approve", """{"approved":true,"reviewer":"kim"}""");

        Assert.Equal(HttpStatusCode.Accepted, approved.StatusCode);
        JsonElement status = await Client.WaitForAsync(id, ContractClient.IsFinished, TimeSpan.FromMinutes(1));
        Assert.Equal("completed", status.GetProperty("runtimeStatus").GetString());
        using HttpResponseMessage again = await Client.PostJsonAsync($"/api/episodes/{id}/approve", """{"approved":true}""");
        await Client.AssertProblemAsync(again, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Reject_EpisodeWaitingForApproval_EndsRejectedWithTheReasonAndPublishesNothing()
    {
        string id = NewId("reject");
        using HttpResponseMessage started = await Client.PostJsonAsync("/api/episodes", ContractClient.EpisodeBody(id, requireApproval: true));
        await Client.WaitForAsync(id, ContractClient.IsAwaitingApproval, TimeSpan.FromMinutes(1));

        using HttpResponseMessage rejected = await Client.PostJsonAsync($"/api/episodes/{id}/reject", """{"reason":"off-topic tangent","reviewer":"kim"}""");

        Assert.Equal(HttpStatusCode.Accepted, rejected.StatusCode);
        JsonElement status = await Client.WaitForAsync(id, ContractClient.IsFinished, TimeSpan.FromMinutes(1));
        Assert.Equal("rejected", status.GetProperty("outcome").GetString());
        Assert.Contains("off-topic tangent", status.GetProperty("error").GetString(), StringComparison.Ordinal);
        using HttpResponseMessage again = await Client.PostJsonAsync($"/api/episodes/{id}/reject", """{"reason":"twice"}""");
        await Client.AssertProblemAsync(again, HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData("""{"reviewer":"kim"}""")]
    [InlineData("""{"reason":7}""")]
    [InlineData("""{"reason":"no","because":"x"}""")]
    public async Task Reject_BadBody_Returns400ProblemDetails(string body)
    {
        using HttpResponseMessage response = await Client.PostJsonAsync($"/api/episodes/{NewId("nobody")}/reject", body);

        await Client.AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Approve_WithoutDecision_Returns400ProblemDetails()
    {
        using HttpResponseMessage response = await Client.PostJsonAsync($"/api/episodes/{NewId("undecided")}/approve", """{"reviewer":"kim"}""");

        await Client.AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Approve_UnknownEpisode_Returns404ProblemDetails()
    {
        using HttpResponseMessage response = await Client.PostJsonAsync($"/api/episodes/{NewId("nobody")}/approve", """{"approved":true}""");

        await Client.AssertProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Cancel_RunningEpisode_Returns202ThenTerminatedThen409()
    {
        string id = NewId("cancel");
        using HttpResponseMessage started = await Client.PostJsonAsync("/api/episodes", ContractClient.EpisodeBody(id, requireApproval: true));
        await Client.WaitForAsync(id, ContractClient.IsAwaitingApproval, TimeSpan.FromMinutes(1));

        using HttpResponseMessage cancelled = await Client.Http.PostAsync($"/api/episodes/{id}/cancel", null);

        Assert.Equal(HttpStatusCode.Accepted, cancelled.StatusCode);
        JsonElement status = await Client.WaitForAsync(id, ContractClient.IsFinished, TimeSpan.FromMinutes(1));
        Assert.Equal("terminated", status.GetProperty("runtimeStatus").GetString());
        using HttpResponseMessage again = await Client.Http.PostAsync($"/api/episodes/{id}/cancel", null);
        await Client.AssertProblemAsync(again, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Cancel_UnknownEpisode_Returns404ProblemDetails()
    {
        using HttpResponseMessage response = await Client.Http.PostAsync($"/api/episodes/{NewId("nobody")}/cancel", null);

        await Client.AssertProblemAsync(response, HttpStatusCode.NotFound);
    }
}
