/**
 * The module manifest `terraform init` writes: parsing, source normalisation (the
 * `registry.terraform.io/` prefix, fugue/regula#354) and version constraints.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizeModuleSource, parseManifest, resolveRemoteCall, versionSatisfies } from '../../src/eval/terraform/manifest.js';

const ROOT = path.resolve('/scan/examples/default');

describe('module manifest', () => {
  const manifest = parseManifest(path.join(ROOT, '.terraform/modules/modules.json'), JSON.stringify({
    Modules: [
      { Key: '', Source: '', Dir: '.' },
      { Key: 'kv', Source: 'registry.terraform.io/Azure/avm-res-keyvault-vault/azurerm', Version: '0.10.1', Dir: '.terraform/modules/kv' },
      { Key: 'kv.private_endpoint', Source: './modules/private_endpoint', Dir: '.terraform/modules/kv/modules/private_endpoint' },
      { Key: 'zone', Source: 'registry.terraform.io/Azure/avm-res-network-privatednszone/azurerm//modules/zone', Version: '0.3.0', Dir: '.terraform/modules/zone/modules/zone' },
      { Key: 'git', Source: 'git::https://example.com/m.git?ref=v1', Dir: '.terraform/modules/git' },
      { Key: 7, Source: 'x', Dir: 'y' },
    ],
  }), ROOT)!;

  it('reads keys, nested keys and Dir relative to the root module (the root record and malformed ones left out)', () => {
    expect([...manifest.records.keys()]).toEqual(['kv', 'kv.private_endpoint', 'zone', 'git']);
    expect(manifest.records.get('kv.private_endpoint')!.dir).toBe(path.join(ROOT, '.terraform/modules/kv/modules/private_endpoint'));
    expect(manifest.records.get('git')!.version).toBeUndefined();
  });

  it('has no records, and says why, for text that is not a manifest (EVAL002 names the cause)', () => {
    expect(parseManifest('m.json', '{', ROOT)).toEqual({ file: 'm.json', records: new Map(), unreadable: 'it is not valid JSON' });
    expect(parseManifest('m.json', '{"modules": []}', ROOT)).toEqual({ file: 'm.json', records: new Map(), unreadable: 'it has no "Modules" list' });
    expect(parseManifest('m.json', 'null', ROOT)?.unreadable).toBe('it has no "Modules" list');
    expect(resolveRemoteCall(parseManifest('m.json', '{', ROOT), 'kv', 'Azure/avm-res-keyvault-vault/azurerm', '0.10.1')).toEqual({
      kind: 'none',
      reason: 'the module manifest (.terraform/modules/modules.json) cannot be read: it is not valid JSON (run `terraform init` again)',
    });
  });

  it('matches a call by normalised source and a version its constraint admits', () => {
    expect(resolveRemoteCall(manifest, 'kv', 'Azure/avm-res-keyvault-vault/azurerm', '0.10.1').kind).toBe('copy');
    expect(resolveRemoteCall(manifest, 'kv', 'registry.terraform.io/azure/avm-res-keyvault-vault/azurerm', '~> 0.10').kind).toBe('copy');
    expect(resolveRemoteCall(manifest, 'kv', 'Azure/avm-res-keyvault-vault/azurerm', undefined).kind).toBe('copy');
    expect(resolveRemoteCall(manifest, 'zone', 'Azure/avm-res-network-privatednszone/azurerm//modules/zone', '>= 0.3.0, < 1.0.0').kind).toBe('copy');
    expect(resolveRemoteCall(manifest, 'git', 'git::https://example.com/m.git?ref=v1', undefined).kind).toBe('copy');
    expect(resolveRemoteCall(manifest, 'git', 'git::https://example.com/m.git?ref=v2', undefined)).toMatchObject({ kind: 'none', reason: expect.stringContaining('not this source') });
    expect(resolveRemoteCall(manifest, 'kv', 'Azure/avm-res-keyvault-vault/azurerm', '0.11.0')).toMatchObject({ kind: 'none', reason: expect.stringContaining('stale') });
    expect(resolveRemoteCall(manifest, 'git', 'git::https://example.com/m.git?ref=v1', '1.0.0')).toMatchObject({ kind: 'none', reason: expect.stringContaining('has no version') });
    expect(resolveRemoteCall(manifest, 'kv', 'Azure/avm-res-keyvault-vault/azurerm', 'latest please')).toMatchObject({ kind: 'none', reason: expect.stringContaining('cannot be read') });
    expect(resolveRemoteCall(manifest, 'naming', 'Azure/naming/azurerm', '0.4.2')).toMatchObject({ kind: 'none', reason: expect.stringContaining('no entry "naming"') });
    expect(resolveRemoteCall(undefined, 'kv', 'Azure/avm-res-keyvault-vault/azurerm', '0.10.1')).toMatchObject({ kind: 'none', reason: expect.stringContaining('no module manifest') });
  });

  it('normalises registry sources only', () => {
    expect(normalizeModuleSource('registry.terraform.io/Azure/naming/azurerm')).toBe('azure/naming/azurerm');
    expect(normalizeModuleSource('Azure/naming/azurerm')).toBe('azure/naming/azurerm');
    expect(normalizeModuleSource('app.terraform.io/Org/net/azurerm')).toBe('app.terraform.io/org/net/azurerm');
    expect(normalizeModuleSource('git::https://Example.com/M.git')).toBe('git::https://Example.com/M.git');
  });

  it('reads Terraform version constraints', () => {
    const cases: [string, string, boolean | undefined][] = [
      ['0.10.1', '0.10.1', true],
      ['0.10.1', '= 0.10.1', true],
      ['0.10.1', '!= 0.10.1', false],
      ['0.10.1', '~> 0.10', true],
      ['0.11.0', '~> 0.10', true],
      ['1.0.0', '~> 0.10', false],
      ['0.10.9', '~> 0.10.1', true],
      ['0.11.0', '~> 0.10.1', false],
      ['5.7.11', '~> 5.6.8', false],
      ['5.6.9', '~> 5.6.8', true],
      ['2.0.0', '~> 2', true],
      ['0.6.4', '>= 0.6.0, < 0.7.0', true],
      ['0.7.0', '>= 0.6.0, < 0.7.0', false],
      ['1.2.0', '> 1.2.0', false],
      ['1.2.0', '<= 1.2.0', true],
      ['1.2.0', 'main', undefined],
      ['x', '1.0.0', undefined],
    ];
    for (const [v, c, want] of cases) expect(versionSatisfies(v, c), `${v} ${c}`).toBe(want);
  });
});
