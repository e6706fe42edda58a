// Azure OpenAI account with one chat deployment (text agents) and one speech deployment (TTS).
// Key auth is disabled: the app calls it with its managed identity (Cognitive Services OpenAI User).

@description('Azure OpenAI account name; also its custom subdomain (required for Entra ID auth).')
param name string

@description('Region of the account; must offer both models (e.g. eastus2 or swedencentral).')
param location string

@description('Tags applied to the account.')
param tags object

@description('Chat deployment: name, model, version, sku and capacity (thousands of tokens per minute).')
param chat deploymentSpec

@description('Speech deployment: name, model, version, sku and capacity.')
param speech deploymentSpec

@description('One model deployment on the Azure OpenAI account.')
type deploymentSpec = {
  @description('Deployment name the app calls (TextModel__Deployment / Speech__Deployment).')
  name: string
  @description('Model name, e.g. gpt-4o-mini or gpt-4o-mini-tts.')
  model: string
  @description('Model version, e.g. 2024-07-18.')
  version: string
  @description('Deployment sku, e.g. GlobalStandard or Standard.')
  sku: string
  @description('Capacity units of the sku.')
  capacity: int
}

resource account 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: name
  location: location
  tags: tags
  kind: 'OpenAI'
  sku: {
    name: 'S0'
  }
  properties: {
    customSubDomainName: name
    disableLocalAuth: true
    publicNetworkAccess: 'Enabled'
  }
}

resource chatDeployment 'Microsoft.CognitiveServices/accounts/deployments@2024-10-01' = {
  parent: account
  name: chat.name
  sku: {
    name: chat.sku
    capacity: chat.capacity
  }
  properties: {
    model: {
      format: 'OpenAI'
      name: chat.model
      version: chat.version
    }
  }
}

// Deployments on one account must be created one at a time, hence the explicit dependency.
resource speechDeployment 'Microsoft.CognitiveServices/accounts/deployments@2024-10-01' = {
  parent: account
  name: speech.name
  sku: {
    name: speech.sku
    capacity: speech.capacity
  }
  properties: {
    model: {
      format: 'OpenAI'
      name: speech.model
      version: speech.version
    }
  }
  dependsOn: [
    chatDeployment
  ]
}

output name string = account.name
output endpoint string = account.properties.endpoint
output chatDeploymentName string = chatDeployment.name
output speechDeploymentName string = speechDeployment.name
