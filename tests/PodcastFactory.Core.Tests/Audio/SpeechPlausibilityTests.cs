using PodcastFactory.Core.Audio;

namespace PodcastFactory.Core.Tests.Audio;

public sealed class SpeechPlausibilityTests
{
    const string Sentence = "Durable workflows record every step so that a crash never costs a finished step twice.";

    [Fact]
    public void EnsurePlausible_SeventyMillisecondsForASentence_Throws()
    {
        var ex = Assert.Throws<InvalidDataException>(() => SpeechPlausibility.EnsurePlausible(Sentence, TimeSpan.FromMilliseconds(70), "segment 1"));

        Assert.Contains("segment 1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EnsurePlausible_NormalSpeakingRate_Passes() =>
        SpeechPlausibility.EnsurePlausible(Sentence, TimeSpan.FromSeconds(5.5), "segment 1");

    [Fact]
    public void EnsurePlausible_FastButAboveAThird_Passes() =>
        SpeechPlausibility.EnsurePlausible(Sentence, SpeechPlausibility.Expected(Sentence) * 0.4, "segment 1");

    [Fact]
    public void EnsurePlausible_VeryShortText_IsNotJudged() =>
        SpeechPlausibility.EnsurePlausible("Yes.", TimeSpan.FromMilliseconds(50), "segment 1");
}
