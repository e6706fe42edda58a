using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using PodcastFactory.Core.Api;
using PodcastFactory.Core.Workflow.Webhooks;

namespace PodcastFactory.Core.Tests.Api;

/// <summary>POST/GET/DELETE /api/webhooks and the delivery log, with hostile bodies.</summary>
public sealed class WebhookApiTests : IDisposable
{
    readonly ApiTestHost _host = new(new Dictionary<string, string?> { ["Webhooks:MaxSubscriptions"] = "2" });

    async Task<ApiResponse> PostAsync(string body)
    {
        HttpRequest request = ApiTestHost.Request(body, "POST");
        request.ContentType = "application/json";
        return await _host.ExecuteAsync(request, await _host.Get<WebhookApi>().CreateAsync(request, CancellationToken.None));
    }

    [Fact]
    public async Task Create_PublicUrl_Returns201WithTheSecretOnce_AndListsWithoutIt()
    {
        ApiResponse created = await PostAsync("""{"url":"https://93.184.216.34/hooks","events":["episode.completed","episode.failed"]}""");

        Assert.Equal(201, created.Status);
        string secret = created.Json.GetProperty("secret").GetString()!;
        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);
        string id = created.Json.GetProperty("id").GetString()!;
        Assert.EndsWith("/api/webhooks/" + id, created.Headers.Location.ToString(), StringComparison.Ordinal);

        HttpRequest list = ApiTestHost.Request();
        ApiResponse listed = await _host.ExecuteAsync(list, await _host.Get<WebhookApi>().ListAsync(list, CancellationToken.None));
        Assert.Equal(200, listed.Status);
        Assert.DoesNotContain(secret[6..], listed.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", listed.Text, StringComparison.Ordinal);
        Assert.Equal(id, listed.Json.GetProperty("items")[0].GetProperty("id").GetString());
        // At rest the secret is only encrypted.
        string stored = File.ReadAllText(Path.Combine(_host.Root, "_webhooks", "subscriptions", id + ".json"));
        Assert.DoesNotContain(secret[6..], stored, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"url":"http://127.0.0.1:9/x"}""", "url")]
    [InlineData("""{"url":"http://169.254.169.254/latest/meta-data"}""", "url")]
    [InlineData("""{"url":"http://[::ffff:10.0.0.1]/x"}""", "url")]
    [InlineData("""{"url":"http://localhost/x"}""", "url")]
    [InlineData("""{"url":"ftp://93.184.216.34/x"}""", "url")]
    [InlineData("""{"url":"https://user:pw@93.184.216.34/x"}""", "url")]
    [InlineData("""{"url":"relative/path"}""", "url")]
    [InlineData("""{}""", "url")]
    [InlineData("""{"url":42}""", "url")]
    [InlineData("""{"url":"https://93.184.216.34/x","events":["episode.exploded"]}""", "events[0]")]
    [InlineData("""{"url":"https://93.184.216.34/x","events":[]}""", "events")]
    [InlineData("""{"url":"https://93.184.216.34/x","events":"episode.completed"}""", "events")]
    [InlineData("""{"url":"https://93.184.216.34/x","show":""}""", "show")]
    [InlineData("""{"url":"https://93.184.216.34/x","secret":"whsec_mine"}""", "secret")]
    [InlineData("""[1,2]""", "body")]
    [InlineData("""{"url":""", "body")]
    public async Task Create_BadBody_Returns400NamingTheField(string body, string field)
    {
        ApiResponse response = await PostAsync(body);

        Assert.Equal(400, response.Status);
        Assert.Equal("application/problem+json", response.ContentType);
        Assert.True(response.Json.GetProperty("errors").TryGetProperty(field, out _), response.Text);
    }

    [Fact]
    public async Task Create_OversizeUrl_Returns400()
    {
        ApiResponse response = await PostAsync(JsonSerializer.Serialize(new { url = "https://93.184.216.34/" + new string('a', 3000) }));
        Assert.Equal(400, response.Status);
    }

    [Fact]
    public async Task Create_BeyondMaxSubscriptions_Returns409()
    {
        Assert.Equal(201, (await PostAsync("""{"url":"https://93.184.216.34/a"}""")).Status);
        Assert.Equal(201, (await PostAsync("""{"url":"https://93.184.216.34/b"}""")).Status);
        Assert.Equal(409, (await PostAsync("""{"url":"https://93.184.216.34/c"}""")).Status);
    }

    [Fact]
    public async Task Delete_ThenGet_Returns204Then404_AndUnknownIdsAre404()
    {
        string id = (await PostAsync("""{"url":"https://93.184.216.34/a"}""")).Json.GetProperty("id").GetString()!;
        var api = _host.Get<WebhookApi>();
        HttpRequest delete = ApiTestHost.Request(method: "DELETE");
        Assert.Equal(204, (await _host.ExecuteAsync(delete, await api.DeleteAsync(delete, id, CancellationToken.None))).Status);
        HttpRequest get = ApiTestHost.Request();
        Assert.Equal(404, (await _host.ExecuteAsync(get, await api.GetAsync(get, id, CancellationToken.None))).Status);
        HttpRequest traversal = ApiTestHost.Request();
        Assert.Equal(404, (await _host.ExecuteAsync(traversal, await api.DeliveriesAsync(traversal, "../subscriptions", CancellationToken.None))).Status);
    }

    [Fact]
    public async Task Deliveries_RecordedAttempts_AreListedWithStatusAndNextTry()
    {
        string id = (await PostAsync("""{"url":"https://93.184.216.34/a"}""")).Json.GetProperty("id").GetString()!;
        DateTimeOffset next = DateTimeOffset.Parse("2026-12-07T10:00:20Z", System.Globalization.CultureInfo.InvariantCulture);
        await _host.Get<WebhookStore>().SaveDeliveryAsync(new WebhookDelivery("msg_1", id, WebhookEventTypes.Completed, "ep-1", WebhookDeliveryStates.Pending,
            [new WebhookAttempt(1, next.AddSeconds(-10), 500, "HTTP 500", 12)], next), CancellationToken.None);

        HttpRequest request = ApiTestHost.Request();
        ApiResponse response = await _host.ExecuteAsync(request, await _host.Get<WebhookApi>().DeliveriesAsync(request, id, CancellationToken.None));

        Assert.Equal(200, response.Status);
        JsonElement item = response.Json.GetProperty("items")[0];
        Assert.Equal("pending", item.GetProperty("state").GetString());
        Assert.Equal(500, item.GetProperty("attempts")[0].GetProperty("statusCode").GetInt32());
        Assert.Equal(next, item.GetProperty("nextTryAt").GetDateTimeOffset());
    }

    [Fact]
    public void CrossSiteGuard_ForeignOriginOnWebhookPost_Is403()
    {
        HttpRequest request = ApiTestHost.Request("""{"url":"https://93.184.216.34/a"}""", "POST");
        request.ContentType = "application/json";
        request.ContentLength = Encoding.UTF8.GetByteCount("""{"url":"https://93.184.216.34/a"}""");
        request.Headers.Origin = "https://evil.example";
        Assert.NotNull(_host.Get<CrossSiteGuard>().Refuse(request));
        request.Headers.Origin = default;
        request.ContentType = "text/plain";
        Assert.NotNull(_host.Get<CrossSiteGuard>().Refuse(request));
    }

    [Fact]
    public async Task AnyAsync_OnlyAnEpisodeCallback_IsFalse_ASubscription_IsTrue()
    {
        var subscriptions = _host.Get<WebhookSubscriptions>();
        Assert.False(await subscriptions.AnyAsync(CancellationToken.None));
        await subscriptions.CreateCallbackAsync("ep-1", "https://93.184.216.34/cb", CancellationToken.None);
        Assert.False(await subscriptions.AnyAsync(CancellationToken.None));
        Assert.Equal(201, (await PostAsync("""{"url":"https://93.184.216.34/a"}""")).Status);
        Assert.True(await subscriptions.AnyAsync(CancellationToken.None));
    }

    public void Dispose() => _host.Dispose();
}
