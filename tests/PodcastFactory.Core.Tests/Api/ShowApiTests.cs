using System.Text.Json;
using System.Xml.Linq;
using Microsoft.AspNetCore.Http;
using PodcastFactory.Core.Api;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Workflow;

namespace PodcastFactory.Core.Tests.Api;

/// <summary>/api/shows on the file store: CRUD with If-Match, tombstone and purge, the show's feed, hostile bodies, and episodes naming a show.</summary>
public sealed class ShowApiTests : IDisposable
{
    const string Body = """{"id":"tech-weekly","title":"Tech Weekly","author":"Studio","ownerEmail":"owner@example.com","category":"Science","hosts":[{"name":"Kim","voice":"flite:slt"},{"name":"Lee","voice":"flite:rms"}],"defaultMinutes":7,"defaultFormat":"debate","instructions":"Keep it friendly."}""";

    readonly ApiTestHost _host = new(new Dictionary<string, string?> { ["Feed:PublicBaseUrl"] = "https://pods.example.org/api" });

    public void Dispose() => _host.Dispose();

    ShowApi Api => _host.Get<ShowApi>();

    async Task<ApiResponse> CreateAsync(string body)
    {
        HttpRequest request = ApiTestHost.Request(body, "POST");
        request.ContentType = "application/json";
        return await _host.ExecuteAsync(request, await Api.CreateAsync(request, default));
    }

    async Task<ApiResponse> GetAsync(string id)
    {
        HttpRequest request = ApiTestHost.Request();
        return await _host.ExecuteAsync(request, await Api.GetAsync(request, id, default));
    }

    async Task<ApiResponse> PutAsync(string id, string body, string? ifMatch)
    {
        HttpRequest request = ApiTestHost.Request(body, "PUT");
        request.ContentType = "application/json";
        if (ifMatch is not null)
        {
            request.Headers.IfMatch = ifMatch;
        }

        return await _host.ExecuteAsync(request, await Api.PutAsync(request, id, default));
    }

    async Task<ApiResponse> DeleteAsync(string id, string query = "")
    {
        HttpRequest request = ApiTestHost.Request(method: "DELETE", query: query);
        return await _host.ExecuteAsync(request, await Api.DeleteAsync(request, id, default));
    }

    async Task<ApiResponse> ListAsync(string query = "")
    {
        HttpRequest request = ApiTestHost.Request(query: query);
        return await _host.ExecuteAsync(request, await Api.ListAsync(request, default));
    }

    async Task<ApiResponse> FeedAsync(string id)
    {
        HttpRequest request = ApiTestHost.Request();
        return await _host.ExecuteAsync(request, await Api.GetFeedAsync(request, id, default));
    }

    async Task<ApiResponse> StartEpisodeAsync(string body)
    {
        HttpRequest request = ApiTestHost.Request(body, "POST");
        return await _host.ExecuteAsync(request, await _host.Get<EpisodeApi>().StartAsync(request, default));
    }

    [Fact]
    public async Task Create_ValidBody_Returns201WithETagLocationAndLinks()
    {
        ApiResponse created = await CreateAsync(Body);

        Assert.Equal(201, created.Status);
        Assert.Equal("http://localhost:7071/api/shows/tech-weekly", created.Headers.Location.ToString());
        Assert.StartsWith("\"", created.Headers.ETag.ToString(), StringComparison.Ordinal);
        Assert.Equal("Tech Weekly", created.Json.GetProperty("show").GetProperty("title").GetString());
        Assert.Equal(7, created.Json.GetProperty("show").GetProperty("defaultMinutes").GetInt32());
        Assert.Equal("http://localhost:7071/api/shows/tech-weekly/feed.xml", created.Json.GetProperty("feedUrl").GetString());
        Assert.False(created.Json.GetProperty("deleted").GetBoolean());
        ApiResponse read = await GetAsync("tech-weekly");
        Assert.Equal(created.Headers.ETag.ToString(), read.Headers.ETag.ToString());
    }

    [Fact]
    public async Task Create_SameIdTwice_Returns409()
    {
        Assert.Equal(201, (await CreateAsync(Body)).Status);

        Assert.Equal(409, (await CreateAsync(Body)).Status);
    }

    [Theory]
    [InlineData("""{"title":"No id"}""", "id")]
    [InlineData("""{"id":"UPPER","title":"T"}""", "id")]
    [InlineData("""{"id":"ok-id"}""", "title")]
    [InlineData("""{"id":"ok-id","title":42}""", "title")]
    [InlineData("""{"id":"ok-id","title":"T","hosts":"Kim"}""", "hosts")]
    [InlineData("""{"id":"ok-id","title":"T","hosts":[]}""", "hosts")]
    [InlineData("""{"id":"ok-id","title":"T","hosts":[{"name":"A","voice":"flite:rms"},{"name":"B","voice":"flite:rms"},{"name":"C","voice":"flite:rms"},{"name":"D","voice":"flite:rms"},{"name":"E","voice":"flite:rms"}]}""", "hosts")]
    [InlineData("""{"id":"ok-id","title":"T","defaultMinutes":"ten"}""", "defaultMinutes")]
    [InlineData("""{"id":"ok-id","title":"T","defaultMinutes":0}""", "defaultMinutes")]
    [InlineData("""{"id":"ok-id","title":"T","defaultFormat":"rant"}""", "defaultFormat")]
    [InlineData("""{"id":"ok-id","title":"T","explicit":"yes"}""", "explicit")]
    [InlineData("""{"id":"ok-id","title":"T","category":"Gaming"}""", "category")]
    [InlineData("""{"id":"ok-id","title":"T","artworkUrl":"http://127.0.0.1/art.png"}""", "artworkUrl")]
    [InlineData("""{"id":"ok-id","title":"T","artworkUrl":"http://169.254.169.254/latest"}""", "artworkUrl")]
    [InlineData("""{"id":"ok-id","title":"T","deletedAt":"2026-01-01T00:00:00Z"}""", "deletedAt")]
    [InlineData("""{"id":"ok-id","title":"T","unknown":1}""", "unknown")]
    [InlineData("""[1]""", "body")]
    [InlineData("""{"id":""", "body")]
    public async Task Create_BadBody_Returns400NamingTheField(string body, string field)
    {
        ApiResponse response = await CreateAsync(body);

        Assert.Equal(400, response.Status);
        Assert.Equal("application/problem+json", response.ContentType);
        Assert.True(response.Json.GetProperty("errors").TryGetProperty(field, out _), response.Text);
    }

    [Fact]
    public async Task Create_OversizeInstructions_Returns400NamingInstructions()
    {
        string body = JsonSerializer.Serialize(new { id = "big", title = "T", instructions = new string('x', 100_000) });

        ApiResponse response = await CreateAsync(body);

        Assert.Equal(400, response.Status);
        Assert.True(response.Json.GetProperty("errors").TryGetProperty("instructions", out _), response.Text);
    }

    [Fact]
    public async Task Put_WithoutIfMatch_Returns428AndChangesNothing()
    {
        await CreateAsync(Body);

        ApiResponse response = await PutAsync("tech-weekly", """{"title":"Renamed"}""", ifMatch: null);

        Assert.Equal(428, response.Status);
        Assert.Equal("Tech Weekly", (await GetAsync("tech-weekly")).Json.GetProperty("show").GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("\"0000\"")]
    [InlineData("W/\"{etag}\"")]
    public async Task Put_StaleOrWeakIfMatch_Returns412(string ifMatch)
    {
        string etag = (await CreateAsync(Body)).Headers.ETag.ToString().Trim('"');

        ApiResponse response = await PutAsync("tech-weekly", """{"title":"Renamed"}""", ifMatch.Replace("{etag}", etag, StringComparison.Ordinal));

        Assert.Equal(412, response.Status);
    }

    [Fact]
    public async Task Put_CurrentETag_ReplacesTheShowAndTheOldETagIsThenStale()
    {
        ApiResponse created = await CreateAsync(Body);
        string etag = created.Headers.ETag.ToString();

        ApiResponse saved = await PutAsync("tech-weekly", """{"title":"Renamed","hosts":[{"name":"Solo","voice":"flite:rms"}]}""", etag);

        Assert.Equal(200, saved.Status);
        Assert.NotEqual(etag, saved.Headers.ETag.ToString());
        Assert.Equal("Renamed", saved.Json.GetProperty("show").GetProperty("title").GetString());
        Assert.Equal(1, saved.Json.GetProperty("show").GetProperty("hosts").GetArrayLength());
        Assert.Equal(created.Json.GetProperty("show").GetProperty("createdAt").GetString(), saved.Json.GetProperty("show").GetProperty("createdAt").GetString());
        Assert.Equal(412, (await PutAsync("tech-weekly", """{"title":"Lost"}""", etag)).Status);
    }

    [Fact]
    public async Task Put_BodyNamingAnotherId_Returns400NamingId()
    {
        string etag = (await CreateAsync(Body)).Headers.ETag.ToString();

        ApiResponse response = await PutAsync("tech-weekly", """{"id":"other","title":"T"}""", etag);

        Assert.Equal(400, response.Status);
        Assert.True(response.Json.GetProperty("errors").TryGetProperty("id", out _));
    }

    [Fact]
    public async Task Get_UnknownOrMalformedId_Returns404()
    {
        Assert.Equal(404, (await GetAsync("nope")).Status);
        Assert.Equal(404, (await GetAsync("../../etc/passwd")).Status);
        Assert.Equal(404, (await FeedAsync("nope")).Status);
        Assert.Equal(404, (await PutAsync("nope", "{}", "*")).Status);
        Assert.Equal(404, (await DeleteAsync("nope")).Status);
    }

    [Fact]
    public async Task Delete_WithoutPurge_KeepsTheShowAndFeedReadableButUnlistedAndUnstartable()
    {
        await CreateAsync(Body);

        Assert.Equal(204, (await DeleteAsync("tech-weekly")).Status);

        ApiResponse read = await GetAsync("tech-weekly");
        Assert.Equal(200, read.Status);
        Assert.True(read.Json.GetProperty("deleted").GetBoolean());
        Assert.Equal(200, (await FeedAsync("tech-weekly")).Status);
        Assert.Equal(0, (await ListAsync()).Json.GetProperty("items").GetArrayLength());
        Assert.Equal(1, (await ListAsync("?deleted=true")).Json.GetProperty("items").GetArrayLength());
        Assert.Equal(409, (await PutAsync("tech-weekly", """{"title":"T"}""", "*")).Status);
        ApiResponse start = await StartEpisodeAsync("""{"topic":"Durable workflows","show":"tech-weekly"}""");
        Assert.Equal(400, start.Status);
        Assert.True(start.Json.GetProperty("errors").TryGetProperty("show", out _), start.Text);
    }

    [Fact]
    public async Task Delete_Purge_RemovesTheShowAndItsFeed()
    {
        await CreateAsync(Body);

        Assert.Equal(204, (await DeleteAsync("tech-weekly", "?purge=true")).Status);

        Assert.Equal(404, (await GetAsync("tech-weekly")).Status);
        Assert.Equal(404, (await FeedAsync("tech-weekly")).Status);
        Assert.Equal(201, (await CreateAsync(Body)).Status);
    }

    [Theory]
    [InlineData("?purge=maybe", "purge")]
    [InlineData("?force=true", "force")]
    public async Task Delete_BadQuery_Returns400NamingTheParameter(string query, string field)
    {
        await CreateAsync(Body);

        ApiResponse response = await DeleteAsync("tech-weekly", query);

        Assert.Equal(400, response.Status);
        Assert.True(response.Json.GetProperty("errors").TryGetProperty(field, out _), response.Text);
        Assert.Equal(200, (await GetAsync("tech-weekly")).Status);
    }

    [Fact]
    public async Task Feed_NewShow_IsAnEmptyChannelWithTheShowsOwnTitleSelfLinkAndGuid()
    {
        await CreateAsync(Body);

        ApiResponse response = await FeedAsync("tech-weekly");

        Assert.Equal(200, response.Status);
        XElement channel = XDocument.Parse(response.Text).Root!.Element("channel")!;
        Assert.Equal("Tech Weekly", channel.Element("title")!.Value);
        Assert.Empty(channel.Elements("item"));
        XNamespace atom = "http://www.w3.org/2005/Atom", itunes = "http://www.itunes.com/dtds/podcast-1.0.dtd", podcast = "https://podcastindex.org/namespace/1.0";
        Assert.Equal("https://pods.example.org/api/shows/tech-weekly/feed.xml", channel.Element(atom + "link")!.Attribute("href")!.Value);
        Assert.Equal("Science", channel.Element(itunes + "category")!.Attribute("text")!.Value);
        Assert.Equal("owner@example.com", channel.Element(itunes + "owner")!.Element(itunes + "email")!.Value);
        Assert.Equal(
            PodcastFactory.Core.Publishing.Feed.PodcastGuid.Of(new Uri("https://pods.example.org/api/shows/tech-weekly/feed.xml")).ToString("D"),
            channel.Element(podcast + "guid")!.Value);
    }

    [Fact]
    public async Task StartEpisode_NamingAShow_TakesItsDefaultsAndTheBodyOverridesThem()
    {
        await CreateAsync(Body);

        ApiResponse defaults = await StartEpisodeAsync("""{"id":"ep-show-1","topic":"Durable workflows","show":"tech-weekly","sources":[{"kind":"text","value":"Checkpoints make workflows durable."}]}""");
        ApiResponse overridden = await StartEpisodeAsync("""{"id":"ep-show-2","topic":"Durable workflows","show":"tech-weekly","targetMinutes":5,"sources":[{"kind":"text","value":"Checkpoints make workflows durable."}]}""");

        Assert.Equal(202, defaults.Status);
        Assert.Equal(202, overridden.Status);
        EpisodeRequest first = Assert.IsType<EpisodeInput>(_host.Client.Started[0].Input).Request;
        EpisodeRequest second = Assert.IsType<EpisodeInput>(_host.Client.Started[1].Input).Request;
        Assert.Equal("tech-weekly", first.Show);
        Assert.Equal(7, first.TargetMinutes);
        Assert.Equal(["Kim", "Lee"], first.Hosts.Select(h => h.Name));
        Assert.Equal(5, second.TargetMinutes);
    }

    [Theory]
    [InlineData("""{"topic":"Durable workflows","show":"no-such-show"}""")]
    [InlineData("""{"topic":"Durable workflows","show":"Not A Slug"}""")]
    public async Task StartEpisode_UnknownShow_Returns400NamingShowAndStartsNothing(string body)
    {
        ApiResponse response = await StartEpisodeAsync(body);

        Assert.Equal(400, response.Status);
        Assert.True(response.Json.GetProperty("errors").TryGetProperty("show", out _), response.Text);
        Assert.Empty(_host.Client.Started);
    }

    [Fact]
    public async Task StartEpisode_SoloShow_GivesItsOneHostFormatAndInstructionsUnlessTheBodyOverrides()
    {
        await CreateAsync("""{"id":"solo","title":"Solo","defaultFormat":"solo","instructions":"Keep it calm.","hosts":[{"name":"Kim","voice":"flite:slt"}]}""");

        ApiResponse defaults = await StartEpisodeAsync("""{"id":"solo-1","topic":"Durable workflows","show":"solo","sources":[{"kind":"text","value":"Checkpoints make workflows durable."}]}""");
        ApiResponse overridden = await StartEpisodeAsync("""{"id":"solo-2","topic":"Durable workflows","show":"solo","format":"deep-dive","instructions":"Be brisk.","hosts":[{"name":"Kim","voice":"flite:slt"},{"name":"Lee","voice":"flite:rms"}],"sources":[{"kind":"text","value":"Checkpoints make workflows durable."}]}""");

        Assert.True(defaults.Status == 202, defaults.Text);
        Assert.True(overridden.Status == 202, overridden.Text);
        EpisodeRequest first = Assert.IsType<EpisodeInput>(_host.Client.Started[0].Input).Request;
        EpisodeRequest second = Assert.IsType<EpisodeInput>(_host.Client.Started[1].Input).Request;
        Assert.Equal(("solo", "Keep it calm.", 1), (first.Format, first.Instructions, first.Hosts.Count));
        Assert.Equal(("deep-dive", "Be brisk.", 2), (second.Format, second.Instructions, second.Hosts.Count));
    }

    [Fact]
    public async Task CreateShow_CastThatItsFormatCannotUse_Returns400NamingHosts()
    {
        ApiResponse response = await CreateAsync("""{"id":"big-solo","title":"Solo","defaultFormat":"solo","hosts":[{"name":"Kim","voice":"flite:slt"},{"name":"Lee","voice":"flite:rms"}]}""");

        Assert.Equal(400, response.Status);
        Assert.True(response.Json.GetProperty("errors").TryGetProperty("hosts", out _), response.Text);
    }

    [Fact]
    public async Task Backlog_TopicNamingAnUnknownOrDeletedShow_Returns400NamingIt()
    {
        await CreateAsync(Body);
        await DeleteAsync("tech-weekly");
        HttpRequest request = ApiTestHost.Request("""{"topics":[{"topic":"Fine topic"},{"topic":"Deleted show","show":"tech-weekly"},{"topic":"Unknown show","show":"no-such-show"}]}""", "PUT");

        ApiResponse response = await _host.ExecuteAsync(request, await _host.Get<BacklogApi>().PutAsync(request, default));

        Assert.Equal(400, response.Status);
        JsonElement errors = response.Json.GetProperty("errors");
        Assert.True(errors.TryGetProperty("topics[1].show", out _), response.Text);
        Assert.True(errors.TryGetProperty("topics[2].show", out _), response.Text);
        Assert.False(errors.TryGetProperty("topics[0].show", out _));
    }

    [Fact]
    public async Task Backlog_TopicNamingALiveShow_IsStored()
    {
        await CreateAsync(Body);
        HttpRequest request = ApiTestHost.Request("""{"topics":[{"topic":"Of the show","show":"tech-weekly"}]}""", "PUT");

        ApiResponse response = await _host.ExecuteAsync(request, await _host.Get<BacklogApi>().PutAsync(request, default));

        Assert.Equal(200, response.Status);
        Assert.Equal("tech-weekly", response.Json.GetProperty("topics")[0].GetProperty("show").GetString());
    }
}
