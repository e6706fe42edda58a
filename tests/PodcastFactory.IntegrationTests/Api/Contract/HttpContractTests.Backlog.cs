using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace PodcastFactory.IntegrationTests.Api.Contract;

/// <summary>The contract, continued: the backlog with ETags. Tests here share the host's one backlog, so they run in one method.</summary>
public abstract partial class HttpContractTests
{
    [Fact]
    public async Task Backlog_PutWithETags_AcceptsCurrentAndRefusesStale()
    {
        using HttpResponseMessage read = await Client.Http.GetAsync("/api/backlog");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        EntityTagHeaderValue? etag = read.Headers.ETag;

        using HttpResponseMessage written = await PutBacklogAsync("""{"topics":[{"topic":"Event sourcing basics"},{"topic":"Sagas explained"}]}""", etag);
        Assert.Equal(HttpStatusCode.OK, written.StatusCode);
        Assert.NotNull(written.Headers.ETag);
        Assert.NotEqual(etag, written.Headers.ETag);

        using HttpResponseMessage stale = await PutBacklogAsync("""{"topics":[{"topic":"Stale write"}]}""", etag ?? new EntityTagHeaderValue("\"stale\""));
        await Client.AssertProblemAsync(stale, HttpStatusCode.PreconditionFailed);

        using HttpResponseMessage reread = await Client.Http.GetAsync("/api/backlog");
        Assert.Equal(written.Headers.ETag, reread.Headers.ETag);
        Assert.Contains("Sagas explained", await reread.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backlog_InvalidTopic_Returns400ProblemDetailsNamingIt()
    {
        using HttpResponseMessage response = await PutBacklogAsync("""{"topics":[{"topic":"Fine topic"},{"topic":"Bad","targetMinutes":500}]}""", null);

        var problem = await Client.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("topics[1]", problem.GetProperty("errors").ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backlog_UnreadableStoredFile_Returns500ProblemDetails()
    {
        // The stored backlog is an artifact at the store's root; an unparsable one makes the handler throw.
        await Store.WriteAsync("backlog.json", new MemoryStream(Encoding.UTF8.GetBytes("{\"topics\": [ not json")), "application/json", null, CancellationToken.None);
        try
        {
            using HttpResponseMessage response = await Client.Http.GetAsync("/api/backlog");

            await Client.AssertProblemAsync(response, HttpStatusCode.InternalServerError);
        }
        finally
        {
            await Store.DeleteAsync("backlog.json", CancellationToken.None);
        }
    }

    async Task<HttpResponseMessage> PutBacklogAsync(string json, EntityTagHeaderValue? ifMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/backlog") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (ifMatch is not null)
        {
            request.Headers.IfMatch.Add(ifMatch);
        }

        return await Client.Http.SendAsync(request);
    }
}
