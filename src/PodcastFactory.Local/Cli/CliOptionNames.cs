namespace PodcastFactory.Local.Cli;

/// <summary>
/// The command-line option behind a request field: validation errors come from the shared request validator (which
/// speaks the API's field names, e.g. <c>targetMinutes</c>), but a CLI user typed <c>--minutes</c>, so the CLI
/// names what they typed.
/// </summary>
public static class CliOptionNames
{
    static readonly (string Field, string Option)[] _options =
    [
        ("targetMinutes", "--minutes"), ("hosts", "--host"), ("sources", "--source"), ("research", "--research"),
        ("priority", "--priority"), ("depth", "--depth"), ("language", "--language"), ("editions", "--edition"), ("budgetUsd", "--budget"),
        ("maxRevisions", "--max-revisions"), ("id", "--id"), ("lexicon", "--say"), ("topic", "topic"), ("show", "--show"), ("format", "--format"), ("instructions", "--instructions"),
        ("defaultFormat", "--format"), ("defaultMinutes", "--minutes"), ("ownerEmail", "--owner-email"), ("artworkUrl", "--artwork-url"),
    ];

    /// <summary>The option of <paramref name="field"/> (<c>hosts[1].voice</c> is <c>--host</c>); the field itself when none matches.</summary>
    public static string For(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (field.StartsWith("hosts[", StringComparison.Ordinal) && field.EndsWith(".style", StringComparison.Ordinal))
        {
            return "--host-style";
        }

        foreach ((string name, string option) in _options)
        {
            if (field == name || field.StartsWith(name + "[", StringComparison.Ordinal) || field.StartsWith(name + ".", StringComparison.Ordinal))
            {
                return option;
            }
        }

        return field;
    }

    /// <summary>How an error line names <paramref name="field"/>: the option, with the field when it points inside it (<c>--host (hosts[1].voice)</c>).</summary>
    public static string Label(string field)
    {
        string option = For(field);
        return option == field || !field.Contains('[', StringComparison.Ordinal) ? option : $"{option} ({field})";
    }
}
