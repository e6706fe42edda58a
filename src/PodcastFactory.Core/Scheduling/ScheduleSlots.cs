using System.Globalization;
using Cronos;

namespace PodcastFactory.Core.Scheduling;

/// <summary>
/// Schedule slots: each occurrence of the NCRONTAB schedule (six fields, with seconds, as the Functions timer
/// uses) is one slot, and a slot maps to exactly one episode id, so a retried or duplicated tick finds the
/// episode it already started.
/// </summary>
public static class ScheduleSlots
{
    /// <summary>How early a tick may fire and still count for the upcoming occurrence (clock skew).</summary>
    public static readonly TimeSpan EarlyTolerance = TimeSpan.FromSeconds(30);

    /// <summary>The episode id of a slot: <c>{prefix}-{yyyyMMdd-HHmm}</c> (UTC).</summary>
    public static string EpisodeId(string prefix, DateTimeOffset slot) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}-{slot.UtcDateTime:yyyyMMdd-HHmm}");

    /// <summary>Parses a six-field NCRONTAB expression; throws <see cref="FormatException"/> naming the setting.</summary>
    public static CronExpression Parse(string schedule)
    {
        try
        {
            return CronExpression.Parse(schedule, CronFormat.IncludeSeconds);
        }
        catch (CronFormatException ex)
        {
            throw new FormatException($"EpisodeSchedule '{schedule}' is not a six-field NCRONTAB expression (e.g. \"0 0 9 * * 1\"): {ex.Message}", ex);
        }
    }

    /// <summary>
    /// The slot a tick at <paramref name="now"/> belongs to: the latest occurrence at or before now (plus the early
    /// tolerance). A late or retried tick therefore maps to the same slot until the next occurrence has passed.
    /// </summary>
    public static DateTimeOffset SlotFor(CronExpression schedule, DateTimeOffset now)
    {
        DateTimeOffset until = now + EarlyTolerance;
        DateTimeOffset? last = null;
        for (TimeSpan lookBack = TimeSpan.FromHours(1); lookBack <= TimeSpan.FromDays(800) && last is null; lookBack *= 8)
        {
            last = schedule.GetOccurrences(until - lookBack, until, TimeZoneInfo.Utc, fromInclusive: true, toInclusive: true)
                .Select(o => (DateTimeOffset?)o).LastOrDefault();
        }

        return last ?? throw new InvalidOperationException("The schedule has no occurrence in the last two years.");
    }
}
