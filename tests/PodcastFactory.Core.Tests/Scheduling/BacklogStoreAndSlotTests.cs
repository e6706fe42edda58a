using PodcastFactory.Core.Scheduling;

namespace PodcastFactory.Core.Tests.Scheduling;

public sealed class BacklogStoreAndSlotTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "pf-backlog-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public async Task TryWriteAsync_StaleETag_RefusesAndKeepsTheNewerBacklog()
    {
        var store = new FileSystemBacklogStore(Path.Combine(_root, "backlog.json"));
        string? first = await store.TryWriteAsync(new Backlog([new BacklogTopic("First topic")]), null, default);
        string? second = await store.TryWriteAsync(new Backlog([new BacklogTopic("Second topic")]), first, default);

        string? stale = await store.TryWriteAsync(new Backlog([new BacklogTopic("Lost update")]), first, default);

        Assert.NotNull(second);
        Assert.Null(stale);
        var snapshot = await store.ReadAsync(default);
        Assert.Equal("Second topic", Assert.Single(snapshot.Backlog.Topics).Topic);
        Assert.Equal(second, snapshot.ETag);
    }

    [Fact]
    public async Task TryWriteAsync_CreateWhenOneExists_Refuses()
    {
        var store = new FileSystemBacklogStore(Path.Combine(_root, "backlog.json"));
        await store.TryWriteAsync(new Backlog([new BacklogTopic("First topic")]), null, default);

        Assert.Null(await store.TryWriteAsync(Backlog.Empty, null, default));
    }

    [Fact]
    public async Task TryWriteAsync_ConcurrentWritersWithTheSameETag_OnlyOneWins()
    {
        var store = new FileSystemBacklogStore(Path.Combine(_root, "backlog.json"));
        string? etag = await store.TryWriteAsync(Backlog.Empty, null, default);

        string?[] results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Task.Run(() => store.TryWriteAsync(new Backlog([new BacklogTopic($"Topic {i}")]), etag, default))));

        Assert.Single(results, r => r is not null);
    }

    [Fact]
    public void SlotFor_LateTick_MapsToTheOccurrenceItBelongsTo()
    {
        var schedule = ScheduleSlots.Parse("0 0 9 * * 1");

        var slot = ScheduleSlots.SlotFor(schedule, new DateTimeOffset(2026, 11, 30, 9, 7, 13, TimeSpan.Zero));

        Assert.Equal(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero), slot);
        Assert.Equal("scheduled-20261130-0900", ScheduleSlots.EpisodeId("scheduled", slot));
    }

    [Fact]
    public void SlotFor_TickSlightlyEarly_CountsForTheUpcomingOccurrence()
    {
        var schedule = ScheduleSlots.Parse("0 0 9 * * 1");

        var slot = ScheduleSlots.SlotFor(schedule, new DateTimeOffset(2026, 11, 30, 8, 59, 50, TimeSpan.Zero));

        Assert.Equal(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero), slot);
    }

    [Fact]
    public void Parse_FiveFieldExpression_IsRefusedNamingTheSetting()
    {
        var ex = Assert.Throws<FormatException>(() => ScheduleSlots.Parse("0 9 * * 1"));

        Assert.Contains("EpisodeSchedule", ex.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
