using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PodcastFactory.Core.Agents.Llm;
using PodcastFactory.Core.Agents.Offline;
using PodcastFactory.Core.Agents;
using PodcastFactory.Core.Configuration;
using PodcastFactory.Core.Costs;
using PodcastFactory.Core.Models;
using PodcastFactory.Core.Providers.OpenAI;
using PodcastFactory.Core.Providers.Speech;
using PodcastFactory.Core.Providers;
using PodcastFactory.Core.Tests.Providers.OpenAI;

namespace PodcastFactory.Core.Tests.Providers;

public sealed class ProviderRegistrationTests
{
    [Fact]
    public void AddPodcastFactory_NothingConfigured_RegistersOfflineProviders()
    {
        using ServiceProvider services = ProviderStack.Build(new Dictionary<string, string?>());

        Assert.IsType<OfflineResearchAgent>(services.GetRequiredService<IResearchAgent>());
        Assert.IsType<OfflineEvaluatorAgent>(services.GetRequiredService<IEvaluatorAgent>());
        Assert.IsType<LocalSpeechSynthesizer>(services.GetRequiredService<ISpeechSynthesizer>());
        Assert.IsType<FreeCostEstimator>(services.GetRequiredService<ICostEstimator>());
    }

    [Fact]
    public async Task AddPodcastFactory_AzureOpenAI_RegistersLlmAgentsSpeechAndPricedEstimates()
    {
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync();
        await using ServiceProvider services = ProviderStack.Azure(server);

        Assert.IsType<LlmResearchAgent>(services.GetRequiredService<IResearchAgent>());
        Assert.IsType<LlmScriptAgent>(services.GetRequiredService<IScriptAgent>());
        Assert.IsType<LlmEvaluatorAgent>(services.GetRequiredService<IEvaluatorAgent>());
        Assert.IsType<LlmSocialAgent>(services.GetRequiredService<ISocialAgent>());
        Assert.IsType<OpenAISpeechSynthesizer>(services.GetRequiredService<ISpeechSynthesizer>());
        var estimates = services.GetRequiredService<ICostEstimator>().Estimate(new EpisodeRequest { Topic = "Durable workflows", TargetMinutes = 5 }, sourceCharacters: 8000);
        Assert.True(estimates.ScriptCallUsd > 0);
        Assert.Equal(15m, estimates.SpeechUsdPerMillionCharacters);
    }

    [Theory]
    [InlineData("TextModel:Deployment", "TextModel:Deployment is required when TextModel:Provider is AzureOpenAI.")]
    [InlineData("TextModel:Endpoint", "TextModel:Endpoint must be an absolute http(s) URL when TextModel:Provider is AzureOpenAI.")]
    public async Task Options_AzureOpenAIMissingSetting_FailsNamingTheSetting(string removed, string message)
    {
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync();
        await using ServiceProvider services = ProviderStack.Azure(server, (removed, null));

        OptionsValidationException error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<TextModelOptions>>().Value);

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_NegativePrice_FailsNamingTheSetting()
    {
        using ServiceProvider services = ProviderStack.Build(new Dictionary<string, string?> { ["Pricing:Models:gpt-4o:OutputPerMillionTokens"] = "-1" });

        OptionsValidationException error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<PricingOptions>>().Value);

        Assert.Contains("Pricing:Models:gpt-4o:OutputPerMillionTokens must not be negative.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PriceTable_ConfiguredOverrideAndUnknownModel_PricesOverrideAndChargesZero()
    {
        using ServiceProvider services = ProviderStack.Build(new Dictionary<string, string?> { ["Pricing:Models:GPT-4O-MINI:InputPerMillionTokens"] = "1" });
        PriceTable prices = services.GetRequiredService<PriceTable>();

        Assert.Equal(1m + 0.60m, prices.Text("gpt-4o-mini", 1_000_000, 1_000_000));
        Assert.Equal(0m, prices.Text("llama3.1:8b", 1_000_000, 1_000_000));
        Assert.Equal(15m, prices.Speech("tts-1", 1_000_000));
    }

    [Fact]
    public void Render_EveryPrompt_HasNoPlaceholderLeft()
    {
        var values = new[] { "topic", "angle", "language", "maxNotes", "sourceNames", "hostA", "hostB", "targetWords", "minWords", "maxWords", "maxTurnCharacters", "hosts", "platform", "maxLength", "showBrief", "hostAPersona", "hostBPersona", "targetMinutes",
                "cast", "format", "castList", "formatArc", "speakers", "turnRule", "castTalk", "sides", "guest", "interviewers", "interviewersVerb", "owners" }
            .ToDictionary(k => k, k => "<" + k + ">");

        foreach (string name in new[] { "research", "script-write", "script-revise", "script-polish", "show-brief", "formats", "evaluator", "social", "data-rule" })
        {
            string text = PromptLibrary.Render(name, values);
            Assert.DoesNotContain("{{", text, StringComparison.Ordinal);
            Assert.True(text.Length > 100, name);
        }

        Assert.Throws<InvalidOperationException>(() => PromptLibrary.Render("research", new Dictionary<string, string>()));
    }
}
