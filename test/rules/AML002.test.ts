/**
 * AML002 (private-registry-needs-image-build-compute): Workspace with a network-restricted container registry but no image-build compute.
 * Every case runs through lint() on a temporary tree (test/support/rule-tester).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { lint } from '../../src/api.js';
import { ruleTester, type RuleTable } from '../support/rule-tester/index.js';
import { tempTrees } from '../support/temp-tree.js';

// The cases converted from the former fixture folders; add new cases to this table.
/**
 * A network-restricted registry, the azapi workspace "mlw" on it (its header marked ⟦ ⟧ when
 * `marked`: the finding expected there) and an `azapi_update_resource` that sets its
 * imageBuildCompute, naming its target by `name` and `parent_id` (HCL expressions).
 */
function updatedWorkspace(name: string, parentId: string, marked = false): string {
  const header = 'resource "azapi_resource" "ws" {';
  return `
resource "azurerm_container_registry" "acr" {
  name                = "acrml"
  resource_group_name = "rg-ml"
  location            = "westeurope"
  sku                 = "Premium"
  public_network_access_enabled = false
}

${marked ? `⟦${header}⟧` : header}
  type      = "Microsoft.MachineLearningServices/workspaces@2024-04-01"
  name      = "mlw"
  parent_id = "/subscriptions/x/resourceGroups/rg"
  body = {
    properties = {
      containerRegistry   = azurerm_container_registry.acr.id
      publicNetworkAccess = "Disabled"
    }
  }
}

resource "azapi_update_resource" "image_build" {
  type      = "Microsoft.MachineLearningServices/workspaces@2024-04-01"
  name      = ${name}
  parent_id = ${parentId}
  body = {
    properties = { imageBuildCompute = "cpu-cluster" }
  }
}
`;
}

const converted: RuleTable = {
  terraform: {
    valid: [
      {
        name: 'image-build-compute-set',
        files: {
          'main.tf': `
resource "azurerm_container_registry" "acr" {
  name                = "acrml"
  resource_group_name = "rg-ml"
  location            = "westeurope"
  sku                 = "Premium"
  public_network_access_enabled = false
}

resource "azurerm_machine_learning_workspace" "ws" {
  name                          = "mlw-private"
  location                      = "westeurope"
  resource_group_name           = "rg-ml"
  application_insights_id       = "/subscriptions/x/appi"
  key_vault_id                  = "/subscriptions/x/kv"
  storage_account_id            = "/subscriptions/x/st"
  container_registry_id         = azurerm_container_registry.acr.id
  public_network_access_enabled = false
  image_build_compute_name      = "cpu-cluster"
  identity {
    type = "SystemAssigned"
  }
}
`,
        },
      },
      {
        name: 'public-registry',
        files: {
          'main.tf': `
resource "azurerm_container_registry" "acr" {
  name                = "acrml"
  resource_group_name = "rg-ml"
  location            = "westeurope"
  sku                 = "Premium"
}

resource "azurerm_machine_learning_workspace" "ws" {
  name                          = "mlw-private"
  location                      = "westeurope"
  resource_group_name           = "rg-ml"
  application_insights_id       = "/subscriptions/x/appi"
  key_vault_id                  = "/subscriptions/x/kv"
  storage_account_id            = "/subscriptions/x/st"
  container_registry_id         = azurerm_container_registry.acr.id
  public_network_access_enabled = false

  identity {
    type = "SystemAssigned"
  }
}
`,
        },
      },
      {
        name: 'restriction-unknown',
        files: {
          'main.tf': `
variable "acr_public" {
  type = bool
}

resource "azurerm_container_registry" "acr" {
  name                = "acrml"
  resource_group_name = "rg-ml"
  location            = "westeurope"
  sku                 = "Premium"
  public_network_access_enabled = var.acr_public
}

resource "azurerm_machine_learning_workspace" "ws" {
  name                          = "mlw-private"
  location                      = "westeurope"
  resource_group_name           = "rg-ml"
  application_insights_id       = "/subscriptions/x/appi"
  key_vault_id                  = "/subscriptions/x/kv"
  storage_account_id            = "/subscriptions/x/st"
  container_registry_id         = azurerm_container_registry.acr.id
  public_network_access_enabled = false

  identity {
    type = "SystemAssigned"
  }
}
`,
        },
      },
    ],
    invalid: [
      {
        // An optional module behind a count switch, read through a splat: `one(module.acr[*].id)`.
        name: 'registry-of-a-counted-module-through-a-splat',
        files: {
          'acr/main.tf':
            'resource "azurerm_container_registry" "this" {\n  name                          = "acrx"\n  location                      = "westeurope"\n  resource_group_name           = "rg"\n  sku                           = "Premium"\n  public_network_access_enabled = false\n}\n\noutput "id" {\n  value = azurerm_container_registry.this.id\n}\n',
          'root/main.tf':
            'module "acr" {\n  source = "../acr"\n  count  = 1\n}\n\n⟦resource "azurerm_machine_learning_workspace" "ws" {⟧\n  name                          = "mlw"\n  location                      = "westeurope"\n  resource_group_name           = "rg"\n  application_insights_id       = "ai"\n  key_vault_id                  = "kv"\n  storage_account_id            = "st"\n  container_registry_id         = one(module.acr[*].id)\n  public_network_access_enabled = false\n}\n',
        },
        level: 'error',
        env: 'unknown',
        messageId: 'noImageBuildCompute',
      },
      {
        name: 'empty-image-build-compute',
        files: {
          'main.tf': `
resource "azurerm_container_registry" "acr" {
  name                = "acrml"
  resource_group_name = "rg-ml"
  location            = "westeurope"
  sku                 = "Premium"
  public_network_access_enabled = false
}

resource "azurerm_machine_learning_workspace" "ws" {
  name                          = "mlw-private"
  location                      = "westeurope"
  resource_group_name           = "rg-ml"
  application_insights_id       = "/subscriptions/x/appi"
  key_vault_id                  = "/subscriptions/x/kv"
  storage_account_id            = "/subscriptions/x/st"
  container_registry_id         = azurerm_container_registry.acr.id
  public_network_access_enabled = false
  image_build_compute_name      = ⟦""⟧
  identity {
    type = "SystemAssigned"
  }
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'noImageBuildCompute',
      },
      {
        name: 'registry-network-deny',
        files: {
          'main.tf': `
resource "azurerm_container_registry" "acr" {
  name                = "acrml"
  resource_group_name = "rg-ml"
  location            = "westeurope"
  sku                 = "Premium"
  network_rule_set {
    default_action = "Deny"
  }
}

⟦resource "azurerm_machine_learning_workspace" "ws" {⟧
  name                          = "mlw-private"
  location                      = "westeurope"
  resource_group_name           = "rg-ml"
  application_insights_id       = "/subscriptions/x/appi"
  key_vault_id                  = "/subscriptions/x/kv"
  storage_account_id            = "/subscriptions/x/st"
  container_registry_id         = azurerm_container_registry.acr.id
  public_network_access_enabled = false

  identity {
    type = "SystemAssigned"
  }
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'noImageBuildCompute',
      },
      {
        name: 'registry-private-endpoint',
        files: {
          'main.tf': `
resource "azurerm_container_registry" "acr" {
  name                = "acrml"
  resource_group_name = "rg-ml"
  location            = "westeurope"
  sku                 = "Premium"
}

⟦resource "azurerm_machine_learning_workspace" "ws" {⟧
  name                          = "mlw-private"
  location                      = "westeurope"
  resource_group_name           = "rg-ml"
  application_insights_id       = "/subscriptions/x/appi"
  key_vault_id                  = "/subscriptions/x/kv"
  storage_account_id            = "/subscriptions/x/st"
  container_registry_id         = azurerm_container_registry.acr.id
  public_network_access_enabled = false

  identity {
    type = "SystemAssigned"
  }
}

resource "azurerm_private_endpoint" "acr" {
  name                = "pe-acr"
  location            = "westeurope"
  resource_group_name = "rg-ml"
  subnet_id           = "/subscriptions/x/subnets/pe"

  private_service_connection {
    name                           = "acr"
    private_connection_resource_id = azurerm_container_registry.acr.id
    subresource_names              = ["registry"]
    is_manual_connection           = false
  }
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'noImageBuildCompute',
      },
      {
        name: 'registry-public-access-disabled',
        files: {
          'main.tf': `
resource "azurerm_container_registry" "acr" {
  name                = "acrml"
  resource_group_name = "rg-ml"
  location            = "westeurope"
  sku                 = "Premium"
  public_network_access_enabled = false
}

⟦resource "azurerm_machine_learning_workspace" "ws" {⟧
  name                          = "mlw-private"
  location                      = "westeurope"
  resource_group_name           = "rg-ml"
  application_insights_id       = "/subscriptions/x/appi"
  key_vault_id                  = "/subscriptions/x/kv"
  storage_account_id            = "/subscriptions/x/st"
  container_registry_id         = azurerm_container_registry.acr.id
  public_network_access_enabled = false

  identity {
    type = "SystemAssigned"
  }
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'noImageBuildCompute',
      },
    ],
  },
  azapi: {
    valid: [
      {
        // azapi docs (update_resource): "Configuring name and parent_id is an alternative way to
        // configure resource_id". The update names the workspace through its output (microsoft/AzureTRE).
        name: 'image-build-compute-set-by-update-name-reference',
        files: {
          'main.tf': updatedWorkspace('azapi_resource.ws.output.name', 'data.azurerm_resource_group.rg.id'),
        },
      },
      {
        // A known name and the same parent: the one workspace of that name in the evaluation.
        name: 'image-build-compute-set-by-update-known-name',
        files: {
          'main.tf': updatedWorkspace('"mlw"', '"/subscriptions/x/resourceGroups/rg"'),
        },
      },
      {
        name: 'image-build-compute',
        files: {
          'main.tf': `
resource "azurerm_container_registry" "acr" {
  name                = "acrml"
  resource_group_name = "rg-ml"
  location            = "westeurope"
  sku                 = "Premium"
  public_network_access_enabled = false
}

resource "azapi_resource" "ws" {
  type      = "Microsoft.MachineLearningServices/workspaces@2024-04-01"
  name      = "mlw"
  parent_id = "/subscriptions/x/resourceGroups/rg"
  body = {
    properties = {
      containerRegistry   = azurerm_container_registry.acr.id
      imageBuildCompute   = "cpu-cluster"
    }
  }
}
`,
        },
      },
      {
        // Same name, but a parent that is not known to be the workspace's: it may patch it, so
        // its image-build compute is unknown, not absent (review 60: reported as not set).
        name: 'update-same-name-unknown-parent',
        files: {
          'main.tf': updatedWorkspace('"mlw"', 'data.azurerm_resource_group.rg.id'),
        },
      },
      {
        // The update's name reads the workspace's, which is not known (a variable): it may be this one.
        name: 'update-names-a-workspace-whose-name-is-unknown',
        files: {
          'main.tf': `variable "suffix" {}
resource "azurerm_container_registry" "acr" {
  name                          = "acrml"
  resource_group_name           = "rg-ml"
  location                      = "westeurope"
  sku                           = "Premium"
  public_network_access_enabled = false
}
resource "azurerm_machine_learning_workspace" "ws" {
  name                          = "ws-\${var.suffix}"
  location                      = "westeurope"
  resource_group_name           = "rg-ml"
  application_insights_id       = "/subscriptions/x/appi"
  key_vault_id                  = "/subscriptions/x/kv"
  storage_account_id            = "/subscriptions/x/st"
  container_registry_id         = azurerm_container_registry.acr.id
  public_network_access_enabled = false
  identity {
    type = "SystemAssigned"
  }
}
resource "azapi_update_resource" "ibc" {
  type      = "Microsoft.MachineLearningServices/workspaces@2024-04-01"
  name      = azurerm_machine_learning_workspace.ws.name
  parent_id = "/subscriptions/x/resourceGroups/rg-ml"
  body = {
    properties = {
      imageBuildCompute = "cpu-cluster"
    }
  }
}
`,
        },
      },
    ],
    invalid: [
      {
        // The update names another workspace: it sets nothing on this one.
        name: 'update-names-another-workspace',
        files: {
          'main.tf': updatedWorkspace('"mlw-other"', 'data.azurerm_resource_group.rg.id', true),
        },
        level: 'error',
        env: 'unknown',
        messageId: 'noImageBuildCompute',
      },
      {
        // Same name, but a known parent that is not the workspace's: another resource group.
        name: 'update-same-name-other-parent',
        files: {
          'main.tf': updatedWorkspace('"mlw"', '"/subscriptions/x/resourceGroups/rg-other"', true),
        },
        level: 'error',
        env: 'unknown',
        messageId: 'noImageBuildCompute',
      },
      {
        name: 'private-registry',
        files: {
          'main.tf': `
resource "azurerm_container_registry" "acr" {
  name                = "acrml"
  resource_group_name = "rg-ml"
  location            = "westeurope"
  sku                 = "Premium"
  public_network_access_enabled = false
}

⟦resource "azapi_resource" "ws" {⟧
  type      = "Microsoft.MachineLearningServices/workspaces@2024-04-01"
  name      = "mlw"
  parent_id = "/subscriptions/x/resourceGroups/rg"
  body = {
    properties = {
      containerRegistry   = azurerm_container_registry.acr.id
      publicNetworkAccess = "Disabled"
    }
  }
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'noImageBuildCompute',
      },
    ],
  },
  arm: {
    valid: [
      {
        name: 'image-build-compute',
        files: {
          'main.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "acrName": {
      "type": "string"
    }
  },
  "resources": [
    {
      "type": "Microsoft.ContainerRegistry/registries",
      "apiVersion": "2023-07-01",
      "name": "[parameters('acrName')]",
      "location": "westeurope",
      "sku": {
        "name": "Premium"
      },
      "properties": {
        "publicNetworkAccess": "Disabled"
      }
    },
    {
      "type": "Microsoft.MachineLearningServices/workspaces",
      "apiVersion": "2024-04-01",
      "name": "mlw-demo",
      "location": "westeurope",
      "identity": {
        "type": "SystemAssigned"
      },
      "properties": {
        "containerRegistry": "[resourceId('Microsoft.ContainerRegistry/registries', parameters('acrName'))]",
        "publicNetworkAccess": "Disabled",
        "imageBuildCompute": "cpu-cluster"
      }
    }
  ]
}
`,
        },
      },
    ],
    invalid: [
      {
        name: 'private-registry-unknown-name',
        files: {
          'main.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "acrName": {
      "type": "string"
    }
  },
  "resources": [
    {
      "type": "Microsoft.ContainerRegistry/registries",
      "apiVersion": "2023-07-01",
      "name": "[parameters('acrName')]",
      "location": "westeurope",
      "sku": {
        "name": "Premium"
      },
      "properties": {
        "publicNetworkAccess": "Disabled"
      }
    },
    {
      ⟦"type": "Microsoft.MachineLearningServices/workspaces"⟧,
      "apiVersion": "2024-04-01",
      "name": "mlw-demo",
      "location": "westeurope",
      "identity": {
        "type": "SystemAssigned"
      },
      "properties": {
        "containerRegistry": "[resourceId('Microsoft.ContainerRegistry/registries', parameters('acrName'))]",
        "publicNetworkAccess": "Disabled"
      }
    }
  ]
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'noImageBuildCompute',
      },
    ],
  },
  'bicep-compiled': {
    valid: [
      {
        name: 'image-build-compute',
        files: {
          'main.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "metadata": {
    "_generator": {
      "name": "bicep",
      "version": "0.30.23.60470",
      "templateHash": "1"
    }
  },
  "parameters": {
    "acrName": {
      "type": "string"
    }
  },
  "resources": [
    {
      "type": "Microsoft.ContainerRegistry/registries",
      "apiVersion": "2023-07-01",
      "name": "[parameters('acrName')]",
      "location": "westeurope",
      "sku": {
        "name": "Premium"
      },
      "properties": {
        "publicNetworkAccess": "Disabled"
      }
    },
    {
      "type": "Microsoft.MachineLearningServices/workspaces",
      "apiVersion": "2024-04-01",
      "name": "mlw-demo",
      "location": "westeurope",
      "identity": {
        "type": "SystemAssigned"
      },
      "properties": {
        "containerRegistry": "[resourceId('Microsoft.ContainerRegistry/registries', parameters('acrName'))]",
        "publicNetworkAccess": "Disabled",
        "imageBuildCompute": "cpu-cluster"
      }
    }
  ]
}
`,
        },
      },
    ],
    invalid: [
      {
        name: 'private-registry-unknown-name',
        files: {
          'main.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "metadata": {
    "_generator": {
      "name": "bicep",
      "version": "0.30.23.60470",
      "templateHash": "1"
    }
  },
  "parameters": {
    "acrName": {
      "type": "string"
    }
  },
  "resources": [
    {
      "type": "Microsoft.ContainerRegistry/registries",
      "apiVersion": "2023-07-01",
      "name": "[parameters('acrName')]",
      "location": "westeurope",
      "sku": {
        "name": "Premium"
      },
      "properties": {
        "publicNetworkAccess": "Disabled"
      }
    },
    {
      ⟦"type": "Microsoft.MachineLearningServices/workspaces"⟧,
      "apiVersion": "2024-04-01",
      "name": "mlw-demo",
      "location": "westeurope",
      "identity": {
        "type": "SystemAssigned"
      },
      "properties": {
        "containerRegistry": "[resourceId('Microsoft.ContainerRegistry/registries', parameters('acrName'))]",
        "publicNetworkAccess": "Disabled"
      }
    }
  ]
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'noImageBuildCompute',
      },
    ],
  },
  bicep: {
    valid: [
      {
        // The workspace's registry is an `existing` one in another resource group: not the local one
        // of the same name, so not known to be network-restricted (review 60: a false error).
        name: 'existing-registry-of-the-same-name-in-another-resource-group',
        files: { 'main.bicep': `resource acrLocal 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'acr1'
  location: 'westeurope'
  sku: { name: 'Premium' }
  properties: { publicNetworkAccess: 'Disabled' }
}

resource acrShared 'Microsoft.ContainerRegistry/registries@2023-07-01' existing = {
  name: 'acr1'
  scope: resourceGroup('shared-rg')
}

resource ws 'Microsoft.MachineLearningServices/workspaces@2024-04-01' = {
  name: 'mlw1'
  location: 'westeurope'
  properties: {
    publicNetworkAccess: 'Disabled'
    containerRegistry: acrShared.id
  }
}
` },
      },
      {
        name: 'image-build-compute',
        files: {
          'main.bicep': `
resource acr 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'acrmlops'
  location: 'westeurope'
  sku: {
    name: 'Premium'
  }
  properties: {
    publicNetworkAccess: 'Disabled'
  }
}

resource ws 'Microsoft.MachineLearningServices/workspaces@2024-04-01' = {
  name: 'mlw-demo'
  location: 'westeurope'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    publicNetworkAccess: 'Disabled'
    containerRegistry: acr.id
    imageBuildCompute: 'cpu-cluster'
  }
  resource cpucluster 'computes' = {
    name: 'cpu-cluster'
    location: 'westeurope'
    properties: {
      computeType: 'AmlCompute'
      properties: {
        vmSize: 'Standard_DS3_v2'
        scaleSettings: {
          minNodeCount: 0
          maxNodeCount: 4
        }
      }
    }
  }
}
`,
        },
      },
    ],
    invalid: [
      {
        name: 'private-registry-symbolic-id',
        files: {
          'main.bicep': `
resource acr 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'acrmlops'
  location: 'westeurope'
  sku: {
    name: 'Premium'
  }
  properties: {
    publicNetworkAccess: 'Disabled'
  }
}

⟦resource ws 'Microsoft.MachineLearningServices/workspaces@2024-04-01'⟧ = {
  name: 'mlw-demo'
  location: 'westeurope'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    publicNetworkAccess: 'Disabled'
    containerRegistry: acr.id
  }
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'noImageBuildCompute',
      },
      {
        // The AVM idiom: a resource id is never empty, so `empty(crId) ? null : crId` is the registry's id.
        name: 'registry-id-behind-empty-test',
        files: {
          'main.bicep': `
module reg 'modules/reg.bicep' = {
  name: 'reg'
}
var crId = reg.outputs.id

⟦resource ws 'Microsoft.MachineLearningServices/workspaces@2024-10-01'⟧ = {
  name: 'ws1'
  location: 'eastus'
  properties: {
    containerRegistry: empty(crId) ? null : crId
    publicNetworkAccess: 'Disabled'
  }
}
`,
          'modules/reg.bicep': `
resource acr 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'cr1'
  location: 'eastus'
  sku: { name: 'Premium' }
  properties: { publicNetworkAccess: 'Disabled' }
}
output id string = acr.id
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'noImageBuildCompute',
      },
      {
        // A parameter file that blanks every name: `acr.id` still names the registry declared beside the workspace.
        name: 'registry-with-empty-name',
        files: {
          'main.bicep': `
param acrName string = ''

resource acr 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: acrName
  location: 'westeurope'
  sku: { name: 'Premium' }
  properties: { publicNetworkAccess: 'Disabled' }
}

⟦resource ws 'Microsoft.MachineLearningServices/workspaces@2024-04-01'⟧ = {
  name: 'mlw-demo'
  location: 'westeurope'
  properties: {
    publicNetworkAccess: 'Disabled'
    containerRegistry: acr.id
  }
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'noImageBuildCompute',
      },
    ],
  },
};

// The `azure-cli` format: az commands in scripts and CI steps (src/frontends/azure-cli.ts).
const azureCli: RuleTable = {
  'azure-cli': {
    valid: [
      {
        name: 'image-build-compute-set',
        files: {
          'deploy.sh': `
az acr create -n acrml -g rg --sku Premium --public-network-enabled false
az ml workspace create -n ws -g rg --container-registry /subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerRegistry/registries/acrml --image-build-compute cpu-cluster --public-network-access Disabled
`,
        },
      },
      {
        // `--query loginServer` is not the id: the registry stays unknown.
        name: 'registry-output-not-the-id',
        files: {
          'deploy.sh': `
az acr create -n acrml -g rg --sku Premium --public-network-enabled false
ACR=$(az acr show -n acrml --query loginServer -o tsv)
az ml workspace create -n ws -g rg --container-registry "$ACR"
`,
        },
      },
      {
        name: 'registry-public',
        files: {
          'deploy.sh': `
az acr create -n acrml -g rg --sku Premium
az ml workspace create -n ws -g rg --container-registry acrml --public-network-access Disabled
`,
        },
      },
    ],
    invalid: [
      {
        name: 'private-registry-no-image-build-compute',
        files: {
          'deploy.sh': `
az acr create -n acrml -g rg --sku Premium --public-network-enabled false
⟦az⟧ ml workspace create -n ws -g rg --container-registry /subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerRegistry/registries/acrml
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'noImageBuildCompute',
        // The absent flag is named as the command writes it, not as the ARM property.
        messageIncludes: '(--image-build-compute is not set) but its registry "acrml" is network-restricted (public network access is disabled), so image builds fail; set --image-build-compute to',
      },
      {
        // PowerShell: the registry id assigned from $(az acr show … --query id) or from the command itself.
        name: 'powershell-registry-id-from-query-id',
        files: {
          'deploy.ps1': `az acr create -n acrml -g rg --sku Premium --public-network-enabled false
$acrId = $(az acr show -n acrml -g rg --query id -o tsv)
⟦az⟧ ml workspace create -n ws1 -g rg --container-registry "$acrId" --public-network-access Disabled
$acrId2=$(az acr show -n acrml -g rg --query id -o tsv)
⟦az⟧ ml workspace create -n ws2 -g rg --container-registry "$acrId2" --public-network-access Disabled
$acrId3 = az acr show -n acrml -g rg --query id -o tsv
⟦az⟧ ml workspace create -n ws3 -g rg --container-registry "$acrId3" --public-network-access Disabled
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'noImageBuildCompute',
        messageIncludes: 'its registry "acrml" is network-restricted',
      },
      {
        // The workspace YAML a command reads names the registry by its ARM id, as --container-registry does
        // (the `__` inside a resource group name is no token-replacement placeholder).
        name: 'workspace-file-names-the-registry-the-script-creates',
        files: {
          'deploy.sh': 'az acr create -n acrx -g rg --sku Premium --public-network-enabled false\naz ml workspace create --file ws.yml -g rg\n',
          'ws.yml': '$schema: https://azuremlschemas.azureedge.net/latest/workspace.schema.json\n⟦name: mlw-x⟧\npublic_network_access: Disabled\ncontainer_registry: /subscriptions/0/resourceGroups/ml__core__rg/providers/Microsoft.ContainerRegistry/registries/acrx\n',
        },
        level: 'error',
        env: 'unknown',
        messageId: 'noImageBuildCompute',
        messageIncludes: 'its registry "acrx" is network-restricted',
      },
      {
        // The registry id captured from the CLI (`--query id`) names the registry the script creates.
        name: 'registry-id-from-query-id',
        files: {
          'deploy.sh': `
ACR_ID=$(az acr create -n acrml -g rg --sku Premium --public-network-enabled false --query id -o tsv)
⟦az⟧ ml workspace create -n ws -g rg --container-registry "$ACR_ID"
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'noImageBuildCompute',
        messageIncludes: 'its registry "acrml" is network-restricted',
      },
    ],
  },
};

/**
 * RULES.md "Values chosen by a condition": "The same holds when the chosen branch is `null` (the
 * attribute then counts as absent)": the finding points at where the input that chose the `null`
 * was written, with the `null` branch, the condition and the consuming attribute related.
 */
const nullBranch: RuleTable = {
  bicep: {
    valid: [],
    invalid: [
      {
        name: 'ternary-chooses-null-by-parameter-default',
        files: {
          'main.bicep': `
param buildCompute string = ⟦''⟧

resource acr 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'acrnullbranch'
  location: 'westeurope'
  sku: {
    name: 'Premium'
  }
  properties: {
    publicNetworkAccess: 'Disabled'
  }
}

resource mlw 'Microsoft.MachineLearningServices/workspaces@2024-04-01' = {
  name: 'mlw-null-branch'
  location: 'westeurope'
  properties: {
    containerRegistry: acr.id
    publicNetworkAccess: 'Disabled'
    imageBuildCompute: !empty(buildCompute) ? buildCompute : null
  }
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'noImageBuildCompute',
        related: [
          { file: 'main.bicep', line: 20, label: 'null chosen by the condition' },
          { file: 'main.bicep', line: 20, label: 'condition' },
          { file: 'main.bicep', line: 20, label: 'attribute properties.imageBuildCompute' },
          { file: 'main.bicep', line: 1, label: 'parameter "buildCompute"' },
        ],
      },
    ],
  },
  arm: {
    valid: [],
    invalid: [
      {
        name: 'if-chooses-null-by-parameter-default',
        files: {
          'azuredeploy.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "imageBuildCompute": { "type": "string", "defaultValue": ⟦""⟧ }
  },
  "resources": [
    {
      "type": "Microsoft.ContainerRegistry/registries",
      "apiVersion": "2023-07-01",
      "name": "acrmlopsarm01",
      "location": "westeurope",
      "sku": { "name": "Premium" },
      "properties": { "publicNetworkAccess": "Disabled" }
    },
    {
      "type": "Microsoft.MachineLearningServices/workspaces",
      "apiVersion": "2024-04-01",
      "name": "mlw-arm",
      "location": "westeurope",
      "dependsOn": [ "[resourceId('Microsoft.ContainerRegistry/registries', 'acrmlopsarm01')]" ],
      "properties": {
        "containerRegistry": "[resourceId('Microsoft.ContainerRegistry/registries', 'acrmlopsarm01')]",
        "publicNetworkAccess": "Disabled",
        "imageBuildCompute": "[if(empty(parameters('imageBuildCompute')), null(), parameters('imageBuildCompute'))]"
      }
    }
  ]
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'noImageBuildCompute',
        related: [
          { file: 'azuredeploy.json', line: 25, label: 'null chosen by the condition' },
          { file: 'azuredeploy.json', line: 25, label: 'attribute properties.imageBuildCompute' },
          { file: 'azuredeploy.json', line: 5, label: 'parameter "imageBuildCompute"' },
        ],
      },
    ],
  },
};

/** A workspace (its header line as given, with `imageBuild` lines) whose registry is read by a data source, after `before`. */
function onDataSourceRegistry(header: string, imageBuild: string, before = ''): string {
  return `
data "azurerm_container_registry" "acr" {
  name                = "acrshared"
  resource_group_name = "rg-shared"
}
${before}${header}
  name                    = "mlw-demo"
  location                = "westeurope"
  resource_group_name     = "rg-ml"
  application_insights_id = "/subscriptions/x/appi"
  key_vault_id            = "/subscriptions/x/kv"
  storage_account_id      = "/subscriptions/x/st"
  container_registry_id   = data.azurerm_container_registry.acr.id
${imageBuild}
  identity {
    type = "SystemAssigned"
  }
}
`;
}

const PRIVATE_ENDPOINT_TO_DATA_REGISTRY = `resource "azurerm_private_endpoint" "pe" {
  name                = "pe-acr"
  location            = "westeurope"
  resource_group_name = "rg-ml"
  subnet_id           = "/subscriptions/x/subnets/pe"
  private_service_connection {
    name                           = "acr"
    private_connection_resource_id = data.azurerm_container_registry.acr.id
    subresource_names              = ["registry"]
    is_manual_connection           = false
  }
}
`;

// A registry outside the scanned code (a data source, an `existing` resource) is network-restricted
// when a scanned private endpoint with group registry targets its id.
const endpointToUnscannedRegistry: RuleTable = {
  terraform: {
    valid: [],
    invalid: [
      {
        name: 'private-endpoint-to-a-data-source-registry',
        files: {
          'main.tf': onDataSourceRegistry('⟦resource "azurerm_machine_learning_workspace" "ws" {⟧', '', PRIVATE_ENDPOINT_TO_DATA_REGISTRY),
        },
        level: 'error',
        env: 'unknown',
        messageId: 'noImageBuildCompute',
        messageIncludes: 'its registry "data.azurerm_container_registry.acr" is network-restricted (private endpoint "pe-acr" (group registry) targets it)',
      },
    ],
  },
  bicep: {
    valid: [],
    invalid: [
      {
        name: 'private-endpoint-to-an-existing-registry',
        files: {
          'main.bicep': `
param acrName string = 'sharedacr'

resource acr 'Microsoft.ContainerRegistry/registries@2023-07-01' existing = {
  name: acrName
}

resource pe 'Microsoft.Network/privateEndpoints@2023-09-01' = {
  name: 'pe-acr'
  location: 'westeurope'
  properties: {
    subnet: { id: '/subscriptions/x/subnets/pe' }
    privateLinkServiceConnections: [
      {
        name: 'acr'
        properties: {
          privateLinkServiceId: acr.id
          groupIds: [ 'registry' ]
        }
      }
    ]
  }
}

⟦resource ws 'Microsoft.MachineLearningServices/workspaces@2024-04-01'⟧ = {
  name: 'ws'
  location: 'westeurope'
  identity: { type: 'SystemAssigned' }
  properties: {
    containerRegistry: acr.id
    publicNetworkAccess: 'Disabled'
  }
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'noImageBuildCompute',
        messageIncludes: 'its registry "sharedacr"',
      },
    ],
  },
};


// One template deployed to two resource groups declares its registry and workspace twice: a
// reference written without a resource group (`acr.id`, `resourceId(type, name)`) resolves in
// the deployment that writes it, so each workspace still reaches its own registry (the
// two-resource-group identity change had made the registry "not in the scanned code").
const twoResourceGroups: RuleTable = {
  bicep: {
    valid: [],
    invalid: [
      {
        name: 'module-deployed-to-two-resource-groups',
        files: {
          'main.bicep': `
targetScope = 'subscription'
module prod 'ml.bicep' = {
  name: 'prod'
  scope: resourceGroup('rg-ml-prod')
}
module dev 'ml.bicep' = {
  name: 'dev'
  scope: resourceGroup('rg-ml-dev')
}
`,
          'ml.bicep': `
param location string = 'westeurope'
resource acr 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'acrml'
  location: location
  sku: { name: 'Premium' }
  properties: { publicNetworkAccess: 'Disabled' }
}
⟦resource ws 'Microsoft.MachineLearningServices/workspaces@2024-04-01'⟧ = {
  name: 'ws-ml'
  location: location
  properties: {
    containerRegistry: acr.id
    publicNetworkAccess: 'Disabled'
  }
}
`,
        },
        level: 'error',
        env: 'unknown',
      },
    ],
  },
  arm: {
    valid: [],
    invalid: [
      {
        name: 'copy-loop-of-nested-deployments-to-two-resource-groups',
        files: { 'azuredeploy.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2018-05-01/subscriptionDeploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": { "rgs": { "type": "array", "defaultValue": ["rg-ml-prod", "rg-ml-dev"] } },
  "resources": [
    {
      "type": "Microsoft.Resources/deployments",
      "apiVersion": "2022-09-01",
      "name": "[concat('ml-', copyIndex())]",
      "resourceGroup": "[parameters('rgs')[copyIndex()]]",
      "copy": { "name": "envs", "count": 2 },
      "properties": {
        "mode": "Incremental",
        "template": {
          "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
          "contentVersion": "1.0.0.0",
          "resources": [
            { "type": "Microsoft.ContainerRegistry/registries", "apiVersion": "2023-07-01", "name": "acrml", "location": "westeurope",
              "sku": { "name": "Premium" }, "properties": { "publicNetworkAccess": "Disabled" } },
            { ⟦"type": "Microsoft.MachineLearningServices/workspaces"⟧, "apiVersion": "2024-04-01", "name": "ws-ml", "location": "westeurope",
              "dependsOn": ["[resourceId('Microsoft.ContainerRegistry/registries', 'acrml')]"],
              "properties": { "publicNetworkAccess": "Disabled", "containerRegistry": "[resourceId('Microsoft.ContainerRegistry/registries', 'acrml')]" } }
          ]
        }
      }
    }
  ]
}
` },
        level: 'error',
        env: 'unknown',
      },
    ],
  },
};

ruleTester('AML002', converted, azureCli, nullBranch, endpointToUnscannedRegistry, twoResourceGroups);

const { tree, cleanup } = tempTrees('aml002-');
afterAll(cleanup);

describe('AML002 undecided', () => {
  const workspace = (imageBuild: string): string => onDataSourceRegistry('resource "azurerm_machine_learning_workspace" "ws" {', imageBuild);
  const undecided = async (imageBuild: string): Promise<{ address: string; reason: string }[]> => {
    const dir = tree({ 'main.tf': workspace(imageBuild) });
    const r = await lint({ paths: [dir], root: dir, rules: ['AML002'] });
    expect(r.findings.filter((f) => f.ruleId === 'AML002')).toEqual([]);
    return r.undecided.filter((u) => u.ruleId === 'AML002').map((u) => ({ address: u.address, reason: u.reason }));
  };

  it('lists a workspace without image-build compute whose registry is outside the scanned code (it may be network-restricted)', async () => {
    expect(await undecided('')).toEqual([
      { address: 'azurerm_machine_learning_workspace.ws', reason: 'the value naming its container registry is unknown (depends on data.azurerm_container_registry.acr), so whether it is network-restricted is unknown' },
    ]);
  });

  it('names a module output that is not declared as the reason, not a registry outside the scan (review 74)', async () => {
    const dir = tree({
      'main.tf': 'module "acr" {\n  source = "./acr"\n}\n\nresource "azurerm_machine_learning_workspace" "ws" {\n  name                  = "mlw"\n  container_registry_id = module.acr.id\n}\n',
      'acr/main.tf': 'resource "azurerm_container_registry" "this" {\n  name                          = "acrx"\n  sku                           = "Premium"\n  public_network_access_enabled = false\n}\n',
    });
    const r = await lint({ paths: [dir], root: dir, rules: ['AML002'] });
    expect(r.findings.filter((f) => f.ruleId === 'AML002')).toEqual([]);
    expect(r.undecided.filter((u) => u.ruleId === 'AML002').map((u) => u.reason)).toEqual([
      'the value naming its container registry is unknown (module "acr" declares no output "id" (Terraform: "Unsupported attribute")), so whether it is network-restricted is unknown',
    ]);
  });

  it('says nothing when the workspace has an image-build compute (no finding is possible)', async () => {
    expect(await undecided('  image_build_compute_name = "builder"')).toEqual([]);
  });
});
