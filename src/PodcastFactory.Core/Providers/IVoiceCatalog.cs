namespace PodcastFactory.Core.Providers;

/// <summary>
/// The voices a speech provider can speak with, for <c>GET /api/voices</c> and <c>podcast voices</c>. Each
/// <see cref="ISpeechSynthesizer"/> implements it beside <see cref="ISpeechSynthesizer.CheckVoiceAsync"/>, from the same
/// list its check accepts, so a listed voice is never refused at start.
/// </summary>
public interface IVoiceCatalog
{
    /// <summary>The voices, in the provider's preferred order (defaults first); bounded by the provider's own list.</summary>
    Task<IReadOnlyList<VoiceInfo>> ListVoicesAsync(CancellationToken cancellationToken);
}

/// <summary>One voice: its id as a request names it, the provider that speaks it, and what is known about it.</summary>
/// <param name="Id">The voice as a host's <c>voice</c> names it (e.g. <c>flite:rms</c>, <c>coral</c>).</param>
/// <param name="Provider">The provider name (as in the cost ledger).</param>
/// <param name="Language">BCP 47 language tag it speaks, or null when it speaks many (multilingual models).</param>
/// <param name="Gender"><c>female</c>, <c>male</c>, or null when the provider does not say.</param>
public sealed record VoiceInfo(string Id, string Provider, string? Language, string? Gender);
