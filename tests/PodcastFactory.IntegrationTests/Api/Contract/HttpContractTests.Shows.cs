using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace PodcastFactory.IntegrationTests.Api.Contract;

/// <summary>The contract, continued: shows (create, If-Match edits, the show's feed, an episode naming it, delete and purge) and hostile requests to them.</summary>
public abstract partial class HttpContractTests
{
    [Fact]
    public async Task Shows_LifeCycle_IfMatchGuardsEditsAndTheFeedOutlivesADelete()
    {
        string id = NewId("show");
        using HttpResponseMessage created = await Client.PostJsonAsync("/api/shows",
            $$"""{"id":"{{id}}","title":"Contract Show","hosts":[{"name":"Kim","voice":"flite:slt"},{"name":"Lee","voice":"flite:rms"}],"defaultMinutes":2}""");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        EntityTagHeaderValue etag = created.Headers.ETag!;

        await Client.AssertProblemAsync(await PutShowAsync(id, """{"title":"Renamed"}""", null), (HttpStatusCode)428);
        await Client.AssertProblemAsync(await PutShowAsync(id, """{"title":"Renamed"}""", new EntityTagHeaderValue("\"stale\"")), HttpStatusCode.PreconditionFailed);
        using HttpResponseMessage saved = await PutShowAsync(id, """{"title":"Renamed","hosts":[{"name":"Kim","voice":"flite:slt"},{"name":"Lee","voice":"flite:rms"}],"defaultMinutes":2}""", etag);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        await Client.AssertProblemAsync(await PutShowAsync(id, """{"title":"Lost update"}""", etag), HttpStatusCode.PreconditionFailed);

        string episode = NewId("of-show");
        string body = ContractClient.EpisodeBody(episode).TrimEnd('}') + $",\"show\":\"{id}\"}}";
        using HttpResponseMessage started = await Client.PostJsonAsync("/api/episodes", body);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        JsonElement status = await Client.JsonAsync(await Client.Http.GetAsync($"/api/episodes/{episode}"));
        Assert.Equal(id, status.GetProperty("show").GetString());

        using HttpResponseMessage feed = await Client.Http.GetAsync($"/api/shows/{id}/feed.xml");
        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        Assert.Contains("<title>Renamed</title>", await feed.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NoContent, (await Client.Http.DeleteAsync($"/api/shows/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Client.Http.GetAsync($"/api/shows/{id}/feed.xml")).StatusCode);
        var refused = await Client.AssertProblemAsync(await Client.PostJsonAsync("/api/episodes", body.Replace(episode, NewId("late"), StringComparison.Ordinal)), HttpStatusCode.BadRequest);
        Assert.True(refused.GetProperty("errors").TryGetProperty("show", out _));
        Assert.Equal(HttpStatusCode.NoContent, (await Client.Http.DeleteAsync($"/api/shows/{id}?purge=true")).StatusCode);
        await Client.AssertProblemAsync(await Client.Http.GetAsync($"/api/shows/{id}"), HttpStatusCode.NotFound);
        await Client.AssertProblemAsync(await Client.Http.GetAsync($"/api/shows/{id}/feed.xml"), HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("""{"title":"No id"}""", "id")]
    [InlineData("""{"id":"bad-types","title":["array"]}""", "title")]
    [InlineData("""{"id":"too-many","title":"T","hosts":[{"name":"A","voice":"flite:rms"},{"name":"B","voice":"flite:rms"},{"name":"C","voice":"flite:rms"},{"name":"D","voice":"flite:rms"},{"name":"E","voice":"flite:rms"}]}""", "hosts")]
    [InlineData("""{"id":"private-art","title":"T","artworkUrl":"http://10.0.0.1/art.png"}""", "artworkUrl")]
    [InlineData("""{"id":"unknown-field","title":"T","owner":"me"}""", "owner")]
    public async Task Shows_BadBody_Returns400ProblemNamingTheField(string body, string field)
    {
        JsonElement problem = await Client.AssertProblemAsync(await Client.PostJsonAsync("/api/shows", body), HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task Shows_ForeignOriginOrOversize_AreRefusedAndCreateNothing()
    {
        string id = NewId("xsite");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/shows") { Content = new StringContent($$"""{"id":"{{id}}","title":"T"}""", Encoding.UTF8, "text/plain") };
        request.Headers.Add("Origin", "https://evil.example");
        await Client.AssertProblemAsync(await Client.Http.SendAsync(request), HttpStatusCode.Forbidden);

        string huge = $$"""{"id":"{{id}}","title":"T","description":"{{new string('d', 5 * 1024 * 1024)}}"}""";
        using HttpResponseMessage oversize = await Client.PostJsonAsync("/api/shows", huge);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, oversize.StatusCode);

        await Client.AssertProblemAsync(await Client.Http.GetAsync($"/api/shows/{id}"), HttpStatusCode.NotFound);
    }

    async Task<HttpResponseMessage> PutShowAsync(string id, string json, EntityTagHeaderValue? ifMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/shows/{id}") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (ifMatch is not null)
        {
            request.Headers.IfMatch.Add(ifMatch);
        }

        return await Client.Http.SendAsync(request);
    }
}
