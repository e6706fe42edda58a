using System.Text;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Sources.Extraction;
using PodcastFactory.Core.Sources.Fetching;

namespace PodcastFactory.Core.Workflow.Starting;

/// <summary>
/// Reads supplied sources when an episode starts (inline text, local text files, http(s) URLs), so the workflow
/// works from a captured copy: a replay or a retry never sees a source that changed underneath it.
/// </summary>
public sealed class SourceLoader(BoundedFetcher fetcher)
{
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
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FetchRefusedException or DecoderFallbackException)
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
                FetchedPage page = await fetcher.FetchAsync(new Uri(source.Value), cancellationToken);
                return new SourceDocument(source.Name ?? source.Value, page.IsHtml ? PageText.Extract(page).Text : page.Body);

            default:
                return new SourceDocument(source.Name ?? $"source-{index + 1}", source.Value);
        }
    }
}
