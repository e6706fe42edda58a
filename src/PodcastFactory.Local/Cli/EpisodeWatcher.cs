using System.Globalization;
using Microsoft.DurableTask.Client;
using PodcastFactory.Core.Api;
using PodcastFactory.Core.Workflow;

namespace PodcastFactory.Local.Cli;

/// <summary>Follows an episode until it ends, reporting each change of stage as a line of progress.</summary>
public static class EpisodeWatcher
{
    /// <summary>Polls until the orchestration reaches a terminal state; returns its final metadata.</summary>
    public static async Task<OrchestrationMetadata> WaitAsync(DurableTaskClient client, string episodeId, TextWriter progress, CancellationToken cancellationToken)
    {
        string? last = null;
        while (true)
        {
            OrchestrationMetadata? metadata = await client.GetInstanceAsync(episodeId, getInputsAndOutputs: true, cancellationToken);
            if (metadata is not null)
            {
                EpisodeProgress? status = EpisodeStatusReader.ReadProgress(metadata.SerializedCustomStatus);
                string line = status is null
                    ? $"[  0%] {metadata.RuntimeStatus.ToString().ToLowerInvariant()}"
                    : string.Create(CultureInfo.InvariantCulture, $"[{status.Percent,3}%] {status.Stage,-9} cost ${status.CostUsd:0.0000}{(status.Warnings.Count > 0 ? $"  warnings: {status.Warnings.Count}" : "")}");
                if (line != last)
                {
                    await progress.WriteLineAsync(line);
                    last = line;
                }

                if (metadata.IsCompleted)
                {
                    return metadata;
                }
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
        }
    }
}
