using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using PodcastFactory.Core.Api;

namespace PodcastFactory.Core.Tests.Api;

/// <summary>Requirement 5: unknown fields, control characters, unknown query parameters and oversized bodies never pass.</summary>
public sealed class StrictApiTests : IDisposable
{
    private readonly ApiTestHost _host = new();

    [Fact]
    public async Task StartAsync_UnknownFields_Returns400NamingEachFieldByPath()
    {
        var request = ApiTestHost.Request("""{"topic":"Durable workflows","topc":"typo","sources":[{"kind":"text","value":"Checkpoints.","nmae":"n"}]}""", "POST");

        var response = await _host.ExecuteAsync(request, await _host.Get<EpisodeApi>().StartAsync(request, default));

        Assert.Equal(400, response.Status);
        var errors = response.Json.GetProperty("errors");
        Assert.Contains("Unknown field 'topc'", errors.GetProperty("topc")[0].GetString(), StringComparison.Ordinal);
        Assert.True(errors.TryGetProperty("sources[0].nmae", out _), response.Text);
        Assert.Empty(_host.Client.Started);
    }

    [Theory]
    [InlineData("""{"topic":"\u0001\u0002\u0003 durable"}""", "topic")]
    [InlineData("""{"topic":"Durable\nworkflows"}""", "topic")]
    [InlineData("""{"topic":"Durable workflows","hosts":[{"name":"Al\u0007ex","voice":"v1"},{"name":"Sam","voice":"v2"}]}""", "hosts[0].name")]
    [InlineData("""{"topic":"Durable workflows","sources":[{"kind":"text","value":"binary\u0000junk"}]}""", "sources[0].value")]
    public async Task StartAsync_ControlCharacters_Returns400NamingTheField(string body, string field)
    {
        var request = ApiTestHost.Request(body, "POST");

        var response = await _host.ExecuteAsync(request, await _host.Get<EpisodeApi>().StartAsync(request, default));

        Assert.Equal(400, response.Status);
        Assert.True(response.Json.GetProperty("errors").TryGetProperty(field, out _), response.Text);
        Assert.Empty(_host.Client.Started);
    }

    [Fact]
    public async Task StartAsync_TextSourceWithLineBreaksAndTabs_IsAccepted()
    {
        var request = ApiTestHost.Request("""{"topic":"Durable workflows","sources":[{"kind":"text","value":"Line one.\r\n\tLine two."}]}""", "POST");

        var response = await _host.ExecuteAsync(request, await _host.Get<EpisodeApi>().StartAsync(request, default));

        Assert.Equal(202, response.Status);
    }

    [Fact]
    public async Task ApproveAsync_ControlCharacterInReviewer_Returns400()
    {
        var request = ApiTestHost.Request("""{"approved":true,"reviewer":"kim\u001b[31m","comment":"ok"}""", "POST");

        var response = await _host.ExecuteAsync(request, await _host.Get<ReviewApi>().ApproveAsync(request, "ep-1", default));

        Assert.Equal(400, response.Status);
        Assert.True(response.Json.GetProperty("errors").TryGetProperty("reviewer", out _), response.Text);
    }

    [Fact]
    public async Task StartAsync_ChunkedBodyOverTheCap_Throws413WhileReading()
    {
        var request = ApiTestHost.Request(method: "POST");
        request.Body = new MemoryStream(Encoding.UTF8.GetBytes("{\"topic\":\"" + new string('a', JsonBody.MaxBytes) + "\"}"));
        Assert.Null(request.ContentLength);

        var error = await Assert.ThrowsAsync<BadHttpRequestException>(() => _host.Get<EpisodeApi>().StartAsync(request, default));

        Assert.Equal(413, error.StatusCode);
        Assert.Empty(_host.Client.Started);
    }

    [Fact]
    public async Task ToResult_BodyTooLarge_Answers413ProblemAndUnexpectedErrors500WithoutInternals()
    {
        var tooLarge = ApiTestHost.Request(method: "POST");
        var broken = ApiTestHost.Request(method: "GET");

        var large = await _host.ExecuteAsync(tooLarge, ApiExceptions.ToResult(CappedReadStream.TooLarge(10), tooLarge.HttpContext, NullLogger.Instance));
        var crash = await _host.ExecuteAsync(broken, ApiExceptions.ToResult(new InvalidOperationException("secret connection string"), broken.HttpContext, NullLogger.Instance));

        Assert.Equal(413, large.Status);
        Assert.Equal("application/problem+json", large.ContentType);
        Assert.Equal(500, crash.Status);
        Assert.Equal("application/problem+json", crash.ContentType);
        Assert.DoesNotContain("secret", crash.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", crash.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("?top=-1", "top")]
    [InlineData("?top=abc", "top")]
    [InlineData("?pageSize=5&pageSize=6", "pageSize")]
    [InlineData("?pageSize=-1", "pageSize")]
    [InlineData("?continuationToken=a%00b", "continuationToken")]
    public async Task ListAsync_BadQueryParameter_Returns400NamingIt(string query, string field)
    {
        var request = ApiTestHost.Request(query: query);

        var response = await _host.ExecuteAsync(request, await _host.Get<EpisodeApi>().ListAsync(request, default));

        Assert.Equal(400, response.Status);
        Assert.True(response.Json.GetProperty("errors").TryGetProperty(field, out _), response.Text);
    }

    [Fact]
    public async Task ListAsync_MalformedContinuationToken_Returns400Not500()
    {
        _host.Client.Mock.Setup(c => c.GetAllInstancesAsync(It.IsAny<OrchestrationQuery?>())).Returns(Pageable.Create<OrchestrationMetadata>(
            (token, _, _) => token is null ? Task.FromResult(new Page<OrchestrationMetadata>([], null)) : throw new FormatException("not a token")));
        var request = ApiTestHost.Request(query: "?continuationToken=garbage");

        var response = await _host.ExecuteAsync(request, await _host.Get<EpisodeApi>().ListAsync(request, default));

        Assert.Equal(400, response.Status);
        Assert.True(response.Json.GetProperty("errors").TryGetProperty("continuationToken", out _), response.Text);
    }

    [Theory]
    [InlineData("?verbose=1")]
    [InlineData("?code=key&code=key2")]
    public async Task GetAsync_UnknownOrRepeatedQueryParameter_Returns400(string query)
    {
        var request = ApiTestHost.Request(query: query);

        var response = await _host.ExecuteAsync(request, await _host.Get<EpisodeApi>().GetAsync(request, "ep-1", default));

        Assert.Equal(400, response.Status);
    }

    [Fact]
    public async Task GetAsync_FunctionKeyParameter_IsAllowed()
    {
        var request = ApiTestHost.Request(query: "?code=secret");

        var response = await _host.ExecuteAsync(request, await _host.Get<EpisodeApi>().GetAsync(request, "ep-1", default));

        Assert.Equal(404, response.Status);
    }

    public void Dispose() => _host.Dispose();
}
