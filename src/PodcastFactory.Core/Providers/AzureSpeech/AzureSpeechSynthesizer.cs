using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Azure.Core;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PodcastFactory.Core.Configuration;
using PodcastFactory.Core.Costs;
using PodcastFactory.Core.Costs.Journal;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Providers.OpenAI;
using PodcastFactory.Core.Providers.Speech;

namespace PodcastFactory.Core.Providers.AzureSpeech;

/// <summary>
/// Speech through the Azure AI Speech text-to-speech REST API: <c>POST {endpoint}/cognitiveservices/v1</c> with an SSML
/// body (<see cref="AzureSpeechSsml"/>), <c>X-Microsoft-OutputFormat: audio-24khz-96kbitrate-mono-mp3</c>, and either
/// <c>Ocp-Apim-Subscription-Key</c> or a managed identity's token (<c>Authorization: Bearer aad#{resource id}#{token}</c>).
/// Voices are checked against the region's <c>voices/list</c>. Usage is the text's characters (Azure bills the spoken
/// characters, not the SSML markup), priced per million; 429/5xx and 401/403 are handled by the Speech client's
/// resilience pipeline (<see cref="Resilience.ProviderResilience"/>).
/// </summary>
public sealed class AzureSpeechSynthesizer : ISpeechSynthesizer, IVoiceCatalog
{
    /// <summary>Largest text per call: well inside the REST API's SSML size and 10-minute audio limits.</summary>
    public const int ProviderInputLimit = 4096;

    /// <summary>The output format asked for: MP3 at 24 kHz, like the OpenAI provider, so stitching stays at frame level.</summary>
    public const string OutputFormat = "audio-24khz-96kbitrate-mono-mp3";

    readonly IHttpClientFactory _httpClients;
    readonly SpeechOptions _options;
    readonly PriceTable _prices;
    readonly Func<TokenCredential> _credential;
    readonly ILogger<AzureSpeechSynthesizer> _logger;
    readonly ProviderVoiceCatalog _voices;

    /// <summary>Creates the provider; <paramref name="credential"/> is asked only when no API key is set.</summary>
    public AzureSpeechSynthesizer(
        IHttpClientFactory httpClients, IOptions<SpeechOptions> options, PriceTable prices, Func<TokenCredential> credential,
        ILogger<AzureSpeechSynthesizer> logger)
    {
        _httpClients = httpClients;
        _options = options.Value;
        _prices = prices;
        _credential = credential;
        _logger = logger;
        _voices = new ProviderVoiceCatalog(Name, ListVoicesAsync, logger);
    }

    /// <inheritdoc />
    public string Name => ProviderHttpClients.ProviderName(ModelProviderKind.AzureSpeech);

    /// <inheritdoc />
    public string CacheKey => $"{Name}/{OutputFormat}";

    /// <inheritdoc />
    public AudioFormat Format => AudioFormat.Mp3;

    /// <inheritdoc />
    public int MaxInputCharacters => Math.Min(_options.MaxInputCharacters, ProviderInputLimit);

    string Model => _options.PricedModel();

    /// <inheritdoc />
    Task<IReadOnlyList<VoiceInfo>> IVoiceCatalog.ListVoicesAsync(CancellationToken cancellationToken) => _voices.InfosAsync(cancellationToken);

    /// <inheritdoc />
    public Task<string?> CheckVoiceAsync(string voice, string language, CancellationToken cancellationToken) =>
        _voices.ProblemAsync(voice, language, cancellationToken);

    /// <inheritdoc />
    public Task<string?> CheckLanguageAsync(string language, CancellationToken cancellationToken) =>
        _voices.LanguageProblemAsync(language, cancellationToken);

    /// <inheritdoc />
    public Task<AgentUsage> SynthesizeAsync(string text, string voice, string language, Stream output, CancellationToken cancellationToken) =>
        SynthesizeAsync(new SpeechInput(text, voice, language), output, cancellationToken);

    /// <inheritdoc />
    /// <remarks>The style, marks and lexicon become SSML (<see cref="AzureSpeechSsml"/>); usage counts the characters spoken, not the markup.</remarks>
    public async Task<AgentUsage> SynthesizeAsync(SpeechInput input, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentException.ThrowIfNullOrWhiteSpace(input.Text);
        ArgumentNullException.ThrowIfNull(output);
        if (input.Text.Length > MaxInputCharacters)
        {
            throw new ArgumentException($"Text is {input.Text.Length} characters; {Name} accepts at most {MaxInputCharacters} per call.", nameof(input));
        }

        string resolved = await _voices.ResolveAsync(input.Voice, input.Language, cancellationToken);
        IReadOnlyList<Models.Speech.SpokenPart> parts = input.Parts();
        string ssml = AzureSpeechSsml.Build(parts, resolved, AzureSpeechSsml.Locale(resolved, input.Language), AzureSpeechStyle.Of(input.Style));
        string text = Models.Speech.SpokenText.Plain(parts, "");
        long started = Stopwatch.GetTimestamp();
        using var audio = new MemoryStream();
        decimal price = _prices.Speech(Model, text.Length);
        // Journaled before it is sent and when its audio has arrived (whatever the audio turns out to be, it was paid).
        await PaidCalls.CallAsync(
            new PaidCallInfo(AgentNames.AudioSynthesizer, Name, Model, "characters", price),
            async () =>
            {
                using HttpRequestMessage request = await CreateRequestAsync(HttpMethod.Post, "cognitiveservices/v1", cancellationToken);
                request.Content = new StringContent(ssml, Encoding.UTF8, "application/ssml+xml");
                request.Headers.Add("X-Microsoft-OutputFormat", OutputFormat);
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("audio/mpeg"));
                using HttpResponseMessage response = await _httpClients.CreateClient(ProviderHttpClients.Speech).SendAsync(
                    request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
                await SpeechResponse.CopyAsync(Name, response, audio, cancellationToken);
                return audio.Length;
            },
            (_, ms) => new AgentUsage(AgentNames.AudioSynthesizer, Name, Model, text.Length, 0, "characters", ms, price));
        return await SpeechResponse.DeliverMp3Async(audio, output,
            new AgentUsage(AgentNames.AudioSynthesizer, Name, Model, text.Length, 0, "characters", 0, price), resolved, started, _logger, cancellationToken);
    }

    // GET voices/list: [{ "ShortName": "en-US-AvaNeural", "DisplayName": "Ava", "Gender": "Female", "Locale": "en-US" }, ...]
    async Task<IReadOnlyList<ProviderVoice>> ListVoicesAsync(CancellationToken cancellationToken)
    {
        using HttpRequestMessage request = await CreateRequestAsync(HttpMethod.Get, "cognitiveservices/voices/list", cancellationToken);
        using HttpResponseMessage response = await _httpClients.CreateClient(ProviderHttpClients.Speech).SendAsync(
            request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        using var body = new MemoryStream();
        await SpeechResponse.CopyAsync(Name, response, body, cancellationToken);
        body.Position = 0;
        using JsonDocument document = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
        var voices = new List<ProviderVoice>();
        foreach (JsonElement v in document.RootElement.EnumerateArray())
        {
            if (v.TryGetProperty("ShortName", out JsonElement id) && id.GetString() is { Length: > 0 } shortName)
            {
                string? gender = v.TryGetProperty("Gender", out JsonElement g) ? g.GetString() : null;
                voices.Add(new ProviderVoice(
                    shortName,
                    v.TryGetProperty("DisplayName", out JsonElement n) ? n.GetString() ?? shortName : shortName,
                    v.TryGetProperty("Locale", out JsonElement l) ? l.GetString() : null,
                    gender switch { "Female" => true, "Male" => false, _ => null }));
            }
        }

        return voices;
    }

    async Task<HttpRequestMessage> CreateRequestAsync(HttpMethod method, string path, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(method, new Uri(_options.Endpoint!.AbsoluteUri.TrimEnd('/') + "/" + path));
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("PodcastFactory", "1.0"));
        if (!string.IsNullOrWhiteSpace(_options.ApiKey))
        {
            request.Headers.Add("Ocp-Apim-Subscription-Key", _options.ApiKey);
        }
        else
        {
            // A regional endpoint takes an Entra token only with the resource it is for: "aad#{resource id}#{token}".
            AccessToken token = await _credential().GetTokenAsync(new TokenRequestContext([AzureCredentials.CognitiveServicesScope]), cancellationToken);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", $"aad#{_options.ResourceId}#{token.Token}");
        }

        return request;
    }
}
