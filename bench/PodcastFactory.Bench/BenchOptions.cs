using System.Globalization;

namespace PodcastFactory.Bench;

/// <summary>Command-line options.</summary>
/// <param name="Scenarios">Scenarios to run, in table order.</param>
/// <param name="Backends">memory and/or azurite.</param>
/// <param name="ProfilePath">Latency profile file.</param>
/// <param name="Scale">Multiplier on every latency of the profile (0.1 = a tenth, for quick runs).</param>
/// <param name="Repetitions">Runs per measurement; medians are reported.</param>
/// <param name="MaxParallelSegments">Workflow:MaxParallelSegments for the speech fan-out.</param>
/// <param name="OutPath">Optional Markdown file for the results.</param>
/// <param name="Levels">Throughput levels (episodes started at once).</param>
public sealed record BenchOptions(
    IReadOnlyList<string> Scenarios,
    IReadOnlyList<string> Backends,
    string ProfilePath,
    double Scale,
    int Repetitions,
    int MaxParallelSegments,
    string? OutPath,
    IReadOnlyList<int> Levels)
{
    /// <summary>Every scenario, in the order they run.</summary>
    public static readonly IReadOnlyList<string> AllScenarios = ["critical-path", "sequential", "overhead", "throughput", "stitch", "master", "rerun", "web-research", "revoice", "journal", "estimates", "publish", "rate-limit", "cpu", "speech-speedup", "workers"];

    /// <summary>Parses <c>--scenario --backend --profile --scale --reps --max-parallel --out --levels</c>.</summary>
    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < args.Count; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
            {
                throw new ArgumentException($"Expected --name value pairs, got '{args[i]}'. Options: --scenario all|{string.Join('|', AllScenarios)} --backend memory|azurite|all --profile FILE --scale 0.1 --reps 3 --max-parallel 4 --out FILE --levels 1,4,16,64");
            }

            values[args[i][2..]] = args[++i];
        }

        string scenario = values.GetValueOrDefault("scenario", "all");
        string backend = values.GetValueOrDefault("backend", "all");
        IReadOnlyList<string> scenarios = scenario == "all" ? AllScenarios : scenario.Split(',');
        foreach (string s in scenarios.Where(s => !AllScenarios.Contains(s)))
        {
            throw new ArgumentException($"Unknown scenario '{s}'.");
        }

        IReadOnlyList<string> backends = backend switch
        {
            "all" => ["memory", "azurite"],
            "memory" or "azurite" => [backend],
            _ => throw new ArgumentException($"Unknown backend '{backend}': memory, azurite or all."),
        };
        return new BenchOptions(
            scenarios,
            backends,
            values.GetValueOrDefault("profile", Path.Combine("bench", "profiles", "azure-openai.json")),
            double.Parse(values.GetValueOrDefault("scale", "0.1"), CultureInfo.InvariantCulture),
            int.Parse(values.GetValueOrDefault("reps", "3"), CultureInfo.InvariantCulture),
            int.Parse(values.GetValueOrDefault("max-parallel", "4"), CultureInfo.InvariantCulture),
            values.GetValueOrDefault("out"),
            [.. values.GetValueOrDefault("levels", "1,4,16,64").Split(',').Select(l => int.Parse(l, CultureInfo.InvariantCulture))]);
    }
}
