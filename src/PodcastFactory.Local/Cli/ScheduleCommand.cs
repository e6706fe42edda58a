using System.CommandLine;
using Cronos;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using PodcastFactory.Core.Configuration;
using PodcastFactory.Core.Scheduling;
using PodcastFactory.Local.Backends;

namespace PodcastFactory.Local.Cli;

/// <summary><c>podcast schedule</c>: the Functions timer's scheduler logic on a local cron, or one slot now with <c>--once</c>.</summary>
public static class ScheduleCommand
{
    /// <summary>The schedule when neither --cron nor the EpisodeSchedule setting gives one: Mondays 09:00 UTC.</summary>
    public const string DefaultSchedule = "0 0 9 * * 1";

    /// <summary>Builds the command.</summary>
    public static Command Create(StoreOptions store)
    {
        var cron = new Option<string?>("--cron") { Description = $"Six-field NCRONTAB schedule, UTC (default: the {SchedulerOptions.ScheduleSetting} environment variable, else \"{DefaultSchedule}\")." };
        var once = new Option<bool>("--once") { Description = "Run one slot now, wait for its episode to finish, print its id and exit." };
        var command = new Command("schedule", "Produce episodes from the topic backlog (backlog.json in --out) on a schedule.");
        command.Options.Add(cron);
        command.Options.Add(once);
        store.AddTo(command);
        command.SetAction((parse, ct) => RunAsync(parse, store, parse.GetValue(cron), parse.GetValue(once), ct));
        return command;
    }

    static async Task<int> RunAsync(ParseResult parse, StoreOptions storeOptions, string? cronText, bool once, CancellationToken cancellationToken)
    {
        CronExpression schedule;
        try
        {
            schedule = ScheduleSlots.Parse(cronText ?? Environment.GetEnvironmentVariable(SchedulerOptions.ScheduleSetting) ?? DefaultSchedule);
        }
        catch (FormatException ex)
        {
            return CliErrors.Invalid([new("cron", ex.Message)]);
        }

        CliRuntime start = await CliRuntime.StartAsync(storeOptions, parse, null, cancellationToken);
        if (start.Runtime is not { } runtime)
        {
            return start.Exit;
        }

        BackendSettings backend = start.Backend!;
        await using (runtime)
        {
            EpisodeScheduler scheduler = runtime.Services.GetRequiredService<EpisodeScheduler>();
            TimeProvider time = runtime.Services.GetRequiredService<TimeProvider>();
            try
            {
                return once
                    ? await RunSlotAndWaitAsync(runtime.Client, scheduler, Minute(time.GetUtcNow()), cancellationToken)
                    : await RunForeverAsync(scheduler, schedule, time, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return ExitCodes.Interrupted;
            }
        }
    }

    static async Task<int> RunSlotAndWaitAsync(DurableTaskClient client, EpisodeScheduler scheduler, DateTimeOffset slot, CancellationToken cancellationToken)
    {
        ScheduleResult result = await scheduler.RunOnceAsync(slot, cancellationToken);
        await Console.Error.WriteLineAsync(Describe(result));
        if (result.Outcome is ScheduleOutcome.EmptyBacklog)
        {
            return ExitCodes.Success;
        }

        if (result.Outcome is ScheduleOutcome.Invalid)
        {
            return ExitCodes.InvalidInput;
        }

        OrchestrationMetadata final = await EpisodeWatcher.WaitAsync(client, result.EpisodeId, Console.Error, cancellationToken);
        await Console.Out.WriteLineAsync(result.EpisodeId);
        return final.RuntimeStatus == OrchestrationRuntimeStatus.Completed ? ExitCodes.Success : ExitCodes.EpisodeFailed;
    }

    static async Task<int> RunForeverAsync(EpisodeScheduler scheduler, CronExpression schedule, TimeProvider time, CancellationToken cancellationToken)
    {
        while (true)
        {
            DateTimeOffset now = time.GetUtcNow();
            DateTimeOffset next = schedule.GetNextOccurrence(now, TimeZoneInfo.Utc)
                ?? throw new InvalidOperationException("The schedule has no next occurrence.");
            await Console.Error.WriteLineAsync($"Next slot: {next:u}");
            await Task.Delay(next - now, time, cancellationToken);
            ScheduleResult result = await scheduler.RunOnceAsync(next, cancellationToken);
            await Console.Out.WriteLineAsync(Describe(result));
        }
    }

    static string Describe(ScheduleResult result) => result.Outcome switch
    {
        ScheduleOutcome.Started => $"Episode {result.EpisodeId} started: {result.Topic}",
        ScheduleOutcome.AlreadyStarted => $"Episode {result.EpisodeId} already exists for this slot; following it.",
        ScheduleOutcome.EmptyBacklog => "The backlog has no pending topic; nothing to do.",
        _ => $"Episode {result.EpisodeId} was refused: {result.Error}",
    };

    static DateTimeOffset Minute(DateTimeOffset now) => new(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero);
}
