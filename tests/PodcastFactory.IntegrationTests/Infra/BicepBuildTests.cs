namespace PodcastFactory.IntegrationTests.Infra;

/// <summary>Every Bicep file compiles with the pinned Bicep CLI, and the linter (infra/bicepconfig.json) is clean.</summary>
public sealed class BicepBuildTests
{
    public static TheoryData<string> BicepFiles() => new(RelativeBicepPaths());

    private static IEnumerable<string> RelativeBicepPaths() =>
        Directory.EnumerateFiles(BicepCli.InfraDirectory, "*.bicep", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(BicepCli.RepositoryRoot, f))
            .Order(StringComparer.Ordinal);

    [Theory]
    [MemberData(nameof(BicepFiles))]
    public void Build_BicepFile_CompilesWithoutDiagnostics(string relativePath)
    {
        var result = BicepCli.Build(Path.Combine(BicepCli.RepositoryRoot, relativePath));

        Assert.True(result.ExitCode == 0, $"bicep build {relativePath} exited {result.ExitCode}:\n{result.Diagnostics}");
        Assert.Empty(result.DiagnosticLines);
        Assert.StartsWith("{", result.Output.TrimStart(), StringComparison.Ordinal);
    }

    [Fact]
    public void InfraFolder_Always_HoldsMainAndModules()
    {
        var files = RelativeBicepPaths().ToList();

        Assert.Contains(Path.Combine("infra", "main.bicep"), files);
        Assert.Contains(files, f => f.StartsWith(Path.Combine("infra", "app") + Path.DirectorySeparatorChar, StringComparison.Ordinal));
    }

    [Fact]
    public void Build_LintWarningUnderRepositoryConfig_FailsAsError()
    {
        // A file with an unused parameter next to a copy of infra/bicepconfig.json: the config must turn the
        // linter's warning into an error, so a sloppy template cannot pass `bicep build`.
        var folder = Directory.CreateTempSubdirectory("bicep-lint-");
        try
        {
            File.Copy(Path.Combine(BicepCli.InfraDirectory, "bicepconfig.json"), Path.Combine(folder.FullName, "bicepconfig.json"));
            var file = Path.Combine(folder.FullName, "unused.bicep");
            File.WriteAllText(file, "param unused string\n");

            var result = BicepCli.Build(file);

            Assert.NotEqual(0, result.ExitCode);
            Assert.Contains(result.DiagnosticLines, l => l.Contains(" : Error no-unused-params", StringComparison.Ordinal));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
