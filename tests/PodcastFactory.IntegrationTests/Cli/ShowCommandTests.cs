using System.Text.Json;
using PodcastFactory.Local.Cli;

namespace PodcastFactory.IntegrationTests.Cli;

/// <summary><c>podcast show create|list|get</c> in process on a folder store: options and files, clear errors and exit codes.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class ShowCommandTests : IDisposable
{
    readonly string _root = Directory.CreateTempSubdirectory("pf-show-cli-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Create_FromFileWithAnOptionOverride_ThenListAndGetShowIt()
    {
        string file = Path.Combine(_root, "show.json");
        await File.WriteAllTextAsync(file, """{"id":"file-show","title":"From a file","hosts":[{"name":"Kim","voice":"flite:slt","persona":"The skeptic."}],"defaultMinutes":3}""");
        using (var console = new ConsoleCapture())
        {
            Assert.Equal(ExitCodes.Success, await PodcastCli.RunAsync(["show", "create", "--file", file, "--category", "Science", "--out", _root]));
            Assert.Contains("Created show file-show", console.Out.ToString(), StringComparison.Ordinal);
        }

        using (var console = new ConsoleCapture())
        {
            Assert.Equal(ExitCodes.Success, await PodcastCli.RunAsync(["show", "list", "--out", _root]));
            Assert.Contains("file-show", console.Out.ToString(), StringComparison.Ordinal);
        }

        using (var console = new ConsoleCapture())
        {
            Assert.Equal(ExitCodes.Success, await PodcastCli.RunAsync(["show", "get", "file-show", "--json", "--out", _root]));
            using JsonDocument show = JsonDocument.Parse(console.Out.ToString());
            Assert.Equal("Science", show.RootElement.GetProperty("category").GetString());
            Assert.Equal("The skeptic.", show.RootElement.GetProperty("hosts")[0].GetProperty("persona").GetString());
            Assert.Equal(3, show.RootElement.GetProperty("defaultMinutes").GetInt32());
        }
    }

    [Theory]
    [InlineData("--host", "Kim-no-voice", "--host")]
    [InlineData("--format", "rant", "--format")]
    [InlineData("--minutes", "0", "--minutes")]
    [InlineData("--id", "Bad Id", "--id")]
    public async Task Create_BadOption_ExitsTwoNamingIt(string option, string value, string named)
    {
        using var console = new ConsoleCapture();

        int exit = await PodcastCli.RunAsync(["show", "create", "--id", "cli-show", "--title", "T", option, value, "--out", _root, "--json"]);

        Assert.Equal(ExitCodes.InvalidInput, exit);
        using JsonDocument error = JsonDocument.Parse(console.Out.ToString());
        Assert.Equal(named, error.RootElement.GetProperty("option").GetString());
    }

    [Fact]
    public async Task Create_SameIdTwiceOrUnknownFileField_ExitsTwoAndKeepsTheFirst()
    {
        string file = Path.Combine(_root, "bad.json");
        await File.WriteAllTextAsync(file, """{"id":"cli-show","title":"T","owner":"me"}""");
        using var console = new ConsoleCapture();

        Assert.Equal(ExitCodes.Success, await PodcastCli.RunAsync(["show", "create", "--id", "cli-show", "--title", "First", "--out", _root]));
        Assert.Equal(ExitCodes.InvalidInput, await PodcastCli.RunAsync(["show", "create", "--id", "cli-show", "--title", "Second", "--out", _root]));
        Assert.Equal(ExitCodes.InvalidInput, await PodcastCli.RunAsync(["show", "create", "--file", file, "--out", _root]));
        Assert.Equal(ExitCodes.InvalidInput, await PodcastCli.RunAsync(["show", "get", "no-such-show", "--out", _root]));

        string errors = console.Error.ToString();
        Assert.Contains("exists already", errors, StringComparison.Ordinal);
        Assert.Contains("owner", errors, StringComparison.Ordinal);
        Assert.Contains("There is no show 'no-such-show'", errors, StringComparison.Ordinal);
        Assert.Contains("First", await File.ReadAllTextAsync(Path.Combine(_root, "_shows", "cli-show", "show.json")), StringComparison.Ordinal);
    }
}
