using System.Text.Json.Nodes;

namespace PodcastFactory.IntegrationTests.Infra;

/// <summary>infra/main.parameters.json (read by azd) matches the parameters main.bicep declares.</summary>
public sealed class ParametersFileTests
{
    private static readonly JsonObject _declared = ArmTemplate.Main.Root["parameters"]!.AsObject();

    private static readonly JsonObject _supplied =
        JsonNode.Parse(File.ReadAllText(Path.Combine(BicepCli.InfraDirectory, "main.parameters.json")))!["parameters"]!.AsObject();

    [Fact]
    public void ParametersFile_EveryEntry_IsDeclaredByMainBicep()
    {
        var undeclared = _supplied.Select(p => p.Key).Where(k => !_declared.ContainsKey(k)).ToList();

        Assert.Empty(undeclared);
    }

    [Fact]
    public void ParametersFile_RequiredParameters_AreSupplied()
    {
        var required = _declared.Where(p => p.Value!["defaultValue"] is null).Select(p => p.Key).ToList();

        Assert.Equal(["environmentName", "location", "openAiLocation"], required.Order(StringComparer.Ordinal));
        Assert.All(required, name => Assert.True(_supplied.ContainsKey(name), $"{name} has no default and is missing from main.parameters.json."));
    }

    [Fact]
    public void MainBicep_EpisodeSchedule_DefaultsToMondayMorning()
    {
        Assert.Equal("0 0 9 * * 1", (string?)_declared["episodeSchedule"]!["defaultValue"]);
        Assert.Equal("${EPISODE_SCHEDULE=0 0 9 * * 1}", (string?)_supplied["episodeSchedule"]!["value"]);
    }
}
