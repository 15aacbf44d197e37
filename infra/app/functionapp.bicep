// Flex Consumption plan + .NET 10 isolated function app. All connections are identity-based: no keys or
// connection strings in app settings. The Flex-deprecated settings (FUNCTIONS_WORKER_RUNTIME,
// FUNCTIONS_EXTENSION_VERSION, WEBSITE_RUN_FROM_PACKAGE, WEBSITE_CONTENTSHARE, ...) are deliberately absent:
// runtime and package location live in functionAppConfig.
param planName string
param appName string
param location string
param tags object
param identityName string
param storageAccountName string
param deploymentContainerName string
param applicationInsightsName string
@description('Fully qualified Service Bus namespace; empty selects Storage Queues.')
param serviceBusNamespace string
@description('Key Vault secret URI of the admin key; the app reads it through its identity.')
param adminKeySecretUri string

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: identityName
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

var clientId = identity.properties.clientId
var endpoints = storage.properties.primaryEndpoints

var baseSettings = {
  // Host storage (triggers, leases, timers) through the user-assigned identity.
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: clientId
  AzureWebJobsStorage__blobServiceUri: endpoints.blob
  AzureWebJobsStorage__queueServiceUri: endpoints.queue
  AzureWebJobsStorage__tableServiceUri: endpoints.table
  // The app's own Azure SDK clients (ManagedIdentityCredential(Storage__ClientId)).
  Storage__BlobServiceUri: endpoints.blob
  Storage__QueueServiceUri: endpoints.queue
  Storage__TableServiceUri: endpoints.table
  Storage__ClientId: clientId
  // The same section as a Functions connection named "Storage" (queue triggers), through the identity.
  Storage__credential: 'managedidentity'
  Queue__Provider: empty(serviceBusNamespace) ? 'StorageQueues' : 'ServiceBus'
  // The forward queue: the app writes to it and the queue trigger reads it by this one setting.
  ForwardQueueName: 'forward'
  APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsights.properties.ConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${clientId};Authorization=AAD'
  Open311__AdminKey: '@Microsoft.KeyVault(SecretUri=${adminKeySecretUri})'
  // Azure's front ends put the caller's address last in X-Forwarded-For; the per-address limits read it there.
  Open311__ClientIpHeader: 'X-Forwarded-For'
}

var serviceBusSettings = empty(serviceBusNamespace)
  ? {}
  : {
      ServiceBus__fullyQualifiedNamespace: serviceBusNamespace
      ServiceBus__credential: 'managedidentity'
      ServiceBus__clientId: clientId
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
    reserved: true // Linux
  }
}

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: appName
  location: location
  tags: union(tags, { 'azd-service-name': 'api' }) // azd deploys the "api" service to this site
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Key Vault references (the admin key) are resolved with the user-assigned identity.
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      // No platform CORS: the app answers CORS itself, by route (public API any origin, manage API only configured ones).
      appSettings: map(items(union(baseSettings, serviceBusSettings)), s => { name: s.key, value: s.value })
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${endpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identity.id
          }
        }
      }
      scaleAndConcurrency: {
        instanceMemoryMB: 2048
        maximumInstanceCount: 100
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
}

// azd deploys with Entra ID (OneDeploy to the package container); basic publishing credentials stay off.
resource scmBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'scm'
  properties: {
    allow: false
  }
}

resource ftpBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

output name string = site.name
output defaultHostName string = site.properties.defaultHostName
