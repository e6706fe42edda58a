using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PodcastFactory.Core.Agents;
using PodcastFactory.Core.Artifacts;
using PodcastFactory.Core.Configuration;
using PodcastFactory.Core.Diagnostics;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Providers.Search;
using PodcastFactory.Core.Sources.Extraction;
using PodcastFactory.Core.Sources.Fetching;

namespace PodcastFactory.Core.Sources.Web;

/// <summary>What one angle's web research is about.</summary>
public sealed record WebAngle(string EpisodeId, string Topic, string Angle, int AngleIndex, string Language, ResearchDepth Depth);

/// <summary>What one angle's web research produced: captured pages, what was dropped and why, and the paid searches.</summary>
public sealed record WebResearchResult(IReadOnlyList<CapturedPage> Pages, IReadOnlyList<string> Problems, IReadOnlyList<AgentUsage> Usages);

/// <summary>The search step's record, captured so a retry neither pays nor sees different results.</summary>
public sealed record SearchRecord(IReadOnlyList<string> Queries, IReadOnlyList<SearchHit> Chosen, IReadOnlyList<string> Problems);

/// <summary>
/// Web research for one angle: queries (<see cref="IQueryWriter"/>: the model, or keywords offline), searched in parallel; results chosen (<see cref="ResultChooser"/>);
/// pages fetched in parallel (at most <c>Fetch:MaxParallel</c> at once) through the <see cref="BoundedFetcher"/>; main
/// text extracted and captured as <c>sources/web-n.md</c> before use. A failed query or page is dropped with its
/// reason; a captured page or search record is reused as it is, so replays are stable and free.
/// </summary>
public sealed class WebResearcher(
    IArtifactStore store, BoundedFetcher fetcher, IQueryWriter queryWriter, IOptions<FetchOptions> fetch, IOptions<WorkflowOptions> workflow,
    ILogger<WebResearcher> logger, ISearchProvider? search = null)
{
    /// <summary>Pages with less main text than this are dropped as unreadable.</summary>
    public const int MinPageCharacters = 200;

    /// <summary>Longest page text kept, in characters.</summary>
    public const int MaxPageCharacters = 200_000;

    /// <summary>Candidates chosen per page wanted: the extra ones replace pages that are dropped.</summary>
    public const int CandidatesPerPage = 2;

    /// <summary>True when a search provider is configured.</summary>
    public bool IsConfigured => search is not null;

    /// <summary>Runs the angle's web research; never throws for a bad query or page (they become problems).</summary>
    public async Task<WebResearchResult> ResearchAsync(WebAngle angle, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(angle);
        if (search is null)
        {
            return new([], ["no search provider is configured (set Search__Provider: Wikipedia needs no key; Tavily, Brave or SearXng; see docs/research.md)"], []);
        }

        WebResearchPlan plan = WebResearchPlan.For(angle.Depth);
        var usages = new List<AgentUsage>();
        string recordName = CapturedPage.SearchArtifactName(angle.EpisodeId, angle.AngleIndex);
        SearchRecord record;
        Task captured = Task.CompletedTask;
        if (await store.GetInfoAsync(recordName, cancellationToken) is not null)
        {
            record = await store.ReadJsonAsync<SearchRecord>(recordName, cancellationToken);
        }
        else
        {
            // Captured while the pages are fetched (it only has to exist before this activity returns).
            record = await SearchAsync(search, angle, plan, usages, cancellationToken);
            captured = store.WriteJsonAsync(recordName, record, null, cancellationToken);
        }

        // Candidates in order, in waves: a dropped page is replaced by the next candidate, so a bad result costs one more
        // wave of latency instead of a page. Page numbers follow the candidate's place, so they are stable.
        var problems = new List<string>(record.Problems);
        var pages = new List<CapturedPage>();
        using var gate = new SemaphoreSlim(fetch.Value.MaxParallel);
        int stride = plan.Pages * CandidatesPerPage, next = 0;
        while (pages.Count < plan.Pages && next < record.Chosen.Count)
        {
            int take = Math.Min(plan.Pages - pages.Count, record.Chosen.Count - next);
            (CapturedPage? Page, string? Problem)[] wave = await Task.WhenAll(Enumerable.Range(next, take).Select(k =>
                CaptureAsync(record.Chosen[k], (angle.AngleIndex * stride) + k + 1, angle.EpisodeId, gate, cancellationToken)));
            next += take;
            pages.AddRange(wave.Where(w => w.Page is not null).Select(w => w.Page!));
            problems.AddRange(wave.Where(w => w.Problem is not null).Select(w => w.Problem!));
        }

        await captured;
        foreach (string problem in problems)
        {
            Logs.WebResearchDropped(logger, angle.EpisodeId, problem);
        }

        Logs.WebResearchDone(logger, angle.EpisodeId, angle.AngleIndex + 1, pages.Count, usages.Count(u => u.Agent == SearchUsage.Agent), problems.Count);
        return new WebResearchResult(pages, problems, usages);
    }

    async Task<SearchRecord> SearchAsync(ISearchProvider provider, WebAngle angle, WebResearchPlan plan, List<AgentUsage> usages, CancellationToken cancellationToken)
    {
        AgentResult<IReadOnlyList<string>> written = await queryWriter.WriteQueriesAsync(angle.Topic, angle.Angle, plan.Queries, angle.Language, cancellationToken);
        if (written.Usage.TotalUnits > 0)
        {
            usages.Add(written.Usage);
        }

        IReadOnlyList<string> queries = written.Value;
        var answers = await Task.WhenAll(queries.Select(async q =>
        {
            try
            {
                AgentResult<IReadOnlyList<SearchHit>> result = await provider.SearchAsync(q, plan.ResultsPerQuery, angle.Language, cancellationToken);
                return (q, Hits: result.Value, result.Usage, Problem: result.Value.Count == 0 ? $"query \"{q}\": {provider.Name} found nothing" : null);
            }
            catch (SearchFailedException ex)
            {
                return (q, Hits: (IReadOnlyList<SearchHit>)[], ex.Usage, Problem: $"query \"{q}\" dropped: {ex.Message}");
            }
        }));
        usages.AddRange(answers.Where(a => a.Usage is not null).Select(a => a.Usage!));
        (IReadOnlyList<SearchHit> chosen, IReadOnlyList<string> skipped) =
            ResultChooser.Choose(answers.Select(a => a.Hits).ToList(), plan.Pages * CandidatesPerPage, workflow.Value.AllowPrivateNetworkSources);
        return new SearchRecord(queries, chosen, answers.Where(a => a.Problem is not null).Select(a => a.Problem!).Concat(skipped).ToList());
    }

    async Task<(CapturedPage? Page, string? Problem)> CaptureAsync(SearchHit hit, int number, string episodeId, SemaphoreSlim gate, CancellationToken cancellationToken)
    {
        string name = "web-" + number.ToString(CultureInfo.InvariantCulture);
        string artifact = CapturedPage.ArtifactName(episodeId, number);
        if (await store.GetInfoAsync(artifact, cancellationToken) is not null)
        {
            return (CapturedPage.Parse(name, artifact, await store.ReadTextAsync(artifact, cancellationToken)), null);
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            FetchedPage fetched = await fetcher.FetchAsync(new Uri(hit.Url), cancellationToken);
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
            await store.WriteTextAsync(artifact, page.Render(), InputHash.Of(hit.Url), cancellationToken);
            return (page, null);
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
}
