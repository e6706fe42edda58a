using System.Text.Json;
using PodcastFactory.IntegrationTests.Workflow;
using PodcastFactory.Local.Cli;

namespace PodcastFactory.IntegrationTests.Cli;

[Collection(ConsoleCollection.Name)]
public sealed class ProduceCommandTests
{
    [Fact]
    public async Task Produce_TargetMinutesOutOfRange_ExitsTwoNamingTheOption()
    {
        using var console = new ConsoleCapture();

        int exit = await PodcastCli.Create().Parse(["produce", "Durable workflows", "--minutes", "90", "--out", Path.GetTempPath()]).InvokeAsync();

        Assert.Equal(ExitCodes.InvalidInput, exit);
        Assert.Contains("--minutes:", console.Error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("targetMinutes", console.Error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("61")]
    public async Task Produce_MinutesOutOfRangeWithJson_PrintsOptionField(string minutes)
    {
        using var console = new ConsoleCapture();

        int exit = await PodcastCli.Create().Parse(["produce", "Durable workflows", "--text", "Checkpoints make workflows durable.", "--minutes", minutes, "--json", "--out", Path.GetTempPath()]).InvokeAsync();

        Assert.Equal(ExitCodes.InvalidInput, exit);
        using JsonDocument error = JsonDocument.Parse(console.Out.ToString());
        Assert.Equal("--minutes", error.RootElement.GetProperty("option").GetString());
        Assert.All(error.RootElement.GetProperty("details").EnumerateArray(), d => Assert.DoesNotContain("targetMinutes", d.GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Produce_MissingSourceFile_ExitsTwoNamingTheSource()
    {
        using var console = new ConsoleCapture();
        string missing = Path.Combine(Path.GetTempPath(), "does-not-exist.md");

        int exit = await PodcastCli.Create().Parse(["produce", "Durable workflows", "--source", missing, "--out", Path.GetTempPath()]).InvokeAsync();

        Assert.Equal(ExitCodes.InvalidInput, exit);
        Assert.Contains("--source (sources[0].value)", console.Error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Produce_ResearchWebWithoutSearchProvider_ExitsTwoSayingHowToConfigureSearch()
    {
        using var console = new ConsoleCapture();

        int exit = await PodcastCli.Create().Parse(["produce", "Durable workflows", "--research", "web", "--out", Path.GetTempPath()]).InvokeAsync();

        Assert.Equal(ExitCodes.InvalidInput, exit);
        Assert.Contains("Search__Provider", console.Error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Produce_TopicOnlyWithoutSearchProvider_ExitsTwoNamingSearchProviderAndSource()
    {
        using var console = new ConsoleCapture();
        string root = Path.Combine(Path.GetTempPath(), "pf-cli-" + Guid.NewGuid().ToString("N")[..8]);

        int exit = await PodcastCli.Create().Parse(["produce", "Durable workflows", "--id", "topic-only", "--out", root]).InvokeAsync();

        Assert.Equal(ExitCodes.InvalidInput, exit);
        Assert.Contains("Search__Provider", console.Error.ToString(), StringComparison.Ordinal);
        Assert.Contains("--source", console.Error.ToString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(root, "topic-only")));
    }

    [Theory]
    [InlineData("Alex:flite:nobody", "flite:rms")]
    [InlineData("Alex:en-us+zz9", "m3")]
    [InlineData("Alex:nosuchvoice", "en-us+m3")]
    public async Task Produce_UnknownVoice_ExitsTwoNamingHostAndListingValidVoices(string host, string listed)
    {
        using var console = new ConsoleCapture();
        string root = Path.Combine(Path.GetTempPath(), "pf-cli-" + Guid.NewGuid().ToString("N")[..8]);

        int exit = await PodcastCli.Create().Parse(["produce", "Durable workflows", "--text", "Checkpoints make workflows durable.", "--host", host, "--host", "Sam:flite:slt",
            "--id", "bad-voice", "--json", "--out", root]).InvokeAsync();

        Assert.Equal(ExitCodes.InvalidInput, exit);
        using JsonDocument error = JsonDocument.Parse(console.Out.ToString());
        Assert.Equal("--host", error.RootElement.GetProperty("option").GetString());
        string detail = error.RootElement.GetProperty("details")[0].GetString()!;
        Assert.StartsWith("--host (hosts[0].voice): Unknown voice", detail, StringComparison.Ordinal);
        Assert.Contains(listed, detail, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(root, "bad-voice")));
    }

    [Fact]
    public async Task Produce_MalformedHost_ExitsTwoWithTheExpectedSyntax()
    {
        using var console = new ConsoleCapture();

        int exit = await PodcastCli.Create().Parse(["produce", "Durable workflows", "--host", "Alex", "--host", "Sam:en-us+f3"]).InvokeAsync();

        Assert.Equal(ExitCodes.InvalidInput, exit);
        Assert.Contains("Name:voice", console.Error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Produce_Json_PrintsResultWithArtifactPathsAndExitsZero()
    {
        string root = Path.Combine(Path.GetTempPath(), "pf-cli-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            using var console = new ConsoleCapture();

            int exit = await PodcastCli.Create().Parse([
                "produce", "How durable workflows recover from crashes", "--source", LocalEpisodeRunner.Fixture("durable-workflows.md"),
                "--minutes", "1", "--depth", "quick", "--priority", "social", "--id", "cli-json", "--out", root, "--json"]).InvokeAsync();

            Assert.Equal(ExitCodes.Success, exit);
            using JsonDocument result = JsonDocument.Parse(console.Out.ToString());
            Assert.Equal("cli-json", result.RootElement.GetProperty("episodeId").GetString());
            Assert.Equal("completed", result.RootElement.GetProperty("status").GetString());
            string[] artifacts = result.RootElement.GetProperty("artifacts").EnumerateArray().Select(a => a.GetString()!).ToArray();
            Assert.Contains(Path.Combine(root, "cli-json", "social.md"), artifacts);
            Assert.All(artifacts, a => Assert.True(File.Exists(a), a));
            Assert.Contains("[100%] done", console.Error.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }
}
