using System.Globalization;
using System.Text;
using Microsoft.DurableTask;

namespace PodcastFactory.Local.Hosting;

/// <summary>
/// Diagnostics for durability checks, off unless its environment variables are set. <c>PODCAST_ACTIVITY_JOURNAL</c>
/// (a file path): every activity execution in this process appends a line "pid, activity, instance" when it
/// finishes, so a test can count how often each activity really ran across crashes and workers.
/// <c>PODCAST_HOLD_ACTIVITY</c> ("Name=milliseconds"): that activity waits after doing its work and before
/// reporting its result, which gives a crash test a known point to kill the worker at.
/// </summary>
public sealed class ActivityJournal
{
    /// <summary>Environment variable naming the journal file.</summary>
    public const string JournalVariable = "PODCAST_ACTIVITY_JOURNAL";

    /// <summary>Environment variable naming an activity to hold and for how long ("Name=ms").</summary>
    public const string HoldVariable = "PODCAST_HOLD_ACTIVITY";

    static readonly Lock _writeLock = new();

    ActivityJournal(string? path, string? holdActivity, TimeSpan hold)
    {
        Path = path;
        HoldActivity = holdActivity;
        Hold = hold;
    }

    /// <summary>The journal file, or null when executions are not journaled.</summary>
    public string? Path { get; }

    /// <summary>The activity that is held before reporting, if any.</summary>
    public string? HoldActivity { get; }

    /// <summary>How long <see cref="HoldActivity"/> is held.</summary>
    public TimeSpan Hold { get; }

    /// <summary>True when either diagnostic is on.</summary>
    public bool IsEnabled => Path is not null || HoldActivity is not null;

    /// <summary>Reads the settings from the environment.</summary>
    public static ActivityJournal FromEnvironment()
    {
        string? path = Environment.GetEnvironmentVariable(JournalVariable);
        string? hold = Environment.GetEnvironmentVariable(HoldVariable);
        string? holdName = null;
        TimeSpan holdFor = TimeSpan.Zero;
        if (hold?.Split('=', 2) is [{ Length: > 0 } name, var ms] && int.TryParse(ms, NumberStyles.None, CultureInfo.InvariantCulture, out int millis))
        {
            holdName = name;
            holdFor = TimeSpan.FromMilliseconds(millis);
        }

        return new ActivityJournal(string.IsNullOrWhiteSpace(path) ? null : path, holdName, holdFor);
    }

    /// <summary>Wraps <paramref name="inner"/> so its executions are journaled (and held when configured).</summary>
    public ITaskActivity Wrap(string name, ITaskActivity inner) => new JournaledActivity(this, name, inner);

    /// <summary>Parses a journal file into (pid, activity, instance) records.</summary>
    public static IReadOnlyList<(int Pid, string Activity, string InstanceId)> Read(string path) =>
        !File.Exists(path)
            ? []
            : File.ReadAllLines(path)
                .Select(l => l.Split('\t'))
                .Where(p => p.Length == 3)
                .Select(p => (int.Parse(p[0], CultureInfo.InvariantCulture), p[1], p[2]))
                .ToList();

    void Append(string name, string instanceId)
    {
        if (Path is null)
        {
            return;
        }

        byte[] line = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessId}\t{name}\t{instanceId}\n"));
        lock (_writeLock)
        {
            // Append mode and one write per line: lines from several worker processes never interleave.
            using var stream = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
            stream.Write(line);
        }
    }

    sealed class JournaledActivity(ActivityJournal journal, string name, ITaskActivity inner) : ITaskActivity
    {
        public Type InputType => inner.InputType;

        public Type OutputType => inner.OutputType;

        public async Task<object?> RunAsync(TaskActivityContext context, object? input)
        {
            object? result = await inner.RunAsync(context, input);
            journal.Append(name, context.InstanceId);
            if (string.Equals(journal.HoldActivity, name, StringComparison.Ordinal))
            {
                await Task.Delay(journal.Hold);
            }

            return result;
        }
    }
}
