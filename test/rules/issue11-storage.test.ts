/**
 * Issue 11 item 13: ST001 per RULES.md v2. An explicit allow is an error; the azurerm default
 * (absent argument) is a warning worded "containers can be made public"; a scanned container
 * with anonymous access on an account that allows it is an error at the container's value —
 * azurerm `azurerm_storage_container` (v3 `storage_account_name`, v4 `storage_account_id`) and
 * ARM/Bicep `blobServices/containers` (nested or standalone). ARM accounts default to false.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { lintTree, tempTrees } from '../support/temp-tree.js';
import { isPublicContainerAccess } from '../../src/model/facts/storage.js';

const { tree, cleanup } = tempTrees('mil-i11-st-');
afterAll(cleanup);

const ACCOUNT = (extra = '') => `resource "azurerm_storage_account" "st" {
  name                     = "stml"
  resource_group_name      = "rg"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"${extra}
}
`;

describe('ST001 on the storage account', () => {
  it('absent azurerm argument: warning, worded "containers can be made public"', async () => {
    const dir = tree({ 'main.tf': ACCOUNT() });
    const { findings, briefs } = await lintTree(dir, ['ST001']);
    expect(briefs).toEqual(['ST001 warning containersCanBePublic main.tf:1:1']);
    expect(findings[0]!.message).toBe(
      'Containers of storage account "stml" can be made public because allow_nested_items_to_be_public is not set (defaults to true), the azurerm provider default; set allow_nested_items_to_be_public to false.',
    );
  });

  it('explicit true (v3+ and v2 names): error at the value', async () => {
    const dir = tree({
      'main.tf': ACCOUNT('\n  allow_nested_items_to_be_public = true'),
      'v2/main.tf': ACCOUNT('\n  allow_blob_public_access = true'),
    });
    const { briefs } = await lintTree(dir, ['ST001']);
    expect(briefs).toEqual(['ST001 error publicBlobAccess main.tf:7:37', 'ST001 error publicBlobAccess v2/main.tf:7:30']);
  });

  it('ARM/Bicep/azapi: absent is not reported (new accounts disallow anonymous access on every API version)', async () => {
    const dir = tree({
      'main.bicep': `resource st 'Microsoft.Storage/storageAccounts@2019-06-01' = {
  name: 'stml'
  location: 'westeurope'
  sku: { name: 'Standard_LRS' }
  kind: 'StorageV2'
  properties: {}
}
`,
      'azapi/main.tf': `resource "azapi_resource" "st" {
  type      = "Microsoft.Storage/storageAccounts@2023-01-01"
  name      = "stml"
  parent_id = "/subscriptions/x/resourceGroups/rg"
  body      = { kind = "StorageV2", properties = {} }
}
`,
    });
    expect((await lintTree(dir, ['ST001'])).briefs).toEqual([]);
  });
});

describe('ST001 on a public container', () => {
  it('azurerm v3 storage_account_name on a defaulted account: error at container_access_type, the account related', async () => {
    const dir = tree({
      'main.tf': `${ACCOUNT()}
resource "azurerm_storage_container" "data" {
  name                  = "data"
  storage_account_name  = azurerm_storage_account.st.name
  container_access_type = "blob"
}
`,
    });
    const { findings, briefs } = await lintTree(dir, ['ST001']);
    expect(briefs).toEqual(['ST001 error publicContainer main.tf:12:27', 'ST001 warning containersCanBePublic main.tf:1:1']);
    const c = findings.find((f) => f.messageId === 'publicContainer')!;
    expect(c.message).toBe(
      'Container "data" is readable by anyone without credentials: container_access_type is blob, and storage account "stml" allows it as allow_nested_items_to_be_public is not set (defaults to true); set container_access_type to "private" or allow_nested_items_to_be_public to false.',
    );
    expect(c.related.map((l) => [l.range.start.line, l.label])).toContainEqual([1, 'storage account stml: allow_nested_items_to_be_public is not set (defaults to true)']);
  });

  it('azurerm v4 storage_account_id, "container" access, account explicitly true: error at the container', async () => {
    const dir = tree({
      'main.tf': `${ACCOUNT('\n  allow_nested_items_to_be_public = true')}
resource "azurerm_storage_container" "models" {
  name                  = "models"
  storage_account_id    = azurerm_storage_account.st.id
  container_access_type = "container"
}
`,
    });
    expect((await lintTree(dir, ['ST001'])).briefs).toEqual(['ST001 error publicBlobAccess main.tf:7:37', 'ST001 error publicContainer main.tf:13:27']);
  });

  it('a private container, or a public one on an account that forbids it: no container finding', async () => {
    const dir = tree({
      'main.tf': `${ACCOUNT('\n  allow_nested_items_to_be_public = false')}
resource "azurerm_storage_container" "data" {
  name                  = "data"
  storage_account_id    = azurerm_storage_account.st.id
  container_access_type = "blob"
}
`,
      'private/main.tf': `${ACCOUNT('\n  allow_nested_items_to_be_public = true')}
resource "azurerm_storage_container" "data" {
  name               = "data"
  storage_account_id = azurerm_storage_account.st.id
}
`,
    });
    expect((await lintTree(dir, ['ST001'])).briefs).toEqual(['ST001 error publicBlobAccess private/main.tf:7:37']);
  });

  it('ARM: nested (relative type) and standalone containers on an account that allows it; none on an account left at the ARM default', async () => {
    const dir = tree({
      'azuredeploy.json': JSON.stringify(
        {
          $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
          contentVersion: '1.0.0.0',
          parameters: { name: { type: 'string', defaultValue: 'stml' } },
          resources: [
            {
              type: 'Microsoft.Storage/storageAccounts',
              apiVersion: '2023-01-01',
              name: "[parameters('name')]",
              location: 'westeurope',
              sku: { name: 'Standard_LRS' },
              kind: 'StorageV2',
              properties: { allowBlobPublicAccess: true },
              resources: [{ type: 'blobServices/containers', apiVersion: '2023-01-01', name: 'default/models', properties: { publicAccess: 'Container' } }],
            },
            {
              type: 'Microsoft.Storage/storageAccounts/blobServices/containers',
              apiVersion: '2023-01-01',
              name: "[format('{0}/default/{1}', parameters('name'), 'logs')]",
              properties: { publicAccess: 'Blob' },
            },
            {
              type: 'Microsoft.Storage/storageAccounts',
              apiVersion: '2023-01-01',
              name: 'stdefault',
              location: 'westeurope',
              sku: { name: 'Standard_LRS' },
              kind: 'StorageV2',
              properties: {},
              resources: [{ type: 'blobServices/containers', apiVersion: '2023-01-01', name: 'default/data', properties: { publicAccess: 'Blob' } }],
            },
          ],
        },
        null,
        2,
      ),
    });
    const { briefs, findings } = await lintTree(dir, ['ST001']);
    expect(briefs).toEqual(['ST001 error publicBlobAccess azuredeploy.json:21:34', 'ST001 error publicContainer azuredeploy.json:29:29', 'ST001 error publicContainer azuredeploy.json:39:25']);
    expect(findings.filter((f) => f.messageId === 'publicContainer').map((f) => f.message.slice(0, 16))).toEqual(['Container "model', 'Container "logs"']);
  });

  it('Bicep: a container declared with parent: and one nested in the account', async () => {
    const dir = tree({
      'main.bicep': `param allowPublic bool = true

resource st 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: 'stml'
  location: 'westeurope'
  sku: { name: 'Standard_LRS' }
  kind: 'StorageV2'
  properties: {
    allowBlobPublicAccess: allowPublic
  }
  resource blobs 'blobServices' = {
    name: 'default'
    resource nested 'containers' = {
      name: 'nested'
      properties: {
        publicAccess: 'Container'
      }
    }
  }
}

resource data 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-01-01' = {
  parent: st::blobs
  name: 'data'
  properties: {
    publicAccess: 'Blob'
  }
}
`,
    });
    expect((await lintTree(dir, ['ST001'])).briefs).toEqual([
      'ST001 error publicBlobAccess main.bicep:1:26',
      'ST001 error publicContainer main.bicep:16:23',
      'ST001 error publicContainer main.bicep:26:19',
    ]);
  });

  it('a container whose account name is not known: the reason says so (review 85: it said the account was not scanned)', async () => {
    const dir = tree({ 'main.tf': 'variable "account_id" { type = string }\nresource "azurerm_storage_container" "data" {\n  name                  = "data"\n  storage_account_id    = var.account_id\n  container_access_type = "blob"\n}\n' });
    const { briefs, undecided } = await lintTree(dir, ['ST001']);
    expect(briefs).toEqual([]);
    expect(undecided.filter((u) => u.ruleId === 'ST001').map((u) => u.reason)).toEqual([
      'depends on whether its storage account allows blob public access, and the account is named by a value that is not known (variable "account_id" has no value)',
    ]);
  });

  it('a container whose account is not in the scanned code: not reported, "could not decide"', async () => {
    const dir = tree({
      'main.tf': `resource "azurerm_storage_container" "data" {
  name                  = "data"
  storage_account_id    = "/subscriptions/x/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/elsewhere"
  container_access_type = "blob"
}
`,
    });
    const { briefs, undecided } = await lintTree(dir, ['ST001']);
    expect(briefs).toEqual([]);
    expect(undecided.map((u) => [u.ruleId, u.address, u.attribute, u.reason])).toEqual([
      ['ST001', 'azurerm_storage_container.data', 'publicAccess', 'depends on whether its storage account allows blob public access, and the account is not among the resources evaluated with it (not in the scanned code, or in a file not read with this one)'],
    ]);
  });

  it('container access levels: blob and container are public (any case), private/None are not', () => {
    expect(['blob', 'Blob', 'container', 'Container'].every(isPublicContainerAccess)).toBe(true);
    expect(['private', 'None', 'off', ''].some(isPublicContainerAccess)).toBe(false);
  });
});

