using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PodcastFactory.Core;
using PodcastFactory.Local.Backends;

namespace PodcastFactory.Local.Hosting;

/// <summary>
/// The workflow running in this process: backend + sidecar + portable worker + client, with the same
/// <c>AddPodcastFactory</c> wiring as the Functions app. Used by <c>podcast produce</c>, tests and benchmarks.
/// </summary>
public sealed class LocalRuntime : IAsyncDisposable
{
    readonly SidecarServer _sidecar;
    readonly IHost _host;

    LocalRuntime(SidecarServer sidecar, IHost host)
    {
        _sidecar = sidecar;
        _host = host;
    }

    /// <summary>The app's services.</summary>
    public IServiceProvider Services => _host.Services;

    /// <summary>The durable client.</summary>
    public DurableTaskClient Client => _host.Services.GetRequiredService<DurableTaskClient>();

    /// <summary>Starts everything (without the worker when <paramref name="runWorker"/> is false: a client only); throws <see cref="Microsoft.Extensions.Options.OptionsValidationException"/> for bad settings.</summary>
    public static async Task<LocalRuntime> StartAsync(
        BackendSettings backend,
        IReadOnlyDictionary<string, string?> settings,
        Action<IServiceCollection>? configureServices = null,
        ILoggerFactory? loggerFactory = null,
        bool runWorker = true,
        CancellationToken cancellationToken = default)
    {
        loggerFactory ??= LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Warning));
        SidecarServer sidecar = await LocalBackend.StartAsync(backend, loggerFactory, cancellationToken);
        try
        {
            HostApplicationBuilder builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
            builder.Configuration.AddEnvironmentVariables().AddInMemoryCollection(settings);
            builder.Logging.ClearProviders();
            builder.Services.AddSingleton(loggerFactory);
            builder.Services.AddSingleton<IHostLifetime, PassiveHostLifetime>();
            builder.Services.AddPodcastFactory(builder.Configuration);
            builder.Services.AddPodcastFactoryTelemetry(builder.Configuration, LocalTelemetry.ServiceName);
            configureServices?.Invoke(builder.Services);
            builder.Services.AddLocalDurableTask(sidecar.Address, runWorker);
            IHost host = builder.Build();
            await host.StartAsync(cancellationToken);
            return new LocalRuntime(sidecar, host);
        }
        catch
        {
            await sidecar.DisposeAsync();
            throw;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await _host.StopAsync(timeout.Token);
        }
        finally
        {
            _host.Dispose();
            await _sidecar.DisposeAsync();
        }
    }
}
