using PodcastFactory.Core.Models;
using System.Text.Json;
using Microsoft.DurableTask.Client;
using PodcastFactory.Core.Api;
using PodcastFactory.Core.Artifacts;
using PodcastFactory.Core.Publishing;
using PodcastFactory.Core.Workflow;
using PodcastFactory.Core.Workflow.Activities;
using PodcastFactory.Core.Workflow.Review;
using Spectre.Console;

namespace PodcastFactory.Local.Cli;

/// <summary>The end of a <c>produce</c> run: the summary (or JSON result) and the exit code for a finished episode.</summary>
public static class EpisodeReport
{
    /// <summary>Prints the result of a finished episode and returns its exit code.</summary>
    public static async Task<int> ReportAsync(OrchestrationMetadata final, IArtifactStore store, bool json, CancellationToken cancellationToken)
    {
        string id = final.InstanceId;
        EpisodeResult? result = final.RuntimeStatus == OrchestrationRuntimeStatus.Completed ? final.ReadOutputAs<EpisodeResult>() : null;
        EpisodeManifest? manifest = await store.ReadJsonIfExistsAsync<EpisodeManifest>(ArtifactNames.Manifest(id), cancellationToken);
        string? error = (final.FailureDetails is { } failure ? FailureReasons.Clean(failure.ErrorMessage) : null)
            ?? (final.RuntimeStatus is OrchestrationRuntimeStatus.Completed ? null : $"The episode ended as {final.RuntimeStatus}.");
        int exit = result?.Outcome switch
        {
            null => ExitCodes.EpisodeFailed,
            EpisodeOutcome.Completed => ExitCodes.Success,
            EpisodeOutcome.Partial => ExitCodes.Partial,
            _ => ExitCodes.NeedsReview,
        };

        if (json)
        {
            string status = result is null ? EpisodeOutcomes.Failed : EpisodeOutcomes.Status(result.Outcome);
            var payload = new CliResult(id, status,
                Path.Combine(store.Location, id), result?.Artifacts.Select(a => Path.Combine(store.Location, a)).ToList() ?? [],
                result?.CostUsd ?? manifest?.Costs.TotalUsd ?? 0, result?.AudioSeconds, result?.Warnings ?? manifest?.Warnings ?? [], error,
                exit, error is null ? null : EpisodeStatusReader.ReadProgress(final.SerializedCustomStatus)?.Stage);
            await Console.Out.WriteLineAsync(JsonSerializer.Serialize(payload, PodcastJson.Options));
        }
        else
        {
            if (manifest is not null)
            {
                Publication? publication = await store.GetInfoAsync(ArtifactNames.Publication(id), cancellationToken) is null
                    ? null
                    : await store.ReadJsonAsync<Publication>(ArtifactNames.Publication(id), cancellationToken);
                SummaryRenderer.Render(AnsiConsole.Console, manifest, store.Location, publication);
            }

            if (error is not null)
            {
                await Console.Error.WriteLineAsync($"error: episode {id} failed: {error}");
            }
            else if (exit == ExitCodes.Partial)
            {
                await Console.Error.WriteLineAsync($"Episode {id} is partial: a requested output is missing ({string.Join("; ", result!.Warnings)}).");
            }
            else if (result?.Outcome == EpisodeOutcome.Rejected)
            {
                await Console.Error.WriteLineAsync($"Episode {id} was rejected ({manifest?.Error}). No audio or social post was produced.");
            }
            else if (exit == ExitCodes.NeedsReview)
            {
                await Console.Error.WriteLineAsync($"Episode {id} needs review: the script did not pass the quality gate; see {id}/reviews/ for the suggestions. No audio or social post was produced.");
                EpisodeReview? review = await EpisodeReview.ReadAsync(store, id, manifest?.Decision, cancellationToken);
                foreach (FailedCheck check in review?.FailedChecks ?? [])
                {
                    await Console.Error.WriteLineAsync($"  failed {check.Name}: {check.Message}");
                }
            }
        }

        return exit;
    }

    // Error, ExitCode and Stage make a failed run's JSON the same error object every other failure prints.
    sealed record CliResult(string EpisodeId, string Status, string Folder, IReadOnlyList<string> Artifacts, decimal CostUsd, double? AudioSeconds, IReadOnlyList<string> Warnings, string? Error,
        int ExitCode, string? Stage);
}
