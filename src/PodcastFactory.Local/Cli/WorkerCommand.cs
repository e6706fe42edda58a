using System.CommandLine;
using PodcastFactory.Local.Backends;

namespace PodcastFactory.Local.Cli;

/// <summary>
/// <c>podcast worker --store azurite</c>: runs only the worker on a durable task hub until Ctrl-C, taking its share
/// of the orchestrations and activities of every episode on that hub (started by <c>produce</c> or by anyone).
/// </summary>
public static class WorkerCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(StoreOptions store)
    {
        var command = new Command("worker", "Run a worker on a durable task hub (--store azurite|azure) until Ctrl-C; several workers share the work.");
        store.AddTo(command);
        command.SetAction((parse, ct) => RunAsync(parse, store, ct));
        return command;
    }

    static async Task<int> RunAsync(ParseResult parse, StoreOptions storeOptions, CancellationToken cancellationToken)
    {
        CliRuntime start = await CliRuntime.StartAsync(storeOptions, parse, "a worker needs a durable task hub to share: use --store azurite or --store azure.", cancellationToken);
        if (start.Runtime is not { } runtime)
        {
            return start.Exit;
        }

        BackendSettings backend = start.Backend!;
        await using (runtime)
        {
            await Console.Out.WriteLineAsync($"Worker {Environment.ProcessId} running on task hub '{backend.TaskHub}'; Ctrl-C to stop.");
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                await Console.Out.WriteLineAsync($"Worker {Environment.ProcessId} stopping.");
            }
        }

        return ExitCodes.Success;
    }
}
