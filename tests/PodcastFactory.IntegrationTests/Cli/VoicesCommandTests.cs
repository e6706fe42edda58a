using PodcastFactory.Core.Api;
using PodcastFactory.Core.Providers;
using PodcastFactory.Local.Cli;

namespace PodcastFactory.IntegrationTests.Cli;

/// <summary>Fast: <c>podcast voices</c> prints the catalog as a table, one row a voice.</summary>
public sealed class VoicesCommandTests
{
    [Fact]
    public void Table_Voices_OneRowEachWithAnyAndDashForTheUnknown()
    {
        var listing = new VoiceListing("openai", [new VoiceInfo("coral", "openai", null, "female"), new VoiceInfo("alloy", "openai", null, null)]);

        string[] lines = VoicesCommand.Table(listing).Split(Environment.NewLine);

        Assert.Equal("Voices of openai (2):", lines[0]);
        Assert.Equal(["VOICE", "LANGUAGE", "GENDER"], lines[1].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(["coral", "any", "female"], lines[2].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(["alloy", "any", "-"], lines[3].Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task RunAsync_Offline_PrintsFliteVoicesAndExitsZero()
    {
        var output = new StringWriter();

        int exit = await VoicesCommand.RunAsync(asJson: false, output, default);

        Assert.Equal(ExitCodes.Success, exit);
        Assert.Contains(output.ToString().Split(Environment.NewLine), l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries) is ["flite:slt", "en-US", "female"]);
    }
}
