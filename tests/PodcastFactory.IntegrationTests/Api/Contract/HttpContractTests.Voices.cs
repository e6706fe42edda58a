using System.Net;
using System.Text;
using System.Text.Json;
using PodcastFactory.Core.Audio;

namespace PodcastFactory.IntegrationTests.Api.Contract;

/// <summary>The contract, continued: the voice listing and previews, the same on both hosts.</summary>
public abstract partial class HttpContractTests
{
    [Fact]
    public async Task Voices_Get_ListsTheOfflineVoicesWithLanguageAndGender()
    {
        using HttpResponseMessage response = await Client.Http.GetAsync("/api/voices");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using JsonDocument body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("local", body.RootElement.GetProperty("provider").GetString());
        JsonElement slt = body.RootElement.GetProperty("voices").EnumerateArray().Single(v => v.GetProperty("id").GetString() == "flite:slt");
        Assert.Equal("female", slt.GetProperty("gender").GetString());
        Assert.Equal("en-US", slt.GetProperty("language").GetString());
    }

    [Fact]
    public async Task Voices_UnknownQueryParameter_Returns400ProblemDetails()
    {
        using HttpResponseMessage response = await Client.Http.GetAsync("/api/voices?gender=female");

        await Client.AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task VoicePreview_Post_ReturnsFliteSpeechAsMp3_AndTheSameBodyAgainComesFromTheStore()
    {
        // A text no other run of the suite previews, so the first call synthesizes.
        string body = $$"""{"voice":"flite:slt","text":"Hello, I will be your host today. Run {{Guid.NewGuid():N}}."}""";

        using HttpResponseMessage first = await Client.PostJsonAsync("/api/voices/preview", body);
        using HttpResponseMessage second = await Client.PostJsonAsync("/api/voices/preview", body);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        // flite speaks WAV; the preview is encoded to MP3 with the publish stage's encoder (installed on the test machines).
        Assert.Equal("audio/mpeg", first.Content.Headers.ContentType?.MediaType);
        byte[] audio = await first.Content.ReadAsByteArrayAsync();
        Mp3Info mp3 = await Mp3Info.MeasureAsync(new MemoryStream(audio), CancellationToken.None);
        Assert.True(mp3.Duration.TotalSeconds > 1, $"{audio.Length} bytes, {mp3.Duration}: not the MP3 of a spoken sentence");
        Assert.Equal("false", first.Headers.GetValues("Preview-Cached").Single());
        Assert.Equal("true", second.Headers.GetValues("Preview-Cached").Single());
        Assert.Equal(audio, await second.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("""{"voice":"nobody","text":"Hello"}""", "voice")]
    [InlineData("""{"voice":"flite:slt","text":""}""", "text")]
    [InlineData("""{"voice":"flite:slt","text":42}""", "text")]
    public async Task VoicePreview_BadBody_Returns400ProblemNamingTheField(string body, string field)
    {
        JsonElement problem = await Client.AssertProblemAsync(await Client.PostJsonAsync("/api/voices/preview", body), HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task VoicePreview_ForeignOrigin_Returns403Problem()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/voices/preview")
        {
            Content = new StringContent("""{"voice":"flite:slt","text":"Hello"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Origin", "https://evil.example");

        await Client.AssertProblemAsync(await Client.Http.SendAsync(request), HttpStatusCode.Forbidden);
    }
}
