using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PodcastFactory.Core.Configuration;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Scheduling;
using PodcastFactory.Core.Tests.Api;
using PodcastFactory.Core.Workflow.Starting;
using PodcastFactory.Core.Workflow;

namespace PodcastFactory.Core.Tests.Scheduling;

public sealed class EpisodeSchedulerTests : IDisposable
{
    private static readonly DateTimeOffset _slot = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);
    private const string SlotId = "scheduled-20261130-0900";
    private static readonly SourceInput[] _notes = [new(SourceKind.Text, "Event sourcing stores every change as an event.")];
    private readonly ApiTestHost _host = new();

    private IBacklogStore Store => _host.Get<IBacklogStore>();

    [Fact]
    public async Task RunOnceAsync_PendingTopic_TakesItAndStartsTheSlotEpisode()
    {
        await SeedAsync(new BacklogTopic("Event sourcing basics", _notes, TargetMinutes: 2), new BacklogTopic("Sagas explained", _notes));

        var result = await _host.Get<EpisodeScheduler>().RunOnceAsync(_slot, default);

        Assert.Equal(new ScheduleResult(ScheduleOutcome.Started, SlotId, "Event sourcing basics"), result);
        var (name, input, id) = Assert.Single(_host.Client.Started);
        Assert.Equal((nameof(EpisodeOrchestrator), SlotId), (name, id));
        Assert.Equal(2, Assert.IsType<EpisodeInput>(input).Request.TargetMinutes);
        var topics = (await Store.ReadAsync(default)).Backlog.Topics;
        Assert.Equal((BacklogTopicStatus.Taken, SlotId), (topics[0].Status, topics[0].EpisodeId));
        Assert.Equal(BacklogTopicStatus.Pending, topics[1].Status);
    }

    [Fact]
    public async Task RunOnceAsync_SameSlotTwice_StartsOneEpisodeAndTakesOneTopic()
    {
        await SeedAsync(new BacklogTopic("Event sourcing basics", _notes), new BacklogTopic("Sagas explained", _notes));
        var scheduler = _host.Get<EpisodeScheduler>();

        await scheduler.RunOnceAsync(_slot, default);
        var second = await scheduler.RunOnceAsync(_slot, default);

        Assert.Equal(ScheduleOutcome.AlreadyStarted, second.Outcome);
        Assert.Equal(SlotId, second.EpisodeId);
        Assert.Single(_host.Client.Started);
        Assert.Equal(BacklogTopicStatus.Pending, (await Store.ReadAsync(default)).Backlog.Topics[1].Status);
    }

    [Fact]
    public async Task RunOnceAsync_SlotTookATopicThenCrashed_ReusesThatTopic()
    {
        await SeedAsync(
            new BacklogTopic("Event sourcing basics", _notes, Status: BacklogTopicStatus.Taken, EpisodeId: SlotId),
            new BacklogTopic("Sagas explained", _notes));

        var result = await _host.Get<EpisodeScheduler>().RunOnceAsync(_slot, default);

        Assert.Equal(new ScheduleResult(ScheduleOutcome.Started, SlotId, "Event sourcing basics"), result);
        Assert.Equal(BacklogTopicStatus.Pending, (await Store.ReadAsync(default)).Backlog.Topics[1].Status);
    }

    [Fact]
    public async Task RunOnceAsync_NoBacklog_StartsNothing()
    {
        var result = await _host.Get<EpisodeScheduler>().RunOnceAsync(_slot, default);

        Assert.Equal(ScheduleOutcome.EmptyBacklog, result.Outcome);
        Assert.Empty(_host.Client.Started);
        Assert.Null((await Store.ReadAsync(default)).ETag);
    }

    [Fact]
    public async Task RunOnceAsync_NoPendingTopic_StartsNothingAndLeavesTheBacklogAlone()
    {
        await SeedAsync(new BacklogTopic("Old news", Status: BacklogTopicStatus.Done));
        string? before = (await Store.ReadAsync(default)).ETag;

        var result = await _host.Get<EpisodeScheduler>().RunOnceAsync(_slot, default);

        Assert.Equal(ScheduleOutcome.EmptyBacklog, result.Outcome);
        Assert.Empty(_host.Client.Started);
        Assert.Equal(before, (await Store.ReadAsync(default)).ETag);
    }

    [Fact]
    public async Task RunOnceAsync_BacklogChangedBeforeTheWrite_RetriesAndTakesTheNextPendingTopic()
    {
        await SeedAsync(new BacklogTopic("Event sourcing basics", _notes), new BacklogTopic("Sagas explained", _notes));
        // Between this tick's read and its conditional write, another writer takes the first topic.
        var racing = new RacingBacklogStore(Store, b => b with { Topics = [b.Topics[0] with { Status = BacklogTopicStatus.Taken, EpisodeId = "other" }, b.Topics[1]] });
        var scheduler = new EpisodeScheduler(_host.Client.Object, racing, _host.Get<EpisodeStarter>(),
            Options.Create(new SchedulerOptions()), TimeProvider.System, NullLogger<EpisodeScheduler>.Instance);

        var result = await scheduler.RunOnceAsync(_slot, default);

        Assert.Equal(1, racing.Conflicts);
        Assert.Equal(new ScheduleResult(ScheduleOutcome.Started, SlotId, "Sagas explained"), result);
        var topics = (await Store.ReadAsync(default)).Backlog.Topics;
        Assert.Equal("other", topics[0].EpisodeId);
        Assert.Equal(SlotId, topics[1].EpisodeId);
        Assert.Single(_host.Client.Started);
    }

    [Fact]
    public async Task RunOnceAsync_TopicWithoutSourcesOrSearchProvider_MarksItFailedWithTheReasonAndStartsNothing()
    {
        await SeedAsync(new BacklogTopic("Event sourcing basics"));

        var result = await _host.Get<EpisodeScheduler>().RunOnceAsync(_slot, default);

        Assert.Equal(ScheduleOutcome.Invalid, result.Outcome);
        Assert.Contains("Search__Provider", result.Error, StringComparison.Ordinal);
        Assert.Empty(_host.Client.Started);
    }

    [Fact]
    public async Task RunOnceAsync_SlotEpisodeExists_DoesNotTouchTheBacklog()
    {
        await SeedAsync(new BacklogTopic("Event sourcing basics", _notes));
        _host.Client.Instances[SlotId] = FakeDurableClient.Metadata(SlotId, OrchestrationRuntimeStatus.Completed);

        var result = await _host.Get<EpisodeScheduler>().RunOnceAsync(_slot, default);

        Assert.Equal(ScheduleOutcome.AlreadyStarted, result.Outcome);
        Assert.Empty(_host.Client.Started);
        Assert.Equal(BacklogTopicStatus.Pending, (await Store.ReadAsync(default)).Backlog.Topics[0].Status);
    }

    private async Task SeedAsync(params BacklogTopic[] topics) =>
        Assert.NotNull(await Store.TryWriteAsync(new Backlog(topics), null, default));

    public void Dispose() => _host.Dispose();

    /// <summary>Applies a competing change once, right before the first conditional write.</summary>
    private sealed class RacingBacklogStore(IBacklogStore inner, Func<Backlog, Backlog> competingChange) : IBacklogStore
    {
        public int Conflicts { get; private set; }

        public string Location => inner.Location;

        public Task<BacklogSnapshot> ReadAsync(CancellationToken cancellationToken) => inner.ReadAsync(cancellationToken);

        public async Task<string?> TryWriteAsync(Backlog backlog, string? ifMatchETag, CancellationToken cancellationToken)
        {
            if (Conflicts == 0)
            {
                BacklogSnapshot current = await inner.ReadAsync(cancellationToken);
                await inner.TryWriteAsync(competingChange(current.Backlog), current.ETag, cancellationToken);
            }

            string? etag = await inner.TryWriteAsync(backlog, ifMatchETag, cancellationToken);
            Conflicts += etag is null ? 1 : 0;
            return etag;
        }
    }
}
