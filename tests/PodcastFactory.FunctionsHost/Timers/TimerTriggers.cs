using System.Text.Json;
using Cronos;
using Microsoft.Azure.Functions.Worker.Grpc.Messages;
using PodcastFactory.FunctionsHost.Rpc;

namespace PodcastFactory.FunctionsHost.Timers;

/// <summary>
/// Timer triggers: each schedule (six-field NCRONTAB, <c>%Setting%</c> resolved from the app settings) fires on
/// time in UTC; <see cref="FireAsync"/> fires one now, as the host's admin endpoint does.
/// </summary>
internal sealed class TimerTriggers(Func<WorkerInvoker?> current, IDictionary<string, string?> settings, Action<string> log) : IAsyncDisposable
{
    readonly CancellationTokenSource _stop = new();
    readonly List<Task> _loops = [];

    /// <summary>The resolved schedule of every timer function, by function name.</summary>
    public static Dictionary<string, CronExpression> Schedules(IEnumerable<FunctionEntry> functions, IDictionary<string, string?> settings) =>
        functions.Where(f => f.TriggerType.Equals("timerTrigger", StringComparison.OrdinalIgnoreCase))
            .ToDictionary(f => f.Name, f => CronExpression.Parse(Resolve(f.TriggerProperty("schedule") ?? "", settings), CronFormat.IncludeSeconds), StringComparer.OrdinalIgnoreCase);

    /// <summary>Starts one loop per timer function.</summary>
    public void Start(IEnumerable<FunctionEntry> functions)
    {
        foreach ((string name, CronExpression schedule) in Schedules(functions, settings))
        {
            _loops.Add(RunAsync(name, schedule, _stop.Token));
        }
    }

    /// <summary>Invokes the timer function <paramref name="functionName"/> once, now.</summary>
    public async Task FireAsync(string functionName, CancellationToken cancellationToken)
    {
        WorkerInvoker invoker = current() ?? throw new WorkerExitedException("No worker is connected.");
        FunctionEntry function = invoker.Channel.Functions[functionName];
        CronExpression schedule = Schedules([function], settings)[function.Name];
        DateTime now = DateTime.UtcNow;
        var timerInfo = new
        {
            Schedule = new { AdjustForDST = true },
            ScheduleStatus = new { Last = now, Next = schedule.GetNextOccurrence(now), LastUpdated = now },
            IsPastDue = false,
        };
        InvocationRequest request = invoker.NewRequest(function);
        request.InputData.Add(new ParameterBinding { Name = function.TriggerName, Data = new TypedData { Json = JsonSerializer.Serialize(timerInfo) } });
        await invoker.InvokeAsync(function, request, cancellationToken);
    }

    async Task RunAsync(string name, CronExpression schedule, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            DateTime? next = schedule.GetNextOccurrence(DateTime.UtcNow);
            if (next is null)
            {
                return;
            }

            try
            {
                await Task.Delay(TimeSpan.FromTicks(Math.Max(0, (next.Value - DateTime.UtcNow).Ticks)), cancellationToken);
                await FireAsync(name, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception ex) when (ex is WorkerExitedException or FunctionInvocationException or KeyNotFoundException)
            {
                log($"timer {name}: {ex.Message}");
            }
        }
    }

    static string Resolve(string value, IDictionary<string, string?> settings) =>
        value.Length > 2 && value.StartsWith('%') && value.EndsWith('%')
            ? settings.TryGetValue(value[1..^1], out string? resolved) && !string.IsNullOrEmpty(resolved)
                ? resolved
                : throw new InvalidOperationException($"The app setting {value[1..^1]} (used by a timer schedule) is not set.")
            : value;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_loops);
        _stop.Dispose();
    }
}
