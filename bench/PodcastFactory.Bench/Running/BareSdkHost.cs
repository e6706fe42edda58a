using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PodcastFactory.Local.Backends;

namespace PodcastFactory.Bench.Running;

/// <summary>
/// The bare Durable Task SDK on the same backend and sidecar as the workflow, running trivial tasks: a chain of N
/// no-op activities (one round trip per hop) and a fan-out of N (amortized cost per activity).
/// </summary>
public sealed class BareSdkHost : IAsyncDisposable
{
    const string Chain = "BareChain", FanOut = "BareFanOut", Noop = "BareNoop";

    readonly SidecarServer _sidecar;
    readonly IHost _host;

    BareSdkHost(SidecarServer sidecar, IHost host)
    {
        _sidecar = sidecar;
        _host = host;
    }

    /// <summary>Starts the backend, its sidecar, a worker with the trivial tasks, and a client.</summary>
    public static async Task<BareSdkHost> StartAsync(BenchBackend backend)
    {
        ILoggerFactory logging = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Warning));
        SidecarServer sidecar = await LocalBackend.StartAsync(backend.Settings(), logging, CancellationToken.None);
        HostApplicationBuilder builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.Services.AddDurableTaskWorker(b =>
        {
            b.UseGrpc(sidecar.Address);
            b.AddTasks(r =>
            {
                r.AddActivityFunc<int, int>(Noop, (_, i) => i);
                r.AddOrchestratorFunc<int, int>(Chain, async (context, n) =>
                {
                    for (int i = 0; i < n; i++)
                    {
                        await context.CallActivityAsync<int>(Noop, i);
                    }

                    return n;
                });
                r.AddOrchestratorFunc<int, int>(FanOut, async (context, n) =>
                    (await Task.WhenAll(Enumerable.Range(0, n).Select(i => context.CallActivityAsync<int>(Noop, i)))).Length);
            });
        });
        builder.Services.AddDurableTaskClient(b => b.UseGrpc(sidecar.Address));
        IHost host = builder.Build();
        await host.StartAsync();
        return new BareSdkHost(sidecar, host);
    }

    /// <summary>Wall time of a chain of <paramref name="n"/> sequential no-op activities.</summary>
    public Task<TimeSpan> ChainAsync(int n) => RunAsync(Chain, n);

    /// <summary>Wall time of a fan-out of <paramref name="n"/> no-op activities.</summary>
    public Task<TimeSpan> FanOutAsync(int n) => RunAsync(FanOut, n);

    async Task<TimeSpan> RunAsync(string orchestrator, int n)
    {
        DurableTaskClient client = _host.Services.GetRequiredService<DurableTaskClient>();
        string id = await client.ScheduleNewOrchestrationInstanceAsync(orchestrator, n);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        OrchestrationMetadata m = await client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: false, timeout.Token);
        return m.RuntimeStatus == OrchestrationRuntimeStatus.Completed
            ? m.LastUpdatedAt - m.CreatedAt
            : throw new InvalidOperationException($"{orchestrator} ended {m.RuntimeStatus}: {m.FailureDetails?.ErrorMessage}");
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
