using PodcastFactory.Bench;
using PodcastFactory.Bench.Latency;
using PodcastFactory.Bench.Reporting;
using PodcastFactory.Bench.Running;
using PodcastFactory.Bench.Scenarios;

// dotnet run -c Release --project bench/PodcastFactory.Bench -- --scenario all --backend all --scale 0.1 --reps 3
BenchOptions options = BenchOptions.Parse(args);
string root = BenchPaths.RepositoryRoot();
string profilePath = BenchPaths.Resolve(options.ProfilePath, root);
LatencyProfile profile = LatencyProfile.Load(profilePath).Scaled(options.Scale);
using var bench = new BenchContext(options, profile, Path.Combine(Path.GetTempPath(), $"pf-bench-{Environment.ProcessId}"));

var backends = new List<BenchBackend>();
AzuriteProcess? azurite = null;
if (options.Backends.Contains("memory"))
{
    backends.Add(BenchBackend.Memory);
}

if (options.Backends.Contains("azurite"))
{
    (azurite, string? reason) = await AzuriteProcess.TryStartAsync(root, bench.NewFolder("azurite"));
    if (azurite is null)
    {
        bench.Table.Add(new ResultRow("all", "azurite", "not measured", "pending", reason!));
    }
    else
    {
        backends.Add(new BenchBackend("azurite", azurite.ConnectionString));
    }
}

string header = Stats.I($"""
    Machine: {MachineInfo.Describe()}
    Date: {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC
    Profile: {profile.Name} ({Path.GetRelativePath(root, profilePath)}) x {options.Scale} (latencies scaled); {options.Repetitions} repetitions, medians; MaxParallelSegments {options.MaxParallelSegments}
    """);
Console.Error.WriteLine(header);
try
{
    foreach (string scenario in options.Scenarios)
    {
        Console.Error.WriteLine($"scenario {scenario}...");
        switch (scenario)
        {
            case "critical-path":
                await ForEachBackendAsync(scenario, b => CriticalPathScenario.RunAsync(bench, b));
                break;
            case "sequential":
                await GuardAsync(scenario, "memory", () => SequentialScenario.RunAsync(bench));
                break;
            case "overhead":
                await ForEachBackendAsync(scenario, b => OverheadScenario.RunAsync(bench, b));
                break;
            case "throughput":
                await ForEachBackendAsync(scenario, b => ThroughputScenario.RunAsync(bench, b));
                break;
            case "stitch":
                await GuardAsync(scenario, "-", () => StitchScenario.RunAsync(bench));
                break;
            case "web-research":
                await GuardAsync(scenario, "memory", () => WebResearchScenario.RunAsync(bench));
                break;
            case "master":
                await GuardAsync(scenario, "-", () => MasterScenario.RunAsync(bench));
                break;
            case "revoice":
                await ForEachBackendAsync(scenario, b => RevoiceScenario.RunAsync(bench, b));
                break;
            case "journal":
                await ForEachBackendAsync(scenario, b => JournalScenario.RunAsync(bench, b));
                break;
            case "estimates":
                await GuardAsync(scenario, "memory", () => EstimatesScenario.RunAsync(bench));
                break;
            case "publish":
                await ForEachBackendAsync(scenario, b => PublishScenario.RunAsync(bench, b));
                break;
            case "rate-limit":
                await GuardAsync(scenario, "-", () => RateLimitScenario.RunAsync(bench));
                break;
            case "workers":
                await ForEachBackendAsync(scenario, b => WorkersScenario.RunAsync(bench, b));
                break;
            case "speech-speedup":
                await ForEachBackendAsync(scenario, b => SpeechSpeedupScenario.RunAsync(bench, b));
                break;
            case "cpu":
                await ForEachBackendAsync(scenario, b => CpuScenario.RunAsync(bench, b));
                break;
            case "rerun":
                await GuardAsync(scenario, "memory", () => RerunScenario.RunAsync(bench, BenchBackend.Memory));
                break;
        }
    }
}
finally
{
    azurite?.Dispose();
}

string report = header + Environment.NewLine + Environment.NewLine + bench.Table.ToMarkdown();
Console.WriteLine(report);
if (options.OutPath is not null)
{
    await File.WriteAllTextAsync(BenchPaths.Resolve(options.OutPath, root, mustExist: false), report);
}

return bench.Table.Rows.Any(r => r.Figure == "error") ? 1 : 0;

async Task ForEachBackendAsync(string scenario, Func<BenchBackend, Task> run)
{
    foreach (BenchBackend backend in backends)
    {
        await GuardAsync(scenario, backend.Name, () => run(backend));
    }
}

// One scenario failing (or a backend missing from this build) is reported in the table; the others still run.
async Task GuardAsync(string scenario, string backend, Func<Task> run)
{
    try
    {
        await run();
    }
    catch (NotSupportedException ex)
    {
        bench.Table.Add(new ResultRow(scenario, backend, "not measured", "pending", ex.Message));
    }
    catch (Exception ex) when (ex is InvalidOperationException or IOException or TimeoutException or OperationCanceledException)
    {
        bench.Table.Add(new ResultRow(scenario, backend, "error", "n/a", ex.GetType().Name + ": " + ex.Message.ReplaceLineEndings(" ")));
    }
}
