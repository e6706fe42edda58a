using RequestFailedException = Azure.RequestFailedException;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Moq;
using PodcastFactory.Core.Api;

namespace PodcastFactory.Core.Tests.Api;

/// <summary>A backend that fails while the list is read is the server's problem: 503 with Retry-After, never a 400.</summary>
public sealed class EpisodeListFailureTests : IDisposable
{
    readonly ApiTestHost _host = new();

    void BackendFails(Exception failure) =>
        _host.Client.Mock.Setup(c => c.GetAllInstancesAsync(It.IsAny<OrchestrationQuery?>())).Returns(Pageable.Create<OrchestrationMetadata>(
            (_, _, _) => Task.FromException<Page<OrchestrationMetadata>>(failure)));

    async Task<ApiResponse> ListAsync(string query)
    {
        HttpRequest request = ApiTestHost.Request(query: query);
        return await _host.ExecuteAsync(request, await _host.Get<EpisodeApi>().ListAsync(request, default));
    }

    [Theory]
    [InlineData("")]
    [InlineData("?pageSize=1&continuationToken=")]
    public async Task ListAsync_StorageDownWithOrWithoutAnIssuedToken_Returns503ProblemWithRetryAfter(string query)
    {
        BackendFails(new RequestFailedException(503, "The server is busy."));
        string url = query.EndsWith('=') ? query + Uri.EscapeDataString(ContinuationTokens.Wrap("{\"partition\":3}")!) : query;

        ApiResponse response = await ListAsync(url);

        Assert.Equal(503, response.Status);
        Assert.Equal("application/problem+json", response.ContentType);
        Assert.Equal("5", response.Headers.RetryAfter.ToString());
        Assert.False(response.Json.TryGetProperty("errors", out _), response.Text);
        Assert.DoesNotContain("busy", response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListAsync_BackendCannotReadAnIssuedToken_StillReturns400NamingIt()
    {
        BackendFails(new FormatException("not a token of this backend"));

        ApiResponse response = await ListAsync("?continuationToken=" + Uri.EscapeDataString(ContinuationTokens.Wrap("from-another-backend")!));

        Assert.Equal(400, response.Status);
        Assert.True(response.Json.GetProperty("errors").TryGetProperty("continuationToken", out _), response.Text);
    }

    public void Dispose() => _host.Dispose();
}
