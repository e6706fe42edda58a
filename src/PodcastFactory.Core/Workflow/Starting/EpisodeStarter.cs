using System.Diagnostics;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PodcastFactory.Core.Artifacts;
using PodcastFactory.Core.Configuration;
using PodcastFactory.Core.Costs;
using PodcastFactory.Core.Workflow.Quotes;
using PodcastFactory.Core.Diagnostics;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Providers;
using PodcastFactory.Core.Sources.Web;
using PodcastFactory.Core.Workflow.Webhooks;

namespace PodcastFactory.Core.Workflow.Starting;

/// <summary>Result of <see cref="EpisodeStarter.StartAsync"/>.</summary>
/// <param name="EpisodeId">The episode id.</param>
/// <param name="Created">False when an episode with this id already existed (idempotent start): nothing new was started.</param>
/// <param name="CallbackSecret">The signing secret of the episode's <c>callbackUrl</c> (<c>whsec_...</c>), returned only by the start that created it.</param>
public sealed record StartedEpisode(string EpisodeId, bool Created, string? CallbackSecret = null);

/// <summary>What a start may carry besides the request.</summary>
/// <param name="CallbackUrl">Where this episode's events are POSTed (every event type, signed with a secret of its own).</param>
/// <param name="QuoteId">A quote of this same request (<c>POST /api/quotes</c>): the episode's budget becomes the quote's high figure.</param>
public sealed record StartOptions(string? CallbackUrl = null, string? QuoteId = null);

/// <summary>
/// The one way an episode starts (CLI, HTTP API, scheduler): validate, claim the id through the <see cref="StartGate"/>,
/// capture the sources as artifacts, freeze settings into the input, schedule the orchestration. Concurrent starts of
/// one id run one episode: the same request gets it back (Created false), a different one a conflict.
/// </summary>
public sealed class EpisodeStarter(
    DurableTaskClient client,
    IArtifactStore store,
    SourceLoader sources,
    ISpeechSynthesizer speech,
    ICostEstimator estimator,
    IOptions<WorkflowOptions> workflow,
    TimeProvider time,
    StartGate gate,
    ILogger<EpisodeStarter> logger,
    WebResearcher web,
    WebhookSubscriptions webhooks,
    IOptions<WebhookOptions> webhookOptions,
    QuoteStore quotes,
    LanguageGate languages)
{
    /// <summary>Characters per speech segment: the configured size, within what the speech provider accepts.</summary>
    public int SegmentMaxCharacters => Math.Min(workflow.Value.SegmentMaxCharacters, speech.MaxInputCharacters);

    /// <summary>What each research call carries: every captured source and, with web research, the pages its angle reads.</summary>
    public static long ResearchCharacters(EpisodeRequest resolved, IReadOnlyList<SourceDocument> documents) =>
        documents.Sum(d => (long)d.Text.Length) + WebResearchPlan.ExpectedCharacters(resolved);

    /// <summary>Validates and starts an episode; throws <see cref="RequestValidationException"/> for bad input.</summary>
    public async Task<StartedEpisode> StartAsync(EpisodeRequest request, string? episodeId, CancellationToken cancellationToken, StartOptions? options = null)
    {
        // The start's span is the parent of the orchestration's (the client carries it in the W3C trace context).
        using Activity? span = StartSpan.Begin(request, episodeId);
        try
        {
            StartedEpisode started = await ScheduleAsync(request, episodeId, options, cancellationToken);
            StartSpan.Started(span, started);
            return started;
        }
        catch (Exception ex)
        {
            StartSpan.Refused(span, ex);
            throw;
        }
    }

    /// <summary>
    /// Checks <paramref name="request"/> as a start does, without claiming or reading anything (quotes use it, so a bad
    /// request is the same 400 either way); returns it with its research mode resolved, or throws <see cref="RequestValidationException"/>.
    /// </summary>
    public async Task<EpisodeRequest> ValidateAsync(EpisodeRequest request, string? episodeId, string? callbackUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new List<ValidationError>(EpisodeRequestValidator.Validate(request));
        if (callbackUrl is not null)
        {
            errors.AddRange(await webhooks.ValidateAsync(callbackUrl, null, null, "callbackUrl", cancellationToken));
        }

        (ResearchMode research, ValidationError? researchError) = ResearchModes.Resolve(request, web.IsConfigured);
        if (researchError is not null)
        {
            errors.Add(researchError);
        }

        if (errors.Count == 0 && await languages.CheckAsync(request, cancellationToken) is { } refused)
        {
            // A language nobody here can write or speak: the hosts' voices cannot be judged in it either.
            errors.Add(refused);
        }

        if (errors.Count == 0)
        {
            // An unknown voice would fail only at the audio stage, after research and script were paid for.
            for (int i = 0; i < request.Hosts.Count; i++)
            {
                if (await speech.CheckVoiceAsync(request.Hosts[i].Voice, request.Language, cancellationToken) is { } problem)
                {
                    errors.Add(new($"hosts[{i}].voice", problem));
                }
            }
        }

        if (episodeId is not null && !EpisodeIds.IsValid(episodeId))
        {
            errors.Add(new("id", "Episode id must be 3-64 lower-case letters, digits or hyphens, starting with a letter or digit."));
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        return request with { Research = research };
    }

    async Task<StartedEpisode> ScheduleAsync(EpisodeRequest request, string? episodeId, StartOptions? options, CancellationToken cancellationToken)
    {
        string? callbackUrl = options?.CallbackUrl;
        ResearchMode research = (await ValidateAsync(request, episodeId, callbackUrl, cancellationToken)).Research!.Value;
        EpisodeQuote? quote = null;
        if (options?.QuoteId is { } quoteId)
        {
            quote = await BindQuoteAsync(request, quoteId, cancellationToken);
            request = request with { BudgetUsd = quote.HighUsd };
        }

        string id = episodeId ?? EpisodeIds.New(time.GetUtcNow());
        string requestHash = InputHash.Of(request);
        if (await client.GetInstanceAsync(id, getInputsAndOutputs: false, cancellationToken) is not null)
        {
            // An episode exists: the same request gets it back, a different one is a conflict.
            if (await gate.RequestHashOfAsync(id, cancellationToken) is { } owner && owner != requestHash)
            {
                throw new EpisodeConflictException(id);
            }

            Logs.EpisodeAccepted(logger, id, created: false, 0);
            return new StartedEpisode(id, Created: false);
        }

        StartClaim claim = await gate.ClaimAsync(id, requestHash, async () => await client.GetInstanceAsync(id, false, cancellationToken) is not null, cancellationToken);
        if (!claim.Owner)
        {
            Logs.EpisodeAccepted(logger, id, created: false, 0);
            return new StartedEpisode(id, Created: false);
        }

        (IReadOnlyList<SourceDocument> documents, IReadOnlyList<ValidationError> sourceErrors) = await sources.LoadAsync(request.Sources, cancellationToken);
        if (sourceErrors.Count > 0)
        {
            await gate.ReleaseAsync(id, claim, CancellationToken.None);
            throw new RequestValidationException(sourceErrors);
        }

        if (quote is not null)
        {
            await quotes.AttachAsync(id, quote, cancellationToken);
        }

        // Episodes without listeners raise no events (no delivery orchestrations); the callback's secret is shown once.
        string? callbackSecret = callbackUrl is null ? null : (await webhooks.CreateCallbackAsync(id, callbackUrl, cancellationToken)).Secret;
        bool listened = callbackSecret is not null || await webhooks.AnyAsync(cancellationToken);
        var refs = new List<SourceRef>();
        for (int i = 0; i < documents.Count; i++)
        {
            string name = ArtifactNames.Source(id, i);
            await store.WriteTextAsync(name, documents[i].Text, InputHash.Of(documents[i].Text), cancellationToken);
            refs.Add(SourceRef.Capture(request.Sources[i], documents[i].Name, documents[i].Text, name));
        }

        EpisodeRequest resolved = request with { Research = research };
        long researchCharacters = ResearchCharacters(resolved, documents);
        var settings = new EpisodeSettings(
            workflow.Value.MaxParallelSegments,
            SegmentMaxCharacters,
            estimator.Estimate(resolved, researchCharacters),
            workflow.Value.ThrottleDeadlineMinutes,
            listened ? WebhookSettings.From(webhookOptions.Value) : null);
        var input = new EpisodeInput(id, resolved with { Sources = [] }, refs, settings);
        // Only the owner of the start record gets here, so the backend sees one schedule per id.
        await client.ScheduleNewOrchestrationInstanceAsync(nameof(EpisodeOrchestrator), input, new StartOrchestrationOptions(id), cancellationToken);
        await gate.ScheduledAsync(id, claim, CancellationToken.None);

        Logs.EpisodeAccepted(logger, id, created: true, refs.Count);
        return new StartedEpisode(id, Created: true, callbackSecret);
    }

    // A quote binds the request it priced: its high figure becomes the budget, so the episode cannot cost more than quoted.
    async Task<EpisodeQuote> BindQuoteAsync(EpisodeRequest request, string quoteId, CancellationToken cancellationToken)
    {
        EpisodeQuote? quote = await quotes.FindAsync(quoteId, cancellationToken);
        ValidationError? problem = quote is null ? new("quoteId", $"There is no quote '{quoteId}'; ask POST /api/quotes (podcast quote) for one.")
            : quote.ExpiresAt <= time.GetUtcNow() ? new("quoteId", $"Quote '{quoteId}' expired at {quote.ExpiresAt:u}; ask for a new one.")
            : quote.RequestHash != Quoter.HashOf(request) ? new("quoteId", $"Quote '{quoteId}' was made for a different request; send the request it quoted, or ask for a quote of this one.")
            : request.BudgetUsd is not null ? new("budgetUsd", "A start with quoteId runs under the quote's highUsd; leave budgetUsd out.")
            : null;
        return problem is null ? quote! : throw new RequestValidationException([problem]);
    }
}
