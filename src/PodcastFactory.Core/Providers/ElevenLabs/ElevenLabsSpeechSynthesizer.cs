using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PodcastFactory.Core.Configuration;
using PodcastFactory.Core.Costs;
using PodcastFactory.Core.Costs.Journal;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Providers.OpenAI;
using PodcastFactory.Core.Providers.Speech;

namespace PodcastFactory.Core.Providers.ElevenLabs;

/// <summary>
/// Speech through the ElevenLabs REST API: <c>POST /v1/text-to-speech/{voice_id}?output_format=mp3_44100_128</c> with
/// <c>xi-api-key</c> and a JSON body (<c>text</c>, <c>model_id</c>, <c>voice_settings</c>); the audio streams back chunked.
/// Voices are checked against the account's <c>GET /v1/voices</c> (by id or name). Usage is the input characters,
/// priced per million for the <c>model_id</c>. Direction: the host's style moves <c>voice_settings</c>
/// (<see cref="ElevenLabsVoiceSettings"/>), pauses become "…", emphasis the plain words, lexicon entries their <c>say</c>.
/// </summary>
public sealed class ElevenLabsSpeechSynthesizer : ISpeechSynthesizer, IVoiceCatalog
{
    /// <summary>Largest text per call (eleven_multilingual_v2 takes 10,000; the others more).</summary>
    public const int ProviderInputLimit = 4096;

    /// <summary>The output format asked for: MP3, one sample rate for every segment.</summary>
    public const string OutputFormat = "mp3_44100_128";

    readonly IHttpClientFactory _httpClients;
    readonly SpeechOptions _options;
    readonly PriceTable _prices;
    readonly ILogger<ElevenLabsSpeechSynthesizer> _logger;
    readonly ProviderVoiceCatalog _voices;

    /// <summary>Creates the provider.</summary>
    public ElevenLabsSpeechSynthesizer(IHttpClientFactory httpClients, IOptions<SpeechOptions> options, PriceTable prices, ILogger<ElevenLabsSpeechSynthesizer> logger)
    {
        _httpClients = httpClients;
        _options = options.Value;
        _prices = prices;
        _logger = logger;
        _voices = new ProviderVoiceCatalog(Name, ListVoicesAsync, logger);
    }

    /// <inheritdoc />
    public string Name => ProviderHttpClients.ProviderName(ModelProviderKind.ElevenLabs);

    /// <inheritdoc />
    public string CacheKey => string.Create(CultureInfo.InvariantCulture,
        $"{Name}/{Model}/{OutputFormat}/stability={_options.Stability:0.###}/similarity={_options.SimilarityBoost:0.###}");

    /// <inheritdoc />
    public AudioFormat Format => AudioFormat.Mp3;

    /// <inheritdoc />
    public int MaxInputCharacters => Math.Min(_options.MaxInputCharacters, ProviderInputLimit);

    string Model => _options.PricedModel();

    Uri BaseUrl => _options.Endpoint ?? SpeechOptions.ElevenLabsEndpoint;

    /// <inheritdoc />
    Task<IReadOnlyList<VoiceInfo>> IVoiceCatalog.ListVoicesAsync(CancellationToken cancellationToken) => _voices.InfosAsync(cancellationToken);

    /// <inheritdoc />
    public Task<string?> CheckVoiceAsync(string voice, string language, CancellationToken cancellationToken) =>
        _voices.ProblemAsync(voice, language, cancellationToken);

    /// <inheritdoc />
    public Task<AgentUsage> SynthesizeAsync(string text, string voice, string language, Stream output, CancellationToken cancellationToken) =>
        SynthesizeAsync(new SpeechInput(text, voice, language), output, cancellationToken);

    /// <inheritdoc />
    public async Task<AgentUsage> SynthesizeAsync(SpeechInput input, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentException.ThrowIfNullOrWhiteSpace(input.Text);
        ArgumentNullException.ThrowIfNull(output);
        if (input.Text.Length > MaxInputCharacters)
        {
            throw new ArgumentException($"Text is {input.Text.Length} characters; {Name} accepts at most {MaxInputCharacters} per call.", nameof(input));
        }

        string text = input.PlainText("…");
        ElevenLabsVoiceSettings settings = ElevenLabsVoiceSettings.For(input.Style, _options.Stability, _options.SimilarityBoost);
        string voiceId = await _voices.ResolveAsync(input.Voice, input.Language, cancellationToken);
        long started = Stopwatch.GetTimestamp();
        using var audio = new MemoryStream();
        decimal price = _prices.Speech(Model, text.Length);
        // Journaled before it is sent and when its audio has arrived (whatever the audio turns out to be, it was paid).
        await PaidCalls.CallAsync(
            new PaidCallInfo(AgentNames.AudioSynthesizer, Name, Model, "characters", price),
            async () =>
            {
                using HttpRequestMessage request = CreateRequest(HttpMethod.Post,
                    $"v1/text-to-speech/{Uri.EscapeDataString(voiceId)}?output_format={OutputFormat}");
                request.Content = JsonContent.Create(new SpeechRequest(text, Model, settings));
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("audio/mpeg"));
                using HttpResponseMessage response = await _httpClients.CreateClient(ProviderHttpClients.Speech).SendAsync(
                    request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
                await SpeechResponse.CopyAsync(Name, response, audio, cancellationToken);
                return audio.Length;
            },
            (_, ms) => new AgentUsage(AgentNames.AudioSynthesizer, Name, Model, text.Length, 0, "characters", ms, price));
        return await SpeechResponse.DeliverMp3Async(audio, output,
            new AgentUsage(AgentNames.AudioSynthesizer, Name, Model, text.Length, 0, "characters", 0, price), voiceId, started, _logger, cancellationToken);
    }

    // GET /v1/voices: { "voices": [{ "voice_id": "...", "name": "Rachel", "labels": { "gender": "female" } }, ...] }
    async Task<IReadOnlyList<ProviderVoice>> ListVoicesAsync(CancellationToken cancellationToken)
    {
        using HttpRequestMessage request = CreateRequest(HttpMethod.Get, "v1/voices");
        using HttpResponseMessage response = await _httpClients.CreateClient(ProviderHttpClients.Speech).SendAsync(
            request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        using var body = new MemoryStream();
        await SpeechResponse.CopyAsync(Name, response, body, cancellationToken);
        body.Position = 0;
        using JsonDocument document = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
        var voices = new List<ProviderVoice>();
        if (document.RootElement.TryGetProperty("voices", out JsonElement list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (JsonElement v in list.EnumerateArray())
            {
                if (v.TryGetProperty("voice_id", out JsonElement id) && id.GetString() is { Length: > 0 } voiceId)
                {
                    string? gender = v.TryGetProperty("labels", out JsonElement labels) && labels.ValueKind == JsonValueKind.Object
                        && labels.TryGetProperty("gender", out JsonElement g) ? g.GetString() : null;
                    // ElevenLabs voices are multilingual (no locale): the model speaks the text's language.
                    voices.Add(new ProviderVoice(voiceId, v.TryGetProperty("name", out JsonElement n) ? n.GetString() ?? voiceId : voiceId, null,
                        gender?.ToLowerInvariant() switch { "female" => true, "male" => false, _ => null }));
                }
            }
        }

        return voices;
    }

    HttpRequestMessage CreateRequest(HttpMethod method, string pathAndQuery)
    {
        var request = new HttpRequestMessage(method, new Uri(BaseUrl.AbsoluteUri.TrimEnd('/') + "/" + pathAndQuery));
        request.Headers.Add("xi-api-key", _options.ApiKey);
        return request;
    }

    sealed record SpeechRequest(
        [property: JsonPropertyName("text")] string Text,
        [property: JsonPropertyName("model_id")] string ModelId,
        [property: JsonPropertyName("voice_settings")] ElevenLabsVoiceSettings VoiceSettings);
}
