using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PodcastFactory.Core.Agents;
using PodcastFactory.Core.Artifacts;
using PodcastFactory.Core.Configuration;
using PodcastFactory.Core.Diagnostics;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Providers.Search;

namespace PodcastFactory.Core.Sources.Web;

/// <summary>What one angle's web research is about.</summary>
public sealed record WebAngle(string EpisodeId, string Topic, string Angle, int AngleIndex, string Language, ResearchDepth Depth);

/// <summary>What one angle's web research produced: captured pages, what was dropped and why, and the paid searches.</summary>
public sealed record WebResearchResult(IReadOnlyList<CapturedPage> Pages, IReadOnlyList<string> Problems, IReadOnlyList<AgentUsage> Usages);

/// <summary>The search step's record, captured so a retry neither pays nor sees different results.</summary>
public sealed record SearchRecord(IReadOnlyList<string> Queries, IReadOnlyList<SearchHit> Chosen, IReadOnlyList<string> Problems);

/// <summary>
/// Web research for one angle: queries (<see cref="IQueryWriter"/>: the model, or keywords offline), searched in parallel; results chosen (<see cref="ResultChooser"/>);
/// pages fetched in parallel (at most <c>Fetch:MaxParallel</c> at once) and captured once per episode as
/// <c>sources/web-{key}.md</c> before use (<see cref="PageCapturer"/>: an angle choosing a page another angle captured
/// reuses it). A failed query or page is dropped with its reason; a captured page or search record is reused as it is,
/// so replays are stable and free.
/// </summary>
public sealed class WebResearcher(
    IArtifactStore store, PageCapturer capturer, IQueryWriter queryWriter, IOptions<FetchOptions> fetch, IOptions<WorkflowOptions> workflow,
    ILogger<WebResearcher> logger, ISearchProvider? search = null)
{
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
        // wave of latency instead of a page.
        var problems = new List<string>(record.Problems);
        var pages = new List<CapturedPage>();
        using var gate = new SemaphoreSlim(fetch.Value.MaxParallel);
        int next = 0;
        while (pages.Count < plan.Pages && next < record.Chosen.Count)
        {
            int take = Math.Min(plan.Pages - pages.Count, record.Chosen.Count - next);
            (CapturedPage? Page, string? Problem)[] wave = await Task.WhenAll(Enumerable.Range(next, take).Select(k =>
                capturer.CaptureAsync(angle.EpisodeId, record.Chosen[k], gate, cancellationToken)));
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
}
