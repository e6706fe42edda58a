namespace PodcastFactory.Local.Cli.Progress;

/// <summary>Progress off a terminal: one <see cref="ProgressText.Line"/> per change, so a log or a parser sees each stage once.</summary>
public sealed class StageLines(TextWriter output)
{
    string? _last;

    /// <summary>Writes the line for <paramref name="snapshot"/> when it differs from the last one written.</summary>
    public async Task ShowAsync(ProgressSnapshot snapshot)
    {
        string line = ProgressText.Line(snapshot);
        if (line != _last)
        {
            await output.WriteLineAsync(line);
            _last = line;
        }
    }
}
