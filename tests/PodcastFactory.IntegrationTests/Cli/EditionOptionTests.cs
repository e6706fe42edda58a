using System.CommandLine;
using PodcastFactory.Core.Models;
using PodcastFactory.Local.Cli;

namespace PodcastFactory.IntegrationTests.Cli;

/// <summary><c>--edition</c>: repeatable into the request's editions, and refused with exit 2 naming the option until editions are produced.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class EditionOptionTests
{
    static EpisodeRequest Build(params string[] args)
    {
        var options = new RequestOptions();
        var command = new Command("produce");
        options.AddTo(command);
        (EpisodeRequest request, IReadOnlyList<ValidationError> errors) = options.Build(command.Parse(["Durable workflows", .. args]));
        Assert.Empty(errors);
        return request;
    }

    [Fact]
    public void Build_RepeatedEdition_ReachesTheRequestInOrder_AndNoneLeavesItNull()
    {
        Assert.Equal(["es", "fr"], Build("--edition", "es", "--edition", "fr").Editions);
        Assert.Null(Build().Editions);
    }

    [Theory]
    [InlineData("es", "Editions are not produced yet")]
    [InlineData("en", "own language")]
    public async Task RunAsync_Edition_ExitsTwoNamingEdition(string edition, string says)
    {
        using var console = new ConsoleCapture();

        int exit = await PodcastCli.RunAsync(["produce", "Durable workflows", "--text", "Durable workflows replay.", "--priority", "social", "--edition", edition]);

        Assert.Equal(ExitCodes.InvalidInput, exit);
        Assert.Contains("  --edition", console.Error.ToString(), StringComparison.Ordinal);
        Assert.Contains(says, console.Error.ToString(), StringComparison.Ordinal);
    }
}
