/**
 * Issue 11 item 17: AML001 details. An AI Studio / AI Foundry project (`kind: Project` with a
 * hub) inherits its hub's network settings: the hub is judged, never the project. On workspace
 * API versions before 2021-07-01 (no `publicNetworkAccess`), `allowPublicAccessWhenBehindVnet`
 * is read as Microsoft Learn documented it: public unless a private endpoint targets the
 * workspace and the flag is not true (the reading in rules/aml/AML001-*.md).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { lintTree, tempTrees } from '../support/temp-tree.js';
import { isProjectWorkspace, predatesPublicNetworkAccess } from '../../src/model/facts/aml.js';

const { tree, cleanup } = tempTrees('mil-i11-aml-');
afterAll(cleanup);

describe('AML001: a project is judged at its hub', () => {
  it('Bicep hub and project, both Enabled: only the hub is reported, with the value as written', async () => {
    const dir = tree({
      'main.bicep': `resource hub 'Microsoft.MachineLearningServices/workspaces@2024-04-01' = {
  name: 'hub'
  location: 'westeurope'
  kind: 'Hub'
  properties: {
    publicNetworkAccess: 'Enabled'
  }
}

resource project 'Microsoft.MachineLearningServices/workspaces@2024-04-01' = {
  name: 'project'
  location: 'westeurope'
  kind: 'Project'
  properties: {
    hubResourceId: hub.id
    publicNetworkAccess: 'Enabled'
  }
}
`,
    });
    const { findings, briefs } = await lintTree(dir, ['AML001']);
    expect(briefs).toEqual(['AML001 warning publicWorkspace main.bicep:6:26']);
    expect(findings[0]!.message).toContain('because properties.publicNetworkAccess is Enabled;');
  });

  it('ARM (kind "project", any case) and azapi projects with publicNetworkAccess absent: no finding', async () => {
    const dir = tree({
      'azuredeploy.json': JSON.stringify({
        $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
        contentVersion: '1.0.0.0',
        resources: [
          {
            type: 'Microsoft.MachineLearningServices/workspaces',
            apiVersion: '2024-10-01',
            name: 'proj',
            location: 'westeurope',
            kind: 'project',
            properties: { hubResourceId: '/subscriptions/x/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/hub' },
          },
        ],
      }),
      'main.tf': `resource "azapi_resource" "project" {
  type      = "Microsoft.MachineLearningServices/workspaces@2025-07-01-preview"
  name      = "proj"
  parent_id = "/subscriptions/x/resourceGroups/rg"
  body = {
    kind       = "Project"
    properties = { hubResourceId = "/subscriptions/x/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/hub" }
  }
}
`,
    });
    expect((await lintTree(dir, ['AML001'])).briefs).toEqual([]);
  });

  it('azurerm: an AI Foundry hub left at its default is reported; its azurerm_ai_foundry_project is not', async () => {
    const dir = tree({
      'main.tf': `resource "azurerm_ai_foundry" "hub" {
  name                = "aihub"
  location            = "westeurope"
  resource_group_name = "rg"
  storage_account_id  = "/x/st"
  key_vault_id        = "/x/kv"
}

resource "azurerm_ai_foundry_project" "project" {
  name               = "project"
  location           = "westeurope"
  ai_services_hub_id = azurerm_ai_foundry.hub.id
}

resource "azurerm_ai_foundry" "private" {
  name                  = "aihub-private"
  location              = "westeurope"
  resource_group_name   = "rg"
  storage_account_id    = "/x/st"
  key_vault_id          = "/x/kv"
  public_network_access = "Disabled"
}
`,
    });
    const { findings, briefs } = await lintTree(dir, ['AML001']);
    expect(briefs).toEqual(['AML001 warning publicWorkspace main.tf:1:1']);
    expect(findings[0]!.message).toContain('public_network_access is not set (defaults to Enabled)');
  });

  it('a workspace kind that cannot be evaluated: not reported, "could not decide"', async () => {
    const dir = tree({
      'main.bicep': `param kind string

resource ws 'Microsoft.MachineLearningServices/workspaces@2024-04-01' = {
  name: 'ws'
  location: 'westeurope'
  kind: kind
  properties: {}
}
`,
    });
    const { briefs, undecided } = await lintTree(dir, ['AML001']);
    expect(briefs).toEqual([]);
    expect(undecided.map((u) => [u.ruleId, u.attribute])).toEqual([['AML001', 'workspaceKind']]);
  });
});

describe('AML001: allowPublicAccessWhenBehindVnet on API versions before publicNetworkAccess', () => {
  const ws = (name: string, apiVersion: string, props: string) => `resource ${name} 'Microsoft.MachineLearningServices/workspaces@${apiVersion}' = {
  name: '${name}'
  location: 'westeurope'
  properties: {${props}}
}
`;
  const pe = (target: string) => `resource pe 'Microsoft.Network/privateEndpoints@2023-05-01' = {
  name: 'pe'
  location: 'westeurope'
  properties: {
    subnet: { id: '/subscriptions/x/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/s' }
    privateLinkServiceConnections: [
      {
        name: 'c'
        properties: {
          privateLinkServiceId: ${target}.id
          groupIds: [ 'amlworkspace' ]
        }
      }
    ]
  }
}
`;

  it('behind a private endpoint with the flag false or absent: not reported', async () => {
    const dir = tree({
      'false/main.bicep': ws('ws', '2020-06-01', '\n    allowPublicAccessWhenBehindVnet: false\n  ') + pe('ws'),
      'absent/main.bicep': ws('ws', '2021-04-01', '') + pe('ws'),
    });
    expect((await lintTree(dir, ['AML001'])).briefs).toEqual([]);
  });

  it('flag true: reported at the flag, even behind a private endpoint', async () => {
    const dir = tree({ 'main.bicep': ws('ws', '2020-06-01', '\n    allowPublicAccessWhenBehindVnet: true\n  ') + pe('ws') });
    const { findings, briefs } = await lintTree(dir, ['AML001']);
    expect(briefs).toEqual(['AML001 warning legacyPublicBehindVnet main.bicep:5:38']);
    expect(findings[0]!.message).toBe(
      'ML workspace "ws" is reachable from the public internet because properties.allowPublicAccessWhenBehindVnet is true (API version 2020-06-01 predates publicNetworkAccess); set properties.allowPublicAccessWhenBehindVnet to false, or use API version 2021-07-01 or later with publicNetworkAccess Disabled.',
    );
  });

  it('no private endpoint: reported at the header, saying why', async () => {
    const dir = tree({ 'main.bicep': ws('ws', '2018-11-19', '') });
    const { findings, briefs } = await lintTree(dir, ['AML001']);
    expect(briefs).toEqual(['AML001 warning legacyNoPrivateEndpoint main.bicep:1:1']);
    expect(findings[0]!.message).toContain('API version 2018-11-19 predates publicNetworkAccess and no private endpoint in the scanned code targets the workspace');
  });

  it('no private endpoint scanned, but a module that is not evaluated is passed the workspace: undecided, not reported (review 80)', async () => {
    const registryPe = "module pe 'br/public:avm/res/network/private-endpoint:0.7.0' = {\n  name: 'pe'\n  params: {\n    baseResource: { name: ws.name, id: ws.id }\n  }\n}\n";
    const tfPe =
      'resource "azapi_resource" "ws" {\n  type      = "Microsoft.MachineLearningServices/workspaces@2020-09-01-preview"\n  name      = "ws"\n  parent_id = "/subscriptions/x/resourceGroups/rg"\n  location  = "westeurope"\n  body      = { properties = {} }\n}\nmodule "pe" {\n  source                         = "Azure/avm-res-network-privateendpoint/azurerm"\n  version                        = "0.2.0"\n  private_connection_resource_id = azapi_resource.ws.id\n}\n';
    const dir = tree({
      'bicep/main.bicep': ws('ws', '2020-09-01-preview', '') + registryPe,
      'terraform/main.tf': tfPe,
      // A module given something else decides nothing.
      'other/main.bicep': ws('ws', '2020-09-01-preview', '') + "module pe 'br/public:avm/res/network/private-endpoint:0.7.0' = {\n  name: 'pe'\n  params: { name: 'x' }\n}\n",
    });
    const { briefs, undecided } = await lintTree(dir, ['AML001']);
    expect(briefs).toEqual(['AML001 warning legacyNoPrivateEndpoint other/main.bicep:1:1']);
    const reasons = undecided.filter((u) => u.ruleId === 'AML001').map((u) => u.reason);
    expect(reasons).toEqual([
      expect.stringContaining('module "pe" ("br/public:avm/res/network/private-endpoint:0.7.0"), which is not evaluated, is passed the workspace: a private endpoint it may create is not known'),
      expect.stringContaining('module "pe" ("Azure/avm-res-network-privateendpoint/azurerm"), which is not evaluated, is passed the workspace'),
    ]);
  });

  it('a local module that is not read (its file is missing) and is passed the workspace: undecided, not reported (review 112)', async () => {
    const localPe = (file: string) => `module pe '${file}' = {\n  name: 'pe'\n  params: {\n    workspaceArmId: ws.id\n  }\n}\n`;
    const dir = tree({
      'missing/main.bicep': ws('ws', '2021-04-01', '\n    allowPublicAccessWhenBehindVnet: false\n  ') + localPe('privatedns.bicep'),
      // Given something else, it decides nothing.
      'other/main.bicep': ws('ws', '2021-04-01', '') + "module pe 'privatedns.bicep' = {\n  name: 'pe'\n  params: { name: 'x' }\n}\n",
    });
    const { briefs, undecided } = await lintTree(dir, ['AML001']);
    expect(briefs).toEqual(['AML001 warning legacyNoPrivateEndpoint other/main.bicep:1:1']);
    expect(undecided.filter((u) => u.ruleId === 'AML001').map((u) => u.reason)).toEqual([
      expect.stringContaining('module "pe" ("privatedns.bicep"), which is not evaluated, is passed the workspace: a private endpoint it may create is not known'),
    ]);
  });

  it('a local module read only up to a syntax error and passed the workspace: undecided, not reported (review 113)', async () => {
    const dir = tree({
      'main.bicep': ws('ws', '2021-04-01', '') + "module pe 'pe.bicep' = {\n  name: 'pe'\n  params: {\n    workspaceArmId: ws.id\n  }\n}\n",
      // It declares the parameter before its error; the private endpoint after it is not read.
      'pe.bicep': "param workspaceArmId string\nresource pe {\n",
    });
    const { briefs, undecided } = await lintTree(dir, ['AML001']);
    expect(briefs).toEqual([]);
    expect(undecided.filter((u) => u.ruleId === 'AML001').map((u) => u.reason)).toEqual([
      expect.stringContaining('module "pe" ("pe.bicep"), which is read only up to a syntax error, is passed the workspace'),
    ]);
  });

  it('a file of the evaluation read only up to a syntax error may declare the private endpoint after it: undecided (review 114)', async () => {
    const dir = tree({
      // The workspace's own file, broken after it.
      'own/main.bicep': ws('ws', '2021-04-01', '') + 'resource pe {\n',
      // A module holding the workspace, broken after it.
      'module/main.bicep': "module m 'ml.bicep' = {\n  name: 'm'\n}\n",
      'module/ml.bicep': ws('ws', '2021-04-01', '') + 'resource pe {\n',
    });
    const { briefs, undecided } = await lintTree(dir, ['AML001']);
    expect(briefs).toEqual([]);
    expect(undecided.filter((u) => u.ruleId === 'AML001').map((u) => u.reason)).toEqual([
      expect.stringContaining('module/ml.bicep does not parse: a private endpoint written in what could not be read is not known'),
      expect.stringContaining('own/main.bicep does not parse'),
    ]);
  });

  it('a Terraform file of the configuration that does not parse may declare the private endpoint in the block it drops: undecided', async () => {
    const azapiWs = 'resource "azapi_resource" "ws" {\n  type      = "Microsoft.MachineLearningServices/workspaces@2021-04-01"\n  name      = "ws"\n  parent_id = "/subscriptions/x/resourceGroups/rg"\n  location  = "westeurope"\n  body      = { properties = {} }\n}\n';
    const dir = tree({
      'broken/main.tf': azapiWs,
      'broken/pe.tf': 'resource "azurerm_private_endpoint" "pe" {\n  name = "pe" "x"\n}\n',
      'module/main.tf': 'module "net" {\n  source = "./net"\n}\n' + azapiWs,
      'module/net/pe.tf': 'resource "azurerm_private_endpoint" "pe" {\n  name = "pe" "x"\n}\n',
      // Every file parses: no private endpoint, reported.
      'clean/main.tf': azapiWs,
    });
    const { briefs, undecided } = await lintTree(dir, ['AML001']);
    expect(briefs).toEqual(['AML001 warning legacyNoPrivateEndpoint clean/main.tf:1:1']);
    expect(undecided.filter((u) => u.ruleId === 'AML001').map((u) => u.reason)).toEqual([
      expect.stringContaining('broken/pe.tf does not parse: a private endpoint written in what could not be read is not known'),
      expect.stringContaining('module/net/pe.tf does not parse'),
    ]);
  });

  it('from 2021-07-01 publicNetworkAccess decides and the flag is not read', async () => {
    const dir = tree({
      'disabled/main.bicep': ws('ws', '2024-04-01', "\n    publicNetworkAccess: 'Disabled'\n    allowPublicAccessWhenBehindVnet: true\n  "),
      'absent/main.bicep': ws('ws', '2021-07-01', '') + pe('ws'),
    });
    expect((await lintTree(dir, ['AML001'])).briefs).toEqual(['AML001 warning publicWorkspace absent/main.bicep:1:1']);
  });

  it('the Azure facts: API versions and workspace kinds', () => {
    expect(['2018-11-19', '2020-09-01-preview', '2021-04-01'].every(predatesPublicNetworkAccess)).toBe(true);
    expect(['2021-07-01', '2022-12-01-preview', '2024-04-01'].some(predatesPublicNetworkAccess)).toBe(false);
    expect(['Project', 'project'].every(isProjectWorkspace)).toBe(true);
    expect(['Hub', 'Default', 'FeatureStore'].some(isProjectWorkspace)).toBe(false);
  });
});

describe('AML006: a workspace outside the scan is recorded as undecided', () => {
  it('a cluster with node public IPs whose workspace is a data source: no finding, one undecided entry', async () => {
    const dir = tree({
      'main.tf': `data "azurerm_machine_learning_workspace" "ws" {
  name                = "ws"
  resource_group_name = "rg"
}

resource "azurerm_machine_learning_compute_cluster" "cpu" {
  name                          = "cpu"
  location                      = "westeurope"
  machine_learning_workspace_id = data.azurerm_machine_learning_workspace.ws.id
  vm_priority                   = "Dedicated"
  vm_size                       = "Standard_DS3_v2"
  scale_settings {
    min_node_count                       = 0
    max_node_count                       = 2
    scale_down_nodes_after_idle_duration = "PT30S"
  }
}
`,
    });
    const { briefs, undecided } = await lintTree(dir, ['AML006']);
    expect(briefs).toEqual([]);
    expect(undecided.map((u) => [u.ruleId, u.attribute])).toEqual([['AML006', 'workspace']]);
  });
});
