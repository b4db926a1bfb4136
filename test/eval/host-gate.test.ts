/**
 * The Host is the one gate to the disk (issue 10, item 1): the ARM and Bicep evaluators read
 * every file beyond the scanned ones (a compiled template's `.bicep`, module files, `import`ed
 * files, `using` targets, `load*()` targets) only through it, so nothing outside the scan root
 * reaches a finding, not even through a symbolic link. One case per path that used to read the
 * disk directly; each has a control with the same file inside the root, so the case can fail.
 *
 * Every case runs the real `lint()` on a temporary tree `<base>/root` (scanned) beside
 * `<base>/outside` (never to be read). Files outside carry the marker `OUTSIDE-MARKER`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lint } from '../../src/api.js';
import type { LintResult } from '../../src/engine/result.js';

const MARKER = 'OUTSIDE-MARKER';
const bases: string[] = [];
afterAll(() => {
  for (const b of bases) fs.rmSync(b, { recursive: true, force: true });
});

interface Tree {
  /** Files under the scan root. */
  root: Record<string, string>;
  /** Files outside the scan root. */
  outside?: Record<string, string>;
  /** Symbolic links under the root → paths under `outside` (a trailing `/` names a folder). */
  links?: Record<string, string>;
}

async function lintTree(tree: Tree): Promise<{ result: LintResult; root: string; outside: string }> {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'mil-gate-'));
  bases.push(base);
  const root = path.join(base, 'root');
  const outside = path.join(base, 'outside');
  const write = (dir: string, files: Record<string, string>): void => {
    for (const [name, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      fs.writeFileSync(path.join(dir, name), text);
    }
  };
  fs.mkdirSync(root, { recursive: true });
  fs.mkdirSync(outside, { recursive: true });
  write(root, tree.root);
  write(outside, tree.outside ?? {});
  for (const [link, target] of Object.entries(tree.links ?? {})) {
    fs.mkdirSync(path.dirname(path.join(root, link)), { recursive: true });
    fs.symlinkSync(path.join(outside, target), path.join(root, link));
  }
  const result = await lint({ paths: [root], root, noConfig: true });
  return { result, root, outside };
}

/** Every location the result mentions: findings, their related locations, notifications, undecided. */
function locations(r: LintResult): { file: string; label?: string }[] {
  return [
    ...r.findings.flatMap((f) => [f.location, ...f.related]),
    ...r.notifications.map((n) => n.location),
    ...r.undecided.flatMap((u) => (u.location ? [u.location] : [])),
  ];
}

/** Asserts nothing from outside the root reached the result: no location there, no text of it. */
function expectNoLeak(r: LintResult, outside: string, links: string[] = []): void {
  for (const loc of locations(r)) {
    expect(loc.file.startsWith(outside + path.sep), loc.file).toBe(false);
    expect(links, `a location in the link ${loc.file}`).not.toContain(loc.file);
  }
  expect(JSON.stringify(r.findings)).not.toContain(MARKER);
  expect(JSON.stringify(r.undecided)).not.toContain(MARKER);
  for (const [file, text] of r.sources) expect(text.includes(MARKER), `source text of ${file}`).toBe(false);
}

const ids = (r: LintResult, id: string): LintResult['findings'] => r.findings.filter((f) => f.ruleId === id);
const evalMessages = (r: LintResult): string[] => ids(r, 'EVAL001').map((f) => f.message);

// ---- the symlinked twin (arm/project.ts `bicepDeclarations`) -------------------------------------

/** A template compiled from Bicep: a Key Vault without purge protection (KV001). */
const COMPILED_VAULT = JSON.stringify(
  {
    $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
    contentVersion: '1.0.0.0',
    metadata: { _generator: { name: 'bicep', version: '0.30.23.60470', templateHash: '1' } },
    parameters: {},
    resources: [
      {
        type: 'Microsoft.KeyVault/vaults',
        apiVersion: '2023-07-01',
        name: 'kv-ml',
        location: 'westeurope',
        properties: { tenantId: '[subscription().tenantId]', sku: { family: 'A', name: 'standard' } },
      },
    ],
  },
  null,
  2,
);

/** Its `.bicep` source; the trailing line does not parse, so lint() lints the compiled twin. */
const VAULT_BICEP = `// ${MARKER}
resource kv 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: 'kv-ml'
  location: 'westeurope'
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
  }
}
resource broken 'Microsoft.Storage/storageAccounts@2023-01-01' = {
`;

describe('the symlinked twin: a compiled main.json beside a main.bicep that links out of the root', () => {
  it('control: the .bicep inside the root gives KV001 a related "declared in main.bicep" location', async () => {
    const { result, root } = await lintTree({ root: { 'main.json': COMPILED_VAULT, 'main.bicep': VAULT_BICEP } });
    const kv = ids(result, 'KV001');
    expect(kv.length).toBeGreaterThan(0);
    expect(kv[0]!.location.file).toBe(path.join(root, 'main.json'));
    expect(kv[0]!.related.map((l) => l.label)).toContain('declared in main.bicep as "kv"');
  });

  it('linked out: KV001 is still reported on main.json, with no location or text from the target', async () => {
    const { result, root, outside } = await lintTree({
      root: { 'main.json': COMPILED_VAULT },
      outside: { 'vault.bicep': VAULT_BICEP },
      links: { 'main.bicep': 'vault.bicep' },
    });
    const kv = ids(result, 'KV001');
    expect(kv.length).toBeGreaterThan(0);
    expect(kv[0]!.location.file).toBe(path.join(root, 'main.json'));
    for (const f of result.findings) expect(f.related.map((l) => l.label ?? '').filter((l) => l.startsWith('declared in'))).toEqual([]);
    expectNoLeak(result, outside, [path.join(root, 'main.bicep')]);
  });
});

// ---- load*() (bicep load.ts) -----------------------------------------------------------------------

/** A registry whose properties come from a file: ACR001 fires exactly when the file was read. */
const registry = (properties: string): string => `resource acr 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'acrmlops'
  location: 'westeurope'
  sku: {
    name: 'Premium'
  }
  properties: ${properties}
}
`;
const ADMIN_JSON = `{ "adminUserEnabled": true, "note": "${MARKER}" }`;
const ADMIN_YAML = `adminUserEnabled: true\nnote: ${MARKER}\n`;

describe('load*() reads only through the Host', () => {
  it('control: loadJsonContent of a file inside the root is read', async () => {
    const { result } = await lintTree({ root: { 'main.bicep': registry("loadJsonContent('cfg/props.json')"), 'cfg/props.json': ADMIN_JSON } });
    expect(ids(result, 'ACR001')).toHaveLength(1);
  });

  it('loadJsonContent of a path outside the root (../) is not read', async () => {
    const { result, outside } = await lintTree({ root: { 'main.bicep': registry("loadJsonContent('../outside/props.json')") }, outside: { 'props.json': ADMIN_JSON } });
    expect(ids(result, 'ACR001')).toEqual([]);
    expect(evalMessages(result)).toContain("'../outside/props.json' is outside the scanned folder and is not read; the value is unknown.");
    expectNoLeak(result, outside);
  });

  it('loadJsonContent through a symbolic link that leaves the root is not read', async () => {
    const { result, root, outside } = await lintTree({
      root: { 'main.bicep': registry("loadJsonContent('props.json')") },
      outside: { 'props.json': ADMIN_JSON },
      links: { 'props.json': 'props.json' },
    });
    expect(ids(result, 'ACR001')).toEqual([]);
    expect(evalMessages(result)).toContain("'props.json' is outside the scanned folder and is not read; the value is unknown.");
    expectNoLeak(result, outside, [path.join(root, 'props.json')]);
  });

  it('loadYamlContent through a linked folder that leaves the root is not read', async () => {
    const { result, root, outside } = await lintTree({
      root: { 'main.bicep': registry("loadYamlContent('cfg/props.yaml')") },
      outside: { 'cfg/props.yaml': ADMIN_YAML },
      links: { cfg: 'cfg/' },
    });
    expect(ids(result, 'ACR001')).toEqual([]);
    expect(evalMessages(result)).toContain("'cfg/props.yaml' is outside the scanned folder and is not read; the value is unknown.");
    expectNoLeak(result, outside, [path.join(root, 'cfg', 'props.yaml')]);
  });

  it('loadTextContent through a symbolic link that leaves the root is not read', async () => {
    const { result, root, outside } = await lintTree({
      root: { 'main.bicep': registry("{\n    adminUserEnabled: bool(loadTextContent('flag.txt'))\n  }") },
      outside: { 'flag.txt': 'true' },
      links: { 'flag.txt': 'flag.txt' },
    });
    expect(ids(result, 'ACR001')).toEqual([]);
    expect(evalMessages(result)).toContain("'flag.txt' is outside the scanned folder and is not read; the value is unknown.");
    expectNoLeak(result, outside, [path.join(root, 'flag.txt')]);
  });

  it('control: loadTextContent of the same file inside the root is read', async () => {
    const { result } = await lintTree({ root: { 'main.bicep': registry("{\n    adminUserEnabled: bool(loadTextContent('flag.txt'))\n  }"), 'flag.txt': 'true' } });
    expect(ids(result, 'ACR001')).toHaveLength(1);
  });

  it('loadFileAsBase64 through a symbolic link that leaves the root is not read', async () => {
    const { result, root, outside } = await lintTree({
      root: { 'main.bicep': registry("{\n    adminUserEnabled: true\n  }\n  tags: {\n    blob: loadFileAsBase64('blob.bin')\n  }") },
      outside: { 'blob.bin': MARKER },
      links: { 'blob.bin': 'blob.bin' },
    });
    expect(evalMessages(result)).toContain("'blob.bin' is outside the scanned folder and is not read; the value is unknown.");
    expect(JSON.stringify(result.findings)).not.toContain(Buffer.from(MARKER).toString('base64'));
    expectNoLeak(result, outside, [path.join(root, 'blob.bin')]);
  });
});

// ---- modules, imports and `using` (bicep modules.ts, emit.ts, project.ts) ----------------------

const ADMIN_REGISTRY_BICEP = `// ${MARKER}\n${registry('{\n    adminUserEnabled: true\n  }')}`;
const ADMIN_REGISTRY_JSON = JSON.stringify({
  $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
  contentVersion: '1.0.0.0',
  metadata: { note: MARKER },
  resources: [
    { type: 'Microsoft.ContainerRegistry/registries', apiVersion: '2023-07-01', name: 'acrmlops', location: 'westeurope', sku: { name: 'Premium' }, properties: { adminUserEnabled: true } },
  ],
});
const USE_MODULE = (p: string): string => `module reg '${p}' = {\n  name: 'reg'\n}\n`;

describe('module and imported files are read only through the Host', () => {
  it('control: a local .bicep module inside the root is evaluated', async () => {
    const { result, root } = await lintTree({ root: { 'main.bicep': USE_MODULE('modules/acr.bicep'), 'modules/acr.bicep': ADMIN_REGISTRY_BICEP } });
    expect(ids(result, 'ACR001').map((f) => f.location.file)).toEqual([path.join(root, 'modules', 'acr.bicep')]);
  });

  it('a .bicep module through a symbolic link that leaves the root is reported, not evaluated', async () => {
    const { result, root, outside } = await lintTree({
      root: { 'main.bicep': USE_MODULE('acr.bicep') },
      outside: { 'acr.bicep': ADMIN_REGISTRY_BICEP },
      links: { 'acr.bicep': 'acr.bicep' },
    });
    expect(ids(result, 'ACR001')).toEqual([]);
    expect(evalMessages(result)).toContain("Module 'acr.bicep' is outside the scanned folder; it is not evaluated.");
    expectNoLeak(result, outside, [path.join(root, 'acr.bicep')]);
  });

  it('a .bicep module in a linked folder that leaves the root is reported, not evaluated', async () => {
    const { result, root, outside } = await lintTree({
      root: { 'main.bicep': USE_MODULE('modules/acr.bicep') },
      outside: { 'modules/acr.bicep': ADMIN_REGISTRY_BICEP },
      links: { modules: 'modules/' },
    });
    expect(ids(result, 'ACR001')).toEqual([]);
    expect(evalMessages(result)).toContain("Module 'modules/acr.bicep' is outside the scanned folder; it is not evaluated.");
    expectNoLeak(result, outside, [path.join(root, 'modules', 'acr.bicep')]);
  });

  it('control: a local .json module inside the root is evaluated', async () => {
    const { result } = await lintTree({ root: { 'main.bicep': USE_MODULE('acr.json'), 'acr.json': ADMIN_REGISTRY_JSON } });
    expect(ids(result, 'ACR001')).toHaveLength(1);
  });

  it('a .json module through a symbolic link that leaves the root is reported, not evaluated', async () => {
    const { result, root, outside } = await lintTree({
      root: { 'main.bicep': USE_MODULE('acr.json') },
      outside: { 'acr.json': ADMIN_REGISTRY_JSON },
      links: { 'acr.json': 'acr.json' },
    });
    expect(ids(result, 'ACR001')).toEqual([]);
    expect(evalMessages(result)).toContain("Module 'acr.json' is outside the scanned folder; it is not evaluated.");
    expectNoLeak(result, outside, [path.join(root, 'acr.json')]);
  });

  it('a finding in a module template read only through the Host keeps its code frame and evidence', async () => {
    // Only infra/main is linted; the module template beside it is read by the evaluator alone.
    const base = fs.mkdtempSync(path.join(os.tmpdir(), 'mil-gate-'));
    bases.push(base);
    fs.mkdirSync(path.join(base, 'infra', 'main'), { recursive: true });
    fs.mkdirSync(path.join(base, 'infra', 'modules'), { recursive: true });
    fs.writeFileSync(path.join(base, 'infra', 'main', 'main.bicep'), USE_MODULE('../modules/acr.json'));
    fs.writeFileSync(path.join(base, 'infra', 'modules', 'acr.json'), ADMIN_REGISTRY_JSON);
    const result = await lint({ paths: [path.join(base, 'infra', 'main')], root: base, noConfig: true });
    const [acr] = ids(result, 'ACR001');
    expect(acr?.location.file).toBe(path.join(base, 'infra', 'modules', 'acr.json'));
    expect(acr?.evidence).toMatch(/^[0-9a-f]{16}$/);
    expect(result.sources.get(acr!.location.file)).toBe(ADMIN_REGISTRY_JSON);
  });

  const SHARED = `// ${MARKER}\n@export()\nvar admin = true\n`;
  const IMPORTER = `import { admin } from 'shared.bicep'\n\n${registry('{\n    adminUserEnabled: admin\n  }')}`;

  it('control: a variable imported from a file inside the root is evaluated', async () => {
    const { result } = await lintTree({ root: { 'main.bicep': IMPORTER, 'shared.bicep': SHARED } });
    expect(ids(result, 'ACR001')).toHaveLength(1);
  });

  it('a variable imported through a symbolic link that leaves the root is unknown', async () => {
    const { result, root, outside } = await lintTree({ root: { 'main.bicep': IMPORTER }, outside: { 'shared.bicep': SHARED }, links: { 'shared.bicep': 'shared.bicep' } });
    expect(ids(result, 'ACR001')).toEqual([]);
    expectNoLeak(result, outside, [path.join(root, 'shared.bicep')]);
  });

  it('a .bicepparam whose `using` target links out of the root is reported, not evaluated', async () => {
    const { result, root, outside } = await lintTree({
      root: { 'prod.bicepparam': "using 'main.bicep'\n\nparam admin = true\n" },
      outside: { 'main.bicep': `// ${MARKER}\nparam admin bool\n\n${registry('{\n    adminUserEnabled: admin\n  }')}` },
      links: { 'main.bicep': 'main.bicep' },
    });
    expect(ids(result, 'ACR001')).toEqual([]);
    expect(evalMessages(result)).toContain("The \"using\" target 'main.bicep' is outside the scanned folder; it is not evaluated.");
    expectNoLeak(result, outside, [path.join(root, 'main.bicep')]);
  });
});
