/**
 * Issue 11 item 14: KV002 per RULES.md v2. ARM, Bicep and azapi API versions from 2026-02-01
 * create vaults with RBAC when `enableRbacAuthorization` is absent (no finding); older API
 * versions and azurerm default to access policies. Absent default with no access policy
 * declared: note; access policies declared (inline, `azurerm_key_vault_access_policy`,
 * `vaults/accessPolicies`) or RBAC explicitly off: warning. The API version reaches the model.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { lintTree, tempTrees } from '../support/temp-tree.js';
import { apiVersionDate, factOf } from '../../src/model/normalize.js';
import { obj } from '../../src/core/value.js';
import { ARM_TABLE } from '../../src/model/tables/arm.js';
import { fromArm } from '../../src/model/from-arm.js';
import type { ArmResource } from '../../src/eval/arm/template.js';
import type { Evaluation } from '../../src/model/resource.js';

const { tree, cleanup } = tempTrees('mil-i11-kv-');
afterAll(cleanup);

const armVault = (apiVersion: string, properties: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  JSON.stringify(
    {
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      contentVersion: '1.0.0.0',
      parameters: { policies: { type: 'array' } },
      resources: [
        {
          type: 'Microsoft.KeyVault/vaults',
          apiVersion,
          name: 'kv-ml',
          location: 'westeurope',
          properties: { tenantId: '[subscription().tenantId]', sku: { family: 'A', name: 'standard' }, ...properties },
          ...extra,
        },
      ],
    },
    null,
    2,
  );

const POLICY = { tenantId: 't', objectId: 'o', permissions: { secrets: ['get'] } };

describe('KV002: the ARM default depends on the API version', () => {
  it('from 2026-02-01 an absent enableRbacAuthorization means RBAC: no finding (ARM, Bicep, azapi, previews after it)', async () => {
    const dir = tree({
      'arm/azuredeploy.json': armVault('2026-02-01', { accessPolicies: [] }),
      'bicep/main.bicep': `resource kv 'Microsoft.KeyVault/vaults@2026-02-01' = {
  name: 'kv-ml'
  location: 'westeurope'
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
  }
}
`,
      'azapi/main.tf': `resource "azapi_resource" "kv" {
  type      = "Microsoft.KeyVault/vaults@2026-04-01-preview"
  name      = "kv-ml"
  parent_id = "/subscriptions/x/resourceGroups/rg"
  body      = { properties = { tenantId = "t", sku = { family = "A", name = "standard" } } }
}
`,
    });
    expect((await lintTree(dir, ['KV002'])).briefs).toEqual([]);
  });

  it('before 2026-02-01, absent and no access policy: note naming the API version', async () => {
    const dir = tree({
      'arm/azuredeploy.json': armVault('2023-07-01', { accessPolicies: [] }),
      'bicep/main.bicep': `resource kv 'Microsoft.KeyVault/vaults@2025-05-01' = {
  name: 'kv-ml'
  location: 'westeurope'
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
  }
}
`,
    });
    const { findings, briefs } = await lintTree(dir, ['KV002']);
    expect(briefs).toEqual(['KV002 note defaultNoPolicies arm/azuredeploy.json:11:7', 'KV002 note defaultNoPolicies bicep/main.bicep:1:1']);
    expect(findings.find((f) => f.location.file.endsWith('azuredeploy.json'))!.message).toBe(
      'Key Vault "kv-ml" gets the access-policy model because properties.enableRbacAuthorization is not set (defaults to false) on API version 2023-07-01, though it declares no access policy; set properties.enableRbacAuthorization to true to use Azure RBAC.',
    );
  });

  it('before 2026-02-01, absent with access policies (inline, a vaults/accessPolicies child, or a list that cannot be evaluated): warning', async () => {
    const dir = tree({
      'inline/azuredeploy.json': armVault('2023-07-01', { accessPolicies: [POLICY, POLICY] }),
      'child/azuredeploy.json': armVault('2023-07-01', { accessPolicies: [] }, {
        resources: [{ type: 'accessPolicies', apiVersion: '2023-07-01', name: 'add', properties: { accessPolicies: [POLICY] } }],
      }),
      'unknown/azuredeploy.json': armVault('2023-07-01', { accessPolicies: "[parameters('policies')]" }),
    });
    const { findings, briefs } = await lintTree(dir, ['KV002']);
    expect(briefs).toEqual([
      'KV002 warning defaultWithPolicies child/azuredeploy.json:11:7',
      'KV002 warning defaultWithPolicies inline/azuredeploy.json:11:7',
      'KV002 warning defaultWithPolicies unknown/azuredeploy.json:11:7',
    ]);
    const text = (dir: string) => findings.find((f) => f.location.file.includes(`/${dir}/`))!.message;
    expect(text('inline')).toContain('and it declares 2 access policies (properties.accessPolicies);');
    expect(text('child')).toContain('and it declares 1 standalone access policy;');
    expect(text('unknown')).toContain('and it declares access policies (properties.accessPolicies, not evaluated);');
  });

  it('explicitly false is a warning on every API version, at the value', async () => {
    const dir = tree({ 'azuredeploy.json': armVault('2026-02-01', { enableRbacAuthorization: false, accessPolicies: [] }) });
    expect((await lintTree(dir, ['KV002'])).briefs).toEqual(['KV002 warning accessPolicies azuredeploy.json:21:36']);
  });

  it('azapi before 2026-02-01 with an inline policy: warning', async () => {
    const dir = tree({
      'main.tf': `resource "azapi_resource" "kv" {
  type      = "Microsoft.KeyVault/vaults@2023-07-01"
  name      = "kv-ml"
  parent_id = "/subscriptions/x/resourceGroups/rg"
  body = {
    properties = {
      tenantId       = "t"
      sku            = { family = "A", name = "standard" }
      accessPolicies = [{ tenantId = "t", objectId = "o", permissions = { secrets = ["get"] } }]
    }
  }
}
`,
    });
    expect((await lintTree(dir, ['KV002'])).briefs).toEqual(['KV002 warning defaultWithPolicies main.tf:1:1']);
  });
});

describe('KV002: azurerm defaults to access policies', () => {
  const VAULT = (label: string, extra = '') => `resource "azurerm_key_vault" "${label}" {
  name      = "kv-${label}"
  tenant_id = "t"
  sku_name  = "standard"${extra}
}
`;
  it('absent with no policy: note; with an access_policy block or an azurerm_key_vault_access_policy: warning', async () => {
    const dir = tree({
      'none/main.tf': VAULT('none'),
      'inline/main.tf': VAULT('inline', '\n  access_policy {\n    tenant_id = "t"\n    object_id = "o"\n  }'),
      'standalone/main.tf': `${VAULT('standalone')}
resource "azurerm_key_vault_access_policy" "ws" {
  key_vault_id = azurerm_key_vault.standalone.id
  tenant_id    = "t"
  object_id    = "o"
}
`,
    });
    const { findings, briefs } = await lintTree(dir, ['KV002']);
    expect(briefs).toEqual([
      'KV002 note defaultNoPolicies none/main.tf:1:1',
      'KV002 warning defaultWithPolicies inline/main.tf:1:1',
      'KV002 warning defaultWithPolicies standalone/main.tf:1:1',
    ]);
    expect(findings.find((f) => f.level === 'note')!.message).toBe(
      'Key Vault "kv-none" gets the access-policy model because rbac_authorization_enabled is not set (defaults to false), though it declares no access policy; set rbac_authorization_enabled to true to use Azure RBAC.',
    );
  });

  it('explicit false (v4 and v3 names): warning at the value; true: nothing', async () => {
    const dir = tree({
      'v4/main.tf': VAULT('v4', '\n  rbac_authorization_enabled = false'),
      'v3/main.tf': VAULT('v3', '\n  enable_rbac_authorization = false'),
      'ok/main.tf': VAULT('ok', '\n  rbac_authorization_enabled = true'),
    });
    expect((await lintTree(dir, ['KV002'])).briefs).toEqual(['KV002 warning accessPolicies v3/main.tf:5:31', 'KV002 warning accessPolicies v4/main.tf:5:32']);
  });
});

describe('the API version on the model', () => {
  const evaluation = { unit: 'x', variant: 'default', env: 'unknown' } as unknown as Evaluation;
  const at = { file: 'x.json', range: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } } };
  const vault = (apiVersion?: string): ArmResource => ({
    type: 'Microsoft.KeyVault/vaults',
    ...(apiVersion ? { apiVersion } : {}),
    name: { kind: 'string', value: 'kv' },
    idKey: 'microsoft.keyvault/vaults/kv',
    body: obj(new Map()),
    typeLocation: at,
    objectLocation: at,
    existing: false,
    deployment: [],
    file: 'x.json',
  });

  it('ARM resources carry their apiVersion, and table defaults follow it', () => {
    const [old] = fromArm(vault('2025-05-01'), evaluation);
    const [current] = fromArm(vault('2026-02-01'), evaluation);
    expect(old!.apiVersion).toBe('2025-05-01');
    expect(old!.attrs.get('rbacAuthorization')).toMatchObject({ defaulted: true, value: { kind: 'bool', value: false } });
    expect(current!.attrs.get('rbacAuthorization')).toMatchObject({ defaulted: true, value: { kind: 'bool', value: true } });
  });

  it('without an API version a version-dependent default is unknown', () => {
    const spec = ARM_TABLE['microsoft.keyvault/vaults']!.attrs.find((a) => a.canonical === 'rbacAuthorization')!;
    expect(factOf(obj(new Map()), spec).value?.kind).toBe('unknown');
    expect(apiVersionDate('2024-01-01-preview')).toBe('2024-01-01');
  });
});
