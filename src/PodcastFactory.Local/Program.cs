using PodcastFactory.Local.Cli;

return await PodcastCli.Create().Parse(args).InvokeAsync();
