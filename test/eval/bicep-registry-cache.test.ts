/**
 * `--bicep-cache` (issue 14, item 2): `br:` modules restored by `bicep restore` are read from
 * the Bicep cache layout (FORMATS.md §6) through a second Host confined to the cache; off by
 * default. Findings inside a cached module point at the call.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint, UsageError } from '../../src/api.js';
import { brAliasesOf, brCachePath, DEFAULT_BR_ALIASES, encodeTag } from '../../src/eval/bicep/registry.js';

function tree(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mil-bicep-cache-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const KV_TEMPLATE = JSON.stringify(
  {
    $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
    contentVersion: '1.0.0.0',
    metadata: { _generator: { name: 'bicep', version: '0.36.1.42791' } },
    parameters: {
      name: { type: 'string' },
      enablePurgeProtection: { type: 'bool', defaultValue: false },
    },
    resources: [
      {
        type: 'Microsoft.KeyVault/vaults',
        apiVersion: '2024-11-01',
        name: "[parameters('name')]",
        location: 'westeurope',
        properties: {
          tenantId: "[subscription().tenantId]",
          sku: { family: 'A', name: 'premium' },
          enablePurgeProtection: "[parameters('enablePurgeProtection')]",
          enableRbacAuthorization: true,
        },
      },
    ],
  },
  null,
  2,
);

const CACHE = { 'br/mcr.microsoft.com/bicep$avm$res$key-vault$vault/0.11.0$/main.json': KV_TEMPLATE };

describe('Bicep cache layout', () => {
  it('encodes tags the way Bicep does (TagEncoder)', () => {
    expect(encodeTag('0.11.0')).toBe('0.11.0$');
    expect(encodeTag('V1.2.0')).toBe('V1.2.0$1');
    expect(encodeTag('v1-RC')).toBe('v1-RC$18');
    expect(encodeTag(`${'a'.repeat(64)}B`)).toBe(`${'a'.repeat(64)}B$10000000000000000`);
    expect(encodeTag('x'.repeat(129))).toBeUndefined();
  });

  it('maps references to cache paths: aliases, lower-cased registry, $-joined repository, digests', () => {
    expect(brCachePath('br/public:avm/res/network/private-endpoint:0.11.0', DEFAULT_BR_ALIASES)).toEqual({ path: 'br/mcr.microsoft.com/bicep$avm$res$network$private-endpoint/0.11.0$/main.json' });
    expect(brCachePath('br:MyRegistry.azurecr.io:443/bicep/modules/aks-gpu:v1.2.0', DEFAULT_BR_ALIASES)).toEqual({ path: 'br/myregistry.azurecr.io$443/bicep$modules$aks-gpu/v1.2.0$/main.json' });
    expect(brCachePath('br:reg.azurecr.io/m@sha256:abc123', DEFAULT_BR_ALIASES)).toEqual({ path: 'br/reg.azurecr.io/m/sha256#abc123/main.json' });
    const aliases = brAliasesOf({ moduleAliases: { br: { myreg: { registry: 'MyRegistry.azurecr.io', modulePath: 'bicep/modules' } } } });
    expect(brCachePath('br/myreg:aks-gpu:V1.2.0', aliases)).toEqual({ path: 'br/myregistry.azurecr.io/bicep$modules$aks-gpu/V1.2.0$1/main.json' });
    expect(brCachePath('br/nope:x:1', aliases)).toEqual({ reason: 'the alias "nope" is not defined in a bicepconfig.json' });
    expect(brCachePath('br:reg.azurecr.io/m', aliases)).toEqual({ reason: 'the reference has no tag' });
  });
});

describe('--bicep-cache', () => {
  const main = `module kv 'br/public:avm/res/key-vault/vault:0.11.0' = {
  name: 'kv'
  params: {
    name: 'kv-ml'
  }
}
`;

  it('is off by default: the module is not evaluated (EVAL002)', async () => {
    const dir = tree({ 'main.bicep': main });
    const r = await lint({ paths: [dir], root: dir, noConfig: true });
    expect(r.findings.map((f) => `${f.ruleId} ${f.location.range.start.line}`)).toEqual(['EVAL002 1']);
  });

  it('reads the restored main.json; a default inside the cached module points at the module reference, the inner place related', async () => {
    const dir = tree({ 'main.bicep': main });
    const cache = tree(CACHE);
    const r = await lint({ paths: [dir], root: dir, noConfig: true, bicepCache: cache });
    expect(r.findings.map((f) => `${f.ruleId} ${f.level} ${path.basename(f.location.file)}:${f.location.range.start.line}:${f.location.range.start.column}`)).toEqual(['KV001 warning main.bicep:1:1']);
    const kv = r.findings[0]!;
    expect(kv.message).toContain('Key Vault "kv-ml" has no purge protection');
    // The places inside the cached module are shown at the module reference, named relative to the module (no cache path).
    expect(kv.related[0]!.label).toBe('inside module "kv" (br/public:avm/res/key-vault/vault:0.11.0): main.json:16');
    expect(kv.related.map((l) => l.label)).toContainEqual(expect.stringMatching(/^inside module "kv" \(br\/public:avm\/res\/key-vault\/vault:0\.11\.0\): main\.json:\d+ \(parameter "enablePurgeProtection"\)$/));
    for (const l of kv.related) expect(fs.realpathSync(l.file).startsWith(fs.realpathSync(cache))).toBe(false);
  });

  it('a value the caller passes points at the caller\'s param', async () => {
    const dir = tree({ 'main.bicep': main.replace("name: 'kv-ml'", "name: 'kv-ml'\n    enablePurgeProtection: false") });
    const r = await lint({ paths: [dir], root: dir, noConfig: true, bicepCache: tree(CACHE) });
    expect(r.findings.map((f) => `${f.ruleId} ${path.basename(f.location.file)}:${f.location.range.start.line}:${f.location.range.start.column}`)).toEqual(['KV001 main.bicep:5:28']);
  });

  it('bicepconfig.json aliases; a module missing from the cache is EVAL002 with the path it looked for', async () => {
    const dir = tree({
      'bicepconfig.json': JSON.stringify({ moduleAliases: { br: { myreg: { registry: 'MyRegistry.azurecr.io', modulePath: 'bicep/modules' } } } }),
      'infra/main.bicep': `module kv 'br/myreg:key-vault:V1' = {\n  name: 'kv'\n  params: {\n    name: 'kv-ml'\n  }\n}\n\nmodule other 'br/myreg:other:1.0.0' = {\n  name: 'other'\n}\n`,
    });
    const cache = tree({ 'br/myregistry.azurecr.io/bicep$modules$key-vault/V1$1/main.json': KV_TEMPLATE });
    const r = await lint({ paths: [dir], root: dir, noConfig: true, bicepCache: cache });
    expect(r.findings.map((f) => `${f.ruleId} ${f.location.range.start.line}`)).toEqual(['KV001 1', 'EVAL002 8']);
    expect(r.findings[1]!.message).toContain('the Bicep cache has no restored copy (br/myregistry.azurecr.io/bicep$modules$other/1.0.0$/main.json; run `bicep restore`)');
  });

  it('a missing cache folder is a usage error', async () => {
    const dir = tree({ 'main.bicep': main });
    await expect(lint({ paths: [dir], root: dir, noConfig: true, bicepCache: path.join(dir, 'no-such-cache') })).rejects.toThrow(UsageError);
  });
});
