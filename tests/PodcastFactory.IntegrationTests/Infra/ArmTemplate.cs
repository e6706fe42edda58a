using System.Text.Json.Nodes;

namespace PodcastFactory.IntegrationTests.Infra;

/// <summary>infra/main.bicep compiled to ARM JSON (once per test run), with lookups over its nested modules.</summary>
internal sealed class ArmTemplate
{
    private static readonly Lazy<ArmTemplate> _main = new(() => Compile(Path.Combine(BicepCli.InfraDirectory, "main.bicep")));

    private ArmTemplate(JsonNode root) => Root = root;

    public static ArmTemplate Main => _main.Value;

    public JsonNode Root { get; }

    public static ArmTemplate Compile(string bicepFile)
    {
        var result = BicepCli.Build(bicepFile);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"bicep build {bicepFile} failed ({result.ExitCode}):\n{result.Diagnostics}");
        }

        return new ArmTemplate(JsonNode.Parse(result.Output)!);
    }

    /// <summary>
    /// Every resource declaration of the given type, at any module depth. Module templates hold resources as an
    /// array, or as an object keyed by symbolic name (language version 2.0); both are walked.
    /// </summary>
    public IReadOnlyList<JsonObject> Resources(string type) =>
        Walk(Root).Where(o => o["apiVersion"] is not null && string.Equals((string?)o["type"], type, StringComparison.OrdinalIgnoreCase))
            .Where(o => o["existing"]?.GetValue<bool>() != true)
            .ToList();

    /// <summary>The single resource of the given type; fails when there is none or more than one.</summary>
    public JsonObject Single(string type)
    {
        var all = Resources(type);
        Assert.True(all.Count == 1, $"Expected exactly one {type} in the template, found {all.Count}.");
        return all[0];
    }

    /// <summary>App setting names the function app gets: siteConfig.appSettings plus any sites/config appsettings resource.</summary>
    public IReadOnlyList<string> FunctionAppSettingNames()
    {
        var site = Single("Microsoft.Web/sites");
        var names = (site["properties"]?["siteConfig"]?["appSettings"]?.AsArray() ?? [])
            .Select(s => (string)s!["name"]!)
            .ToList();
        names.AddRange(Resources("Microsoft.Web/sites/config")
            .Where(c => ((string?)c["name"])?.EndsWith("appsettings", StringComparison.OrdinalIgnoreCase) == true)
            .SelectMany(c => c["properties"]!.AsObject().Select(p => p.Key)));
        return names;
    }

    /// <summary>The value expression written for one app setting.</summary>
    public string? FunctionAppSetting(string name) =>
        Single("Microsoft.Web/sites")["properties"]!["siteConfig"]!["appSettings"]!.AsArray()
            .Where(s => (string?)s!["name"] == name)
            .Select(s => s!["value"]?.ToString())
            .SingleOrDefault();

    private static IEnumerable<JsonObject> Walk(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                yield return obj;
                foreach (var child in obj.SelectMany(p => Walk(p.Value)))
                {
                    yield return child;
                }

                break;
            case JsonArray array:
                foreach (var child in array.SelectMany(Walk))
                {
                    yield return child;
                }

                break;
        }
    }
}
