using PodcastFactory.IntegrationTests.Durability;
using PodcastFactory.IntegrationTests.Workflow;
using PodcastFactory.Local.Cli;

namespace PodcastFactory.IntegrationTests.Cli;

public sealed class InterruptTests
{
    [Fact]
    public async Task Produce_CtrlCDuringAudio_ReportsWhereArtifactsAreAndExits130()
    {
        string root = Path.Combine(Path.GetTempPath(), "pf-interrupt-" + Guid.NewGuid().ToString("N")[..8]);
        string journal = Path.Combine(root, "journal.log");
        Directory.CreateDirectory(root);
        try
        {
            // Each speech segment holds for 30 s, so the episode is certainly mid-audio when interrupted.
            using PodcastProcess podcast = PodcastProcess.Start("", journal,
                ["produce", "How durable workflows recover from crashes", "--source", LocalEpisodeRunner.Fixture("durable-workflows.md"),
                 "--minutes", "1", "--id", "interrupted", "--out", root],
                holdActivity: "SynthesizeSegmentActivity=30000");
            await podcast.WaitUntilAsync(() => podcast.Output.Contains("audio", StringComparison.Ordinal), TimeSpan.FromMinutes(1), "the audio stage");

            podcast.Interrupt();
            int exit = await podcast.WaitForExitAsync(TimeSpan.FromSeconds(60));

            Assert.Equal(ExitCodes.Interrupted, exit);
            Assert.Contains("Interrupted. Episode interrupted stopped", podcast.Output, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(root, "interrupted", "research.md")), "research written before the interrupt is kept");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
