using Spectre.Console;

namespace PodcastFactory.Local.Cli.Progress;

/// <summary>
/// Progress on a terminal: one line redrawn in place (Spectre.Console's live display) with the bar, elapsed time, the
/// estimate and the cost so far. It is redrawn on every poll, so the elapsed time moves even while a stage runs long.
/// </summary>
public static class LiveBar
{
    /// <summary>True when stdout is a terminal that can redraw a line; never with <c>--json</c> (stdout is the result then).</summary>
    public static bool Fits(bool json) => !json && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;

    /// <summary>Runs <paramref name="follow"/> with a reporter that redraws the bar; the last bar stays on screen.</summary>
    public static async Task<T> RunAsync<T>(IAnsiConsole console, Func<Func<ProgressSnapshot, Task>, Task<T>> follow)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(follow);
        T result = default!;
        await console.Live(new Text("")).AutoClear(false).Overflow(VerticalOverflow.Ellipsis).StartAsync(async context =>
        {
            result = await follow(snapshot =>
            {
                context.UpdateTarget(new Text(ProgressText.Bar(snapshot)));
                return Task.CompletedTask;
            });
        });
        return result;
    }
}
