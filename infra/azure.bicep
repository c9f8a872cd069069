// Azure resources for the Schulabsentismus bot: App Service (Linux, Node 20), Azure Bot with the Teams channel,
// Storage (Blob + Queue, STORAGE=azure), Key Vault, Application Insights. Deployed by `atk provision`
// (m365agents.yml, arm/deploy); the outputs are written to env/.env.<env>.

@minLength(4)
@maxLength(16)
@description('Prefix of every resource name: lowercase letters and digits (storage and Key Vault names are global).')
param resourceBaseName string

param location string = 'westeurope'

@description('App Service plan SKU (B1 is enough for one instance; P0v3 and up for several).')
param appServiceSku string = 'B1'

@minValue(1)
@maxValue(10)
@description('Instances of the Web App. More than one is safe: STORAGE=azure, one sender at a time via a lease.')
param instanceCount int = 1

@maxLength(42)
param botDisplayName string = 'Schulabsentismus DO'

@allowed([
  'UserAssignedMSI'
  'SingleTenant'
])
@description('UserAssignedMSI: the managed identity below is the bot (no secret). SingleTenant: an Entra app registration with a secret.')
param botType string = 'UserAssignedMSI'

@description('SingleTenant only: client id of the bot\'s Entra app registration.')
param botAppId string = ''

@secure()
@description('SingleTenant only: client secret of that app registration (stored in Key Vault).')
param botPassword string = ''

@description('Client id of the tabs\' sign-in app registration (aadApp/create in m365agents.yml); empty: the app uses BOT_ID.')
param tabAppId string = ''

@description('Entra object ids of the coordinators, comma-separated (empty: nobody can broadcast).')
param coordinatorIds string = ''

@description('Entra tenant ids served, comma-separated.')
param allowedTenantIds string = tenant().tenantId

@allowed([
  'fatal'
  'error'
  'warn'
  'info'
  'debug'
  'trace'
  'silent'
])
param logLevel string = 'info'

@allowed([
  'true'
  'false'
])
@description('Four-eyes rule for knowledge edits.')
param knowledgeApproval string = 'false'

@allowed([
  'true'
  'false'
])
@description('Four-eyes rule for news broadcasts.')
param broadcastApproval string = 'false'

// The app's defaults (src/config.ts); tests/unit/deploy/deploy-files.test.ts keeps them equal.
var storageContainerName = 'schulabsentismus'
var storageQueueName = 'schulabsentismus-deliveries'

var msi = botType == 'UserAssignedMSI'
var botId = msi ? identity.properties.clientId : botAppId
var storageAccountName = take('${replace(toLower(resourceBaseName), '-', '')}store', 24)
var keyVaultSecretsUser = subscriptionResourceId(
  'Microsoft.Authorization/roleDefinitions',
  '4633458b-17de-408a-b874-0445c86b69e6'
)

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${resourceBaseName}-id'
  location: location
}

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${resourceBaseName}-logs'
  location: location
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: 30
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${resourceBaseName}-ai'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
  }
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageAccountName
  location: location
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    accessTier: 'Hot'
    supportsHttpsTrafficOnly: true
    minimumTlsVersion: 'TLS1_2'
    allowBlobPublicAccess: false
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource container 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: storageContainerName
  properties: {
    publicAccess: 'None'
  }
}

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource queue 'Microsoft.Storage/storageAccounts/queueServices/queues@2023-05-01' = {
  parent: queueService
  name: storageQueueName
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: '${resourceBaseName}-kv'
  location: location
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 30
  }
}

resource storageSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'storage-connection-string'
  properties: {
    value: 'DefaultEndpointsProtocol=https;AccountName=${storage.name};AccountKey=${storage.listKeys().keys[0].value};EndpointSuffix=${environment().suffixes.storage}'
  }
}

resource botPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!msi) {
  parent: vault
  name: 'bot-password'
  properties: {
    value: botPassword
  }
}

// The app reads its Key Vault references with the user-assigned identity.
resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: vault
  name: guid(vault.id, identity.id, keyVaultSecretsUser)
  properties: {
    roleDefinitionId: keyVaultSecretsUser
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource plan 'Microsoft.Web/serverfarms@2024-11-01' = {
  name: '${resourceBaseName}-plan'
  location: location
  kind: 'linux'
  sku: {
    name: appServiceSku
    capacity: instanceCount
  }
  properties: {
    reserved: true
  }
}

resource webApp 'Microsoft.Web/sites@2024-11-01' = {
  name: '${resourceBaseName}-app'
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Key Vault references are resolved with the user-assigned identity.
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      linuxFxVersion: 'NODE|20-lts'
      appCommandLine: 'node dist/index.js'
      alwaysOn: true
      healthCheckPath: '/healthz'
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      http20Enabled: true
    }
  }
}

// Every setting the app reads in Azure (src/config.ts); checked by tests/unit/deploy/deploy-files.test.ts.
var appSettings = {
  NODE_ENV: 'production'
  WEBSITE_NODE_DEFAULT_VERSION: '~20'
  SCM_DO_BUILD_DURING_DEPLOYMENT: 'false'
  WEBSITE_RUN_FROM_PACKAGE: '1'
  BOT_ID: botId
  BOT_TYPE: botType
  BOT_TENANT_ID: tenant().tenantId
  BOT_DOMAIN: webApp.properties.defaultHostName
  TAB_APP_ID: tabAppId
  AZURE_CLIENT_ID: identity.properties.clientId
  STORAGE: 'azure'
  AZURE_STORAGE_CONNECTION_STRING: '@Microsoft.KeyVault(SecretUri=${storageSecret.properties.secretUri})'
  AZURE_STORAGE_CONTAINER: storageContainerName
  AZURE_STORAGE_QUEUE: storageQueueName
  APPLICATIONINSIGHTS_CONNECTION_STRING: appInsights.properties.ConnectionString
  COORDINATOR_IDS: coordinatorIds
  ALLOWED_TENANT_IDS: allowedTenantIds
  LOG_LEVEL: logLevel
  KNOWLEDGE_APPROVAL: knowledgeApproval
  BROADCAST_APPROVAL: broadcastApproval
}

// SingleTenant only; with UserAssignedMSI the app refuses a BOT_PASSWORD.
var passwordSetting = msi
  ? {}
  : {
      BOT_PASSWORD: '@Microsoft.KeyVault(SecretUri=${botPasswordSecret.properties.secretUri})'
    }

resource webAppSettings 'Microsoft.Web/sites/config@2024-11-01' = {
  parent: webApp
  name: 'appsettings'
  properties: union(appSettings, passwordSetting)
  // The role must exist before App Service resolves the Key Vault references.
  dependsOn: [
    secretsUser
  ]
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: resourceBaseName
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: 'F0'
  }
  properties: union(
    {
      displayName: botDisplayName
      endpoint: 'https://${webApp.properties.defaultHostName}/api/messages'
      msaAppId: botId
      msaAppType: botType
      msaAppTenantId: tenant().tenantId
    },
    msi ? { msaAppMSIResourceId: identity.id } : {}
  )
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

// Persisted to env/.env.<env> by the toolkit (https://aka.ms/teamsfx-actions/arm-deploy).
output BOT_ID string = botId
output BOT_TENANT_ID string = tenant().tenantId
output BOT_DOMAIN string = webApp.properties.defaultHostName
output BOT_ENDPOINT string = 'https://${webApp.properties.defaultHostName}'
output BOT_AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id
output AZURE_KEY_VAULT_NAME string = vault.name
output AZURE_STORAGE_ACCOUNT_NAME string = storage.name
