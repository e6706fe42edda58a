using System.Collections.Concurrent;

namespace PodcastFactory.Core.Workflow.Activities;

/// <summary>
/// One run at a time of the paid work that makes a given output in this process. The Azure Storage backend may deliver
/// one activity twice at once (an orchestrator that died after sending its messages and before saving its history
/// sends them again when it resumes), and two identical speech segments of one episode make the same file: without
/// this, both copies paid. The second now waits for the first and then reuses what it saved.
/// </summary>
public static class StepsInFlight
{
    static readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>Waits until no other flow of this process is making <paramref name="output"/>, then holds it until disposed.</summary>
    public static async Task<IDisposable> EnterAsync(string output)
    {
        Entry entry;
        while (true)
        {
            entry = _entries.GetOrAdd(output, _ => new Entry());
            lock (entry)
            {
                if (!entry.Retired)
                {
                    entry.Users++;
                    break;
                }
            }
        }

        await entry.Gate.WaitAsync(CancellationToken.None);
        return new Release(output, entry);
    }

    sealed class Entry
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public int Users { get; set; }

        public bool Retired { get; set; }
    }

    sealed class Release(string output, Entry entry) : IDisposable
    {
        int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 1)
            {
                return;
            }

            entry.Gate.Release();
            lock (entry)
            {
                if (--entry.Users == 0)
                {
                    // The last user removes the entry; a flow that looked it up meanwhile sees it retired and adds a new one.
                    entry.Retired = true;
                    _entries.TryRemove(new KeyValuePair<string, Entry>(output, entry));
                }
            }
        }
    }
}
