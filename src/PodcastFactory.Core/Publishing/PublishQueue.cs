using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PodcastFactory.Core.Configuration;
using PodcastFactory.Core.Diagnostics;

namespace PodcastFactory.Core.Publishing;

/// <summary>
/// Bounds how many publishes master at once in this process (<see cref="PublishingOptions.QueueWidth"/>): 20 episodes
/// reaching the publish stage together used to share the 2 cores and all finish late (p50 118 s for one-minute
/// episodes that take 20 s alone); in turn, the first finish early and the rest no later. Waiters go in arrival order.
/// </summary>
public sealed class PublishQueue(IOptions<PublishingOptions> options, ILogger<PublishQueue> logger) : IDisposable
{
    readonly SemaphoreSlim _slots = new(options.Value.QueueWidth, options.Value.QueueWidth);

    /// <summary>Waits for a slot for <paramref name="episodeId"/>; dispose the result to free it.</summary>
    public async Task<IDisposable> EnterAsync(string episodeId, CancellationToken cancellationToken)
    {
        if (!await _slots.WaitAsync(0, cancellationToken))
        {
            Logs.PublishQueued(logger, episodeId, options.Value.QueueWidth);
            await _slots.WaitAsync(cancellationToken);
        }

        return new Slot(_slots);
    }

    /// <inheritdoc />
    public void Dispose() => _slots.Dispose();

    sealed class Slot(SemaphoreSlim slots) : IDisposable
    {
        int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                slots.Release();
            }
        }
    }
}
