using System.Globalization;
using System.Text.Json;
using PodcastFactory.Core.Configuration;
using PodcastFactory.Core.Costs.Journal;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Providers.OpenAI;

namespace PodcastFactory.Core.Providers.Search;

/// <summary>
/// What every JSON search API shares: send through the provider's HttpClient (whose <see cref="Resilience.ProviderResilience"/> pipeline
/// retries 429/5xx and fails fast on other 4xx), read at most <see cref="SearchOptions.MaxResponseBytes"/>, parse, keep
/// absolute http(s) results, price the answered request. Subclasses only build the request and read their JSON shape.
/// </summary>
public abstract class JsonSearchProvider(HttpClient http, SearchOptions options) : ISearchProvider
{
    /// <inheritdoc />
    public abstract string Name { get; }

    /// <summary>The settings.</summary>
    protected SearchOptions Options { get; } = options;

    /// <inheritdoc />
    public async Task<AgentResult<IReadOnlyList<SearchHit>>> SearchAsync(string query, int count, string language, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(query);
        using HttpRequestMessage request = BuildRequest(Options.BaseUrl, query, count, language);
        request.Headers.UserAgent.ParseAdd("PodcastFactory/1.0 (podcast research)");
        HttpResponseMessage response;
        AgentUsage? answered = null;
        try
        {
            // Journaled before it is sent; every answered request is paid, whatever its body turns out to be.
            response = await PaidCalls.CallAsync(
                new PaidCallInfo(SearchUsage.Agent, Name, Name, SearchUsage.Unit, Options.PricePerRequest),
                async () =>
                {
                    HttpResponseMessage answer = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
                    if (!answer.IsSuccessStatusCode)
                    {
                        using (answer)
                        {
                            throw new SearchFailedException(string.Create(CultureInfo.InvariantCulture, $"{Name} answered {(int)answer.StatusCode} {answer.ReasonPhrase}."));
                        }
                    }

                    return answer;
                },
                (_, ms) => answered = SearchUsage.Answered(Name, Options.PricePerRequest, ms));
        }
        catch (NonRetryableException ex)
        {
            bool auth = ex.Message.Contains(" 401 ", StringComparison.Ordinal) || ex.Message.Contains(" 403 ", StringComparison.Ordinal);
            throw new SearchFailedException(auth ? $"{ex.Message} (check Search:ApiKey and Search:Endpoint)" : ex.Message, ex);
        }
        catch (ProviderTransientException ex)
        {
            throw new SearchFailedException(ex.Message, ex);
        }
        catch (HttpRequestException ex)
        {
            throw new SearchFailedException($"{Name} could not be reached at {Options.BaseUrl}: {ex.Message}", ex);
        }

        using (response)
        {
            // The answered request as journaled: paid whatever its body turns out to be.
            AgentUsage usage = answered!;

            try
            {
                using JsonDocument document = await ReadJsonAsync(response, cancellationToken);
                List<SearchHit> hits = ParseHits(document.RootElement, request.RequestUri!)
                    .Where(h => Uri.TryCreate(h.Url, UriKind.Absolute, out Uri? u) && u.Scheme is "http" or "https")
                    .Select(h => h with { Title = h.Title.Trim(), Snippet = h.Snippet.Trim() })
                    .Take(count)
                    .ToList();
                return new AgentResult<IReadOnlyList<SearchHit>>(hits, usage);
            }
            catch (JsonException ex)
            {
                throw new SearchFailedException($"{Name} answered invalid JSON: {ex.Message}", ex) { Usage = usage };
            }
            catch (InvalidOperationException ex)
            {
                throw new SearchFailedException($"{Name} answered JSON of an unexpected shape: {ex.Message}", ex) { Usage = usage };
            }
        }
    }

    /// <summary>Builds the provider's request for <paramref name="query"/>.</summary>
    protected abstract HttpRequestMessage BuildRequest(Uri baseUrl, string query, int count, string language);

    /// <summary>Reads the results from the provider's JSON; throws <see cref="InvalidOperationException"/> on a wrong shape.</summary>
    protected abstract IEnumerable<SearchHit> ParseHits(JsonElement root);

    /// <summary>The hits of an answer to the request sent to <paramref name="requestUri"/> (a provider whose links depend on where it asked overrides this).</summary>
    protected virtual IEnumerable<SearchHit> ParseHits(JsonElement root, Uri requestUri) => ParseHits(root);

    /// <summary>A string property, or "" when absent or not a string.</summary>
    protected static string Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String
            ? value.GetString() ?? ""
            : "";

    /// <summary>The array at <paramref name="path"/>; throws <see cref="InvalidOperationException"/> naming the path when missing.</summary>
    protected static JsonElement.ArrayEnumerator ArrayAt(JsonElement root, params string[] path)
    {
        JsonElement current = root;
        foreach (string name in path)
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out current))
            {
                throw new InvalidOperationException($"no '{string.Join('.', path)}' array");
            }
        }

        return current.ValueKind == JsonValueKind.Array ? current.EnumerateArray() : throw new InvalidOperationException($"'{string.Join('.', path)}' is not an array");
    }

    async Task<JsonDocument> ReadJsonAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength > Options.MaxResponseBytes)
        {
            throw new SearchFailedException(string.Create(CultureInfo.InvariantCulture, $"{Name} answered more than {Options.MaxResponseBytes} bytes (Search:MaxResponseBytes)."));
        }

        await using Stream stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        byte[] chunk = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > Options.MaxResponseBytes)
            {
                throw new SearchFailedException(string.Create(CultureInfo.InvariantCulture, $"{Name} answered more than {Options.MaxResponseBytes} bytes (Search:MaxResponseBytes)."));
            }

            buffer.Write(chunk, 0, read);
        }

        return JsonDocument.Parse(buffer.ToArray());
    }
}
