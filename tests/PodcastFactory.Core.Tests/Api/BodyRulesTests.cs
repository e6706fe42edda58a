using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Moq;
using PodcastFactory.Core.Api;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Tests.Api;

/// <summary>Issue 20, item 11: bodies that are not clean Unicode JSON, repeated fields, weak If-Match, foreign list tokens.</summary>
public sealed class BodyRulesTests : IDisposable
{
    readonly ApiTestHost _host = new();

    public void Dispose() => _host.Dispose();

    async Task<ApiResponse> StartAsync(byte[] body)
    {
        HttpRequest request = ApiTestHost.Request(method: "POST");
        request.Body = new MemoryStream(body);
        return await _host.ExecuteAsync(request, await _host.Get<EpisodeApi>().StartAsync(request, default));
    }

    Task<ApiResponse> StartAsync(string json) => StartAsync(System.Text.Encoding.UTF8.GetBytes(json));

    async Task AssertRefusedNamingAsync(string body, string field)
    {
        var response = await StartAsync(body);

        Assert.Equal(400, response.Status);
        Assert.True(response.Json.GetProperty("errors").TryGetProperty(field, out _), response.Text);
        Assert.Empty(_host.Client.Started);
    }

    static byte[] Bytes(string before, byte[] middle, string after) =>
        [.. System.Text.Encoding.UTF8.GetBytes(before), .. middle, .. System.Text.Encoding.UTF8.GetBytes(after)];

    [Theory]
    [InlineData(new byte[] { 0xFF })]
    [InlineData(new byte[] { 0xC3, 0x28 })]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]
    [InlineData(new byte[] { 0xF4, 0x90, 0x80, 0x80 })]
    [InlineData(new byte[] { 0xE2, 0x82 })]
    public async Task StartAsync_InvalidUtf8InAString_Returns400NotA500(byte[] invalid)
    {
        var response = await StartAsync(Bytes("""{"topic":"Durable """, invalid, """ workflows"}"""));

        Assert.Equal(400, response.Status);
        Assert.Equal("application/problem+json", response.ContentType);
        Assert.Empty(_host.Client.Started);
    }

    [Fact]
    public async Task StartAsync_InvalidUtf8InAFieldName_Returns400()
    {
        var response = await StartAsync(Bytes("""{"topic":"Durable workflows","x""", [0xFF], "\":1}"));

        Assert.Equal(400, response.Status);
    }

    [Theory]
    [InlineData("""{"topic":"Durable \ud800 workflows"}""", "topic")]
    [InlineData("""{"topic":"Durable workflows \udc00"}""", "topic")]
    [InlineData("""{"topic":"Durable workflows \ud800"}""", "topic")]
    [InlineData("""{"topic":"Durable workflows","hosts":[{"name":"Al\udfffex","voice":"v1"},{"name":"Sam","voice":"v2"}]}""", "hosts[0].name")]
    public async Task StartAsync_LoneSurrogateEscape_Returns400NamingTheField(string body, string field) =>
        await AssertRefusedNamingAsync(body, field);

    [Fact]
    public async Task StartAsync_ValidSurrogatePair_IsAccepted()
    {
        var response = await StartAsync("""{"topic":"Durable workflows \ud83c\udf99","sources":[{"kind":"text","value":"Durable workflows replay their history after a crash."}]}""");

        Assert.Equal(202, response.Status);
    }

    [Theory]
    [InlineData("""{"topic":"Durable workflows","topic":"Something else"}""", "topic")]
    [InlineData("""{"topic":"Durable workflows","Topic":"Something else"}""", "Topic")]
    [InlineData("""{"topic":"Durable workflows","TOPIC":"Durable workflows"}""", "TOPIC")]
    [InlineData("""{"topic":"Durable workflows","hosts":[{"name":"Alex","Name":"Kim","voice":"v1"},{"name":"Sam","voice":"v2"}]}""", "hosts[0].Name")]
    public async Task StartAsync_DuplicateKeys_Returns400NamingTheRepeat(string body, string field) =>
        await AssertRefusedNamingAsync(body, field);

    [Theory]
    [InlineData("""{"topic":"Durable workflows \uffff"}""", "topic")]
    [InlineData("""{"topic":"Durable workflows \ufffe"}""", "topic")]
    [InlineData("""{"topic":"Durable workflows \ufdd0"}""", "topic")]
    [InlineData("""{"topic":"Durable workflows \ufdef"}""", "topic")]
    [InlineData("""{"topic":"Durable workflows \ud83f\udfff"}""", "topic")]
    [InlineData("""{"topic":"Durable workflows","sources":[{"kind":"text","value":"Checkpoints \uffff resume."}]}""", "sources[0].value")]
    [InlineData("""{"topic":"Durable workflows","hosts":[{"name":"Alex","voice":"v\ufffe1"},{"name":"Sam","voice":"v2"}]}""", "hosts[0].voice")]
    public async Task StartAsync_UnicodeNonCharacter_Returns400NamingTheField(string body, string field) =>
        await AssertRefusedNamingAsync(body, field);

    [Fact]
    public async Task StartAsync_RawNonCharacterInUtf8_Returns400()
    {
        var response = await StartAsync(Bytes("""{"topic":"Durable workflows """, [0xEF, 0xBF, 0xBF], "\"}"));

        Assert.Equal(400, response.Status);
        Assert.True(response.Json.GetProperty("errors").TryGetProperty("topic", out _), response.Text);
    }

    [Theory]
    [InlineData("Durable workflows \uFFFF")]
    [InlineData("Durable \uFDD5 workflows")]
    public void Validate_NonCharacterInTopic_NamesTheTopic(string topic)
    {
        // The start path of the CLI and the schedule, where no JSON body is read.
        IReadOnlyList<ValidationError> errors = EpisodeRequestValidator.Validate(new EpisodeRequest { Topic = topic });

        Assert.Contains(errors, e => e.Field == "topic");
    }

    [Fact]
    public void Validate_LoneSurrogateInTopic_NamesTheTopic()
    {
        // Built in code: attribute data cannot carry a lone surrogate (it becomes U+FFFD).
        IReadOnlyList<ValidationError> errors = EpisodeRequestValidator.Validate(new EpisodeRequest { Topic = "Durable " + (char)0xD800 + " workflows" });

        Assert.Contains(errors, e => e.Field == "topic");
    }

    [Fact]
    public async Task ListAsync_GarbageTokenOnABackendThatWouldAcceptIt_Returns400()
    {
        // A backend that reads a garbage token as "from the start" would answer the first page with 200.
        _host.Client.Mock.Setup(c => c.GetAllInstancesAsync(It.IsAny<OrchestrationQuery?>())).Returns(Pageable.Create<OrchestrationMetadata>(
            (_, _, _) => Task.FromResult(new Page<OrchestrationMetadata>([], null))));

        foreach (string garbage in new[] { "garbage", "pf1.abc.def", "eyJ0b2tlbiI6MX0=", ContinuationTokens.Wrap("backend-token")![..^1] + "0" })
        {
            HttpRequest request = ApiTestHost.Request(query: "?continuationToken=" + Uri.EscapeDataString(garbage));

            var response = await _host.ExecuteAsync(request, await _host.Get<EpisodeApi>().ListAsync(request, default));

            Assert.True(response.Status == 400, $"{garbage}: {response.Status}");
            Assert.True(response.Json.GetProperty("errors").TryGetProperty("continuationToken", out _), response.Text);
        }
    }

    [Fact]
    public async Task ListAsync_TokenItIssued_ReachesTheBackendUnchanged()
    {
        var seen = new List<string?>();
        _host.Client.Mock.Setup(c => c.GetAllInstancesAsync(It.IsAny<OrchestrationQuery?>())).Returns(Pageable.Create<OrchestrationMetadata>(
            (token, _, _) =>
            {
                seen.Add(token);
                return Task.FromResult(new Page<OrchestrationMetadata>([], token is null ? "{\"partition\":3,\"row\":\"x\"}" : null));
            }));
        HttpRequest first = ApiTestHost.Request(query: "?pageSize=1");
        string issued = (await _host.ExecuteAsync(first, await _host.Get<EpisodeApi>().ListAsync(first, default))).Json.GetProperty("continuationToken").GetString()!;

        HttpRequest second = ApiTestHost.Request(query: "?pageSize=1&continuationToken=" + Uri.EscapeDataString(issued));
        var response = await _host.ExecuteAsync(second, await _host.Get<EpisodeApi>().ListAsync(second, default));

        Assert.Equal(200, response.Status);
        Assert.Equal([null, "{\"partition\":3,\"row\":\"x\"}"], seen);
    }
}
