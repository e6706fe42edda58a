using Microsoft.Extensions.DependencyInjection;
using PodcastFactory.Core.Audio;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Providers.OpenAI;
using PodcastFactory.Core.Providers;

namespace PodcastFactory.Core.Tests.Providers.OpenAI;

/// <summary>The speech provider against the fake endpoint, and frame-level stitching of what it returns.</summary>
public sealed class OpenAISpeechTests
{
    [Fact]
    public async Task SynthesizeAsync_AzureDeployment_PostsMp3RequestWithMappedVoice()
    {
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync();
        server.SpeechScalesWithText = false;
        await using ServiceProvider services = ProviderStack.Azure(server);
        ISpeechSynthesizer speech = services.GetRequiredService<ISpeechSynthesizer>();
        using var audio = new MemoryStream();

        await speech.SynthesizeAsync("Welcome to the show.", "en-us+f3", "en", audio, CancellationToken.None);

        FakeRequest request = server.SpeechRequests.Single();
        Assert.Equal("/openai/deployments/tts/audio/speech", request.Path);
        Assert.Equal("?api-version=2025-03-01-preview", request.Query);
        Assert.Equal(FakeOpenAIServer.Key, request.ApiKey);
        Assert.Contains("\"voice\":\"coral\"", request.Body, StringComparison.Ordinal);
        Assert.Contains("\"response_format\":\"mp3\"", request.Body, StringComparison.Ordinal);
        Assert.Equal((AudioFormat.Mp3, 4000), (speech.Format, speech.MaxInputCharacters));
        Assert.Equal(new FileInfo(FakeOpenAIServer.Fixture("tone-a-24k.mp3")).Length, audio.Length);
    }

    [Fact]
    public async Task SynthesizeAsync_TextOverTheInputLimit_ThrowsWithoutCalling()
    {
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync();
        await using ServiceProvider services = ProviderStack.Azure(server, ("Speech:MaxInputCharacters", "4096"));
        ISpeechSynthesizer speech = services.GetRequiredService<ISpeechSynthesizer>();
        using var audio = new MemoryStream();

        await Assert.ThrowsAsync<ArgumentException>(() => speech.SynthesizeAsync(new string('a', 4097), "alloy", "en", audio, CancellationToken.None));

        Assert.Equal(4096, speech.MaxInputCharacters);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task StitchAsync_TwoSynthesizedSegments_FrameCountAndDurationAreSums()
    {
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync();
        server.SpeechFixture = voice => voice == "alloy" ? "tone-a-24k.mp3" : "tone-b-24k.mp3";
        await using ServiceProvider services = ProviderStack.Azure(server);
        ISpeechSynthesizer speech = services.GetRequiredService<ISpeechSynthesizer>();
        var segments = new List<byte[]>();
        foreach (string voice in new[] { "alloy", "echo" })
        {
            using var audio = new MemoryStream();
            await speech.SynthesizeAsync("Segment text.", voice, "en", audio, CancellationToken.None);
            segments.Add(audio.ToArray());
        }

        Mp3Info a = await Mp3Info.MeasureAsync(new MemoryStream(segments[0]), CancellationToken.None);
        Mp3Info b = await Mp3Info.MeasureAsync(new MemoryStream(segments[1]), CancellationToken.None);
        using var episode = new MemoryStream();
        StitchResult result = await new Mp3Stitcher().StitchAsync(
            segments.Select((bytes, i) => new StitchInput($"segment-{i}", _ => Task.FromResult<Stream>(new MemoryStream(bytes)), 0)).ToList(),
            episode, CancellationToken.None);
        episode.Position = 0;
        Mp3Info stitched = await Mp3Info.MeasureAsync(episode, CancellationToken.None);

        Assert.Equal((65, 44), (a.FrameCount, b.FrameCount));
        Assert.Equal(109, stitched.FrameCount);
        Assert.Equal(109, result.FrameCount);
        Assert.Equal(a.Duration + b.Duration, stitched.Duration);
        Assert.Equal(24000, stitched.SampleRate);
        Assert.Null(stitched.InfoFrameTag);
    }

    [Theory]
    [InlineData("en-us+m3", "ash")]
    [InlineData("en-us+f3", "coral")]
    [InlineData("en-us+f1", "nova")]
    [InlineData("de", "onyx")]
    [InlineData("Alloy", "alloy")]
    [InlineData("af_bella", "af_bella")]
    public void Resolve_Voice_MapsDeterministically(string voice, string expected) =>
        Assert.Equal(expected, OpenAIVoices.Resolve(voice));
}
