// Open311 Functions on Azure: `azd up` provisions this, then deploys src/Open311.Functions (azure.yaml).
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('azd environment name; names the resource group rg-{environmentName} and seeds resource names.')
param environmentName string

@minLength(1)
@description('Region for all resources (must offer Flex Consumption).')
param location string

@description('Object id of the deploying user (AZURE_PRINCIPAL_ID); empty skips the user role assignments.')
param principalId string = ''
@description('User when a person runs azd; ServicePrincipal when a CI pipeline deploys (azd sets AZURE_PRINCIPAL_TYPE).')
@allowed(['User', 'ServicePrincipal'])
param principalType string = 'User'

@description('Deploy a Service Bus namespace with the "forward" queue and switch Queue__Provider to ServiceBus.')
param enableServiceBus bool = false

@description('Give the deploying principal Storage Table and Blob data roles (e.g. to revoke keys with az). azd itself does not need them.')
param grantDeployerDataAccess bool = false

// Required rather than defaulted: a newGuid() default would rotate the key on every provision. Under azd it is
// generated once and kept in the environment's config (type 'generate'); other deployers pass it explicitly.
@secure()
@minLength(32)
@description('Shared secret for the manage/ API (Open311__AdminKey).')
@metadata({
  azd: {
    type: 'generate'
    config: { length: 48, noSpecial: true }
  }
})
param adminKey string

var abbrs = loadJsonContent('abbreviations.json')
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = { 'azd-env-name': environmentName }
// Names are computed here (not read from module outputs) so What-If can predict every resource id.
var names = {
  identity: '${abbrs.managedIdentityUserAssignedIdentities}api-${resourceToken}'
  storage: '${abbrs.storageStorageAccounts}${resourceToken}'
  logAnalytics: '${abbrs.operationalInsightsWorkspaces}${resourceToken}'
  applicationInsights: '${abbrs.insightsComponents}${resourceToken}'
  serviceBus: '${abbrs.serviceBusNamespaces}${resourceToken}'
  keyVault: '${abbrs.keyVaultVaults}${resourceToken}'
  plan: '${abbrs.webServerFarms}${resourceToken}'
  functionApp: '${abbrs.webSitesFunctions}api-${resourceToken}'
}

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: '${abbrs.resourcesResourceGroups}${environmentName}'
  location: location
  tags: tags
}

module identity 'app/identity.bicep' = {
  scope: rg
  params: {
    name: names.identity
    location: location
    tags: tags
  }
}

module storage 'app/storage.bicep' = {
  scope: rg
  params: {
    name: names.storage
    location: location
    tags: tags
    deploymentContainerName: 'app-package-${resourceToken}'
  }
}

module monitoring 'app/monitoring.bicep' = {
  scope: rg
  params: {
    logAnalyticsName: names.logAnalytics
    applicationInsightsName: names.applicationInsights
    location: location
    tags: tags
  }
}

module keyVault 'app/keyvault.bicep' = {
  scope: rg
  params: {
    name: names.keyVault
    location: location
    tags: tags
    identityName: names.identity
    adminKey: adminKey
  }
  dependsOn: [identity]
}

module serviceBus 'app/servicebus.bicep' = if (enableServiceBus) {
  scope: rg
  params: {
    name: names.serviceBus
    location: location
    tags: tags
  }
}

// Roles are granted before the app starts, so the host's first storage call does not fail with 403.
module rbac 'app/rbac.bicep' = {
  scope: rg
  params: {
    storageAccountName: names.storage
    applicationInsightsName: names.applicationInsights
    serviceBusNamespaceName: names.serviceBus
    enableServiceBus: enableServiceBus
    identityName: names.identity
    userPrincipalId: grantDeployerDataAccess ? principalId : ''
    userPrincipalType: principalType
  }
  dependsOn: [identity, storage, monitoring, serviceBus]
}

module api 'app/functionapp.bicep' = {
  scope: rg
  params: {
    planName: names.plan
    appName: names.functionApp
    location: location
    tags: tags
    identityName: names.identity
    storageAccountName: names.storage
    deploymentContainerName: storage.outputs.deploymentContainerName
    applicationInsightsName: names.applicationInsights
    serviceBusNamespace: enableServiceBus ? serviceBus!.outputs.fullyQualifiedNamespace : ''
    adminKeySecretUri: keyVault.outputs.adminKeySecretUri
  }
  dependsOn: [rbac]
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output SERVICE_API_NAME string = api.outputs.name
output AZURE_FUNCTION_NAME string = api.outputs.name
output SERVICE_API_URI string = 'https://${api.outputs.defaultHostName}/open311'
