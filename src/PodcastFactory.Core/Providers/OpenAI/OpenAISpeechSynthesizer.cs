using PodcastFactory.Core.Models;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Azure.Core;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PodcastFactory.Core.Configuration;
using PodcastFactory.Core.Costs;
using PodcastFactory.Core.Costs.Journal;
using PodcastFactory.Core.Languages;
using PodcastFactory.Core.Providers.Speech;

namespace PodcastFactory.Core.Providers.OpenAI;

/// <summary>
/// Speech through the OpenAI-style <c>audio/speech</c> endpoint: an Azure OpenAI deployment (tts-1, tts-1-hd,
/// gpt-4o-mini-tts) or a compatible server. Always MP3; the response is checked to hold MPEG audio frames before it
/// is written, so an HTML error page never becomes a segment. Usage is the input characters, priced per million.
/// Direction: a host's style goes as <c>instructions</c> to models that take them (gpt-4o-mini-tts; tts-1 and tts-1-hd
/// do not), pauses become "…" and emphasis the plain words, and lexicon entries are said as their <c>say</c>.
/// </summary>
public sealed partial class OpenAISpeechSynthesizer(
    IHttpClientFactory httpClients,
    IOptions<SpeechOptions> options,
    PriceTable prices,
    Func<TokenCredential> credential,
    ILogger<OpenAISpeechSynthesizer> logger) : ISpeechSynthesizer, IVoiceCatalog
{
    /// <summary>OpenAI's input limit per call.</summary>
    public const int ProviderInputLimit = 4096;

    readonly SpeechOptions _options = options.Value;

    /// <inheritdoc />
    public string Name => ProviderHttpClients.ProviderName(_options.Provider);

    /// <inheritdoc />
    public string CacheKey => $"{Name}/{Model}/mp3";

    /// <inheritdoc />
    public AudioFormat Format => AudioFormat.Mp3;

    /// <inheritdoc />
    public int MaxInputCharacters => Math.Min(_options.MaxInputCharacters, ProviderInputLimit);

    string Model => ChatClientFactory.PricedModel(_options.Model, _options.Deployment);

    /// <inheritdoc />
    public Task<string?> CheckVoiceAsync(string voice, string language, CancellationToken cancellationToken) =>
        Task.FromResult(OpenAIVoices.Problem(voice, [.. _options.Voices]));

    /// <inheritdoc />
    public Task<IReadOnlyList<VoiceInfo>> ListVoicesAsync(CancellationToken cancellationToken) =>
        Task.FromResult(OpenAIVoices.List(Name, [.. _options.Voices]));

    /// <inheritdoc />
    public Task<AgentUsage> SynthesizeAsync(string text, string voice, string language, Stream output, CancellationToken cancellationToken) =>
        SynthesizeAsync(new SpeechInput(text, voice, language), output, cancellationToken);

    /// <summary>True when <paramref name="model"/> takes <c>instructions</c> (the gpt-4o speech models, not tts-1 or tts-1-hd).</summary>
    public static bool AcceptsInstructions(string model) =>
        model.StartsWith("gpt-4o", StringComparison.OrdinalIgnoreCase) && model.Contains("tts", StringComparison.OrdinalIgnoreCase);

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
        // The host's style and, outside English, the language the text is in: both direction for models that take it.
        string? style = AcceptsInstructions(Model) && !string.IsNullOrWhiteSpace(input.Style) ? input.Style.Trim() : null;
        string? instructions = string.Join(" ", new[] { LanguageInstruction(input.Language), style }.OfType<string>()) is { Length: > 0 } joined ? joined : null;
        string resolved = OpenAIVoices.Resolve(input.Voice);
        long started = Stopwatch.GetTimestamp();
        using var audio = new MemoryStream();
        decimal price = prices.Speech(Model, text.Length);
        // Journaled before it is sent and when its audio has arrived (whatever the audio turns out to be, it was paid).
        await PaidCalls.CallAsync(
            new PaidCallInfo(AgentNames.AudioSynthesizer, Name, Model, "characters", price),
            async () =>
            {
                using HttpRequestMessage request = await CreateRequestAsync(text, resolved, instructions, cancellationToken);
                HttpClient http = httpClients.CreateClient(ProviderHttpClients.Speech);
                using HttpResponseMessage response = await http.SendAsync(request, cancellationToken);
                await SpeechResponse.CopyAsync(Name, response, audio, cancellationToken);
                return audio.Length;
            },
            (_, ms) => new AgentUsage(AgentNames.AudioSynthesizer, Name, Model, text.Length, 0, "characters", ms, price));
        return await SpeechResponse.DeliverMp3Async(audio, output,
            new AgentUsage(AgentNames.AudioSynthesizer, Name, Model, text.Length, 0, "characters", 0, price), resolved, started, logger, cancellationToken);
    }

    // OpenAI voices are multilingual and follow the text, but gpt-4o-mini-tts takes instructions: naming the language
    // there keeps a short or mixed segment ("Gracias, Sam.") from being read with English sounds. tts-1 takes none.
    string? LanguageInstruction(string language) =>
        LanguagePacks.Primary(language) != "en" && AcceptsInstructions(Model)
            ? $"Speak in {LanguagePacks.Describe(language)}."
            : null;

    async Task<HttpRequestMessage> CreateRequestAsync(string text, string voice, string? instructions, CancellationToken cancellationToken)
    {
        Uri endpoint = _options.Endpoint!;
        string baseUrl = endpoint.AbsoluteUri.TrimEnd('/');
        bool azure = _options.Provider == ModelProviderKind.AzureOpenAI;
        Uri uri = azure
            ? new Uri($"{baseUrl}/openai/deployments/{Uri.EscapeDataString(_options.Deployment!)}/audio/speech?api-version={Uri.EscapeDataString(_options.ApiVersion)}")
            : new Uri($"{baseUrl}/audio/speech");
        var request = new HttpRequestMessage(HttpMethod.Post, uri)
        {
            Content = JsonContent.Create(new SpeechRequest(Model, text, voice, "mp3", instructions)),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("audio/mpeg"));
        if (!string.IsNullOrWhiteSpace(_options.ApiKey))
        {
            if (azure)
            {
                request.Headers.Add("api-key", _options.ApiKey);
            }
            else
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _options.ApiKey);
            }
        }
        else if (azure)
        {
            AccessToken token = await credential().GetTokenAsync(new TokenRequestContext([AzureCredentials.CognitiveServicesScope]), cancellationToken);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
        }

        return request;
    }

    sealed record SpeechRequest(
        [property: JsonPropertyName("model")] string Model,
        [property: JsonPropertyName("input")] string Input,
        [property: JsonPropertyName("voice")] string Voice,
        [property: JsonPropertyName("response_format")] string ResponseFormat,
        [property: JsonPropertyName("instructions"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Instructions);
}
