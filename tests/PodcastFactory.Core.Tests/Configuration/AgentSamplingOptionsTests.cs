using System.ComponentModel.DataAnnotations;
using PodcastFactory.Core.Agents.Llm;
using PodcastFactory.Core.Configuration;
using PodcastFactory.Core.Models;

namespace PodcastFactory.Core.Tests.Configuration;

public sealed class AgentSamplingOptionsTests
{
    [Fact]
    public void Validate_TemperatureAboveTwo_NamesTheAgentsSetting()
    {
        var options = new TextModelOptions { Writer = new AgentSamplingOptions { Temperature = 3 } };

        Assert.Contains(Validate(options), r => r.ErrorMessage!.Contains("TextModel:Writer:Temperature must be between 0 and 2", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_TinyOutputCap_NamesTheAgentsSetting()
    {
        var options = new TextModelOptions { Judge = new AgentSamplingOptions { MaxOutputTokens = 5 } };

        Assert.Contains(Validate(options), r => r.ErrorMessage!.Contains("TextModel:Judge:MaxOutputTokens", StringComparison.Ordinal));
    }

    [Fact]
    public void From_Defaults_CreativeWriterAndDeterministicJudge()
    {
        ChatSampling sampling = ChatSampling.From(new TextModelOptions());

        Assert.Equal(0.8f, sampling.For(AgentNames.ScriptWriter).Temperature);
        Assert.Equal(0f, sampling.For(AgentNames.Evaluator).Temperature);
        Assert.Null(sampling.For(AgentNames.Evaluator).MaxOutputTokens);
    }

    [Fact]
    public void From_SendTemperatureFalse_LeavesEveryTemperatureOut()
    {
        ChatSampling sampling = ChatSampling.From(new TextModelOptions { SendTemperature = false });

        Assert.All([AgentNames.ScriptWriter, AgentNames.Evaluator, AgentNames.Research, AgentNames.SocialWriter],
            agent => Assert.Null(sampling.For(agent).Temperature));
    }

    static List<ValidationResult> Validate(TextModelOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }
}
