using System.CommandLine;
using PodcastFactory.Core.Models;
using PodcastFactory.Local.Cli;

namespace PodcastFactory.IntegrationTests.Cli;

/// <summary><c>--host-style</c>, <c>--say</c> and <c>--lexicon</c>: parsed into the request, or refused with exit 2 naming the option.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class VoiceDirectionOptionsTests
{
    static (EpisodeRequest Request, IReadOnlyList<ValidationError> Errors) Build(params string[] args)
    {
        var options = new RequestOptions();
        var command = new Command("produce");
        options.AddTo(command);
        return options.Build(command.Parse(["Durable workflows", .. args]));
    }

    [Fact]
    public void Build_StylesSaysAndLexiconFile_ReachTheRequest()
    {
        string file = Path.Combine(Directory.CreateTempSubdirectory("pf-lexicon-").FullName, "lexicon.json");
        File.WriteAllText(file, """[{"text": "Saoirse", "ipa": "ˈsɪərʃə"}]""");

        (EpisodeRequest request, IReadOnlyList<ValidationError> errors) = Build(
            "--host", "Alex:flite:rms", "--host", "Sam:flite:slt", "--host-style", "sam=cheerful, a little faster", "--say", "SQL=sequel", "--lexicon", file);

        Assert.Empty(errors);
        Assert.Equal([null, "cheerful, a little faster"], request.Hosts.Select(h => h.Style));
        Assert.Equal([new LexiconEntry("Saoirse", null, "ˈsɪərʃə"), new LexiconEntry("SQL", "sequel")], request.Lexicon);
    }

    [Theory]
    [InlineData("--host-style", "Nobody=calm", "--host-style")]
    [InlineData("--host-style", "Sam", "--host-style")]
    [InlineData("--say", "SQL", "--say")]
    [InlineData("--lexicon", "/nonexistent/lexicon.json", "--lexicon")]
    public void Build_BadSyntax_IsAnErrorNamingTheOption(string option, string value, string field) =>
        Assert.Contains(Build(option, value).Errors, e => e.Field == field);

    [Fact]
    public async Task RunAsync_StyleOverItsBound_ExitsTwoNamingHostStyle()
    {
        using var console = new ConsoleCapture();

        int exit = await PodcastCli.RunAsync(["produce", "Durable workflows", "--text", "Durable workflows replay.", "--host-style", "Sam=" + new string('s', 201)]);

        Assert.Equal(ExitCodes.InvalidInput, exit);
        Assert.Contains("--host-style (hosts[1].style)", console.Error.ToString(), StringComparison.Ordinal);
    }
}
