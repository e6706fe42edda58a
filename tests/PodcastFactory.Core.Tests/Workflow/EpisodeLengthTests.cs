using PodcastFactory.Core.Workflow;

namespace PodcastFactory.Core.Tests.Workflow;

public sealed class EpisodeLengthTests
{
    [Theory]
    [InlineData(5, 750)]
    [InlineData(5, 563)]
    [InlineData(1, 120)]
    public void Shortfall_WithinTheWritersTolerance_NoWarning(int minutes, int words) =>
        Assert.Null(EpisodeLength.Shortfall(minutes, words));

    [Fact]
    public void Shortfall_TenMinutesAskedThreeDelivered_NamesTheAchievableMinutesAndTheShare()
    {
        string warning = EpisodeLength.Shortfall(10, 450)!;

        Assert.Equal("length: the material fills about 3 of the 10 minutes requested (450 of 1500 words, 30 %); add sources or ask for 3 minutes", warning);
    }
}
