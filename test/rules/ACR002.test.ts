/**
 * ACR002 (private-registry-needs-premium): Network-restricted container registry on a SKU other than Premium.
 * Every case runs through lint() on a temporary tree (test/support/rule-tester).
 */
import { ruleTester, type RuleTable } from '../support/rule-tester/index.js';

// The cases converted from the former fixture folders; add new cases to this table.
const converted: RuleTable = {
  terraform: {
    valid: [
      {
        name: 'premium-private',
        files: {
          'main.tf': `
resource "azurerm_container_registry" "acr" {
  name                = "acrmldemo"
  resource_group_name = "rg-ml"
  location            = "westeurope"
  sku                 = "Premium"
  public_network_access_enabled = false
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
      },
      {
        name: 'sku-unknown',
        files: {
          'main.tf': `
variable "acr_sku" {
  type = string
}

resource "azurerm_container_registry" "acr" {
  name                = "acrmldemo"
  resource_group_name = "rg-ml"
  location            = "westeurope"
  sku                 = var.acr_sku
  public_network_access_enabled = false
}
`,
        },
      },
      {
        name: 'standard-public',
        files: {
          'main.tf': `
resource "azurerm_container_registry" "acr" {
  name                = "acrmldemo"
  resource_group_name = "rg-ml"
  location            = "westeurope"
  sku                 = "Standard"
}
`,
        },
      },
    ],
    invalid: [
      {
        name: 'network-rule-deny-basic',
        files: {
          'main.tf': `
resource "azurerm_container_registry" "acr" {
  name                = "acrmldemo"
  resource_group_name = "rg-ml"
  location            = "westeurope"
  sku                 = ⟦"Basic"⟧
  network_rule_set {
    default_action = "Deny"
  }
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notPremium',
      },
      {
        name: 'private-endpoint-standard',
        files: {
          'main.tf': `
resource "azurerm_container_registry" "acr" {
  name                = "acrmldemo"
  resource_group_name = "rg-ml"
  location            = "westeurope"
  sku                 = ⟦"Standard"⟧
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
        messageId: 'notPremium',
        message: /private endpoint "pe-acr" \(group registry\) targets it.*SKU is "Standard"/,
      },
      {
        name: 'public-access-disabled-standard',
        files: {
          'main.tf': `
resource "azurerm_container_registry" "acr" {
  name                = "acrmldemo"
  resource_group_name = "rg-ml"
  location            = "westeurope"
  sku                 = ⟦"Standard"⟧
  public_network_access_enabled = false
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notPremium',
      },
      {
        name: 'sku-from-variable',
        files: {
          'main.tf': `
variable "acr_sku" {
  type    = string
  default = ⟦"Standard"⟧
}

resource "azurerm_container_registry" "acr" {
  name                = "acrmldemo"
  resource_group_name = "rg-ml"
  location            = "westeurope"
  sku                 = var.acr_sku
  public_network_access_enabled = false
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notPremium',
      },
    ],
  },
  azapi: {
    valid: [
      {
        name: 'premium',
        files: {
          'main.tf': `
resource "azapi_resource" "acr" {
  type      = "Microsoft.ContainerRegistry/registries@2023-07-01"
  name      = "acrmldemo"
  parent_id = "/subscriptions/x/resourceGroups/rg-ml"
  location  = "westeurope"
  body = {
    sku = {
      name = "Premium"
    }
    properties = {
      publicNetworkAccess = "Disabled"
    }
  }
}
`,
        },
      },
      {
        name: 'standard-enabled',
        files: {
          'main.tf': `
resource "azapi_resource" "acr" {
  type      = "Microsoft.ContainerRegistry/registries@2023-07-01"
  name      = "acrmldemo"
  parent_id = "/subscriptions/x/resourceGroups/rg-ml"
  location  = "westeurope"
  body = {
    sku = {
      name = "Standard"
    }
    properties = {
      publicNetworkAccess = "Enabled"
    }
  }
}
`,
        },
      },
    ],
    invalid: [
      {
        name: 'network-rule-set-deny',
        files: {
          'main.tf': `
resource "azapi_resource" "acr" {
  type      = "Microsoft.ContainerRegistry/registries@2023-07-01"
  name      = "acrmldemo"
  parent_id = "/subscriptions/x/resourceGroups/rg-ml"
  location  = "westeurope"
  body = {
    sku = {
      name = ⟦"Basic"⟧
    }
    properties = {
      networkRuleSet = {
        defaultAction = "Deny"
      }
    }
  }
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notPremium',
      },
      {
        name: 'public-access-disabled',
        files: {
          'main.tf': `
resource "azapi_resource" "acr" {
  type      = "Microsoft.ContainerRegistry/registries@2023-07-01"
  name      = "acrmldemo"
  parent_id = "/subscriptions/x/resourceGroups/rg-ml"
  location  = "westeurope"
  body = {
    sku = {
      name = ⟦"Standard"⟧
    }
    properties = {
      publicNetworkAccess = "Disabled"
    }
  }
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notPremium',
      },
    ],
  },
  arm: {
    valid: [
      {
        name: 'premium-public-access-disabled',
        files: {
          'main.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "languageVersion": "2.0",
  "contentVersion": "1.0.0.0",
  "parameters": {},
  "resources": {
    "registry": {
      "type": "Microsoft.ContainerRegistry/registries",
      "apiVersion": "2023-07-01",
      "name": "acrmlops",
      "location": "westeurope",
      "sku": {
        "name": "Premium"
      },
      "properties": {
        "publicNetworkAccess": "Disabled"
      }
    }
  }
}
`,
        },
      },
      {
        name: 'public-access-unknown',
        files: {
          'main.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "acrPublicAccess": {
      "type": "string"
    }
  },
  "resources": [
    {
      "type": "Microsoft.ContainerRegistry/registries",
      "apiVersion": "2023-07-01",
      "name": "acrmlops",
      "location": "westeurope",
      "sku": {
        "name": "Standard"
      },
      "properties": {
        "publicNetworkAccess": "[parameters('acrPublicAccess')]"
      }
    }
  ]
}
`,
        },
      },
      {
        name: 'sku-unknown-parameter',
        files: {
          'main.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "acrSku": {
      "type": "string"
    }
  },
  "resources": [
    {
      "type": "Microsoft.ContainerRegistry/registries",
      "apiVersion": "2023-07-01",
      "name": "acrmlops",
      "location": "westeurope",
      "sku": {
        "name": "[parameters('acrSku')]"
      },
      "properties": {
        "publicNetworkAccess": "Disabled"
      }
    }
  ]
}
`,
        },
      },
      {
        name: 'standard-not-restricted',
        files: {
          'main.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {},
  "resources": [
    {
      "type": "Microsoft.ContainerRegistry/registries",
      "apiVersion": "2023-07-01",
      "name": "acrmlops",
      "location": "westeurope",
      "sku": {
        "name": "Standard"
      },
      "properties": {
        "publicNetworkAccess": "Enabled",
        "networkRuleSet": {
          "defaultAction": "Allow"
        }
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
        name: 'basic-network-rule-deny-symbolic',
        files: {
          'main.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "languageVersion": "2.0",
  "contentVersion": "1.0.0.0",
  "parameters": {},
  "resources": {
    "registry": {
      "type": "Microsoft.ContainerRegistry/registries",
      "apiVersion": "2023-07-01",
      "name": "acrmlops",
      "location": "westeurope",
      "sku": {
        "name": ⟦"Basic"⟧
      },
      "properties": {
        "networkRuleSet": {
          "defaultAction": "Deny",
          "ipRules": [
            {
              "action": "Allow",
              "value": "203.0.113.0/24"
            }
          ]
        }
      }
    }
  }
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notPremium',
      },
      {
        name: 'sku-from-parameter-default',
        files: {
          'main.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "acrSku": {
      "type": "string",
      "defaultValue": ⟦"Standard"⟧,
      "allowedValues": [
        "Basic",
        "Standard",
        "Premium"
      ]
    }
  },
  "resources": [
    {
      "type": "Microsoft.ContainerRegistry/registries",
      "apiVersion": "2023-07-01",
      "name": "acrmlops",
      "location": "westeurope",
      "sku": {
        "name": "[parameters('acrSku')]"
      },
      "properties": {
        "publicNetworkAccess": "Disabled"
      }
    }
  ]
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notPremium',
      },
      {
        name: 'standard-private-endpoint',
        files: {
          'main.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "subnetId": {
      "type": "string"
    }
  },
  "resources": [
    {
      "type": "Microsoft.ContainerRegistry/registries",
      "apiVersion": "2023-07-01",
      "name": "acrmlops",
      "location": "westeurope",
      "sku": {
        "name": ⟦"Standard"⟧
      },
      "properties": {}
    },
    {
      "type": "Microsoft.Network/privateEndpoints",
      "apiVersion": "2023-04-01",
      "name": "pe-acr",
      "location": "westeurope",
      "dependsOn": [
        "[resourceId('Microsoft.ContainerRegistry/registries', 'acrmlops')]"
      ],
      "properties": {
        "subnet": {
          "id": "[parameters('subnetId')]"
        },
        "privateLinkServiceConnections": [
          {
            "name": "acr",
            "properties": {
              "privateLinkServiceId": "[resourceId('Microsoft.ContainerRegistry/registries', 'acrmlops')]",
              "groupIds": [
                "registry"
              ]
            }
          }
        ]
      }
    }
  ]
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notPremium',
      },
      {
        // A manual connection (awaiting the registry owner's approval) targets the registry as well.
        name: 'basic-private-endpoint-manual-connection',
        files: {
          'main.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
    {
      "type": "Microsoft.ContainerRegistry/registries",
      "apiVersion": "2023-07-01",
      "name": "acrmlops",
      "location": "westeurope",
      "sku": {
        "name": ⟦"Basic"⟧
      },
      "properties": {}
    },
    {
      "type": "Microsoft.Network/privateEndpoints",
      "apiVersion": "2023-04-01",
      "name": "pe-acr",
      "location": "westeurope",
      "properties": {
        "manualPrivateLinkServiceConnections": [
          {
            "name": "acr",
            "properties": {
              "privateLinkServiceId": "[resourceId('Microsoft.ContainerRegistry/registries', 'acrmlops')]",
              "groupIds": ["registry"],
              "requestMessage": "ML platform"
            }
          }
        ]
      }
    }
  ]
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notPremium',
        messageIncludes: 'private endpoint "pe-acr" (group registry) targets it',
      },
      {
        name: 'standard-public-access-disabled',
        files: {
          'main.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {},
  "resources": [
    {
      "type": "Microsoft.ContainerRegistry/registries",
      "apiVersion": "2023-07-01",
      "name": "acrmlops",
      "location": "westeurope",
      "sku": {
        "name": ⟦"Standard"⟧
      },
      "properties": {
        "publicNetworkAccess": "Disabled"
      }
    }
  ]
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notPremium',
      },
    ],
  },
  'bicep-compiled': {
    valid: [
      {
        name: 'premium-public-access-disabled',
        files: {
          'main.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "languageVersion": "2.0",
  "contentVersion": "1.0.0.0",
  "metadata": {
    "_generator": {
      "name": "bicep",
      "version": "0.30.23.60470",
      "templateHash": "1"
    }
  },
  "parameters": {},
  "resources": {
    "registry": {
      "type": "Microsoft.ContainerRegistry/registries",
      "apiVersion": "2023-07-01",
      "name": "acrmlops",
      "location": "westeurope",
      "sku": {
        "name": "Premium"
      },
      "properties": {
        "publicNetworkAccess": "Disabled"
      }
    }
  }
}
`,
        },
      },
      {
        name: 'standard-not-restricted',
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
  "parameters": {},
  "resources": [
    {
      "type": "Microsoft.ContainerRegistry/registries",
      "apiVersion": "2023-07-01",
      "name": "acrmlops",
      "location": "westeurope",
      "sku": {
        "name": "Standard"
      },
      "properties": {
        "publicNetworkAccess": "Enabled",
        "networkRuleSet": {
          "defaultAction": "Allow"
        }
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
        name: 'basic-network-rule-deny-symbolic',
        files: {
          'main.json': `
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "languageVersion": "2.0",
  "contentVersion": "1.0.0.0",
  "metadata": {
    "_generator": {
      "name": "bicep",
      "version": "0.30.23.60470",
      "templateHash": "1"
    }
  },
  "parameters": {},
  "resources": {
    "registry": {
      "type": "Microsoft.ContainerRegistry/registries",
      "apiVersion": "2023-07-01",
      "name": "acrmlops",
      "location": "westeurope",
      "sku": {
        "name": ⟦"Basic"⟧
      },
      "properties": {
        "networkRuleSet": {
          "defaultAction": "Deny",
          "ipRules": [
            {
              "action": "Allow",
              "value": "203.0.113.0/24"
            }
          ]
        }
      }
    }
  }
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notPremium',
      },
      {
        name: 'standard-public-access-disabled',
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
  "parameters": {},
  "resources": [
    {
      "type": "Microsoft.ContainerRegistry/registries",
      "apiVersion": "2023-07-01",
      "name": "acrmlops",
      "location": "westeurope",
      "sku": {
        "name": ⟦"Standard"⟧
      },
      "properties": {
        "publicNetworkAccess": "Disabled"
      }
    }
  ]
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notPremium',
      },
    ],
  },
  bicep: {
    valid: [
      {
        // The endpoint targets a registry of the same name in another resource group (resourceId('other-rg', …)): not this one (review 60).
        name: 'endpoint-targets-a-same-named-registry-in-another-resource-group',
        files: { 'main.bicep': `resource acr 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'acr1'
  location: 'westeurope'
  sku: { name: 'Standard' }
}

resource pe 'Microsoft.Network/privateEndpoints@2023-09-01' = {
  name: 'pe1'
  location: 'westeurope'
  properties: {
    subnet: { id: '/subscriptions/x/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/s' }
    manualPrivateLinkServiceConnections: [
      {
        name: 'c'
        properties: {
          privateLinkServiceId: resourceId('other-rg', 'Microsoft.ContainerRegistry/registries', 'acr1')
          groupIds: ['registry']
        }
      }
    ]
  }
}
` },
      },
      {
        name: 'premium-private',
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
`,
        },
      },
    ],
    invalid: [
      {
        name: 'basic-private',
        files: {
          'main.bicep': `
resource acr 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'acrmlops'
  location: 'westeurope'
  sku: {
    name: ⟦'Basic'⟧
  }
  properties: {
    publicNetworkAccess: 'Disabled'
  }
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notPremium',
      },
      {
        // A module's output read through the null-forgiving `!` (`reg!.outputs.id`, as Bicep's linter
        // advises for a conditional module) is the output itself: the endpoint targets that registry.
        name: 'private-endpoint-on-a-module-output-read-with-null-forgiving',
        files: {
          'main.bicep': `
param deployRegistry bool = true
module reg 'modules/acr.bicep' = if (deployRegistry) {
  name: 'reg'
}
module pe 'modules/pe.bicep' = {
  name: 'pe'
  params: {
    registryId: (reg!).outputs.id
    registryIdAgain: reg!.outputs.id
  }
}
`,
          'modules/acr.bicep': `
resource acr 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'acrbasic1'
  location: 'westeurope'
  sku: { name: ⟦'Basic'⟧ }
}
output id string = acr.id
`,
          'modules/pe.bicep': `
param registryId string
param registryIdAgain string
resource pe 'Microsoft.Network/privateEndpoints@2024-07-01' = {
  name: 'pe-acr'
  location: 'westeurope'
  properties: {
    subnet: { id: '/subscriptions/x/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/s' }
    privateLinkServiceConnections: [
      { name: 'acr', properties: { privateLinkServiceId: registryId, groupIds: ['registry'] } }
      { name: 'acr2', properties: { privateLinkServiceId: registryIdAgain, groupIds: ['registry'] } }
    ]
  }
}
`,
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notPremium',
      },
    ],
  },
};

// The `azure-cli` format: az commands in scripts and CI steps (src/frontends/azure-cli.ts).
const azureCli: RuleTable = {
  'azure-cli': {
    valid: [
      { name: 'premium', files: { 'deploy.sh': 'az acr create -n acrml -g rg --sku Premium --public-network-enabled false\n' } },
      { name: 'not-restricted', files: { 'deploy.sh': 'az acr create -n acrml -g rg --sku Basic\n' } },
    ],
    invalid: [
      {
        // Each part of a pipeline runs in a subshell: what a piped `while` or `{ …; }` assigns ends with it (review 64).
        name: 'sku-assigned-only-in-a-piped-loop-or-group',
        files: {
          'deploy.sh':
            'SKU=⟦Basic⟧\necho x | while read -r l; do SKU=Premium; done\necho x | { SKU=Premium; { SKU=Standard; }; SKU=Premium; }\necho x |& { SKU=Premium; }\naz acr create -n acr1 -g rg --sku "$SKU" --public-network-enabled false\n',
        },
        level: 'error',
        env: 'unknown',
        messageId: 'notPremium',
      },
      {
        name: 'default-action-deny-on-standard',
        files: { 'deploy.sh': 'az acr create -n acrml -g rg --sku ⟦Standard⟧ --default-action Deny\n' },
        level: 'error',
        env: 'unknown',
        messageId: 'notPremium',
      },
    ],
  },
};

ruleTester('ACR002', converted, azureCli);
