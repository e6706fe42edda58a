using System.CommandLine;
using PodcastFactory.Local.Cli;

// Ctrl-C / SIGTERM cancel the command's token; the command reports and stops its hosts within this time.
var invocation = new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(15) };
return await PodcastCli.RunAsync(args, invocation);
