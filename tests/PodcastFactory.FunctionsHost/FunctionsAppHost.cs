using System.Collections.Concurrent;
using Microsoft.Azure.Functions.Worker.Grpc.Messages;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PodcastFactory.FunctionsHost.Durable;
using PodcastFactory.FunctionsHost.Http;
using PodcastFactory.FunctionsHost.Rpc;
using PodcastFactory.FunctionsHost.Timers;
using PodcastFactory.Local.Backends;

namespace PodcastFactory.FunctionsHost;

/// <summary>
/// The built Functions app, running as the Azure Functions host would run it: a worker process on the FunctionRpc
/// stream, an HTTP front door, timers and the durable engine (in memory or Azure Storage, through the sidecar).
/// Dispose stops everything it started, the worker by its PID.
/// </summary>
public sealed class FunctionsAppHost : IAsyncDisposable
{
    readonly FunctionsHostOptions _options;
    readonly ConcurrentQueue<string> _logs = new();
    RpcServer? _rpc;
    SidecarServer? _sidecar;
    HttpFrontDoor? _frontDoor;
    TimerTriggers? _timers;
    DurablePump? _pump;
    WorkerProcess? _worker;
    volatile WorkerInvoker? _invoker;
    HttpRouteTable? _routes;

    FunctionsAppHost(FunctionsHostOptions options) => _options = options;

    /// <summary>The front door, e.g. http://127.0.0.1:40123/ (routes under /api).</summary>
    public Uri BaseAddress => _frontDoor!.Address;

    /// <summary>The worker process id (changes on <see cref="RestartWorkerAsync"/>).</summary>
    public int WorkerProcessId => _worker!.Id;

    /// <summary>Host and worker log lines so far (worker RpcLog lines start with <c>[level] category:</c>).</summary>
    public IReadOnlyCollection<string> Logs => _logs;

    /// <summary>Activity executions this host (and others sharing the ledger) ran.</summary>
    public ActivityLedger Ledger => _options.Ledger;

    /// <summary>Invocations sent to the worker and not answered yet.</summary>
    public int PendingInvocations => _invoker?.Channel.PendingInvocations ?? 0;

    /// <summary>Names of the functions the worker loaded.</summary>
    public IReadOnlyCollection<string> Functions => [.. _invoker?.Channel.Functions.Keys ?? []];

    /// <summary>Starts the durable backend, the RPC endpoint, the worker (and waits until its functions are loaded), the front door and timers.</summary>
    public static async Task<FunctionsAppHost> StartAsync(FunctionsHostOptions options, CancellationToken cancellationToken = default)
    {
        var host = new FunctionsAppHost(options);
        try
        {
            await host.StartCoreAsync(cancellationToken);
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    async Task StartCoreAsync(CancellationToken cancellationToken)
    {
        ILoggerFactory loggerFactory = NullLoggerFactory.Instance;
        _sidecar = await LocalBackend.StartAsync(_options.Backend, loggerFactory, cancellationToken);
        _rpc = await RpcServer.StartAsync(cancellationToken);
        _rpc.Connections.Log = OnRpcLog;
        _rpc.Connections.Report = Log;
        _frontDoor = await HttpFrontDoor.StartAsync(() => _invoker is { } invoker && _routes is { } routes ? (invoker, routes) : null, Log, cancellationToken);
        await StartWorkerAsync(cancellationToken);
        _pump = new DurablePump(_sidecar.Address, () => _invoker, _options.Ledger, Log);
        _pump.Start();
        _timers = new TimerTriggers(() => _invoker, _options.Settings, Log);
        if (_options.RunTimersOnSchedule)
        {
            _timers.Start(_invoker!.Channel.Functions.Values);
        }
    }

    /// <summary>Fires the timer function <paramref name="functionName"/> once, now, and waits for it to finish.</summary>
    public Task FireTimerAsync(string functionName, CancellationToken cancellationToken = default) => _timers!.FireAsync(functionName, cancellationToken);

    /// <summary>Kills the worker process (SIGKILL); the host fails its pending invocations and reports the exit.</summary>
    public void KillWorker() => _worker?.Kill();

    /// <summary>Starts a new worker process (after a kill) and waits until its functions are loaded.</summary>
    public async Task RestartWorkerAsync(CancellationToken cancellationToken = default)
    {
        _worker?.Dispose();
        await StartWorkerAsync(cancellationToken);
    }

    async Task StartWorkerAsync(CancellationToken cancellationToken)
    {
        _invoker = null;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.StartTimeout);
        string workerId = Guid.NewGuid().ToString();
        WorkerProcess worker = WorkerProcess.Start(_options, _rpc!.Address, workerId, Log);
        _worker = worker;
        Task<WorkerChannel> connected = _rpc.Connections.NextAsync(timeout.Token).AsTask();
        if (await Task.WhenAny(connected, worker.Exited) != connected)
        {
            throw new WorkerExitedException($"The worker exited with code {await worker.Exited} before it connected.");
        }

        WorkerChannel channel = await connected;
        _ = worker.Exited.ContinueWith(
            exit =>
            {
                Log($"host: worker process {worker.Id} exited with code {exit.Result}.");
                channel.Fail(new WorkerExitedException($"Worker process {worker.Id} exited with code {exit.Result}."));
            },
            TaskScheduler.Default);
        await channel.InitializeAsync(_options.AppDirectory, timeout.Token);
        _routes = new HttpRouteTable(channel.Functions.Values, HostJson.RoutePrefix(_options.AppDirectory));
        _invoker = new WorkerInvoker(channel, DurableClientBinding.Json(_options.Backend.TaskHub, _sidecar!.Address, _frontDoor!.Address));
        Log($"host: worker {worker.Id} loaded {channel.Functions.Count} functions; HTTP at {channel.HttpUri}");
    }

    void OnRpcLog(RpcLog log) =>
        Log($"[{log.Level}] {log.Category}: {log.Message}{(log.Exception is { } ex ? " " + ex.Message : "")}");

    void Log(string line)
    {
        _logs.Enqueue(line);
        _options.Log?.Invoke(line);
    }

    /// <summary>Sends WorkerTerminate, gives the worker a few seconds to exit, kills it otherwise, then stops the rest.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_timers is not null) { await _timers.DisposeAsync(); }
        if (_worker is not null)
        {
            try
            {
                if (_invoker is { } invoker)
                {
                    await invoker.Channel.TerminateAsync(TimeSpan.FromSeconds(5));
                }
            }
            catch (WorkerExitedException)
            {
                // Already gone.
            }

            await _worker.StopAsync(TimeSpan.FromSeconds(5));
            _worker.Dispose();
        }

        if (_pump is not null) { await _pump.DisposeAsync(); }
        if (_frontDoor is not null) { await _frontDoor.DisposeAsync(); }
        if (_rpc is not null) { await _rpc.DisposeAsync(); }
        if (_sidecar is not null) { await _sidecar.DisposeAsync(); }
    }
}
