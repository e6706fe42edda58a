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
using PodcastFactory.Core.Api;
using PodcastFactory.Core.Publishing.Feed;
using PodcastFactory.Local.Backends;
using PodcastFactory.Local.Hosting;

namespace PodcastFactory.Local.Cli;

/// <summary>
/// <c>podcast serve</c>: the Functions app's HTTP API and the dashboard on Kestrel, running episodes on the local runner.
/// It binds to 127.0.0.1 unless <c>--listen</c> names another address, and then only with an API key.
/// </summary>
public static class ServeCommand
{
    /// <summary>Default port: the one <c>func start</c> uses, so the same curl commands work.</summary>
    public const int DefaultPort = 7071;

    /// <summary>The environment variable that supplies the API key when <c>--api-key</c> is not given.</summary>
    public const string ApiKeyVariable = "PODCAST_API_KEY";

    /// <summary>Builds the command.</summary>
    public static Command Create(StoreOptions store)
    {
        var port = new Option<int>("--port", "-p") { Description = $"Port (0 picks a free one; default {DefaultPort}).", DefaultValueFactory = _ => DefaultPort };
        var listen = new Option<string>("--listen") { Description = "Address to bind (default 127.0.0.1). Anything but loopback requires an API key.", DefaultValueFactory = _ => "127.0.0.1" };
        var apiKey = new Option<string?>("--api-key") { Description = $"Key every /api request must carry in x-api-key or x-functions-key (default: ${ApiKeyVariable})." };
        var command = new Command("serve", "Serve the HTTP API (episodes, artifacts, approve, cancel, backlog) and the dashboard (http://127.0.0.1:PORT/).");
        command.Options.Add(port);
        command.Options.Add(listen);
        command.Options.Add(apiKey);
        store.AddTo(command);
        command.SetAction((parse, ct) =>
        {
            string? key = parse.GetValue(apiKey) ?? Environment.GetEnvironmentVariable(ApiKeyVariable);
            (IPAddress? address, string? listenError) = ListenAddress.Parse(parse.GetValue(listen));
            if (address is null)
            {
                return Task.FromResult(CliErrors.Fail(ExitCodes.InvalidInput, listenError!, "--listen"));
            }

            if (!IPAddress.IsLoopback(address) && string.IsNullOrEmpty(key))
            {
                return Task.FromResult(CliErrors.Fail(ExitCodes.InvalidInput, $"--listen: {address} is reachable from other machines, so an API key is required (--api-key KEY or ${ApiKeyVariable}).", "--listen"));
            }

            return RunAsync(parse, store, new EndPointSettings(address, parse.GetValue(port), string.IsNullOrEmpty(key) ? null : key), ct);
        });
        return command;
    }

    /// <summary>Where <c>podcast serve</c> listens and the key it requires.</summary>
    internal sealed record EndPointSettings(IPAddress Address, int Port, string? ApiKey);

    static async Task<int> RunAsync(ParseResult parse, StoreOptions storeOptions, EndPointSettings endPoint, CancellationToken cancellationToken)
    {
        if (ListenAddress.ProbeBind(endPoint.Address, endPoint.Port) is { } bindError)
        {
            return CliErrors.Fail(ExitCodes.Unavailable, bindError, "--listen");
        }

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
        WebApplication app = Build(settings, endPoint, sidecar.Address, loggerFactory);
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
            if (!endPoint.Address.Equals(IPAddress.Any) && !endPoint.Address.Equals(IPAddress.IPv6Any))
            {
                // The feed's links follow the port really bound (--port 0 included); a wildcard bind is no address to publish.
                app.Services.GetRequiredService<FeedAddress>().SetListeningBase(new Uri(address + "/" + ApiRoutes.Prefix));
            }

            await Console.Out.WriteLineAsync($"Listening on {address}");
            await Console.Out.FlushAsync(cancellationToken);
            await Console.Error.WriteLineAsync($"Dashboard: {address}/  API: {address}/api/episodes  artifacts: {settings["Artifacts:RootPath"]}  Ctrl-C stops.");
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

    /// <summary>The server's app (tests add services, e.g. an in-memory telemetry exporter, through <paramref name="configureServices"/>).</summary>
    internal static WebApplication Build(
        Dictionary<string, string?> settings, EndPointSettings endPoint, string sidecarAddress, ILoggerFactory loggerFactory,
        Action<IServiceCollection>? configureServices = null)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggerFactory);
        builder.WebHost.ConfigureKestrel(k => k.Listen(endPoint.Address, endPoint.Port, o => o.Protocols = HttpProtocols.Http1));
        builder.Services.AddProblemDetails();
        builder.Services.AddPodcastFactory(builder.Configuration);
        builder.Services.AddPodcastFactoryTelemetry(builder.Configuration, LocalTelemetry.ServiceName);
        configureServices?.Invoke(builder.Services);
        builder.Services.AddLocalDurableTask(sidecarAddress);
        WebApplication app = builder.Build();
        app.UseHostGate(endPoint.Address);
        if (endPoint.ApiKey is not null)
        {
            app.UseApiKey(endPoint.ApiKey);
        }

        app.UseApiProblems();
        app.UseCrossSiteGuard();
        app.MapPodcastFactoryApi();
        app.MapDashboard();
        return app;
    }
}
