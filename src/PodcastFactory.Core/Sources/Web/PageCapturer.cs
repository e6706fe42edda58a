using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using PodcastFactory.Core.Artifacts;
using PodcastFactory.Core.Diagnostics;
using PodcastFactory.Core.Providers.Search;
using PodcastFactory.Core.Sources.Extraction;
using PodcastFactory.Core.Sources.Fetching;

namespace PodcastFactory.Core.Sources.Web;

/// <summary>
/// Fetches and captures a web page once per episode, whichever angles choose it. The artifact's name comes from the URL
/// (<see cref="CapturedPage.ArtifactName"/>); an existing capture is read, never fetched again. Angles run in parallel and
/// activities are retried, so a capture is created only if absent (<see cref="IArtifactStore.TryCreateAsync"/>): of two
/// workers that fetched the same page at once, the first capture wins and the other reads it, so every note cites the same
/// text. Within one process, angles asking for a page already being fetched wait for that fetch instead of starting another.
/// </summary>
public sealed class PageCapturer(IArtifactStore store, BoundedFetcher fetcher, ILogger<PageCapturer> logger)
{
    /// <summary>Pages with less main text than this are dropped as unreadable.</summary>
    public const int MinPageCharacters = 200;

    /// <summary>Longest page text kept, in characters.</summary>
    public const int MaxPageCharacters = 200_000;

    readonly ConcurrentDictionary<string, Lazy<Task<(CapturedPage? Page, string? Problem)>>> _inFlight = new(StringComparer.Ordinal);

    /// <summary>The captured page, or why it was dropped. <paramref name="gate"/> bounds the caller's fetches at once.</summary>
    public async Task<(CapturedPage? Page, string? Problem)> CaptureAsync(string episodeId, SearchHit hit, SemaphoreSlim gate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hit);
        var url = new Uri(hit.Url);
        string name = CapturedPage.SourceName(url);
        string artifact = CapturedPage.ArtifactName(episodeId, url);
        if (await ReadAsync(name, artifact, cancellationToken) is { } captured)
        {
            return (captured, null);
        }

        var fetch = new Lazy<Task<(CapturedPage?, string?)>>(() => FetchAndCreateAsync(episodeId, hit, url, name, artifact, gate, cancellationToken));
        Lazy<Task<(CapturedPage?, string?)>> shared = _inFlight.GetOrAdd(artifact, fetch);
        try
        {
            return await shared.Value;
        }
        finally
        {
            _inFlight.TryRemove(KeyValuePair.Create(artifact, shared));
        }
    }

    async Task<(CapturedPage?, string?)> FetchAndCreateAsync(string episodeId, SearchHit hit, Uri url, string name, string artifact, SemaphoreSlim gate, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (await ReadAsync(name, artifact, cancellationToken) is { } captured)
            {
                return (captured, null); // captured while this one waited for the gate
            }

            FetchedPage fetched = await fetcher.FetchAsync(url, cancellationToken);
            ExtractedText extracted = PageText.Extract(fetched);
            if (extracted.Text.Length < MinPageCharacters)
            {
                return (null, string.Create(CultureInfo.InvariantCulture, $"page {hit.Url} dropped: only {extracted.Text.Length} characters of readable text"));
            }

            string title = extracted.Title.Length > 0 && extracted.Title != fetched.FinalUrl.ToString() ? extracted.Title : hit.Title;
            string text = extracted.Text.Length > MaxPageCharacters ? extracted.Text[..MaxPageCharacters] : extracted.Text;
            // Whole seconds, as the artifact records them, so a replayed page reads back exactly as first used.
            DateTimeOffset retrieved = new(fetched.RetrievedAt.UtcTicks - (fetched.RetrievedAt.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
            var page = new CapturedPage(name, artifact, hit.Url, title, retrieved, text);
            using var content = new MemoryStream(Encoding.UTF8.GetBytes(page.Render()));
            if (await store.TryCreateAsync(artifact, content, ContentTypes.ForName(artifact), cancellationToken))
            {
                return (page, null);
            }

            // Another worker captured the page first: its capture is the one every angle cites.
            Logs.PageCapturedElsewhere(logger, episodeId, hit.Url);
            return (CapturedPage.Parse(name, artifact, await store.ReadTextAsync(artifact, cancellationToken)), null);
        }
        catch (FetchRefusedException ex)
        {
            return (null, $"page {hit.Url} dropped: {ex.Message}");
        }
        finally
        {
            gate.Release();
        }
    }

    async Task<CapturedPage?> ReadAsync(string name, string artifact, CancellationToken cancellationToken) =>
        await store.GetInfoAsync(artifact, cancellationToken) is null
            ? null
            : CapturedPage.Parse(name, artifact, await store.ReadTextAsync(artifact, cancellationToken));
}
