// Feature store and its secrets vault, deployed next to the Terraform platform.
// Compile with `az bicep build --file main.bicep` (the result is main.json, which mlops-iac-lint reads).

@description('Deployment environment.')
@allowed([
  'dev'
  'prod'
])
param environment string = 'prod'

@description('Azure region of every resource.')
param location string = resourceGroup().location

param prefix string = 'mlops'

var name = '${prefix}-${environment}-fs'

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: 'kv-${name}'
  location: location
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
  }
}

resource featureStore 'Microsoft.MachineLearningServices/workspaces@2024-04-01' = {
  name: 'mlw-${name}'
  location: location
  kind: 'FeatureStore'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    friendlyName: 'Feature store (${environment})'
    keyVault: vault.id
    publicNetworkAccess: 'Enabled'
    featureStoreSettings: {
      offlineStoreConnectionName: 'OfflineStoreConnectionName'
      onlineStoreConnectionName: 'OnlineStoreConnectionName'
    }
  }
}

output featureStoreId string = featureStore.id
