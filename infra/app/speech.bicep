// Azure AI Speech account for Speech__Provider=AzureSpeech, with the app identity's data-plane role on it.
// Key auth is disabled: the app sends its managed identity's token (aad#{resource id}#{token}) to the region's
// text-to-speech endpoint, which needs the account's custom subdomain and Cognitive Services Speech User.

@description('Speech account name; also its custom subdomain (required for Entra ID auth).')
param name string

@description('Region of the account; its text-to-speech endpoint is https://<region>.tts.speech.microsoft.com/.')
param location string

@description('Tags applied to the account.')
param tags object

@description('Name of the app\'s user-assigned managed identity.')
param identityName string

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: identityName
}

resource account 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: name
  location: location
  tags: tags
  kind: 'SpeechServices'
  sku: {
    name: 'S0'
  }
  properties: {
    customSubDomainName: name
    disableLocalAuth: true
    publicNetworkAccess: 'Enabled'
  }
}

// Cognitive Services Speech User: text to speech and the voice list with an Entra token.
resource speechUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(account.id, identity.id, 'f2dc8367-1007-4938-bd23-fe263f013447')
  scope: account
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'f2dc8367-1007-4938-bd23-fe263f013447')
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

output resourceId string = account.id
output endpoint string = 'https://${location}.tts.speech.microsoft.com/'
