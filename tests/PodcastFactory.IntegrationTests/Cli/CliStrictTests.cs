using System.Text.Json;
using PodcastFactory.IntegrationTests.Workflow;
using PodcastFactory.Local.Cli;

namespace PodcastFactory.IntegrationTests.Cli;

/// <summary>Requirement 7: one-line parse errors with exit 2, a JSON error object for every failure under --json, non-text sources refused, sources in the manifest.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class CliStrictTests
{
    [Theory]
    [InlineData("--priority", "loud", "one of audio, social, both")]
    [InlineData("--minutes", "five", "a whole number")]
    [InlineData("--budget", "lots", "a number")]
    public async Task RunAsync_BadOptionValue_ExitsTwoWithOneLineNamingTheOption(string option, string value, string hint)
    {
        using var console = new ConsoleCapture();

        int exit = await PodcastCli.RunAsync(["produce", "Durable workflows", option, value]);

        Assert.Equal(ExitCodes.InvalidInput, exit);
        string error = console.Error.ToString().TrimEnd();
        Assert.DoesNotContain('\n', error);
        Assert.StartsWith($"error: {option}: '{value}' is not valid; expected {hint}", error, StringComparison.Ordinal);
        Assert.Contains("podcast produce --help", error, StringComparison.Ordinal);
        Assert.DoesNotContain("PodcastFactory.", error, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", error, StringComparison.Ordinal);
        Assert.Empty(console.Out.ToString());
    }

    [Fact]
    public async Task RunAsync_UnknownOption_ExitsTwoNamingIt()
    {
        using var console = new ConsoleCapture();

        int exit = await PodcastCli.RunAsync(["produce", "Durable workflows", "--colour", "red"]);

        Assert.Equal(ExitCodes.InvalidInput, exit);
        Assert.Contains("unknown option '--colour'", console.Error.ToString(), StringComparison.Ordinal);
        Assert.Single(console.Error.ToString().TrimEnd().Split('\n'));
    }

    [Fact]
    public async Task RunAsync_ParseErrorWithJson_PrintsTheErrorObjectOnStdout()
    {
        using var console = new ConsoleCapture();

        int exit = await PodcastCli.RunAsync(["produce", "Durable workflows", "--minutes", "x", "--json"]);

        Assert.Equal(ExitCodes.InvalidInput, exit);
        using JsonDocument error = JsonDocument.Parse(console.Out.ToString());
        Assert.Equal(2, error.RootElement.GetProperty("exitCode").GetInt32());
        Assert.Equal("--minutes", error.RootElement.GetProperty("option").GetString());
        Assert.Contains("whole number", error.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_NulFileSourceWithJson_IsRefusedWithTheErrorObject()
    {
        string root = Directory.CreateTempSubdirectory("pf-cli-").FullName;
        try
        {
            string zeros = Path.Combine(root, "zeros.md");
            await File.WriteAllBytesAsync(zeros, new byte[1024]);
            using var console = new ConsoleCapture();

            int exit = await PodcastCli.RunAsync(["produce", "Durable workflows", "--source", zeros, "--out", root, "--json"]);

            Assert.Equal(ExitCodes.InvalidInput, exit);
            using JsonDocument error = JsonDocument.Parse(console.Out.ToString());
            Assert.Equal(2, error.RootElement.GetProperty("exitCode").GetInt32());
            string detail = Assert.Single(error.RootElement.GetProperty("details").EnumerateArray()).GetString()!;
            Assert.Contains("sources[0].value", detail, StringComparison.Ordinal);
            Assert.Contains("not text", detail, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task RunAsync_FileAndTextSources_ManifestRecordsKindNameBytesAndHash()
    {
        string root = Directory.CreateTempSubdirectory("pf-cli-").FullName;
        try
        {
            using var console = new ConsoleCapture();

            int exit = await PodcastCli.RunAsync([
                "produce", "How durable workflows recover from crashes", "--source", LocalEpisodeRunner.Fixture("durable-workflows.md"),
                "--text", "Checkpoints make workflows durable.", "--minutes", "1", "--depth", "quick", "--priority", "social", "--id", "cli-sources", "--out", root, "--json"]);

            Assert.Equal(ExitCodes.Success, exit);
            using JsonDocument manifest = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(root, "cli-sources", "manifest.json")));
            JsonElement[] requested = manifest.RootElement.GetProperty("request").GetProperty("sources").EnumerateArray().ToArray();
            Assert.Equal(["file", "text"], requested.Select(s => s.GetProperty("kind").GetString()));
            Assert.Equal("durable-workflows.md", requested[0].GetProperty("name").GetString());
            JsonElement[] sources = manifest.RootElement.GetProperty("sources").EnumerateArray().ToArray();
            Assert.Equal(2, sources.Length);
            Assert.Equal("Checkpoints make workflows durable.".Length, sources[1].GetProperty("bytes").GetInt64());
            Assert.Equal(64, sources[1].GetProperty("sha256").GetString()!.Length);
            Assert.DoesNotContain("Checkpoints make workflows durable.", manifest.RootElement.GetRawText(), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
