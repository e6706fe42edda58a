using Microsoft.DurableTask.Client;
using PodcastFactory.Core.Api;
using PodcastFactory.Core.Workflow;
using PodcastFactory.Local.Cli.Progress;

namespace PodcastFactory.Local.Cli;

/// <summary>Follows an episode until it ends, reporting its progress on every poll.</summary>
public static class EpisodeWatcher
{
    /// <summary>How often the orchestration's status is read.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>Follows the episode writing one stage line per change to <paramref name="progress"/>; returns its final metadata.</summary>
    public static Task<OrchestrationMetadata> WaitAsync(DurableTaskClient client, string episodeId, TextWriter progress, CancellationToken cancellationToken) =>
        WaitAsync(client, episodeId, new StageLines(progress).ShowAsync, TimeProvider.System, cancellationToken);

    /// <summary>Polls until the orchestration reaches a terminal state, passing each poll's snapshot to <paramref name="report"/>.</summary>
    public static async Task<OrchestrationMetadata> WaitAsync(DurableTaskClient client, string episodeId, Func<ProgressSnapshot, Task> report, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(report);
        var clock = new ProgressClock(time);
        while (true)
        {
            OrchestrationMetadata? metadata = await client.GetInstanceAsync(episodeId, getInputsAndOutputs: true, cancellationToken);
            if (metadata is not null)
            {
                EpisodeProgress? status = EpisodeStatusReader.ReadProgress(metadata.SerializedCustomStatus);
                await report(clock.Read(status, metadata.RuntimeStatus.ToString().ToLowerInvariant()));
                if (metadata.IsCompleted)
                {
                    return metadata;
                }
            }

            await Task.Delay(PollInterval, time, cancellationToken);
        }
    }
}
