using PodcastFactory.Core.Costs;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Publishing;

namespace PodcastFactory.Core.Tests.Publishing;

public sealed class ModelCreditsTests
{
    [Fact]
    public void Of_CallsWithACacheHit_CreditsEachAnsweredModelOnceAndNeverTheCache()
    {
        LedgerEntry[] calls =
        [
            new("script", new AgentUsage(AgentNames.ScriptWriter, "azure-openai", "gpt-4o", 10, 10, "tokens", 1, 0.01m)),
            // A step that found its output already made: no provider answered.
            new("review", new AgentUsage(AgentNames.Evaluator, "cache", null, 0, 0, "tokens", 1, 0m, CacheHit: true)),
            new("review", new AgentUsage(AgentNames.Evaluator, "azure-openai", "gpt-4o", 10, 10, "tokens", 1, 0.01m)),
            new("script", new AgentUsage(AgentNames.ScriptWriter, "azure-openai", "gpt-4o", 10, 10, "tokens", 1, 0.01m)),
            new("audio", new AgentUsage(AgentNames.AudioSynthesizer, "espeak-ng", null, 100, 0, "characters", 1, 0m)),
        ];

        IReadOnlyList<string> credits = ModelCredits.Of(calls);

        Assert.Equal([$"{AgentNames.ScriptWriter}: azure-openai gpt-4o", $"{AgentNames.Evaluator}: azure-openai gpt-4o", $"{AgentNames.AudioSynthesizer}: espeak-ng"], credits);
    }

    [Fact]
    public void Of_EarlierCredits_KeepsThemFirstAndAddsOnlyNewOnes()
    {
        LedgerEntry[] calls =
        [
            new("audio", new AgentUsage(AgentNames.AudioSynthesizer, "espeak-ng", null, 100, 0, "characters", 1, 0m)),
            new("audio", new AgentUsage(AgentNames.AudioSynthesizer, "openai", "tts-1", 100, 0, "characters", 1, 0m)),
        ];

        IReadOnlyList<string> credits = ModelCredits.Of(calls, [$"{AgentNames.ScriptWriter}: offline", $"{AgentNames.AudioSynthesizer}: espeak-ng"]);

        Assert.Equal([$"{AgentNames.ScriptWriter}: offline", $"{AgentNames.AudioSynthesizer}: espeak-ng", $"{AgentNames.AudioSynthesizer}: openai tts-1"], credits);
    }
}
