using System.Globalization;
using System.Text.RegularExpressions;
using PodcastFactory.IntegrationTests.Durability;
using PodcastFactory.IntegrationTests.Workflow;
using PodcastFactory.Local.Cli;

namespace PodcastFactory.IntegrationTests.Cli;

/// <summary>
/// <c>podcast quote</c> as a user runs it: the built tool in a child process, a priced text model configured through the
/// environment (a quote calls no model, so its endpoint is never reached), the sample source, the store in a temp folder.
/// </summary>
public sealed partial class QuoteProcessTests : IDisposable
{
    readonly string _root = Path.Combine(Path.GetTempPath(), "pf-quote-cli-" + Guid.NewGuid().ToString("N")[..8]);

    static readonly Dictionary<string, string?> _pricedText = new()
    {
        ["TextModel:Provider"] = "OpenAICompatible",
        ["TextModel:Model"] = "gpt-4o-mini",
        ["TextModel:Endpoint"] = "http://127.0.0.1:9/v1",
        ["TextModel:ApiKey"] = "test",
    };

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    async Task<(int Exit, string Output)> QuoteAsync(params string[] options)
    {
        using PodcastProcess quote = PodcastProcess.Start("", "", ["quote", "How durable workflows recover from crashes", .. options, "--out", _root], settings: _pricedText);
        int exit = await quote.WaitForExitAsync(TimeSpan.FromMinutes(2));
        return (exit, quote.Output);
    }

    [Fact]
    public async Task Quote_ValidRequest_ExitsZeroWithEveryStagesFigures_AndStoresTheQuote()
    {
        (int exit, string output) = await QuoteAsync("--depth", "quick", "--minutes", "2", "--source", LocalEpisodeRunner.Fixture("durable-workflows.md"));

        Assert.True(exit == ExitCodes.Success, output);
        string quoteId = QuoteIdRegex().Match(output) is { Success: true } id ? id.Groups[1].Value : throw new Xunit.Sdk.XunitException("no quote id:\n" + output);
        foreach (string stage in new[] { "research", "script", "review", "polish", "social", "audio" })
        {
            Assert.Matches(new Regex($@"(?m)^{stage}\s+\d+-\d+\s+\$\d+\.\d{{4}}\s+\$\d+\.\d{{4}}"), output);
        }

        // Priced: the expected total is above zero and below the high figure a start with the quote runs under.
        Match total = TotalRegex().Match(output);
        Assert.True(total.Success, output);
        decimal expected = decimal.Parse(total.Groups[1].Value, CultureInfo.InvariantCulture), high = decimal.Parse(total.Groups[2].Value, CultureInfo.InvariantCulture);
        Assert.True(0m < expected && expected < high, output);
        Assert.Contains("gpt-4o-mini", output, StringComparison.Ordinal);
        Assert.Contains($"--quote-id {quoteId}", output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_root, "_quotes", quoteId + ".json")), "the quote was not stored where produce --quote-id reads it");
    }

    [Theory]
    [InlineData("--minutes", "99", "--minutes")]
    [InlineData("--minutes", "five", "--minutes")]
    [InlineData("--depth", "bottomless", "--depth")]
    public async Task Quote_BadInput_ExitsTwoWithAMessageNamingTheOption(string option, string value, string named)
    {
        (int exit, string output) = await QuoteAsync(option, value);

        Assert.True(exit == ExitCodes.InvalidInput, output);
        Assert.Contains(named, output, StringComparison.Ordinal);
        Assert.DoesNotContain("Quote q-", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_root, "_quotes")), "a refused request stored a quote");
    }

    [GeneratedRegex(@"Quote (q-[0-9a-f]{32}) \(valid until")]
    private static partial Regex QuoteIdRegex();

    [GeneratedRegex(@"Total: expected \$(\d+\.\d+) \(low \$\d+\.\d+\), at most \$(\d+\.\d+)")]
    private static partial Regex TotalRegex();
}
