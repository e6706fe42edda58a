using System.Text.Json;
using PodcastFactory.Local.Backends;

namespace PodcastFactory.FunctionsHost;

/// <summary>What the host runs and how: the app's build output, its settings, and the durable backend.</summary>
public sealed class FunctionsHostOptions
{
    /// <summary>The Functions app's build output (holds the dll, functions.metadata, host.json, worker.config.json).</summary>
    public string AppDirectory { get; init; } = ReleaseAppDirectory();

    /// <summary>App settings, as in the <c>Values</c> of local.settings.json; passed to the worker as environment variables.</summary>
    public IDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Where orchestration state lives (in memory, or Azure Storage on Azurite).</summary>
    public BackendSettings Backend { get; init; } = BackendSettings.InMemory;

    /// <summary>Receives the host's and the worker's log lines (stdout, stderr, RpcLog); null drops them.</summary>
    public Action<string>? Log { get; init; }

    /// <summary>Records activity executions across host instances (a restart test shares one).</summary>
    public ActivityLedger Ledger { get; init; } = new();

    /// <summary>How long the worker may take to connect, initialize and load its functions.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>Whether timers fire on their schedule; tests that fire them by hand turn this off.</summary>
    public bool RunTimersOnSchedule { get; init; } = true;

    /// <summary>The Release build of src/PodcastFactory.Functions in this repository.</summary>
    public static string ReleaseAppDirectory() =>
        Path.Combine(RepositoryRoot(), "src", "PodcastFactory.Functions", "bin", "Release", "net10.0");

    /// <summary>The <c>Values</c> of a local.settings.json-style file (the repository's sample by default).</summary>
    public static Dictionary<string, string?> ReadLocalSettings(string? path = null)
    {
        path ??= Path.Combine(RepositoryRoot(), "local.settings.sample.json");
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(path));
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (JsonProperty property in document.RootElement.GetProperty("Values").EnumerateObject())
        {
            values[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : property.Value.GetRawText();
        }

        return values;
    }

    /// <summary>The folder that holds Functions.sln, found upwards from this assembly.</summary>
    public static string RepositoryRoot()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Functions.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No Functions.sln above {AppContext.BaseDirectory}.");
    }
}
