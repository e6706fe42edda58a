using System.Text.Json;
using PodcastFactory.Core.Workflow.Shows;
using PodcastFactory.Local.Cli;

namespace PodcastFactory.IntegrationTests.Cli;

/// <summary><c>podcast produce --show</c>: an unknown show is refused naming the option; only options typed count as overrides of the show.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class ProduceShowOptionTests
{
    [Fact]
    public async Task Produce_UnknownShow_ExitsTwoNamingTheShowOption()
    {
        string root = Directory.CreateTempSubdirectory("pf-show-cli-").FullName;
        try
        {
            using var console = new ConsoleCapture();

            int exit = await PodcastCli.RunAsync(["produce", "Durable workflows", "--show", "no-such-show", "--out", root, "--json"]);

            Assert.Equal(ExitCodes.InvalidInput, exit);
            using JsonDocument error = JsonDocument.Parse(console.Out.ToString());
            Assert.Equal("--show", error.RootElement.GetProperty("option").GetString());
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Theory]
    [InlineData(new[] { "topic" }, RequestOverrides.None)]
    [InlineData(new[] { "topic", "--minutes", "5" }, RequestOverrides.TargetMinutes)]
    [InlineData(new[] { "topic", "--language", "en", "--host", "A:flite:rms", "--host", "B:flite:slt" },
        RequestOverrides.Language | RequestOverrides.Hosts)]
    public void Overrides_TypedOptionsOnly_EvenWhenTheyEqualTheDefaults(string[] args, RequestOverrides expected)
    {
        var options = new RequestOptions();
        var command = new System.CommandLine.Command("produce");
        options.AddTo(command);

        Assert.Equal(expected, options.Overrides(command.Parse(args)));
    }
}
