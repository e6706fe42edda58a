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
        return root;
    }
}
