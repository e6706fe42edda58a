using System.CommandLine;
using PodcastFactory.Local.Backends;

namespace PodcastFactory.Local.Cli;

/// <summary>Where a local run keeps its state and artifacts: <c>--store</c> and <c>--out</c>.</summary>
public sealed class StoreOptions
{
    /// <summary>--store memory|azurite.</summary>
    public Option<string> Store { get; } = new("--store") { Description = "memory (default): embedded, nothing survives the process; artifacts in --out.", DefaultValueFactory = _ => "memory" };

    /// <summary>--out DIR.</summary>
    public Option<string> Out { get; } = new("--out", "-o") { Description = "Folder for episode artifacts (file-system store).", DefaultValueFactory = _ => "episodes" };

    /// <summary>Adds the options.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(Store);
        command.Options.Add(Out);
    }

    /// <summary>How to repeat the store choice on a command line.</summary>
    public string Describe(ParseResult parse) => parse.GetValue(Store) ?? "memory";

    /// <summary>Resolves the backend and settings, or a problem to report.</summary>
    public Task<(BackendSettings Backend, Dictionary<string, string?> Settings, string? Problem)> ResolveAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        string store = (parse.GetValue(Store) ?? "memory").ToLowerInvariant();
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Artifacts:Provider"] = "FileSystem",
            ["Artifacts:RootPath"] = Path.GetFullPath(parse.GetValue(Out) ?? "episodes"),
        };
        return Task.FromResult<(BackendSettings, Dictionary<string, string?>, string?)>(store switch
        {
            "memory" => (BackendSettings.InMemory, settings, null),
            _ => (BackendSettings.InMemory, settings, $"--store '{store}' is not supported; use memory."),
        });
    }
}
