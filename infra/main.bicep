// PodcastFactory on Azure: one resource group with a Flex Consumption function app, its storage,
// Azure OpenAI (chat + speech), Application Insights on Log Analytics and a user-assigned identity.
// No keys or connection strings: every data-plane call uses the identity and the roles in app/rbac.bicep.
// `azd up` fills the parameters from main.parameters.json; see docs/deploy.md for the az CLI route.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Environment name (azd environment); seeds resource names and the azd-env-name tag.')
param environmentName string

@minLength(1)
@description('Region of the resource group, function app, storage and monitoring (must offer Flex Consumption).')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Region of the Azure OpenAI account; must offer both the chat and the speech model.')
param openAiLocation string

@description('Resource group name; empty for rg-<environmentName>.')
param resourceGroupName string = ''

@description('Object id of the deploying user, granted Storage Blob Data Contributor to upload the backlog; empty to skip.')
param principalId string = ''

@description('Kind of principalId: User, or ServicePrincipal when deploying from CI.')
@allowed(['User', 'ServicePrincipal'])
param principalType string = 'User'

@description('Chat model for the text agents.')
param chatModelName string = 'gpt-4o-mini'

@description('Version of the chat model.')
param chatModelVersion string = '2024-07-18'

@description('Sku of the chat deployment (GlobalStandard, DataZoneStandard or Standard).')
param chatDeploymentSku string = 'GlobalStandard'

@description('Capacity of the chat deployment in thousands of tokens per minute.')
@minValue(1)
param chatCapacity int = 30

@description('Speech (text-to-speech) model.')
param speechModelName string = 'gpt-4o-mini-tts'

@description('Version of the speech model.')
param speechModelVersion string = '2025-03-20'

@description('Sku of the speech deployment.')
param speechDeploymentSku string = 'GlobalStandard'

@description('Capacity units of the speech deployment.')
@minValue(1)
param speechCapacity int = 10

@description('Speech provider: AzureOpenAI (the speech deployment above) or AzureSpeech (an Azure AI Speech account, neural voices over SSML).')
@allowed(['AzureOpenAI', 'AzureSpeech'])
param speechProvider string = 'AzureOpenAI'

@description('Region of the Azure AI Speech account when speechProvider is AzureSpeech; empty for the resource group\'s region.')
param speechLocation string = ''

@description('Durable Functions task hub name (letters and digits only).')
@minLength(3)
@maxLength(45)
param taskHubName string = 'PodcastFactory'

@description('NCRONTAB (six fields, UTC) of the scheduled episode; default Mondays 09:00.')
param episodeSchedule string = '0 0 9 * * 1'

@description('Public base URL of the API for the feed\'s links (Feed__PublicBaseUrl), e.g. a custom domain or API Management front; empty for https://<function app>.azurewebsites.net/api.')
param feedPublicBaseUrl string = ''

@description('Upper bound of Flex Consumption instances.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 100

@description('Memory per Flex Consumption instance in MB.')
@allowed([512, 2048, 4096])
param instanceMemoryMB int = 2048

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = { 'azd-env-name': environmentName }
var episodesContainerName = 'episodes'
var deploymentContainerName = 'app-package-${resourceToken}'
// Names are computed here (not taken from module outputs) so What-If can predict the role assignments.
var names = {
  identity: 'id-api-${resourceToken}'
  storage: 'st${resourceToken}'
  logAnalytics: 'log-${resourceToken}'
  applicationInsights: 'appi-${resourceToken}'
  openAi: 'oai-${resourceToken}'
  speech: 'spch-${resourceToken}'
  plan: 'plan-${resourceToken}'
  functionApp: 'func-api-${resourceToken}'
}

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: empty(resourceGroupName) ? 'rg-${environmentName}' : resourceGroupName
  location: location
  tags: tags
}

module identity 'app/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: names.identity
    location: location
    tags: tags
  }
}

module storage 'app/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: names.storage
    location: location
    tags: tags
    deploymentContainerName: deploymentContainerName
    episodesContainerName: episodesContainerName
  }
}

module monitoring 'app/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: names.logAnalytics
    applicationInsightsName: names.applicationInsights
    location: location
    tags: tags
  }
}

module openAi 'app/openai.bicep' = {
  name: 'openai'
  scope: rg
  params: {
    name: names.openAi
    location: openAiLocation
    tags: tags
    chat: {
      name: 'chat'
      model: chatModelName
      version: chatModelVersion
      sku: chatDeploymentSku
      capacity: chatCapacity
    }
    speech: {
      name: 'speech'
      model: speechModelName
      version: speechModelVersion
      sku: speechDeploymentSku
      capacity: speechCapacity
    }
  }
}

// Only when chosen: the Speech account and its role for the app identity (app/speech.bicep).
module speech 'app/speech.bicep' = if (speechProvider == 'AzureSpeech') {
  name: 'speech'
  scope: rg
  params: {
    name: names.speech
    location: empty(speechLocation) ? location : speechLocation
    tags: tags
    identityName: names.identity
  }
  dependsOn: [
    identity
  ]
}

module rbac 'app/rbac.bicep' = {
  name: 'rbac'
  scope: rg
  params: {
    storageAccountName: names.storage
    openAiAccountName: names.openAi
    applicationInsightsName: names.applicationInsights
    identityName: names.identity
    userPrincipalId: principalId
    userPrincipalType: principalType
  }
  dependsOn: [
    identity
    storage
    openAi
    monitoring
  ]
}

module api 'app/api.bicep' = {
  name: 'api'
  scope: rg
  params: {
    name: names.functionApp
    planName: names.plan
    location: location
    tags: tags
    identityResourceId: identity.outputs.resourceId
    identityClientId: identity.outputs.clientId
    storageAccountName: names.storage
    deploymentContainerName: deploymentContainerName
    episodesContainerName: episodesContainerName
    applicationInsightsName: names.applicationInsights
    openAiEndpoint: openAi.outputs.endpoint
    chatDeploymentName: openAi.outputs.chatDeploymentName
    speechDeploymentName: openAi.outputs.speechDeploymentName
    speechProvider: speechProvider
    speechEndpoint: speechProvider == 'AzureSpeech' ? speech!.outputs.endpoint : ''
    speechResourceId: speechProvider == 'AzureSpeech' ? speech!.outputs.resourceId : ''
    taskHubName: taskHubName
    episodeSchedule: episodeSchedule
    feedPublicBaseUrl: empty(feedPublicBaseUrl) ? 'https://${names.functionApp}.azurewebsites.net/api' : feedPublicBaseUrl
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
  }
  // The app starts right after creation: its roles (hence storage and monitoring) must exist by then.
  dependsOn: [
    rbac
  ]
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output FUNCTION_APP_NAME string = api.outputs.name
output FUNCTION_APP_URL string = api.outputs.url
output STORAGE_ACCOUNT_NAME string = storage.outputs.name
output EPISODES_CONTAINER_NAME string = storage.outputs.episodesContainerName
output DEPLOYMENT_CONTAINER_NAME string = storage.outputs.deploymentContainerName
output AZURE_OPENAI_ENDPOINT string = openAi.outputs.endpoint
