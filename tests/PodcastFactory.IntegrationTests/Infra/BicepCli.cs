using System.Diagnostics;
using System.Reflection;

namespace PodcastFactory.IntegrationTests.Infra;

/// <summary>
/// Runs the Bicep CLI restored from NuGet (Azure.Bicep.CommandLine.linux-x64, a PackageDownload in the test
/// project). The csproj bakes the binary's path and the repository root into AssemblyMetadata attributes.
/// </summary>
internal static class BicepCli
{
    private const string PackageId = "azure.bicep.commandline.linux-x64";

    private static readonly Lazy<string> _path = new(Locate);

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string InfraDirectory => Path.Combine(RepositoryRoot, "infra");

    /// <summary>Compiles one .bicep file to ARM JSON on stdout; lint diagnostics arrive on stderr.</summary>
    public static BicepResult Build(string bicepFile) => Run("build", bicepFile, "--stdout");

    private static BicepResult Run(params string[] arguments)
    {
        var start = new ProcessStartInfo(_path.Value)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // No telemetry, no update checks: the tests run offline.
        start.Environment["BICEP_TELEMETRY_ENABLED"] = "false";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {_path.Value}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', arguments)} did not finish in 2 minutes.");
        }

        return new BicepResult(process.ExitCode, stdout.Result, stderr.Result);
    }

    private static string Locate()
    {
        var version = Metadata("BicepCliVersion");
        string[] candidates =
        [
            Metadata("BicepCliPath"),
            Path.Combine(Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? "", PackageId, version, "tools", "bicep"),
            Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages", PackageId, version, "tools", "bicep"),
        ];
        var path = candidates.FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException(
                $"Bicep CLI {version} not found (run dotnet restore on the test project). Looked in: {string.Join(", ", candidates)}");

        // NuGet extraction does not always keep the executable bit.
        if (!OperatingSystem.IsWindows() && !File.GetUnixFileMode(path).HasFlag(UnixFileMode.UserExecute))
        {
            File.SetUnixFileMode(path, File.GetUnixFileMode(path) | UnixFileMode.UserExecute);
        }

        return path;
    }

    private static string FindRepositoryRoot()
    {
        var root = Metadata("RepositoryRoot");
        if (File.Exists(Path.Combine(root, "Functions.sln")))
        {
            return root;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Functions.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Repository root (the folder holding Functions.sln) not found.");
    }

    private static string Metadata(string key) =>
        typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().SingleOrDefault(a => a.Key == key)?.Value ?? "";
}

internal sealed record BicepResult(int ExitCode, string Output, string Diagnostics)
{
    /// <summary>Diagnostic lines ("file(line,col) : Warning|Error rule: message"); empty on a clean build.</summary>
    public IReadOnlyList<string> DiagnosticLines { get; } =
        Diagnostics.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
