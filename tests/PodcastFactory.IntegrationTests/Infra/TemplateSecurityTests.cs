using System.Text.Json.Nodes;

namespace PodcastFactory.IntegrationTests.Infra;

/// <summary>Security and hosting properties of the compiled template: no shared keys, TLS 1.2, HTTPS only, least-privilege roles.</summary>
public sealed class TemplateSecurityTests
{
    private const string StorageBlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    private const string StorageQueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    private const string StorageTableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    private const string CognitiveServicesOpenAIUser = "5e0bd9bd-7b93-4f28-af87-19fc36ad61bd";
    private const string CognitiveServicesSpeechUser = "f2dc8367-1007-4938-bd23-fe263f013447";

    private static readonly ArmTemplate _template = ArmTemplate.Main;

    [Fact]
    public void StorageAccount_Security_SharedKeyOffAndTls12()
    {
        var properties = _template.Single("Microsoft.Storage/storageAccounts")["properties"]!;

        Assert.False(properties["allowSharedKeyAccess"]!.GetValue<bool>());
        Assert.False(properties["allowBlobPublicAccess"]!.GetValue<bool>());
        Assert.Equal("TLS1_2", (string?)properties["minimumTlsVersion"]);
        Assert.True(properties["supportsHttpsTrafficOnly"]!.GetValue<bool>());
    }

    [Fact]
    public void StorageAccount_Containers_IncludeEpisodesAndDeploymentPackage()
    {
        var containers = _template.Resources("Microsoft.Storage/storageAccounts/blobServices/containers");

        Assert.Equal(2, containers.Count);
        Assert.Equal("episodes", (string?)_template.Root["variables"]!["episodesContainerName"]);
    }

    [Fact]
    public void FunctionApp_Security_HttpsOnlyTls12FtpDisabled()
    {
        var site = _template.Single("Microsoft.Web/sites");
        var siteConfig = site["properties"]!["siteConfig"]!;

        Assert.True(site["properties"]!["httpsOnly"]!.GetValue<bool>());
        Assert.Equal("Disabled", (string?)siteConfig["ftpsState"]);
        Assert.Equal("1.2", (string?)siteConfig["minTlsVersion"]);
        Assert.All(
            _template.Resources("Microsoft.Web/sites/basicPublishingCredentialsPolicies"),
            p => Assert.False(p["properties"]!["allow"]!.GetValue<bool>()));
        Assert.Equal(2, _template.Resources("Microsoft.Web/sites/basicPublishingCredentialsPolicies").Count);
    }

    [Fact]
    public void FunctionApp_FlexConsumption_RuntimeAndDeploymentStorageUseIdentity()
    {
        var site = _template.Single("Microsoft.Web/sites");
        var config = site["properties"]!["functionAppConfig"]!;
        var plan = _template.Single("Microsoft.Web/serverfarms");

        Assert.Equal("FC1", (string?)plan["sku"]!["name"]);
        Assert.Equal("FlexConsumption", (string?)plan["sku"]!["tier"]);
        Assert.Equal("dotnet-isolated", (string?)config["runtime"]!["name"]);
        Assert.Equal("10.0", (string?)config["runtime"]!["version"]);
        Assert.Equal("UserAssignedIdentity", (string?)config["deployment"]!["storage"]!["authentication"]!["type"]);
        Assert.NotNull(config["scaleAndConcurrency"]!["maximumInstanceCount"]);
        Assert.NotNull(config["scaleAndConcurrency"]!["instanceMemoryMB"]);
        Assert.Equal("UserAssigned", (string?)site["identity"]!["type"]);
    }

    [Fact]
    public void RoleAssignments_AppIdentity_GetsStorageAndOpenAIRoles()
    {
        var assignments = _template.Resources("Microsoft.Authorization/roleAssignments")
            .Where(a => a["condition"] is null)
            .ToList();

        AssertRole(assignments, StorageBlobDataOwner, "Microsoft.Storage/storageAccounts");
        AssertRole(assignments, StorageQueueDataContributor, "Microsoft.Storage/storageAccounts");
        AssertRole(assignments, StorageTableDataContributor, "Microsoft.Storage/storageAccounts");
        AssertRole(assignments, CognitiveServicesOpenAIUser, "Microsoft.CognitiveServices/accounts");
        // Deployed with the Speech account when speechProvider is AzureSpeech (the module's condition, not the assignment's).
        AssertRole(assignments, CognitiveServicesSpeechUser, "Microsoft.CognitiveServices/accounts");
    }

    [Fact]
    public void AzureServices_LocalAuth_IsDisabled()
    {
        // Azure OpenAI and, when speechProvider is AzureSpeech, the Speech account.
        var accounts = _template.Resources("Microsoft.CognitiveServices/accounts");
        var insights = _template.Single("Microsoft.Insights/components")["properties"]!;

        Assert.Equal(["OpenAI", "SpeechServices"], accounts.Select(a => (string)a["kind"]!).Order(StringComparer.Ordinal));
        Assert.All(accounts, a => Assert.True(a["properties"]!["disableLocalAuth"]!.GetValue<bool>()));
        Assert.All(accounts, a => Assert.NotNull(a["properties"]!["customSubDomainName"]));
        Assert.True(insights["DisableLocalAuth"]!.GetValue<bool>());
        Assert.Equal(2, _template.Resources("Microsoft.CognitiveServices/accounts/deployments").Count);
    }

    private static void AssertRole(IReadOnlyList<JsonObject> assignments, string roleId, string scopeType)
    {
        var matching = assignments.Where(a => ((string?)a["properties"]!["roleDefinitionId"])?.Contains(roleId, StringComparison.OrdinalIgnoreCase) == true).ToList();

        var assignment = Assert.Single(matching);
        Assert.Contains(scopeType, (string?)assignment["scope"], StringComparison.Ordinal);
        Assert.Equal("ServicePrincipal", (string?)assignment["properties"]!["principalType"]);
        Assert.Contains("Microsoft.ManagedIdentity/userAssignedIdentities", (string?)assignment["properties"]!["principalId"], StringComparison.Ordinal);
    }
}
