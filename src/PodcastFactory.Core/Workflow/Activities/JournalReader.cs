using PodcastFactory.Core.Artifacts;
using PodcastFactory.Core.Costs.Journal;

namespace PodcastFactory.Core.Workflow.Activities;

/// <summary>Reads attempt journals from the artifact store (an unreadable one is skipped: it is being replaced).</summary>
public static class JournalReader
{
    /// <summary>
    /// The journal of one step in its run: the running attempt from memory and the attempts numbered before it, read
    /// by name. No listing: a first attempt (the usual case) reads nothing at all.
    /// </summary>
    public static async Task<CostJournal> ReadStepAsync(IArtifactStore store, StepJournal current)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(current);
        var attempts = new List<JournalAttempt>();
        foreach (string name in current.EarlierAttempts())
        {
            if (await TryReadAsync(store, name) is { } attempt)
            {
                attempts.Add(attempt);
            }
        }

        attempts.Add(current.Snapshot());
        return new CostJournal(attempts);
    }

    /// <summary>
    /// Every attempt journal under <paramref name="prefix"/> (an episode's <see cref="ArtifactNames.Journal"/> or one
    /// run's folder), for the manifest and the budget checks.
    /// </summary>
    public static async Task<CostJournal> ReadAsync(IArtifactStore store, string prefix)
    {
        ArgumentNullException.ThrowIfNull(store);
        var attempts = new List<JournalAttempt>();
        await foreach (ArtifactInfo info in store.ListAsync(prefix, CancellationToken.None))
        {
            if (!info.Name.EndsWith(".json", StringComparison.Ordinal))
            {
                continue;
            }

            if (await TryReadAsync(store, info.Name) is { } attempt)
            {
                attempts.Add(attempt);
            }
        }

        return new CostJournal(attempts);
    }

    static async Task<JournalAttempt?> TryReadAsync(IArtifactStore store, string name)
    {
        try
        {
            return await store.ReadJsonAsync<JournalAttempt>(name, CancellationToken.None);
        }
        catch (Exception ex) when (ex is InvalidDataException or FileNotFoundException or IOException or ArtifactNotFoundException)
        {
            // Writes replace a journal atomically, so this is a file that vanished or was never whole: nothing to count.
            return null;
        }
    }
}
