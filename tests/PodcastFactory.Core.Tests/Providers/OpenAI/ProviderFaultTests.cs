using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using PodcastFactory.Core.Agents;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Providers.OpenAI;
using PodcastFactory.Core.Providers;

namespace PodcastFactory.Core.Tests.Providers.OpenAI;

/// <summary>HTTP faults through the real SDK pipeline and the speech client: one retry loop, fail fast on 4xx.</summary>
public sealed class ProviderFaultTests
{
    static readonly SourceDocument _source = new("notes.md", "Durable workflows replay their history after a crash.");
    static readonly ResearchBrief _brief = new("Durable workflows", "how it works", 0, 5, "en");
    const string ValidResearch = """{"summary":"Replay.","notes":[{"text":"Durable workflows replay their history after a crash.","source":"notes.md","locator":"sentence 1","relevance":0.9}]}""";

    [Fact]
    public async Task Chat_429WithRetryAfterThenSuccess_WaitsAndSucceeds()
    {
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync();
        server.Enqueue(FakeReply.TooManyRequests(retryAfterSeconds: 1), FakeReply.Chat(ValidResearch));
        await using ServiceProvider services = ProviderStack.Azure(server);
        var clock = Stopwatch.StartNew();

        AgentResult<ResearchNotes> result = await services.GetRequiredService<IResearchAgent>().ResearchAsync(_brief, [_source], CancellationToken.None);

        Assert.Single(result.Value.Notes);
        Assert.Equal(2, server.ChatRequests.Count());
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.9), $"retried after {clock.Elapsed.TotalMilliseconds} ms, before Retry-After");
    }

    [Fact]
    public async Task Chat_401_FailsFastAsNonRetryableWithProviderMessage()
    {
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync();
        await using ServiceProvider services = ProviderStack.Azure(server, ("TextModel:ApiKey", "wrong-key"));

        Exception error = await Assert.ThrowsAnyAsync<Exception>(
            () => services.GetRequiredService<IResearchAgent>().ResearchAsync(_brief, [_source], CancellationToken.None));

        NonRetryableException fatal = Assert.IsAssignableFrom<NonRetryableException>(error);
        Assert.Contains("401", fatal.Message, StringComparison.Ordinal);
        Assert.Contains("Access denied due to invalid subscription key", fatal.Message, StringComparison.Ordinal);
        Assert.Contains("check TextModel:ApiKey", fatal.Message, StringComparison.Ordinal);
        Assert.Contains("TextModel:Endpoint", fatal.Message, StringComparison.Ordinal);
        Assert.Single(server.ChatRequests);
    }

    [Fact]
    public async Task Chat_503OnEveryAttempt_ThrowsRetryableAfterOnePlusMaxRetriesAttempts()
    {
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync();
        var overloaded = new FakeReply(503, RetryAfter: "0", ErrorMessage: "The engine is currently overloaded.");
        server.Enqueue(overloaded, overloaded, overloaded);
        await using ServiceProvider services = ProviderStack.Azure(server, ("TextModel:MaxRetries", "2"));

        ProviderTransientException error = await Assert.ThrowsAsync<ProviderTransientException>(
            () => services.GetRequiredService<IResearchAgent>().ResearchAsync(_brief, [_source], CancellationToken.None));

        Assert.IsNotAssignableFrom<NonRetryableException>(error);
        Assert.Contains("503", error.Message, StringComparison.Ordinal);
        Assert.Contains("overloaded", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, server.ChatRequests.Count());
    }

    [Fact]
    public async Task Speech_429ThenSuccess_ReturnsAudio()
    {
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync();
        server.Enqueue(FakeReply.TooManyRequests(retryAfterSeconds: 1));
        await using ServiceProvider services = ProviderStack.Azure(server);
        using var audio = new MemoryStream();

        await services.GetRequiredService<ISpeechSynthesizer>().SynthesizeAsync("Hello there.", "alloy", "en", audio, CancellationToken.None);

        Assert.True(audio.Length > 0);
        Assert.Equal(2, server.SpeechRequests.Count());
    }

    [Fact]
    public async Task Speech_401_FailsFastAsNonRetryable()
    {
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync();
        await using ServiceProvider services = ProviderStack.Azure(server, ("Speech:ApiKey", "wrong-key"));
        using var audio = new MemoryStream();

        NonRetryableException error = await Assert.ThrowsAsync<NonRetryableException>(
            () => services.GetRequiredService<ISpeechSynthesizer>().SynthesizeAsync("Hello.", "alloy", "en", audio, CancellationToken.None));

        Assert.Contains("Access denied", error.Message, StringComparison.Ordinal);
        Assert.Contains("check Speech:ApiKey", error.Message, StringComparison.Ordinal);
        Assert.Single(server.SpeechRequests);
    }

    [Fact]
    public async Task Chat_UnknownDeployment_NamesTheEndpointAndDeploymentSettings()
    {
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync();
        server.Enqueue(FakeReply.Error(404, "The API deployment for this resource does not exist."));
        await using ServiceProvider services = ProviderStack.Azure(server);

        NonRetryableException error = await Assert.ThrowsAsync<NonRetryableException>(
            () => services.GetRequiredService<IResearchAgent>().ResearchAsync(_brief, [_source], CancellationToken.None));

        Assert.Contains("check TextModel:Endpoint and TextModel:Deployment", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chat_UsageTokens_BecomeCostFromThePriceTable()
    {
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync();
        server.Enqueue(FakeReply.Chat(ValidResearch, promptTokens: 1234, completionTokens: 567));
        await using ServiceProvider services = ProviderStack.Azure(server, ("TextModel:Model", "gpt-4o"));

        AgentResult<ResearchNotes> result = await services.GetRequiredService<IResearchAgent>().ResearchAsync(_brief, [_source], CancellationToken.None);

        Assert.Equal(("azure-openai", "gpt-4o", "tokens"), (result.Usage.Provider, result.Usage.Model, result.Usage.UnitKind));
        Assert.Equal((1234, 567), (result.Usage.InputUnits, result.Usage.OutputUnits));
        Assert.Equal(((1234 * 2.50m) + (567 * 10.00m)) / 1_000_000m, result.Usage.CostUsd);
    }

    [Fact]
    public async Task Speech_Characters_BecomeCostFromThePriceTable()
    {
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync();
        await using ServiceProvider services = ProviderStack.Azure(server, ("Speech:Model", "tts-1-hd"));
        using var audio = new MemoryStream();
        const string text = "Durable workflows replay their history after a crash.";

        AgentUsage usage = await services.GetRequiredService<ISpeechSynthesizer>().SynthesizeAsync(text, "alloy", "en", audio, CancellationToken.None);

        Assert.Equal((text.Length, "characters", "tts-1-hd"), (usage.InputUnits, usage.UnitKind, usage.Model));
        Assert.Equal(text.Length * 30m / 1_000_000m, usage.CostUsd);
    }
}
