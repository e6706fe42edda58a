using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PodcastFactory.Core.Configuration;
using PodcastFactory.Core.Scheduling;

namespace PodcastFactory.Functions.Functions;

/// <summary>
/// The weekly (or whatever <c>%EpisodeSchedule%</c> says) episode. The slot is the schedule occurrence the tick
/// belongs to, computed from the same setting, so a retried or duplicated tick maps to the same episode id.
/// </summary>
public static class ScheduledEpisodeFunction
{
    /// <summary>Timer trigger: runs one <see cref="EpisodeScheduler"/> tick.</summary>
    [Function(nameof(ScheduledEpisode))]
    public static async Task ScheduledEpisode(
        [TimerTrigger("%" + SchedulerOptions.ScheduleSetting + "%")] TimerInfo timer,
        [DurableClient] DurableTaskClient client,
        FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(timer);
        string schedule = context.InstanceServices.GetRequiredService<IConfiguration>()[SchedulerOptions.ScheduleSetting]
            ?? throw new InvalidOperationException($"The app setting {SchedulerOptions.ScheduleSetting} is not set.");
        DateTimeOffset now = context.InstanceServices.GetRequiredService<TimeProvider>().GetUtcNow();
        DateTimeOffset slot = ScheduleSlots.SlotFor(ScheduleSlots.Parse(schedule), now);
        await context.Resolve<EpisodeScheduler>(client).RunOnceAsync(slot, context.CancellationToken);
    }
}
