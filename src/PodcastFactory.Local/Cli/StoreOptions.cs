using System.CommandLine;
using System.Globalization;
using PodcastFactory.Local.Backends;

namespace PodcastFactory.Local.Cli;

/// <summary>
/// Where a local run keeps its state and artifacts: <c>--store memory|azurite|azure</c>, <c>--out</c>,
/// <c>--connection-string</c>, <c>--task-hub</c> and <c>--work-item-timeout</c>.
/// </summary>
public sealed class StoreOptions
{
    /// <summary>Environment variable that turns activity lock renewal off ("1"), for the test that proves what it prevents.</summary>
    public const string NoLockRenewalVariable = "PODCAST_NO_LOCK_RENEWAL";

    /// <summary>Environment variable with the Azurite connection string (set by scripts/test.sh).</summary>
    public const string AzuriteVariable = "AZURITE_CONNECTION_STRING";

    /// <summary>Environment variable with a real storage account's connection string.</summary>
    public const string AccountVariable = "PODCAST_STORAGE_CONNECTION_STRING";

    /// <summary>The Azurite default when nothing else is given.</summary>
    public const string DevelopmentStorage = "UseDevelopmentStorage=true";

    /// <summary>--store memory|azurite|azure.</summary>
    public Option<string> Store { get; } = new("--store")
    {
        Description = "memory (default): embedded, nothing survives the process, artifacts in --out. "
            + "azurite: durable state and blob artifacts on Azurite (--connection-string, else $AZURITE_CONNECTION_STRING, else UseDevelopmentStorage=true). "
            + "azure: the same on a real account (--connection-string or $PODCAST_STORAGE_CONNECTION_STRING).",
        DefaultValueFactory = _ => "memory",
    };

    /// <summary>--out DIR.</summary>
    public Option<string> Out { get; } = new("--out", "-o") { Description = "Folder for episode artifacts (memory store only).", DefaultValueFactory = _ => "episodes" };

    /// <summary>--connection-string.</summary>
    public Option<string?> ConnectionString { get; } = new("--connection-string") { Description = "Azure Storage connection string for --store azurite|azure." };

    /// <summary>--task-hub.</summary>
    public Option<string> TaskHub { get; } = new("--task-hub") { Description = "Task hub name (letters and digits) for --store azurite|azure.", DefaultValueFactory = _ => BackendSettings.DefaultTaskHub };

    /// <summary>--work-item-timeout.</summary>
    public Option<int> WorkItemTimeout { get; } = new("--work-item-timeout")
    {
        Description = "Seconds before an activity whose worker died is run again by another worker (a running activity keeps its lock renewed).",
        DefaultValueFactory = _ => (int)BackendSettings.InMemory.WorkItemVisibilityTimeout.TotalSeconds,
    };

    /// <summary>Adds the options.</summary>
    public void AddTo(Command command)
    {
        foreach (Option option in new Option[] { Store, Out, ConnectionString, TaskHub, WorkItemTimeout })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>How to repeat the store choice on a command line (never the connection string: it holds a key).</summary>
    public string Describe(ParseResult parse)
    {
        string store = StoreOf(parse);
        string hub = parse.GetValue(TaskHub) ?? BackendSettings.DefaultTaskHub;
        return store == "memory" ? store : $"{store} --task-hub {hub}";
    }

    /// <summary>Resolves the backend and settings, or a problem to report (including "no storage answered").</summary>
    public async Task<(BackendSettings Backend, Dictionary<string, string?> Settings, string? Problem)> ResolveAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        string store = StoreOf(parse);
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Artifacts:Provider"] = "FileSystem",
            ["Artifacts:RootPath"] = Path.GetFullPath(parse.GetValue(Out) ?? "episodes"),
        };
        if (store == "memory")
        {
            return (BackendSettings.InMemory, settings, null);
        }

        string? connection = parse.GetValue(ConnectionString);
        connection = store switch
        {
            "azurite" => connection ?? NonEmpty(Environment.GetEnvironmentVariable(AzuriteVariable)) ?? DevelopmentStorage,
            "azure" => connection ?? NonEmpty(Environment.GetEnvironmentVariable(AccountVariable)),
            _ => null,
        };
        if (store is not ("azurite" or "azure"))
        {
            return (BackendSettings.InMemory, settings, $"--store '{store}' is not supported; use memory, azurite or azure.");
        }

        if (connection is null)
        {
            return (BackendSettings.InMemory, settings, $"--store azure needs --connection-string or ${AccountVariable}.");
        }

        string hub = parse.GetValue(TaskHub) ?? BackendSettings.DefaultTaskHub;
        if (hub.Length is < 3 or > 45 || !hub.All(char.IsAsciiLetterOrDigit) || !char.IsAsciiLetter(hub[0]))
        {
            return (BackendSettings.InMemory, settings, $"--task-hub '{hub}' must be 3-45 letters and digits, starting with a letter.");
        }

        int timeout = parse.GetValue(WorkItemTimeout);
        if (timeout < 5)
        {
            return (BackendSettings.InMemory, settings, string.Create(CultureInfo.InvariantCulture, $"--work-item-timeout {timeout} is too short: at least 5 seconds."));
        }

        if (await StorageProbe.CheckAsync(connection, isAzurite: store == "azurite", cancellationToken) is { } problem)
        {
            return (BackendSettings.InMemory, settings, problem);
        }

        settings["Artifacts:Provider"] = "Blob";
        settings["Artifacts:ConnectionString"] = connection;
        var backend = new BackendSettings(BackendKind.AzureStorage, connection, hub)
        {
            WorkItemVisibilityTimeout = TimeSpan.FromSeconds(timeout),
            // Off only to show in a test what renewal prevents (a second run of an activity that is still running).
            RenewActivityLocks = Environment.GetEnvironmentVariable(NoLockRenewalVariable) != "1",
        };
        return (backend, settings, null);
    }

    string StoreOf(ParseResult parse) => (parse.GetValue(Store) ?? "memory").Trim().ToLowerInvariant();

    static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
