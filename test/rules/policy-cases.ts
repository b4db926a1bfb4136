/**
 * Shared pieces of the GOV002/GOV003 tables: the two reference policies (FORMATS.md §3(a):
 * the MLOps IaC guide's "deny public ML workspace" and the AI-infrastructure book's "deny
 * listed GPU VM sizes without a cost-center tag") and the config that points at them.
 */

export const DENY_PUBLIC_ML = JSON.stringify(
  {
    name: 'deny-public-ml-workspace',
    properties: {
      displayName: 'Deny public Azure ML workspaces',
      mode: 'All',
      policyRule: {
        if: {
          allOf: [
            { field: 'type', equals: 'Microsoft.MachineLearningServices/workspaces' },
            { field: 'Microsoft.MachineLearningServices/workspaces/publicNetworkAccess', equals: 'Enabled' },
          ],
        },
        then: { effect: 'deny' },
      },
    },
  },
  null,
  2,
);

export const DENY_GPU_NO_COST_CENTER = JSON.stringify(
  {
    name: 'deny-gpu-no-cost-center',
    properties: {
      displayName: 'Deny GPU VMs without a cost-center tag',
      mode: 'All',
      policyRule: {
        if: {
          allOf: [
            { field: 'type', equals: 'Microsoft.Compute/virtualMachines' },
            { field: 'Microsoft.Compute/virtualMachines/sku.name', in: ['Standard_NC24ads_A100_v4', 'Standard_ND96asr_v4', 'Standard_ND96amsr_A100_v4'] },
            { field: "tags['cost-center']", exists: 'false' },
          ],
        },
        then: { effect: 'deny' },
      },
    },
  },
  null,
  2,
);

/** A built-in-style definition whose effect is a parameter: Audit by default, Deny when assigned so. */
export const PARAM_EFFECT_PUBLIC_ML = JSON.stringify(
  {
    properties: {
      displayName: 'Azure Machine Learning Workspaces should disable public network access',
      mode: 'Indexed',
      parameters: { effect: { type: 'String', defaultValue: 'Audit', allowedValues: ['Audit', 'Deny', 'Disabled'] } },
      policyRule: {
        if: {
          allOf: [
            { field: 'type', equals: 'Microsoft.MachineLearningServices/workspaces' },
            {
              anyOf: [
                { field: 'Microsoft.MachineLearningServices/workspaces/publicNetworkAccess', exists: false },
                { field: 'Microsoft.MachineLearningServices/workspaces/publicNetworkAccess', notEquals: 'Disabled' },
              ],
            },
          ],
        },
        then: { effect: "[parameters('effect')]" },
      },
    },
    name: 'ml-public-network-param',
  },
  null,
  2,
);

/**
 * The same built-in as `az policy definition list` prints it: a JSON array of definitions, each
 * with its properties at the top (no `properties` object), beside an unrelated built-in.
 */
export const AZ_LIST_PUBLIC_ML = JSON.stringify(
  [
    {
      name: '438c38d2-3772-465a-a9cc-7a6666a275ce',
      id: '/providers/Microsoft.Authorization/policyDefinitions/438c38d2-3772-465a-a9cc-7a6666a275ce',
      type: 'Microsoft.Authorization/policyDefinitions',
      policyType: 'BuiltIn',
      ...(() => {
        const d = JSON.parse(PARAM_EFFECT_PUBLIC_ML) as { properties: Record<string, unknown> };
        return d.properties;
      })(),
    },
    {
      name: 'audit-n-series-listed',
      displayName: 'Audit N-series VMs (listed)',
      mode: 'All',
      policyRule: { if: { allOf: [{ field: 'type', equals: 'Microsoft.Compute/virtualMachines' }, { field: 'Microsoft.Compute/virtualMachines/sku.name', like: 'standard_n*' }] }, then: { effect: 'audit' } },
    },
  ],
  null,
  2,
);

/** count/where over NSG rules: inbound SSH/RDP allowed from anywhere. */
export const AUDIT_NSG_ADMIN_PORTS = JSON.stringify(
  {
    name: 'audit-nsg-admin-ports',
    properties: {
      displayName: 'Audit NSGs that allow SSH or RDP from the internet',
      mode: 'All',
      policyRule: {
        if: {
          allOf: [
            { field: 'type', equals: 'Microsoft.Network/networkSecurityGroups' },
            {
              count: {
                field: 'Microsoft.Network/networkSecurityGroups/securityRules[*]',
                where: {
                  allOf: [
                    { field: 'Microsoft.Network/networkSecurityGroups/securityRules[*].destinationPortRange', in: ['22', '3389', '*'] },
                    { field: 'Microsoft.Network/networkSecurityGroups/securityRules[*].access', equals: 'Allow' },
                    { field: 'Microsoft.Network/networkSecurityGroups/securityRules[*].direction', equals: 'Inbound' },
                    { field: 'Microsoft.Network/networkSecurityGroups/securityRules[*].sourceAddressPrefix', in: ['*', 'Internet', '0.0.0.0/0'] },
                  ],
                },
              },
              greater: 0,
            },
          ],
        },
        then: { effect: 'audit' },
      },
    },
  },
  null,
  2,
);

/** `like` with `*`: any N-series size. */
export const AUDIT_N_SERIES = JSON.stringify(
  {
    name: 'audit-n-series',
    properties: {
      displayName: 'Audit N-series VMs',
      mode: 'All',
      policyRule: {
        if: {
          allOf: [
            { field: 'type', equals: 'Microsoft.Compute/virtualMachines' },
            { field: 'Microsoft.Compute/virtualMachines/sku.name', like: 'standard_n*' },
          ],
        },
        then: { effect: 'audit' },
      },
    },
  },
  null,
  2,
);

/** A definition in mode All whose rule is `allOf` these conditions (parameters declared when given). */
export const allOfDefinition = (name: string, displayName: string, allOf: readonly object[], effect: string, parameters?: object): string =>
  JSON.stringify({ name, properties: { displayName, mode: 'All', ...(parameters ? { parameters } : {}), policyRule: { if: { allOf }, then: { effect } } } });

export const policyConfig = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({ policies: { definitions: ['policies/*.json'], ...extra } });

/**
 * Learn's example of an array parameter with allowedValues ("Azure Policy definition structure
 * parameters", Sample parameters: `allowedLocations`, assigned `["westus", "eastus2"]`) on ML
 * workspaces, with effect deny.
 */
export const ALLOWED_LOCATIONS_ML = JSON.stringify(
  {
    name: 'allowed-ml-locations',
    properties: {
      displayName: 'Allowed ML workspace locations',
      mode: 'Indexed',
      parameters: { allowedLocations: { type: 'array', defaultValue: ['westus2'], allowedValues: ['eastus2', 'westus2', 'westus'] } },
      policyRule: {
        if: { allOf: [{ field: 'type', equals: 'Microsoft.MachineLearningServices/workspaces' }, { field: 'location', notIn: "[parameters('allowedLocations')]" }] },
        then: { effect: 'deny' },
      },
    },
  },
  null,
  2,
);

/**
 * An `azurerm_policy_definition` in the scanned code (`policies.fromScannedCode`) denying public
 * ML workspaces with the effect a parameter gives (default Audit), its name and `parameters`
 * written as given: a variable without a value leaves them unknown.
 */
export const tfParamEffectDefinition = (name: string, parameters: string): string => `variable "prefix" {
  type = string
}

variable "policy_parameters" {
  type = string
}

resource "azurerm_policy_definition" "ml" {
  name         = ${name}
  policy_type  = "Custom"
  mode         = "Indexed"
  display_name = "Deny public ML workspaces (code)"
  parameters   = ${parameters}
  policy_rule = jsonencode({
    if = {
      allOf = [
        { field = "type", equals = "Microsoft.MachineLearningServices/workspaces" },
        { field = "Microsoft.MachineLearningServices/workspaces/publicNetworkAccess", notEquals = "Disabled" }
      ]
    }
    then = { effect = "[parameters('effect')]" }
  })
}
`;
