using System.CommandLine;

namespace PodcastFactory.Local.Cli;

/// <summary>The <c>podcast</c> command line.</summary>
public static class PodcastCli
{
    /// <summary>Builds the root command.</summary>
    public static RootCommand Create()
    {
        var root = new RootCommand("PodcastFactory: turn a topic into a finished podcast episode, locally or on Azure Durable Functions.");
        root.Subcommands.Add(ProduceCommand.Create(new StoreOptions()));
        root.Subcommands.Add(ServeCommand.Create(new StoreOptions()));
        root.Subcommands.Add(ScheduleCommand.Create(new StoreOptions()));
        root.Subcommands.Add(WorkerCommand.Create(new StoreOptions()));
        root.Subcommands.Add(VoicesCommand.Create());
        root.Subcommands.Add(QuoteCommand.Create(new StoreOptions()));
        root.Subcommands.Add(ShowCommand.Create());
        return root;
    }

    /// <summary>
    /// Parses and runs <paramref name="args"/>: a parse error exits 2 with one line (<see cref="CliParseErrors"/>); an
    /// unexpected exception exits 1 with its message (and the JSON error object under <c>--json</c>), not a stack dump.
    /// </summary>
    public static async Task<int> RunAsync(string[] args, InvocationConfiguration? configuration = null)
    {
        ParseResult parse = Create().Parse(args);
        if (parse.Errors.Count > 0)
        {
            return CliParseErrors.Report(parse);
        }

        configuration ??= new InvocationConfiguration();
        configuration.EnableDefaultExceptionHandler = false;
        try
        {
            return await parse.InvokeAsync(configuration);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return CliErrors.Fail(ExitCodes.EpisodeFailed, ex.Message);
        }
    }
}
