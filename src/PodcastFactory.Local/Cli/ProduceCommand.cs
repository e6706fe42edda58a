using System.CommandLine;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using PodcastFactory.Core.Artifacts;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Workflow.Starting;
using PodcastFactory.Local.Backends;
using PodcastFactory.Local.Cli.Progress;
using PodcastFactory.Local.Hosting;
using Spectre.Console;

namespace PodcastFactory.Local.Cli;

/// <summary>
/// <c>podcast produce "topic"</c>: runs one episode to the end on the local runner and prints a summary.
/// <c>podcast produce --resume ID --store azurite</c>: starts nothing new; runs the worker on the task hub and
/// follows the interrupted episode to its end.
/// </summary>
public static class ProduceCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(StoreOptions store)
    {
        var request = new RequestOptions();
        request.Topic.Arity = ArgumentArity.ZeroOrOne; // not needed with --resume; the request validator requires it otherwise
        var id = new Option<string?>("--id") { Description = "Episode id (3-64 lower-case letters, digits, hyphens). Re-using an id continues that episode instead of starting another." };
        var resume = new Option<string?>("--resume") { Description = "Continue an interrupted episode by id (needs --store azurite|azure and the same --task-hub); starts nothing new." };
        var json = new Option<bool>("--json") { Description = "Print a machine-readable result on stdout (progress goes to stderr)." };
        var callback = new Option<string?>("--callback-url") { Description = "POST this episode's events (episode.started, .completed, ...) to this URL, signed per Standard Webhooks; the secret is printed once." };
        var quote = new Option<string?>("--quote-id") { Description = "A quote of this same request (podcast quote): the episode runs under the quote's high figure as its budget." };
        var command = new Command("produce", "Produce a complete episode: research, script, review, social post, audio, manifest.");
        request.AddTo(command);
        command.Options.Add(id);
        command.Options.Add(resume);
        command.Options.Add(json);
        command.Options.Add(callback);
        command.Options.Add(quote);
        store.AddTo(command);
        command.SetAction((parse, ct) =>
        {
            CliErrors.Json = parse.GetValue(json);
            return parse.GetValue(resume) is { } resumeId
                ? ResumeAsync(parse, store, resumeId, parse.GetValue(json), ct)
                : RunAsync(parse, request, store, parse.GetValue(id), parse.GetValue(json), new StartOptions(parse.GetValue(callback), parse.GetValue(quote), request.Overrides(parse)), ct);
        });
        return command;
    }

    static async Task<int> RunAsync(ParseResult parse, RequestOptions requestOptions, StoreOptions storeOptions, string? id, bool json, StartOptions startOptions, CancellationToken cancellationToken)
    {
        (EpisodeRequest request, IReadOnlyList<ValidationError> errors) = requestOptions.Build(parse);
        if (errors.Count > 0)
        {
            return CliErrors.Invalid(errors);
        }

        CliRuntime start = await CliRuntime.StartAsync(storeOptions, parse, null, cancellationToken);
        if (start.Runtime is not { } runtime)
        {
            return start.Exit;
        }

        BackendSettings backend = start.Backend!;
        await using (runtime)
        {
            StartedEpisode started;
            try
            {
                started = await runtime.Services.GetRequiredService<EpisodeStarter>().StartAsync(request, id, cancellationToken, startOptions);
            }
            catch (RequestValidationException ex)
            {
                return CliErrors.Invalid([.. ex.Errors.Select(e => e.Field switch
                {
                    "callbackUrl" => e with { Field = "--callback-url" },
                    "quoteId" => e with { Field = "--quote-id" },
                    _ => e,
                })]);
            }
            catch (EpisodeConflictException ex)
            {
                return CliErrors.Invalid([new ValidationError("--id", ex.Message)]);
            }

            if (started.CallbackSecret is { } secret)
            {
                // Shown once, like the API's 202: the receiver needs it to verify webhook-signature.
                await Console.Error.WriteLineAsync($"Callback signing secret (shown once): {secret}");
            }

            string verb = started.Created ? "started" : "already exists: following it";
            return await FollowAsync(runtime, started.EpisodeId, verb, backend, storeOptions.Describe(parse), json, cancellationToken);
        }
    }

    static async Task<int> ResumeAsync(ParseResult parse, StoreOptions storeOptions, string id, bool json, CancellationToken cancellationToken)
    {
        CliRuntime start = await CliRuntime.StartAsync(storeOptions, parse, "--resume needs a durable store: nothing survives --store memory. Use --store azurite or --store azure with the task hub the episode ran on.", cancellationToken);
        if (start.Runtime is not { } runtime)
        {
            return start.Exit;
        }

        BackendSettings backend = start.Backend!;
        await using (runtime)
        {
            if (await runtime.Client.GetInstanceAsync(id, getInputsAndOutputs: false, cancellationToken) is null)
            {
                return CliErrors.Fail(ExitCodes.InvalidInput, $"there is no episode '{id}' in task hub '{backend.TaskHub}'; nothing to resume. Check --task-hub and --connection-string, or start it with: podcast produce \"topic\" --id {id} --store {storeOptions.Describe(parse)}", "--resume");
            }

            return await FollowAsync(runtime, id, "resumed", backend, storeOptions.Describe(parse), json, cancellationToken);
        }
    }

    // The worker in this process picks up whatever the episode still needs; the watcher follows it to the end.
    static async Task<int> FollowAsync(LocalRuntime runtime, string episodeId, string verb, BackendSettings backend, string storeDescription, bool json, CancellationToken cancellationToken)
    {
        TextWriter progress = json ? Console.Error : Console.Out;
        IArtifactStore store = runtime.Services.GetRequiredService<IArtifactStore>();
        await progress.WriteLineAsync($"Episode {episodeId} {verb}; artifacts in {Path.Combine(store.Location, episodeId)}");
        try
        {
            // A terminal gets the live bar; redirected output and --json keep one line per stage, which scripts read.
            OrchestrationMetadata final = LiveBar.Fits(json)
                ? await LiveBar.RunAsync(AnsiConsole.Console, report => EpisodeWatcher.WaitAsync(runtime.Client, episodeId, report, TimeProvider.System, cancellationToken))
                : await EpisodeWatcher.WaitAsync(runtime.Client, episodeId, progress, cancellationToken);
            await WebhookDrain.WaitAsync(runtime.Client, final, progress, backend.IsDurable, cancellationToken);
            return await EpisodeReport.ReportAsync(final, store, json, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            string message = backend.IsDurable
                ? $"Interrupted. Episode {episodeId} is saved in task hub '{backend.TaskHub}'; continue it with: podcast produce --resume {episodeId} --store {storeDescription}"
                : $"Interrupted. Episode {episodeId} stopped; the artifacts written so far stay in {Path.Combine(store.Location, episodeId)}.";
            await Console.Error.WriteLineAsync(message);
            return CliErrors.WriteJson(ExitCodes.Interrupted, message);
        }
    }
}
