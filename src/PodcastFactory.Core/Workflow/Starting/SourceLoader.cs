using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PodcastFactory.Core.Diagnostics;
using PodcastFactory.Core.Configuration;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Sources.Extraction;
using PodcastFactory.Core.Sources.Fetching;

namespace PodcastFactory.Core.Workflow.Starting;

/// <summary>
/// Reads supplied sources when an episode starts (inline text, local text files, http(s) URLs), so the workflow
/// works from a captured copy: a replay or a retry never sees a source that changed underneath it. Sources are read in
/// parallel (at most <c>Fetch:MaxParallel</c> at once) under one deadline for them all (<c>Fetch:SourcesDeadlineSeconds</c>):
/// twenty slow URLs once held one POST for 400 s. A source still unread at the deadline is an error naming it, like
/// any other unreadable source, so the caller gets a 400 listing the slow ones and nothing starts.
/// </summary>
public sealed class SourceLoader(BoundedFetcher fetcher, IOptions<FetchOptions> options, ILogger<SourceLoader> logger)
{
    /// <summary>Largest source accepted, in characters.</summary>
    public const int MaxSourceCharacters = 2_000_000;

    /// <summary>Loads every source; problems are returned as field-named errors (in source order), never thrown.</summary>
    public async Task<(IReadOnlyList<SourceDocument> Documents, IReadOnlyList<ValidationError> Errors)> LoadAsync(
        IReadOnlyList<SourceInput> sources, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sources);
        FetchOptions bounds = options.Value;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(bounds.SourcesDeadlineSeconds));
        using var gate = new SemaphoreSlim(bounds.MaxParallel);
        int late = 0;
        (SourceDocument? Document, ValidationError? Error)[] loaded = await Task.WhenAll(sources.Select(async (source, i) =>
        {
            try
            {
                // Only fetches take a slot: inline text never waits behind slow URLs.
                bool fetches = source.Kind == SourceKind.Url;
                if (fetches)
                {
                    await gate.WaitAsync(deadline.Token);
                }

                try
                {
                    return Check(source, i, await LoadOneAsync(source, i, deadline.Token));
                }
                finally
                {
                    if (fetches)
                    {
                        gate.Release();
                    }
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or FetchRefusedException or IOException
                && deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                Interlocked.Increment(ref late);
                return (null, new ValidationError($"sources[{i}].value", string.Create(CultureInfo.InvariantCulture,
                    $"Timed out: {source.Kind.ToString().ToLowerInvariant()} source '{source.Value}' was not read within {bounds.SourcesDeadlineSeconds} s, the deadline for all sources of a request (Fetch:SourcesDeadlineSeconds).")));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FetchRefusedException or DecoderFallbackException)
            {
                return (null, new ValidationError($"sources[{i}].value", $"Could not read {source.Kind.ToString().ToLowerInvariant()} source '{source.Value}': {ex.Message}"));
            }
        }));

        cancellationToken.ThrowIfCancellationRequested();
        if (late > 0)
        {
            Logs.SourcesTimedOut(logger, late, sources.Count, bounds.SourcesDeadlineSeconds);
        }

        return (loaded.Where(l => l.Document is not null).Select(l => l.Document!).ToList(), loaded.Where(l => l.Error is not null).Select(l => l.Error!).ToList());
    }

    static (SourceDocument? Document, ValidationError? Error) Check(SourceInput source, int i, SourceDocument document)
    {
        if (document.Text.Length > MaxSourceCharacters)
        {
            return (null, new($"sources[{i}]", $"Source is {document.Text.Length} characters; at most {MaxSourceCharacters} are accepted."));
        }

        if (string.IsNullOrWhiteSpace(document.Text))
        {
            return (null, new($"sources[{i}]", "Source is empty."));
        }

        return TextRules.NotTextReason(document.Text) is { } notText
            ? (null, new($"sources[{i}].value", $"Refused {source.Kind.ToString().ToLowerInvariant()} source '{document.Name}': {notText}."))
            : (document, null);
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
