using System.Text.Json;
using PodcastFactory.Core.Models;
using PodcastFactory.IntegrationTests.Workflow;
using PodcastFactory.Local.Cli;

namespace PodcastFactory.IntegrationTests.Cli;

/// <summary>Issue 24 items 2 and 3 on the command line: <c>--host</c> up to four times, <c>--format</c>, <c>--instructions</c>.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class CastAndFormatCliTests
{
    [Theory]
    [InlineData("Alex:flite:rms", "Alex", "flite:rms", null)]
    [InlineData("Sam:en-us+f3:a sceptical engineer: asks why", "Sam", "en-us+f3", "a sceptical engineer: asks why")]
    [InlineData("Jo:flite:awb:the practitioner", "Jo", "flite:awb", "the practitioner")]
    [InlineData(" Kim : nova ", "Kim", "nova", null)]
    public void Parse_HostArgument_SplitsNameVoiceAndPersona(string argument, string name, string voice, string? persona) =>
        Assert.Equal(new HostVoice(name, voice, persona), HostArgument.Parse(argument).Host);

    [Theory]
    [InlineData("Alex")]
    [InlineData(":flite:rms")]
    [InlineData("Alex:")]
    [InlineData("Alex:flite:")]
    public void Parse_MalformedHost_NamesHostsWithTheSyntax(string argument)
    {
        (HostVoice? host, ValidationError? error) = HostArgument.Parse(argument);

        Assert.Null(host);
        Assert.Equal("hosts", error!.Field);
        Assert.Contains("Name:voice[:persona]", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "--host", "A:flite:rms", "--host", "B:flite:slt", "--host", "C:flite:awb", "--host", "D:flite:kal16", "--host", "E:flite:rms" }, "--host")]
    [InlineData(new[] { "--format", "roulette" }, "--format")]
    [InlineData(new[] { "--format", "panel", "--host", "A:flite:rms", "--host", "B:flite:slt" }, "--host")]
    [InlineData(new[] { "--format", "brief", "--minutes", "5" }, "--minutes")]
    public async Task Produce_CastOrFormatRefused_ExitsTwoNamingTheOption(string[] options, string option)
    {
        using var console = new ConsoleCapture();

        int exit = await PodcastCli.Create().Parse(["produce", "Durable workflows", "--text", "Checkpoints make workflows durable.", .. options, "--json", "--out", Path.GetTempPath()]).InvokeAsync();

        Assert.Equal(ExitCodes.InvalidInput, exit);
        using JsonDocument error = JsonDocument.Parse(console.Out.ToString());
        Assert.Equal(option, error.RootElement.GetProperty("option").GetString());
    }

    [Fact]
    public async Task Produce_ThreeHostPanel_SegmentsSpeakInThreeVoices()
    {
        string root = Path.Combine(Path.GetTempPath(), "pf-cli-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            using var console = new ConsoleCapture();

            int exit = await PodcastCli.Create().Parse([
                "produce", "How durable workflows recover from crashes", "--source", LocalEpisodeRunner.Fixture("durable-workflows.md"),
                "--format", "panel", "--host", "Alex:flite:rms", "--host", "Sam:flite:slt", "--host", "Jordan:flite:awb",
                "--instructions", "Keep it friendly.", "--minutes", "1", "--depth", "quick", "--priority", "audio", "--id", "cli-panel", "--out", root, "--json"]).InvokeAsync();

            Assert.True(exit is ExitCodes.Success or ExitCodes.Partial, console.Error.ToString());
            using JsonDocument segments = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "cli-panel", "audio", "segments.json")));
            var voices = segments.RootElement.GetProperty("segments").EnumerateArray()
                .Select(s => (s.GetProperty("speaker").GetString(), s.GetProperty("voice").GetString())).Distinct().Order().ToList();
            Assert.Equal([("Alex", "flite:rms"), ("Jordan", "flite:awb"), ("Sam", "flite:slt")], voices);
            using JsonDocument manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "cli-panel", "manifest.json")));
            JsonElement request = manifest.RootElement.GetProperty("request");
            Assert.Equal("panel", request.GetProperty("format").GetString());
            Assert.Equal("Keep it friendly.", request.GetProperty("instructions").GetString());
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
