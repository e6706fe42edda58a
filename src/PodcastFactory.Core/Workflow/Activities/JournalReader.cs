using PodcastFactory.Core.Artifacts;
using PodcastFactory.Core.Costs.Journal;

namespace PodcastFactory.Core.Workflow.Activities;

/// <summary>Reads attempt journals from the artifact store (an unreadable one is skipped: it is being replaced).</summary>
public static class JournalReader
{
    /// <summary>
    /// Every attempt journal under <paramref name="prefix"/> (an episode's <see cref="ArtifactNames.Journal"/> or one
    /// step's folder); <paramref name="current"/>, the running attempt's own journal, is taken from memory, not read back.
    /// </summary>
    public static async Task<CostJournal> ReadAsync(IArtifactStore store, string prefix, StepJournal? current = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        var attempts = new List<JournalAttempt>();
        if (current is not null)
        {
            attempts.Add(current.Snapshot());
        }

        await foreach (ArtifactInfo info in store.ListAsync(prefix, CancellationToken.None))
        {
            if (!info.Name.EndsWith(".json", StringComparison.Ordinal) || info.Name == current?.Name)
            {
                continue;
            }

            try
            {
                attempts.Add(await store.ReadJsonAsync<JournalAttempt>(info.Name, CancellationToken.None));
            }
            catch (Exception ex) when (ex is InvalidDataException or FileNotFoundException or IOException)
            {
                // Writes replace a journal atomically, so this is a file that vanished or was never whole: nothing to count.
            }
        }

        return new CostJournal(attempts);
    }
}
