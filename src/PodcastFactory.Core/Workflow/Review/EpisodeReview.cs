using System.Globalization;
using PodcastFactory.Core.Artifacts;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Workflow.Review;

/// <summary>One check the last review failed, as the status shows it.</summary>
/// <param name="Name">Check name (length, grounding, balance, ...).</param>
/// <param name="Message">What was measured against what was required.</param>
public sealed record FailedCheck(string Name, string Message);

/// <summary>
/// Why an episode needs review: the last review of its script (the failed checks first, with their messages, and the
/// reviewer's suggestions) and a producer's decision, if one was recorded.
/// </summary>
/// <param name="Revision">The script revision the last review judged.</param>
/// <param name="Passed">Whether it passed.</param>
/// <param name="Score">Its 0..1 score.</param>
/// <param name="FailedChecks">The checks it failed.</param>
/// <param name="Suggestions">What the reviewer suggested.</param>
/// <param name="Decision">A producer's approval or rejection after the fact.</param>
public sealed record EpisodeReview(int Revision, bool Passed, double Score, IReadOnlyList<FailedCheck> FailedChecks, IReadOnlyList<string> Suggestions, ReviewDecision? Decision)
{
    /// <summary>The last review in <c>{id}/reviews/</c> with <paramref name="decision"/>; null when the script was never reviewed.</summary>
    public static async Task<EpisodeReview?> ReadAsync(IArtifactStore store, string id, ReviewDecision? decision, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        string folder = id + "/reviews/review-";
        (int Number, string Name)? last = null;
        await foreach (ArtifactInfo info in store.ListAsync(folder, cancellationToken))
        {
            string file = info.Name[folder.Length..];
            if (file.EndsWith(".json", StringComparison.Ordinal)
                && int.TryParse(file[..^5], NumberStyles.None, CultureInfo.InvariantCulture, out int number) && number > (last?.Number ?? 0))
            {
                last = (number, info.Name);
            }
        }

        if (last is not { } found)
        {
            return null;
        }

        ScriptReview review = await store.ReadJsonAsync<ScriptReview>(found.Name, cancellationToken);
        return new EpisodeReview(review.Revision, review.Passed, review.Score,
            review.Checks.Where(c => !c.Passed).Select(c => new FailedCheck(c.Name, c.Detail)).ToList(), review.Suggestions, decision);
    }
}
