using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Workflow.Starting;

/// <summary>
/// Reads supplied sources when an episode starts (inline text, local text files, http(s) URLs), so the workflow
/// works from a captured copy: a replay or a retry never sees a source that changed underneath it.
/// </summary>
public sealed partial class SourceLoader(IHttpClientFactory httpClientFactory)
{
    /// <summary>Name of the HttpClient used to fetch URL sources.</summary>
    public const string HttpClientName = "sources";

    /// <summary>Largest source accepted, in characters.</summary>
    public const int MaxSourceCharacters = 2_000_000;

    /// <summary>Loads every source; problems are returned as field-named errors, never thrown.</summary>
    public async Task<(IReadOnlyList<SourceDocument> Documents, IReadOnlyList<ValidationError> Errors)> LoadAsync(
        IReadOnlyList<SourceInput> sources, CancellationToken cancellationToken)
    {
        var documents = new List<SourceDocument>();
        var errors = new List<ValidationError>();
        for (int i = 0; i < sources.Count; i++)
        {
            SourceInput source = sources[i];
            try
            {
                SourceDocument document = await LoadOneAsync(source, i, cancellationToken);
                if (document.Text.Length > MaxSourceCharacters)
                {
                    errors.Add(new($"sources[{i}]", $"Source is {document.Text.Length} characters; at most {MaxSourceCharacters} are accepted."));
                }
                else if (string.IsNullOrWhiteSpace(document.Text))
                {
                    errors.Add(new($"sources[{i}]", "Source is empty."));
                }
                else if (TextRules.NotTextReason(document.Text) is { } notText)
                {
                    errors.Add(new($"sources[{i}].value", $"Refused {source.Kind.ToString().ToLowerInvariant()} source '{document.Name}': {notText}."));
                }
                else
                {
                    documents.Add(document);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or HttpRequestException or TaskCanceledException or DecoderFallbackException)
            {
                errors.Add(new($"sources[{i}].value", $"Could not read {source.Kind.ToString().ToLowerInvariant()} source '{source.Value}': {ex.Message}"));
            }
        }

        return (documents, errors);
    }

    async Task<SourceDocument> LoadOneAsync(SourceInput source, int index, CancellationToken cancellationToken)
    {
        switch (source.Kind)
        {
            case SourceKind.File:
                string text = await File.ReadAllTextAsync(source.Value, new UTF8Encoding(false, throwOnInvalidBytes: true), cancellationToken);
                return new SourceDocument(source.Name ?? Path.GetFileName(source.Value), text);
            case SourceKind.Url:
                HttpClient client = httpClientFactory.CreateClient(HttpClientName);
                using (HttpResponseMessage response = await client.GetAsync(source.Value, HttpCompletionOption.ResponseHeadersRead, cancellationToken))
                {
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        throw new HttpRequestException($"HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
                    }

                    string body = await response.Content.ReadAsStringAsync(cancellationToken);
                    bool html = response.Content.Headers.ContentType?.MediaType?.Contains("html", StringComparison.OrdinalIgnoreCase) ?? false;
                    return new SourceDocument(source.Name ?? source.Value, html ? HtmlToText(body) : body);
                }

            default:
                return new SourceDocument(source.Name ?? $"source-{index + 1}", source.Value);
        }
    }

    /// <summary>Crude but safe HTML to text: drops scripts, styles and tags, keeps paragraph breaks.</summary>
    public static string HtmlToText(string html)
    {
        string text = ScriptOrStyle().Replace(html, " ");
        text = BlockTag().Replace(text, "\n\n");
        text = AnyTag().Replace(text, " ");
        text = WebUtility.HtmlDecode(text);
        return Spaces().Replace(text, " ").Trim();
    }

    [GeneratedRegex("<(script|style)[^>]*>.*?</\\1>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex ScriptOrStyle();

    [GeneratedRegex("</?(p|div|br|h[1-6]|li|tr|section|article)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockTag();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex AnyTag();

    [GeneratedRegex("[ \\t]+")]
    private static partial Regex Spaces();
}
