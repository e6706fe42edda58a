using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PodcastFactory.Core.Configuration;
using PodcastFactory.Core.Publishing;

namespace PodcastFactory.Core.Tests.Publishing;

public sealed class PublishQueueTests
{
    static PublishQueue Queue(int width) => new(Options.Create(new PublishingOptions { QueueWidth = width }), NullLogger<PublishQueue>.Instance);

    [Fact]
    public async Task EnterAsync_EverySlotTaken_WaitsUntilOneIsFreed()
    {
        using PublishQueue queue = Queue(2);
        IDisposable first = await queue.EnterAsync("a", CancellationToken.None);
        using IDisposable second = await queue.EnterAsync("b", CancellationToken.None);

        Task<IDisposable> third = queue.EnterAsync("c", CancellationToken.None);
        await Task.Delay(50);
        bool waited = !third.IsCompleted;
        first.Dispose();
        using IDisposable entered = await third.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.True(waited, "the third publish started while two held the queue");
    }

    [Fact]
    public async Task EnterAsync_SlotDisposedTwice_FreesItOnce()
    {
        using PublishQueue queue = Queue(1);
        IDisposable slot = await queue.EnterAsync("a", CancellationToken.None);
        slot.Dispose();
        slot.Dispose();

        using IDisposable next = await queue.EnterAsync("b", CancellationToken.None);
        Task<IDisposable> blocked = queue.EnterAsync("c", CancellationToken.None);
        await Task.Delay(50);

        Assert.False(blocked.IsCompleted);
    }
}
