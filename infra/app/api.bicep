// The Flex Consumption (FC1) plan and the function app. Every app setting below is read by the app:
// tests/PodcastFactory.Tests/Infra compares these names with the options classes and local.settings.sample.json.
// Flex Consumption takes the worker runtime from functionAppConfig.runtime, so FUNCTIONS_WORKER_RUNTIME and
// FUNCTIONS_EXTENSION_VERSION are deliberately not app settings.

@description('Function app name.')
param name string

@description('Flex Consumption plan name.')
param planName string

@description('Region of the plan and the app.')
param location string

@description('Tags applied to the plan and the app; the app also gets azd-service-name.')
param tags object

@description('Resource id of the user-assigned managed identity.')
param identityResourceId string

@description('Client id of the user-assigned managed identity.')
param identityClientId string

@description('Storage account for the host, deployment package and artifacts.')
param storageAccountName string

@description('Container holding the deployment package.')
param deploymentContainerName string

@description('Container holding episode artifacts.')
param episodesContainerName string

@description('Application Insights component name.')
param applicationInsightsName string

@description('Azure OpenAI endpoint, e.g. https://name.openai.azure.com/.')
param openAiEndpoint string

@description('Azure OpenAI chat deployment name.')
param chatDeploymentName string

@description('Azure OpenAI speech deployment name.')
param speechDeploymentName string

@description('Speech provider: AzureOpenAI (speechDeploymentName) or AzureSpeech (speechEndpoint, speechResourceId).')
@allowed(['AzureOpenAI', 'AzureSpeech'])
param speechProvider string = 'AzureOpenAI'

@description('Azure AI Speech text-to-speech endpoint (https://<region>.tts.speech.microsoft.com/) when speechProvider is AzureSpeech.')
param speechEndpoint string = ''

@description('Azure AI Speech account resource id, for the managed identity\'s token, when speechProvider is AzureSpeech.')
param speechResourceId string = ''

@description('Durable Functions task hub name (letters and digits); host.json reads %TaskHubName%.')
param taskHubName string

@description('NCRONTAB of the scheduled-episode timer (six fields, UTC).')
param episodeSchedule string

@description('Public base URL of the API that the feed\'s enclosure, transcript, chapters and artwork links start with.')
param feedPublicBaseUrl string

@description('Upper bound of instances Flex Consumption scales out to.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int

@description('Memory per instance in MB.')
@allowed([512, 2048, 4096])
param instanceMemoryMB int

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource functionApp 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': 'api' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityResourceId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      appSettings: [
        // Host storage (Durable task hub, timer leases) over the managed identity: no connection string.
        { name: 'AzureWebJobsStorage__accountName', value: storage.name }
        { name: 'AzureWebJobsStorage__credential', value: 'managedidentity' }
        { name: 'AzureWebJobsStorage__clientId', value: identityClientId }
        // Telemetry with Entra ID, since the component has local auth disabled.
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: applicationInsights.properties.ConnectionString }
        { name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING', value: 'ClientId=${identityClientId};Authorization=AAD' }
        { name: 'TaskHubName', value: taskHubName }
        { name: 'EpisodeSchedule', value: episodeSchedule }
        // ArtifactStoreOptions (section Artifacts).
        { name: 'Artifacts__Provider', value: 'Blob' }
        { name: 'Artifacts__BlobServiceUri', value: storage.properties.primaryEndpoints.blob }
        { name: 'Artifacts__ContainerName', value: episodesContainerName }
        { name: 'Artifacts__ManagedIdentityClientId', value: identityClientId }
        // TextModelOptions (section TextModel).
        { name: 'TextModel__Provider', value: 'AzureOpenAI' }
        { name: 'TextModel__Endpoint', value: openAiEndpoint }
        { name: 'TextModel__Deployment', value: chatDeploymentName }
        { name: 'TextModel__ManagedIdentityClientId', value: identityClientId }
        // SpeechOptions (section Speech).
        { name: 'Speech__Provider', value: speechProvider }
        { name: 'Speech__Endpoint', value: speechProvider == 'AzureSpeech' ? speechEndpoint : openAiEndpoint }
        { name: 'Speech__Deployment', value: speechDeploymentName }
        { name: 'Speech__ResourceId', value: speechResourceId }
        { name: 'Speech__ManagedIdentityClientId', value: identityClientId }
        // FeedOptions (section Feed): podcast apps fetch the feed's links, so they name the public address.
        { name: 'Feed__PublicBaseUrl', value: feedPublicBaseUrl }
      ]
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityResourceId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
}

// Basic-auth publishing (FTP and SCM) is off; deployments authenticate with Entra ID.
resource ftpPolicy 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: functionApp
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmPolicy 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: functionApp
  name: 'scm'
  properties: {
    allow: false
  }
}

output name string = functionApp.name
output url string = 'https://${functionApp.properties.defaultHostName}'
