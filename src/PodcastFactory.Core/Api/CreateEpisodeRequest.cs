using PodcastFactory.Core.Models;
using PodcastFactory.Core.Workflow.Shows;

namespace PodcastFactory.Core.Api;

/// <summary>
/// Body of <c>POST /api/episodes</c>: the <see cref="EpisodeRequest"/> fields in camelCase (enums as kebab-case
/// strings), each optional except <c>topic</c>, plus an optional client-supplied <c>id</c> that makes the start
/// idempotent. Over HTTP, sources are inline text or http(s) URLs; <c>file</c> sources are refused.
/// </summary>
public sealed record CreateEpisodeRequest
{
    /// <summary>Optional episode id (3-64 lower-case letters, digits, hyphens); the same id twice never starts a second episode.</summary>
    public string? Id { get; init; }

    /// <summary>The topic.</summary>
    public string? Topic { get; init; }

    /// <summary>Sources that ground the research.</summary>
    public IReadOnlyList<SourceInput>? Sources { get; init; }

    /// <summary>The show (its id): its settings are the defaults of what this body leaves out, and its feed gets the episode.</summary>
    public string? Show { get; init; }

    /// <summary>sources, web or both; default web when a search provider is configured and no sources are given.</summary>
    public ResearchMode? Research { get; init; }

    /// <summary>audio, social or both.</summary>
    public OutputPriority? Priority { get; init; }

    /// <summary>quick, standard or deep.</summary>
    public ResearchDepth? Depth { get; init; }

    /// <summary>Target length in minutes.</summary>
    public int? TargetMinutes { get; init; }

    /// <summary>The cast, 1-4 hosts; default: the format's (<see cref="EpisodeFormats.DefaultHosts"/>).</summary>
    public IReadOnlyList<HostVoice>? Hosts { get; init; }

    /// <summary>The format, one of <see cref="EpisodeFormats.All"/>; default <c>deep-dive</c>.</summary>
    public string? Format { get; init; }

    /// <summary>Free-text instructions for the writer and the judge (at most 2,000 characters).</summary>
    public string? Instructions { get; init; }

    /// <summary>Language code.</summary>
    public string? Language { get; init; }

    /// <summary>Other languages to make the episode in from the same research (at most 4); refused until editions are produced (docs/languages.md#editions).</summary>
    public IReadOnlyList<string>? Editions { get; init; }

    /// <summary>Pronunciations: <c>[{ "text": "SQL", "say": "sequel" }, { "text": "Saoirse", "ipa": "ˈsɪərʃə" }]</c>.</summary>
    public IReadOnlyList<LexiconEntry>? Lexicon { get; init; }

    /// <summary>Budget in USD.</summary>
    public decimal? BudgetUsd { get; init; }

    /// <summary>Revisions allowed after a failed review.</summary>
    public int? MaxRevisions { get; init; }

    /// <summary>Polish a passed script for natural talk (default true); false saves a model call and a review.</summary>
    public bool? Polish { get; init; }

    /// <summary>Wait for a person's approval after the quality gate.</summary>
    public bool? RequireApproval { get; init; }

    /// <summary>Hours to wait for approval.</summary>
    public double? ApprovalTimeoutHours { get; init; }

    /// <summary>Produce audio and social even if the script fails its last review.</summary>
    public bool? ContinueOnFailedReview { get; init; }

    /// <summary>Where this episode's events are POSTed (signed with a secret of its own, returned once as <c>callbackSecret</c>).</summary>
    public string? CallbackUrl { get; init; }

    /// <summary>A quote of this request (<c>POST /api/quotes</c>): the episode runs under the quote's <c>highUsd</c> as its budget.</summary>
    public string? QuoteId { get; init; }

    /// <summary>The episode request, with defaults for what the body leaves out.</summary>
    public EpisodeRequest ToEpisodeRequest()
    {
        var d = new EpisodeRequest();
        // The format decides the defaults it needs (one narrator for solo, three for a panel, two minutes for a brief).
        string format = Format ?? d.Format;
        return new EpisodeRequest
        {
            Topic = Topic ?? "",
            Show = Show,
            Sources = Sources ?? d.Sources,
            Research = Research,
            Priority = Priority ?? d.Priority,
            Depth = Depth ?? d.Depth,
            TargetMinutes = TargetMinutes ?? EpisodeFormats.Find(format)?.DefaultMinutes ?? d.TargetMinutes,
            Hosts = Hosts ?? EpisodeFormats.DefaultHosts(format),
            Format = format,
            Instructions = Instructions,
            Language = Language ?? d.Language,
            Editions = Editions,
            Lexicon = Lexicon ?? d.Lexicon,
            BudgetUsd = BudgetUsd,
            MaxRevisions = MaxRevisions ?? d.MaxRevisions,
            Polish = Polish ?? d.Polish,
            RequireApproval = RequireApproval ?? d.RequireApproval,
            ApprovalTimeoutHours = ApprovalTimeoutHours ?? d.ApprovalTimeoutHours,
            ContinueOnFailedReview = ContinueOnFailedReview ?? d.ContinueOnFailedReview,
        };
    }

    /// <summary>Which show-defaulted fields this body sets itself (the rest come from its show).</summary>
    public RequestOverrides Overrides() =>
        (Hosts is null ? RequestOverrides.None : RequestOverrides.Hosts)
        | (Language is null ? RequestOverrides.None : RequestOverrides.Language)
        | (TargetMinutes is null ? RequestOverrides.None : RequestOverrides.TargetMinutes)
        | (Format is null ? RequestOverrides.None : RequestOverrides.Format)
        | (Instructions is null ? RequestOverrides.None : RequestOverrides.Instructions);

    /// <summary>Problems only the HTTP contract has: local file sources would let a caller read the server's files.</summary>
    public IReadOnlyList<ValidationError> ValidateForHttp()
    {
        var errors = new List<ValidationError>();
        for (int i = 0; i < (Sources?.Count ?? 0); i++)
        {
            if (Sources![i]?.Kind == SourceKind.File)
            {
                errors.Add(new($"sources[{i}].kind", "File sources are not accepted over HTTP; send the text inline (kind text) or an http(s) URL."));
            }
        }

        return errors;
    }
}

/// <summary>Body of <c>POST /api/episodes/{id}/approve</c>.</summary>
/// <param name="Approved">Required: true to produce audio and social, false to stop as needs-review.</param>
/// <param name="Reviewer">Who decided.</param>
/// <param name="Comment">Why.</param>
public sealed record ApproveEpisodeRequest(bool? Approved, string? Reviewer = null, string? Comment = null);
