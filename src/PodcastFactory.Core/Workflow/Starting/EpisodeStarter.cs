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
using PodcastFactory.Core.Workflow.Shows;
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
/// <param name="Overrides">Which show-defaulted fields the caller set itself; null: inferred (<see cref="RequestOverridesExtensions.Infer"/>).</param>
public sealed record StartOptions(string? CallbackUrl = null, string? QuoteId = null, RequestOverrides? Overrides = null);

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
    ShowStore shows,
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
    /// Checks <paramref name="request"/> as a start does, without claiming or reading anything but its show (quotes use
    /// it, so a bad request is the same 400 either way); returns it with its show's defaults applied where
    /// <paramref name="overrides"/> leaves them (null: inferred) and its research mode resolved, or throws
    /// <see cref="RequestValidationException"/> (an unknown or deleted show is named as <c>show</c>).
    /// </summary>
    public async Task<EpisodeRequest> ValidateAsync(EpisodeRequest request, string? episodeId, string? callbackUrl, CancellationToken cancellationToken, RequestOverrides? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        request = await WithShowAsync(request, overrides ?? RequestOverridesExtensions.Infer(request), cancellationToken);
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

        if (errors.Count == 0 && request.Editions is { Count: > 0 })
        {
            errors.Add(await EditionsRefusalAsync(request, cancellationToken));
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

    /// <summary>
    /// Each edition is judged as the episode in that language would be (LanguageGate, then the hosts' voices), and the
    /// refusal names <c>editions</c>. Producing editions is not built yet (docs/languages.md#editions), so a request
    /// whose editions could all be served is still refused, saying so, rather than silently making one language.
    /// </summary>
    async Task<ValidationError> EditionsRefusalAsync(EpisodeRequest request, CancellationToken cancellationToken)
    {
        foreach (string edition in request.Editions!)
        {
            EpisodeRequest variant = request with { Language = edition, Editions = null };
            if (await languages.CheckAsync(variant, cancellationToken) is { } refused)
            {
                return new("editions", $"Edition '{edition}': {refused.Message}");
            }

            foreach (HostVoice host in request.Hosts)
            {
                if (await speech.CheckVoiceAsync(host.Voice, edition, cancellationToken) is { } problem)
                {
                    return new("editions", $"Edition '{edition}': host {host.Name}'s voice cannot speak it: {problem}");
                }
            }
        }

        return new("editions", "Editions are not produced yet: this server would serve each language asked, but makes one language per episode; start one episode per language for now (docs/languages.md#editions).");
    }

    async Task<StartedEpisode> ScheduleAsync(EpisodeRequest request, string? episodeId, StartOptions? options, CancellationToken cancellationToken)
    {
        string? callbackUrl = options?.CallbackUrl;
        // The request as asked is what a quote priced and what makes a repeated start the same start; the episode runs
        // the request with its show's defaults applied.
        EpisodeRequest asked = request;
        EpisodeRequest validated = await ValidateAsync(request, episodeId, callbackUrl, cancellationToken, options?.Overrides);
        ResearchMode research = validated.Research!.Value;
        request = validated with { Research = request.Research };
        EpisodeQuote? quote = null;
        if (options?.QuoteId is { } quoteId)
        {
            quote = await BindQuoteAsync(asked, quoteId, cancellationToken);
            request = request with { BudgetUsd = quote.HighUsd };
            asked = asked with { BudgetUsd = quote.HighUsd };
        }

        string id = episodeId ?? EpisodeIds.New(time.GetUtcNow());
        string requestHash = InputHash.Of(asked);
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

    // The show's settings are the request's defaults; a show that does not exist, or was deleted, starts nothing.
    async Task<EpisodeRequest> WithShowAsync(EpisodeRequest request, RequestOverrides overrides, CancellationToken cancellationToken)
    {
        if (request.Show is not { } showId)
        {
            return request;
        }

        StoredShow? found = await shows.FindAsync(showId, cancellationToken);
        ValidationError? problem = found is null ? new("show", $"There is no show '{showId}'; create it first (POST /api/shows, podcast show create).")
            : found.Show.DeletedAt is not null ? new("show", $"Show '{showId}' was deleted; its episodes stay readable but it starts no new ones.")
            : null;
        return problem is null ? ShowDefaults.Apply(request, found!.Show, overrides) : throw new RequestValidationException([problem]);
    }

    // A quote binds the request it priced: its high figure becomes the budget, so the episode cannot cost more than quoted.
    async Task<EpisodeQuote> BindQuoteAsync(EpisodeRequest request, string quoteId, CancellationToken cancellationToken)
    {
        EpisodeQuote? quote = await quotes.FindAsync(quoteId, cancellationToken);
        ValidationError? problem = quote is null ? new("quoteId", $"There is no quote '{quoteId}' (an expired quote is removed a day after it expires); ask POST /api/quotes (podcast quote) for one.")
            : quote.ExpiresAt <= time.GetUtcNow() ? new("quoteId", $"Quote '{quoteId}' expired at {quote.ExpiresAt:u}; ask for a new one.")
            : quote.RequestHash != Quoter.HashOf(request) ? new("quoteId", $"Quote '{quoteId}' was made for a different request; send the request it quoted, or ask for a quote of this one.")
            : request.BudgetUsd is not null ? new("budgetUsd", "A start with quoteId runs under the quote's highUsd; leave budgetUsd out.")
            : null;
        return problem is null ? quote! : throw new RequestValidationException([problem]);
    }
}
