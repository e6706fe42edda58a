using PodcastFactory.Core.Artifacts;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Workflow.Starting;

namespace PodcastFactory.Core.Workflow.Quotes;

/// <summary>
/// Makes a quote for an episode request (<c>POST /api/quotes</c>, <c>podcast quote</c>): the starter's validation (the
/// same 400 a start would get), the sources read as a start reads them (their real size prices the research prompts),
/// then <see cref="QuoteCalculator"/>; the quote is stored so a start may carry its id.
/// </summary>
public sealed class Quoter(EpisodeStarter starter, SourceLoader sources, QuoteCalculator calculator, QuoteStore store, TimeProvider time)
{
    /// <summary>Quotes <paramref name="request"/>; throws <see cref="RequestValidationException"/> for bad input.</summary>
    public async Task<EpisodeQuote> QuoteAsync(EpisodeRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        EpisodeRequest resolved = await starter.ValidateAsync(request, episodeId: null, callbackUrl: null, cancellationToken);
        (IReadOnlyList<SourceDocument> documents, IReadOnlyList<ValidationError> sourceErrors) = await sources.LoadAsync(request.Sources, cancellationToken);
        if (sourceErrors.Count > 0)
        {
            throw new RequestValidationException(sourceErrors);
        }

        var basis = new QuoteBasis(EpisodeStarter.ResearchCharacters(resolved, documents), starter.SegmentMaxCharacters);
        (IReadOnlyList<QuoteStage> stages, decimal total, decimal low, decimal high, QuoteAssumptions assumptions) = calculator.Compute(resolved, basis);
        DateTimeOffset now = time.GetUtcNow();
        var quote = new EpisodeQuote(QuoteStore.NewId(), HashOf(request), now, now + QuoteStore.Lifetime, stages, total, low, high, assumptions);
        await store.SaveAsync(quote, cancellationToken);
        return quote;
    }

    /// <summary>
    /// The hash a quote binds: the request without its budget (a start with the quote runs under the quote's high
    /// figure instead), so the quote is used only for the request it priced.
    /// </summary>
    public static string HashOf(EpisodeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return InputHash.Of(request with { BudgetUsd = null });
    }
}
