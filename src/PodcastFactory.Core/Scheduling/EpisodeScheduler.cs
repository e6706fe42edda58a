using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PodcastFactory.Core.Diagnostics;
using PodcastFactory.Core.Configuration;
using PodcastFactory.Core.Workflow.Starting;

namespace PodcastFactory.Core.Scheduling;

/// <summary>
/// One schedule tick, shared by the Functions timer and <c>podcast schedule</c>: the slot decides the episode id,
/// the first pending backlog topic is marked taken with a conditional write, and the episode starts through
/// <see cref="EpisodeStarter"/>. Every step is idempotent per slot, so a retried or duplicated tick never starts
/// a second episode or takes a second topic.
/// </summary>
public sealed class EpisodeScheduler(
    DurableTaskClient client,
    IBacklogStore backlog,
    EpisodeStarter starter,
    IOptions<SchedulerOptions> options,
    TimeProvider time,
    ILogger<EpisodeScheduler> logger)
{
    /// <summary>How many times a conditional write is retried after the backlog changed underneath it.</summary>
    public const int MaxAttempts = 5;

    /// <summary>Runs the tick for <paramref name="slot"/>.</summary>
    public async Task<ScheduleResult> RunOnceAsync(DateTimeOffset slot, CancellationToken cancellationToken)
    {
        string id = ScheduleSlots.EpisodeId(options.Value.EpisodeIdPrefix, slot);
        if (await client.GetInstanceAsync(id, getInputsAndOutputs: false, cancellationToken) is not null)
        {
            Logs.ScheduleAlreadyStarted(logger, slot, id);
            return new ScheduleResult(ScheduleOutcome.AlreadyStarted, id);
        }

        for (int attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            BacklogSnapshot snapshot = await backlog.ReadAsync(cancellationToken);
            var topics = snapshot.Backlog.Topics.ToList();
            // A slot that already took a topic (then crashed before starting) reuses it instead of taking another.
            int index = topics.FindIndex(t => t.EpisodeId == id);
            if (index < 0)
            {
                index = topics.FindIndex(t => t.Status == BacklogTopicStatus.Pending);
                if (index < 0)
                {
                    Logs.ScheduleEmptyBacklog(logger, slot, backlog.Location);
                    return new ScheduleResult(ScheduleOutcome.EmptyBacklog, id);
                }

                topics[index] = topics[index] with { Status = BacklogTopicStatus.Taken, EpisodeId = id, TakenAt = time.GetUtcNow() };
                if (await backlog.TryWriteAsync(new Backlog(topics), snapshot.ETag, cancellationToken) is null)
                {
                    Logs.ScheduleConflict(logger, slot, attempt);
                    continue;
                }
            }

            BacklogTopic taken = topics[index];
            if (taken.Status == BacklogTopicStatus.Failed)
            {
                return new ScheduleResult(ScheduleOutcome.Invalid, id, taken.Topic, taken.Error);
            }

            return await StartAsync(slot, id, taken, cancellationToken);
        }

        throw new InvalidOperationException($"The backlog at {backlog.Location} changed {MaxAttempts} times while taking a topic; try again.");
    }

    async Task<ScheduleResult> StartAsync(DateTimeOffset slot, string id, BacklogTopic topic, CancellationToken cancellationToken)
    {
        try
        {
            StartedEpisode started = await starter.StartAsync(topic.ToRequest(), id, cancellationToken, new StartOptions(Overrides: topic.Overrides()));
            Logs.ScheduleStarted(logger, slot, id);
            return new ScheduleResult(started.Created ? ScheduleOutcome.Started : ScheduleOutcome.AlreadyStarted, id, topic.Topic);
        }
        catch (RequestValidationException ex)
        {
            Logs.ScheduleRefused(logger, slot, id, ex.Message);
            await MarkFailedAsync(id, ex.Message, cancellationToken);
            return new ScheduleResult(ScheduleOutcome.Invalid, id, topic.Topic, ex.Message);
        }
        catch (EpisodeConflictException)
        {
            // Another tick of this slot started it from the topic it took first: this slot's episode exists.
            Logs.ScheduleAlreadyStarted(logger, slot, id);
            return new ScheduleResult(ScheduleOutcome.AlreadyStarted, id, topic.Topic);
        }
    }

    async Task MarkFailedAsync(string id, string error, CancellationToken cancellationToken)
    {
        for (int attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            BacklogSnapshot snapshot = await backlog.ReadAsync(cancellationToken);
            var topics = snapshot.Backlog.Topics.ToList();
            int index = topics.FindIndex(t => t.EpisodeId == id);
            if (index < 0)
            {
                return;
            }

            topics[index] = topics[index] with { Status = BacklogTopicStatus.Failed, Error = error };
            if (await backlog.TryWriteAsync(new Backlog(topics), snapshot.ETag, cancellationToken) is not null)
            {
                return;
            }
        }
    }
}
