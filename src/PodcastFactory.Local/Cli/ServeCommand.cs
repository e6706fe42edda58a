using System.CommandLine;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PodcastFactory.Core;
using PodcastFactory.Local.Backends;
using PodcastFactory.Local.Hosting;

namespace PodcastFactory.Local.Cli;

/// <summary><c>podcast serve</c>: the Functions app's HTTP API on Kestrel (127.0.0.1), running episodes on the local runner.</summary>
public static class ServeCommand
{
    /// <summary>Default port: the one <c>func start</c> uses, so the same curl commands work.</summary>
    public const int DefaultPort = 7071;

    /// <summary>Builds the command.</summary>
    public static Command Create(StoreOptions store)
    {
        var port = new Option<int>("--port", "-p") { Description = $"Port on 127.0.0.1 (0 picks a free one; default {DefaultPort}).", DefaultValueFactory = _ => DefaultPort };
        var command = new Command("serve", "Serve the HTTP API (POST/GET /api/episodes, artifacts, approve, cancel, backlog) on 127.0.0.1.");
        command.Options.Add(port);
        store.AddTo(command);
        command.SetAction((parse, ct) => RunAsync(parse, store, parse.GetValue(port), ct));
        return command;
    }

    static async Task<int> RunAsync(ParseResult parse, StoreOptions storeOptions, int port, CancellationToken cancellationToken)
    {
        (BackendSettings backend, Dictionary<string, string?> settings, string? problem) = await storeOptions.ResolveAsync(parse, cancellationToken);
        if (problem is not null)
        {
            return CliErrors.Unavailable(problem);
        }

        // Logs go to stderr so stdout carries only the "Listening on" line a script or test reads.
        using ILoggerFactory loggerFactory = LoggerFactory.Create(b => b
            .SetMinimumLevel(LogLevel.Warning)
            .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace));
        await using SidecarServer sidecar = await LocalBackend.StartAsync(backend, loggerFactory, cancellationToken);
        WebApplication app = Build(settings, port, sidecar.Address, loggerFactory);
        await using (app)
        {
            try
            {
                await app.StartAsync(cancellationToken);
            }
            catch (OptionsValidationException ex)
            {
                return CliErrors.Configuration(ex);
            }

            string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            await Console.Out.WriteLineAsync($"Listening on {address}");
            await Console.Out.FlushAsync(cancellationToken);
            await Console.Error.WriteLineAsync($"API: {address}/api/episodes  artifacts: {settings["Artifacts:RootPath"]}  Ctrl-C stops.");
            try
            {
                await app.WaitForShutdownAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
            }

            using var stopTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await app.StopAsync(stopTimeout.Token);
            return ExitCodes.Success;
        }
    }

    static WebApplication Build(Dictionary<string, string?> settings, int port, string sidecarAddress, ILoggerFactory loggerFactory)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggerFactory);
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port, o => o.Protocols = HttpProtocols.Http1));
        builder.Services.AddProblemDetails();
        builder.Services.AddPodcastFactory(builder.Configuration);
        builder.Services.AddLocalDurableTask(sidecarAddress);
        WebApplication app = builder.Build();
        app.UseApiProblems();
        app.MapPodcastFactoryApi();
        return app;
    }
}
