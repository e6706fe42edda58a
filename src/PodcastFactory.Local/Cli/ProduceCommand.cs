using System.CommandLine;
using System.Text.Json;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PodcastFactory.Core;
using PodcastFactory.Core.Artifacts;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Workflow;
using PodcastFactory.Core.Workflow.Activities;
using PodcastFactory.Core.Workflow.Starting;
using PodcastFactory.Local.Backends;
using PodcastFactory.Local.Hosting;
using Spectre.Console;

namespace PodcastFactory.Local.Cli;

/// <summary><c>podcast produce "topic"</c>: runs one episode to the end on the local runner and prints a summary.</summary>
public static class ProduceCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(StoreOptions store)
    {
        var request = new RequestOptions();
        var id = new Option<string?>("--id") { Description = "Episode id (3-64 lower-case letters, digits, hyphens). Re-using an id continues that episode instead of starting another." };
        var json = new Option<bool>("--json") { Description = "Print a machine-readable result on stdout (progress goes to stderr)." };
        var command = new Command("produce", "Produce a complete episode: research, script, review, social post, audio, manifest.");
        request.AddTo(command);
        command.Options.Add(id);
        command.Options.Add(json);
        store.AddTo(command);
        command.SetAction((parse, ct) => RunAsync(parse, request, store, parse.GetValue(id), parse.GetValue(json), ct));
        return command;
    }

    static async Task<int> RunAsync(ParseResult parse, RequestOptions requestOptions, StoreOptions storeOptions, string? id, bool json, CancellationToken cancellationToken)
    {
        TextWriter progress = json ? Console.Error : Console.Out;
        (EpisodeRequest request, IReadOnlyList<ValidationError> errors) = requestOptions.Build(parse);
        if (errors.Count > 0)
        {
            return CliErrors.Invalid(errors);
        }

        (BackendSettings backend, Dictionary<string, string?> settings, string? problem) = await storeOptions.ResolveAsync(parse, cancellationToken);
        if (problem is not null)
        {
            return CliErrors.Unavailable(problem);
        }

        LocalRuntime runtime;
        try
        {
            runtime = await LocalRuntime.StartAsync(backend, settings, cancellationToken: cancellationToken);
        }
        catch (OptionsValidationException ex)
        {
            return CliErrors.Configuration(ex);
        }

        await using (runtime)
        {
            StartedEpisode started;
            try
            {
                started = await runtime.Services.GetRequiredService<EpisodeStarter>().StartAsync(request, id, cancellationToken);
            }
            catch (RequestValidationException ex)
            {
                return CliErrors.Invalid(ex.Errors);
            }

            IArtifactStore store = runtime.Services.GetRequiredService<IArtifactStore>();
            await progress.WriteLineAsync($"Episode {started.EpisodeId} {(started.Created ? "started" : "already exists: following it")}; artifacts in {Path.Combine(store.Location, started.EpisodeId)}");
            try
            {
                OrchestrationMetadata final = await EpisodeWatcher.WaitAsync(runtime.Client, started.EpisodeId, progress, cancellationToken);
                return await ReportAsync(final, store, json, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                await Console.Error.WriteLineAsync(backend.Kind == BackendKind.InMemory
                    ? $"Interrupted. Episode {started.EpisodeId} stopped; the artifacts written so far stay in {Path.Combine(store.Location, started.EpisodeId)}."
                    : $"Interrupted. Episode {started.EpisodeId} is saved in task hub '{backend.TaskHub}'; continue it with: podcast produce --resume {started.EpisodeId} --store {storeOptions.Describe(parse)}");
                return ExitCodes.Interrupted;
            }
        }
    }

    static async Task<int> ReportAsync(OrchestrationMetadata final, IArtifactStore store, bool json, CancellationToken cancellationToken)
    {
        string id = final.InstanceId;
        EpisodeResult? result = final.RuntimeStatus == OrchestrationRuntimeStatus.Completed ? final.ReadOutputAs<EpisodeResult>() : null;
        EpisodeManifest? manifest = await store.GetInfoAsync(ArtifactNames.Manifest(id), cancellationToken) is null
            ? null
            : await store.ReadJsonAsync<EpisodeManifest>(ArtifactNames.Manifest(id), cancellationToken);
        string? error = final.FailureDetails?.ErrorMessage
            ?? (final.RuntimeStatus is OrchestrationRuntimeStatus.Completed ? null : $"The episode ended as {final.RuntimeStatus}.");
        int exit = result is null ? ExitCodes.EpisodeFailed : result.Outcome == EpisodeOutcome.Completed ? ExitCodes.Success : ExitCodes.NeedsReview;

        if (json)
        {
            var payload = new CliResult(id, exit == ExitCodes.Success ? "completed" : exit == ExitCodes.NeedsReview ? "needs-review" : "failed",
                Path.Combine(store.Location, id), result?.Artifacts.Select(a => Path.Combine(store.Location, a)).ToList() ?? [],
                result?.CostUsd ?? manifest?.Costs.TotalUsd ?? 0, result?.AudioSeconds, result?.Warnings ?? manifest?.Warnings ?? [], error);
            await Console.Out.WriteLineAsync(JsonSerializer.Serialize(payload, PodcastJson.Options));
        }
        else
        {
            if (manifest is not null)
            {
                SummaryRenderer.Render(AnsiConsole.Console, manifest, store.Location);
            }

            if (error is not null)
            {
                await Console.Error.WriteLineAsync($"error: episode {id} failed: {error}");
            }
            else if (exit == ExitCodes.NeedsReview)
            {
                await Console.Error.WriteLineAsync($"Episode {id} needs review: the script did not pass the quality gate; see {id}/reviews/ for the suggestions. No audio or social post was produced.");
            }
        }

        return exit;
    }

    sealed record CliResult(string EpisodeId, string Status, string Folder, IReadOnlyList<string> Artifacts, decimal CostUsd, double? AudioSeconds, IReadOnlyList<string> Warnings, string? Error);
}
