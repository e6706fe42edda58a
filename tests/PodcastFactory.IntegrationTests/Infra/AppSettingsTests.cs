using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PodcastFactory.Core.Configuration;

namespace PodcastFactory.IntegrationTests.Infra;

/// <summary>
/// The app settings the Bicep template writes are exactly the settings the app reads: either a host-level setting
/// (allow-list below) or <c>Section__Property</c> bound by an options class in PodcastFactory.Core.Configuration.
/// local.settings.sample.json is held to the same rule.
/// </summary>
public sealed partial class AppSettingsTests
{
    /// <summary>Settings read by the Functions host or by bindings rather than by an options class.</summary>
    private static readonly Dictionary<string, string> _hostSettings = new(StringComparer.Ordinal)
    {
        ["AzureWebJobsStorage"] = "host storage as a connection string (local: Azurite)",
        ["AzureWebJobsStorage__accountName"] = "host storage over managed identity: account",
        ["AzureWebJobsStorage__credential"] = "host storage over managed identity: 'managedidentity'",
        ["AzureWebJobsStorage__clientId"] = "host storage over managed identity: user-assigned identity",
        ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = "telemetry destination",
        ["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"] = "telemetry over Entra ID (local auth is off)",
        ["FUNCTIONS_WORKER_RUNTIME"] = "local func host only; Flex Consumption takes it from functionAppConfig.runtime",
        ["TaskHubName"] = "host.json durableTask.hubName is %TaskHubName%",
        ["EpisodeSchedule"] = "the timer trigger's NCRONTAB is %EpisodeSchedule%",
    };

    /// <summary>Template settings that have no local counterpart, with the reason.</summary>
    private static readonly Dictionary<string, string> _azureOnly = new(StringComparer.Ordinal)
    {
        ["AzureWebJobsStorage__accountName"] = "locally AzureWebJobsStorage=UseDevelopmentStorage=true (Azurite)",
        ["AzureWebJobsStorage__credential"] = "locally AzureWebJobsStorage=UseDevelopmentStorage=true (Azurite)",
        ["AzureWebJobsStorage__clientId"] = "locally AzureWebJobsStorage=UseDevelopmentStorage=true (Azurite)",
        ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = "no Application Insights locally",
        ["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"] = "no Application Insights locally",
        ["Artifacts__BlobServiceUri"] = "locally Artifacts__ConnectionString points at Azurite",
        ["Artifacts__ManagedIdentityClientId"] = "no managed identity locally",
        ["TextModel__ManagedIdentityClientId"] = "no managed identity locally",
        ["Speech__ManagedIdentityClientId"] = "no managed identity locally",
        ["Feed__PublicBaseUrl"] = "locally the feed's links follow the address it is served from",
    };

    private static readonly IReadOnlyList<string> _templateSettings = ArmTemplate.Main.FunctionAppSettingNames();

    [Fact]
    public void OptionsSections_CoreConfiguration_AreDiscovered()
    {
        // Guards the reflection below: if it found nothing, every "bindable" assertion would be vacuous.
        var sections = BindableSections();

        Assert.Equal(
            ["Api", "Artifacts", "Feed", "Fetch", "Pricing", "Publishing", "Scheduler", "Search", "Speech", "Speech:Espeak", "Speech:Flite", "TextModel", "Webhooks", "Workflow"],
            sections.Keys.Order(StringComparer.Ordinal));
        Assert.Contains(nameof(TextModelOptions.Deployment), sections[TextModelOptions.SectionName]);
    }

    [Fact]
    public void TemplateAppSettings_EverySetting_IsHostSettingOrBindableOption()
    {
        var unknown = _templateSettings.Where(n => !IsKnownSetting(n)).ToList();

        Assert.True(unknown.Count == 0, $"Template writes settings the app does not read: {string.Join(", ", unknown)}");
        Assert.Equal(_templateSettings.Count, _templateSettings.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void TemplateAppSettings_IdentityBasedProviders_AreAllWritten()
    {
        string[] required =
        [
            "AzureWebJobsStorage__accountName", "AzureWebJobsStorage__credential", "AzureWebJobsStorage__clientId",
            "APPLICATIONINSIGHTS_CONNECTION_STRING", "APPLICATIONINSIGHTS_AUTHENTICATION_STRING", "TaskHubName", "EpisodeSchedule",
            "Artifacts__Provider", "Artifacts__BlobServiceUri", "Artifacts__ContainerName", "Artifacts__ManagedIdentityClientId",
            "TextModel__Provider", "TextModel__Endpoint", "TextModel__Deployment", "TextModel__ManagedIdentityClientId",
            "Speech__Provider", "Speech__Endpoint", "Speech__Deployment", "Speech__ResourceId", "Speech__ManagedIdentityClientId",
            "Feed__PublicBaseUrl",
        ];

        Assert.Equal(required.Order(StringComparer.Ordinal), _templateSettings.Order(StringComparer.Ordinal));
        Assert.Equal("managedidentity", ArmTemplate.Main.FunctionAppSetting("AzureWebJobsStorage__credential"));
        Assert.Equal(nameof(ArtifactStoreKind.Blob), ArmTemplate.Main.FunctionAppSetting("Artifacts__Provider"));
        Assert.Equal(nameof(ModelProviderKind.AzureOpenAI), ArmTemplate.Main.FunctionAppSetting("TextModel__Provider"));
        // The speechProvider parameter (AzureOpenAI by default, AzureSpeech adds a Speech account): both are provider kinds.
        Assert.Contains("speechProvider", ArmTemplate.Main.FunctionAppSetting("Speech__Provider"), StringComparison.Ordinal);
        Assert.Contains("Authorization=AAD", ArmTemplate.Main.FunctionAppSetting("APPLICATIONINSIGHTS_AUTHENTICATION_STRING"), StringComparison.Ordinal);
    }

    [Fact]
    public void TemplateAppSettings_FeedPublicBaseUrl_DefaultsToTheAppsOwnApiAddress()
    {
        string? value = ArmTemplate.Main.FunctionAppSetting("Feed__PublicBaseUrl");

        Assert.Contains("feedPublicBaseUrl", value, StringComparison.Ordinal);
        Assert.Contains(".azurewebsites.net/api", ArmTemplate.Main.Root.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void TemplateAppSettings_NoKeysOrConnectionStrings_AreWritten()
    {
        var secrets = _templateSettings
            .Where(n => n.EndsWith("ApiKey", StringComparison.OrdinalIgnoreCase)
                || n.EndsWith("__ConnectionString", StringComparison.OrdinalIgnoreCase)
                || n is "AzureWebJobsStorage" or "FUNCTIONS_WORKER_RUNTIME" or "FUNCTIONS_EXTENSION_VERSION")
            .ToList();

        Assert.Empty(secrets);
    }

    [Fact]
    public void TemplateAppSettings_EveryNonAzureOnlySetting_IsInLocalSettingsSample()
    {
        var local = LocalSettingNames();

        var missing = _templateSettings.Where(n => !_azureOnly.ContainsKey(n) && !local.Contains(n)).ToList();

        Assert.True(missing.Count == 0, $"Missing from local.settings.sample.json: {string.Join(", ", missing)}");
    }

    [Fact]
    public void AzureOnlyList_EveryEntry_IsWrittenByTemplateAndAbsentLocally()
    {
        // Keeps the exemption list honest: no stale names, and nothing exempted that the sample actually has.
        var local = LocalSettingNames();

        Assert.All(_azureOnly.Keys, n => Assert.Contains(n, _templateSettings));
        Assert.All(_azureOnly.Keys, n => Assert.DoesNotContain(n, local));
    }

    [Fact]
    public void LocalSettingsSample_EveryKey_IsHostSettingOrBindableOption()
    {
        var unknown = LocalSettingNames().Where(n => !IsKnownSetting(n)).ToList();

        Assert.True(unknown.Count == 0, $"local.settings.sample.json has settings the app does not read: {string.Join(", ", unknown)}");
    }

    [Fact]
    public void LocalSettingsSample_Secrets_AreEmpty()
    {
        var values = LocalSettings()["Values"]!.AsObject();

        Assert.False(LocalSettings()["IsEncrypted"]!.GetValue<bool>());
        Assert.All(
            values.Where(p => p.Key.EndsWith("ApiKey", StringComparison.Ordinal)),
            p => Assert.Equal("", (string?)p.Value));
        Assert.All(
            values.Where(p => p.Key.Contains("ConnectionString", StringComparison.Ordinal) || p.Key == "AzureWebJobsStorage"),
            p => Assert.Equal("UseDevelopmentStorage=true", (string?)p.Value));
    }

    [Fact]
    public void HostJson_SettingReferences_AreWrittenByTemplateAndSample()
    {
        var hostJson = File.ReadAllText(Path.Combine(BicepCli.RepositoryRoot, "host.json"));
        var references = PercentReference().Matches(hostJson).Select(m => m.Groups[1].Value).ToList();
        var local = LocalSettingNames();

        Assert.Contains("TaskHubName", references);
        Assert.All(references, r => Assert.Contains(r, _templateSettings));
        Assert.All(references, r => Assert.Contains(r, local));
        Assert.All(references, r => Assert.True(_hostSettings.ContainsKey(r), $"%{r}% is not in the host-settings allow-list."));
    }

    private static bool IsKnownSetting(string name)
    {
        if (_hostSettings.ContainsKey(name))
        {
            return true;
        }

        var parts = name.Split("__");
        int cut = name.LastIndexOf("__", StringComparison.Ordinal);
        return (cut > 0
                && BindableSections().TryGetValue(name[..cut].Replace("__", ":", StringComparison.Ordinal), out var properties)
                && properties.Contains(name[(cut + 2)..]))
            || (parts.Length == 4 && IsDictionaryEntrySetting(parts));
    }

    /// <summary><c>Section__DictionaryProperty__key__ValueProperty</c>, e.g. Pricing__Models__gpt-4o__InputPerMillionTokens.</summary>
    private static bool IsDictionaryEntrySetting(string[] parts)
    {
        var section = typeof(TextModelOptions).Assembly.GetTypes().SingleOrDefault(t => t.IsClass && t.Namespace == typeof(TextModelOptions).Namespace
            && t.GetField("SectionName", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() as string == parts[0]);
        var dictionary = section?.GetProperty(parts[1], BindingFlags.Public | BindingFlags.Instance)?.PropertyType;
        if (dictionary is not { IsGenericType: true } || dictionary.GetGenericTypeDefinition() != typeof(Dictionary<,>)
            || dictionary.GetGenericArguments()[0] != typeof(string) || parts[2].Length == 0)
        {
            return false;
        }

        return dictionary.GetGenericArguments()[1].GetProperty(parts[3], BindingFlags.Public | BindingFlags.Instance) is { SetMethod.IsPublic: true };
    }

    /// <summary>Section name => bindable property names, for every class in the Configuration namespace with a SectionName const.</summary>
    private static Dictionary<string, HashSet<string>> BindableSections() =>
        typeof(TextModelOptions).Assembly.GetTypes()
            .Where(t => t.IsClass && t.Namespace == typeof(TextModelOptions).Namespace)
            .Select(t => (Type: t, Field: t.GetField("SectionName", BindingFlags.Public | BindingFlags.Static)))
            .Where(x => x.Field is { IsLiteral: true } && x.Field.FieldType == typeof(string))
            .ToDictionary(
                x => (string)x.Field!.GetRawConstantValue()!,
                x => x.Type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                    .Where(p => p.SetMethod is { IsPublic: true })
                    .Select(p => p.Name)
                    .ToHashSet(StringComparer.Ordinal),
                StringComparer.Ordinal);

    private static JsonNode LocalSettings() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(BicepCli.RepositoryRoot, "local.settings.sample.json")))!;

    private static HashSet<string> LocalSettingNames() =>
        LocalSettings()["Values"]!.AsObject().Select(p => p.Key).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex("%([A-Za-z0-9_]+)%")]
    private static partial Regex PercentReference();
}
