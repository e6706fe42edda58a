using Microsoft.Extensions.Options;
using PodcastFactory.Core.Configuration;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Providers;
using PodcastFactory.Core.Workflow.Webhooks;

namespace PodcastFactory.Core.Workflow.Shows;

/// <summary>
/// Every check a show must pass before it is stored (API and CLI alike): its own fields (<see cref="ShowValidator"/>),
/// then, only when those pass, what needs I/O: the artwork URL's host must pass the sources' address policy (a feed
/// reader fetches it, and so may we), and every host's voice must exist in the configured speech provider.
/// </summary>
public sealed class ShowRules(ISpeechSynthesizer speech, IOptions<WorkflowOptions> workflow)
{
    /// <summary>Every problem with <paramref name="show"/>, field-named; empty when it may be stored.</summary>
    public async Task<IReadOnlyList<ValidationError>> ValidateAsync(Show show, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(show);
        var errors = new List<ValidationError>(ShowValidator.Validate(show));
        if (errors.Count > 0)
        {
            return errors;
        }

        if (show.ArtworkUrl is { } artwork
            && await WebhookUrlPolicy.RefusalAsync(artwork, workflow.Value.AllowPrivateNetworkSources, cancellationToken) is { } refusal)
        {
            // The webhook policy is the sources' address policy plus URL shape; only its wording names webhooks.
            errors.Add(new("artworkUrl", refusal.Replace("webhook URLs", "artwork URLs", StringComparison.Ordinal)));
        }

        for (int i = 0; i < show.Hosts.Count; i++)
        {
            if (await speech.CheckVoiceAsync(show.Hosts[i].Voice, show.Language, cancellationToken) is { } problem)
            {
                errors.Add(new($"hosts[{i}].voice", problem));
            }
        }

        return errors;
    }
}
