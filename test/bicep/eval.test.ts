/**
 * Native Bicep evaluation (src/eval/bicep): the value-level parts of the 21 groups of BICEP.md
 * §6.3, each asserting the evaluated value and where it was written (line:column).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { evaluateBicep } from '../../src/eval/bicep/project.js';
import type { BicepProjectResult } from '../../src/eval/bicep/project.js';
import type { ArmResource } from '../../src/eval/arm/template.js';
import { armResourceIdKey } from '../../src/eval/arm/resourceid.js';
import { getPath, toJS } from '../../src/core/value.js';
import type { Value } from '../../src/core/value.js';
import { parseBicep, parseBicepParam } from '../../src/parse/bicep/index.js';
import { createHost } from '../../src/core/host.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

/** Writes the files into a fresh folder and evaluates every `.bicep`/`.bicepparam` in it. */
function project(files: Record<string, string>): BicepProjectResult & { dir: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bicep-eval-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  const all = Object.keys(files).map((f) => path.join(dir, f));
  const read = (f: string): string | undefined => (fs.existsSync(f) ? fs.readFileSync(f, 'utf8') : undefined);
  const r = evaluateBicep({
    host: createHost(dir),
    bicepFiles: all.filter((f) => f.endsWith('.bicep')),
    paramFiles: all.filter((f) => f.endsWith('.bicepparam')),
    parse: (f) => {
      const t = read(f);
      return t === undefined ? undefined : parseBicep(t, f);
    },
    parseParams: (f) => {
      const t = read(f);
      return t === undefined ? undefined : parseBicepParam(t, f);
    },
  });
  return { ...r, dir };
}

function resources(src: string, extra: Record<string, string> = {}): ArmResource[] {
  return project({ 'main.bicep': src, ...extra }).evaluations[0]!.result.resources;
}

function res(rs: ArmResource[], sym: string, i = 0): ArmResource {
  const r = rs.filter((x) => x.symbolicName === sym)[i];
  expect(r, `resource ${sym}`).toBeDefined();
  return r!;
}

const at = (v: Value | undefined): string => (v?.origin ? `${v.origin.range.start.line}:${v.origin.range.start.column}` : '-');
const prop = (r: ArmResource, p: string): Value | undefined => getPath(r.body, p);
const js = (v: Value | undefined): unknown => (v ? toJS(v) : undefined);

const ACR = `resource acr 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'acr1'
  location: 'westeurope'
  sku: { name: 'Premium' }
}
`;

describe('native Bicep evaluation: params, vars, resources (stage 1)', () => {
  it('resource type/apiVersion from the type string, name, body origins, header location', () => {
    const rs = resources(`param loc string = 'westeurope'
var prefix = 'ml'
resource ws 'Microsoft.MachineLearningServices/workspaces@2024-04-01' = {
  name: '\${prefix}-ws'
  location: loc
  properties: {
    publicNetworkAccess: 'Disabled'
  }
}
`);
    const ws = res(rs, 'ws');
    expect(ws.type).toBe('Microsoft.MachineLearningServices/workspaces');
    expect(ws.apiVersion).toBe('2024-04-01');
    expect(js(ws.name)).toBe('ml-ws');
    expect(ws.idKey).toBe('microsoft.machinelearningservices/workspaces/ml-ws');
    const loc = prop(ws, 'location');
    expect(js(loc)).toBe('westeurope');
    expect(at(loc)).toBe('1:20');
    expect(loc!.via!.map((l) => `${l.label}@${l.range.start.line}`)).toEqual(['parameter "loc"@1']);
    expect(at(prop(ws, 'properties.publicNetworkAccess'))).toBe('7:26');
    expect(`${ws.typeLocation.range.start.line}:${ws.typeLocation.range.start.column}-${ws.typeLocation.range.end.column}`).toBe('3:1-70');
  });

  it('a param without default is unknown with the token parameters(x); InputDecl kind, allowed, secure, type', () => {
    const r = project({
      'main.bicep': `@allowed([
  'Standard_NC6s_v3'
  'Standard_D4s_v3'
])
param size string
@secure()
param adminPassword string
resource acr 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: size
}
`,
    });
    const e = r.evaluations[0]!;
    const acr = res(e.result.resources, 'acr');
    expect(acr.name.kind).toBe('unknown');
    expect((acr.name as { token?: string }).token).toBe("parameters('size')");
    expect(acr.idKey).toBe("microsoft.containerregistry/registries/{parameters('size')}");
    const size = e.evaluation.inputs.find((i) => i.name === 'size')!;
    expect(size.kind).toBe('bicep-param');
    expect(size.type).toBe('string');
    expect(size.allowedValues!.map((v) => `${js(v)}@${at(v)}`)).toEqual(['Standard_NC6s_v3@2:3', 'Standard_D4s_v3@3:3']);
    expect(`${size.header.range.start.line}:${size.header.range.start.column}`).toBe('5:1');
    expect(e.evaluation.inputs.find((i) => i.name === 'adminPassword')!.secure).toBe(true);
  });

  it('symbolic references: acr.id has the identity key of resourceId(), acr.name, acr.properties.x folds onto the body', () => {
    const rs = resources(`${ACR}
resource ws 'Microsoft.MachineLearningServices/workspaces@2024-04-01' = {
  name: 'ws'
  properties: {
    containerRegistry: acr.id
    registryName: acr.name
    sku: acr.sku.name
    login: acr.properties.loginServer
  }
}
`);
    const ws = res(rs, 'ws');
    const id = prop(ws, 'properties.containerRegistry')!;
    expect(armResourceIdKey(id)).toBe('microsoft.containerregistry/registries/acr1');
    expect(js(prop(ws, 'properties.registryName'))).toBe('acr1');
    expect(at(prop(ws, 'properties.registryName'))).toBe('2:9');
    expect(js(prop(ws, 'properties.sku'))).toBe('Premium');
    expect(prop(ws, 'properties.login')!.kind).toBe('unknown');
  });

  it('resourceGroup().location and uniqueString(resourceGroup().id) are unknown with ARM tokens', () => {
    const rs = resources(`resource st 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: 'st\${uniqueString(resourceGroup().id)}'
  location: resourceGroup().location
}
`);
    const st = res(rs, 'st');
    expect((prop(st, 'location') as { token?: string }).token).toBe('resourceGroup().location');
    expect(st.idKey).toBe('microsoft.storage/storageaccounts/st{uniquestring(resourcegroup().id)}');
  });
});

describe('§6.3 groups, value level', () => {
  it('1. multi-line ternary; 14. precedence (a || b && c, ?? loosest, !a == b, =~)', () => {
    const rs = resources(`param flag bool = false
var a = true
var b = false
var c = false
resource st 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: 'st'
  properties: {
    t: flag
      ? 'yes'
      : 'no'
    p1: a || b && c
    p2: null ?? b || true
    p3: !a == b
    p4: 'ABC' =~ 'abc'
    p5: 'ABC' !~ 'abc'
    p6: 1 + 2 * 3 - -4
    p7: 7 % 4 < 5
  }
}
`);
    const st = res(rs, 'st');
    expect(js(prop(st, 'properties.t'))).toBe('no');
    expect(at(prop(st, 'properties.t'))).toBe('10:9');
    expect(js(prop(st, 'properties.p1'))).toBe(true);
    expect(js(prop(st, 'properties.p2'))).toBe(true);
    expect(js(prop(st, 'properties.p3'))).toBe(true);
    expect(js(prop(st, 'properties.p4'))).toBe(true);
    expect(js(prop(st, 'properties.p5'))).toBe(false);
    expect(js(prop(st, 'properties.p6'))).toBe(11);
    expect(js(prop(st, 'properties.p7'))).toBe(true);
  });

  it('2. `=\\n if (c)` known false → skipped, unknown → kept with the condition; existing = if', () => {
    const rs = resources(`param deploy bool
resource a 'Microsoft.Storage/storageAccounts@2023-01-01' =
  if (false) {
    name: 'a'
  }
resource b 'Microsoft.Storage/storageAccounts@2023-01-01' = if (deploy) {
  name: 'b'
}
resource c 'Microsoft.Storage/storageAccounts@2023-01-01' existing = if (true) {
  name: 'c'
}
`);
    expect(rs.some((r) => r.symbolicName === 'a')).toBe(false);
    expect(res(rs, 'b').condition!.kind).toBe('unknown');
    expect(res(rs, 'c').existing).toBe(true);
  });

  it('3. nested children: type/name composition, child@ver, 3 levels, p::c.name, nested for and if', () => {
    const rs = resources(`param withB bool = false
resource vnet 'Microsoft.Network/virtualNetworks@2023-04-01' = {
  name: 'vnet'
  resource sub 'subnets' = {
    name: 'default'
  }
  resource sub2 'subnets@2024-01-01' = if (withB) {
    name: 'b'
  }
}
resource ws 'Microsoft.MachineLearningServices/workspaces@2024-04-01' = {
  name: 'ws'
  resource comp 'computes' = [for n in ['c1', 'c2']: {
    name: n
  }]
}
resource sa 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: 'sa'
  resource blob 'blobServices' = {
    name: 'default'
    resource cont 'containers' = {
      name: 'data'
    }
  }
}
output subName string = vnet::sub.name
output subId string = vnet::sub.id
`);
    const sub = res(rs, 'vnet::sub');
    expect(sub.type).toBe('Microsoft.Network/virtualNetworks/subnets');
    expect(sub.apiVersion).toBe('2023-04-01');
    expect(js(sub.name)).toBe('vnet/default');
    expect(at(sub.name)).toBe('5:11');
    expect(rs.some((r) => r.symbolicName === 'vnet::sub2')).toBe(false);
    expect(rs.filter((r) => r.symbolicName === 'ws::comp').map((r) => js(r.name))).toEqual(['ws/c1', 'ws/c2']);
    const cont = res(rs, 'sa::blob::cont');
    expect(cont.type).toBe('Microsoft.Storage/storageAccounts/blobServices/containers');
    expect(js(cont.name)).toBe('sa/default/data');
    expect(cont.idKey).toBe('microsoft.storage/storageaccounts/blobservices/containers/sa/default/data');
  });

  it('3b. child@ver overrides the apiVersion; 4. parent: p and parent: p[i] compose like nesting', () => {
    const rs = resources(`resource vnet 'Microsoft.Network/virtualNetworks@2023-04-01' = {
  name: 'vnet'
  resource sub 'subnets@2024-01-01' = {
    name: 'a'
  }
}
resource s2 'Microsoft.Network/virtualNetworks/subnets@2023-04-01' = {
  parent: vnet
  name: 'b'
}
resource nets 'Microsoft.Network/virtualNetworks@2023-04-01' = [for i in range(0, 2): {
  name: 'v\${i}'
}]
resource s3 'Microsoft.Network/virtualNetworks/subnets@2023-04-01' = [for i in range(0, 2): {
  parent: nets[i]
  name: 'x'
}]
`);
    expect(res(rs, 'vnet::sub').apiVersion).toBe('2024-01-01');
    const s2 = res(rs, 's2');
    expect(s2.type).toBe('Microsoft.Network/virtualNetworks/subnets');
    expect(js(s2.name)).toBe('vnet/b');
    expect(rs.filter((r) => r.symbolicName === 's3').map((r) => js(r.name))).toEqual(['v0/x', 'v1/x']);
  });

  it('5. multi-line call args with nested calls and (a && b) ? {…} : {} arguments', () => {
    const rs = resources(`var a = true
var b = true
resource st 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: format(
    '{0}-{1}',
    toLower('ST'),
    concat('x', 'y')
  )
  properties: union(
    { k: 1 },
    (a && b) ? { m: 2 } : {}
  )
}
`);
    const st = res(rs, 'st');
    expect(js(st.name)).toBe('st-xy');
    expect(js(prop(st, 'properties'))).toEqual({ k: 1, m: 2 });
  });

  it('6. arrays/objects: NL-, comma-separated, mixed, comments inside', () => {
    const rs = resources(`resource st 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: 'st'
  properties: {
    a: [1, 2
      3
      // comment
      /* block
         comment */ 4]
    o: { x: 1, y: 2
      z: 3 }
  }
}
`);
    const st = res(rs, 'st');
    expect(js(prop(st, 'properties.a'))).toEqual([1, 2, 3, 4]);
    expect(at(getPath(prop(st, 'properties.a'), []) && (prop(st, 'properties.a') as { items: Value[] }).items[3])).toBe('8:21');
    expect(js(prop(st, 'properties.o'))).toEqual({ x: 1, y: 2, z: 3 });
  });

  it('7. lambdas are evaluated (BICEP.md §6.3 item 7: value ✓), unknown inputs stay unknown; 8. identifiers equal to built-ins and keywords', () => {
    const rs = resources(`param dataUri string = 'x'
param pools array = [
  { name: 'gpu', size: 'Standard_NC6s_v3', on: true }
  { name: 'cpu', size: 'Standard_D4s_v5', on: false }
]
param unknownList array
var list = [1, 2]
resource st 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: dataUri
  properties: {
    m: map(list, x => x * 2)
    mi: map(list, (x, i) => i)
    r: reduce(list, 0, (cur, next) => cur + next)
    f: filter(pools, p => p.on)
    s: sort([3, 1, 2], (a, b) => a < b)
    o: toObject(pools, p => p.name, p => p.size)
    g: groupBy(pools, p => p.on ? 'on' : 'off')
    v: mapValues({ a: 1 }, v => v + 1)
    sizes: map(pools, p => p.size)
    u: map(unknownList, x => x)
    uf: filter(pools, p => p.missing)
    if: 'keyword key'
    existing: true
  }
}
`);
    const st = res(rs, 'st');
    expect(js(st.name)).toBe('x');
    expect(js(prop(st, 'properties.m'))).toEqual([2, 4]);
    expect(js(prop(st, 'properties.mi'))).toEqual([0, 1]);
    expect(js(prop(st, 'properties.r'))).toBe(3);
    expect(js(prop(st, 'properties.f'))).toEqual([{ name: 'gpu', size: 'Standard_NC6s_v3', on: true }]);
    expect(js(prop(st, 'properties.s'))).toEqual([1, 2, 3]);
    expect(js(prop(st, 'properties.o'))).toEqual({ gpu: 'Standard_NC6s_v3', cpu: 'Standard_D4s_v5' });
    expect(js(prop(st, 'properties.g'))).toEqual({ on: [{ name: 'gpu', size: 'Standard_NC6s_v3', on: true }], off: [{ name: 'cpu', size: 'Standard_D4s_v5', on: false }] });
    expect(js(prop(st, 'properties.v'))).toEqual({ a: 2 });
    // A mapped value keeps where it was written (the parameter default's entry).
    expect(at((prop(st, 'properties.sizes') as { items: Value[] }).items[1])).toBe('4:24');
    expect(prop(st, 'properties.u')!.kind).toBe('unknown');
    expect(prop(st, 'properties.uf')!.kind).toBe('unknown');
    expect(js(prop(st, 'properties.if'))).toBe('keyword key');
    expect(js(prop(st, 'properties.existing'))).toBe(true);
  });

  it('9. types: a T? param without default is null; @allowed values keep their origins', () => {
    const r = project({
      'main.bicep': `param opt string?
param arr string[] = ['a']
resource st 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: 'st'
  properties: {
    o: opt ?? 'fallback'
    a: arr[0]
  }
}
`,
    });
    const st = res(r.evaluations[0]!.result.resources, 'st');
    expect(js(prop(st, 'properties.o'))).toBe('fallback');
    expect(at(prop(st, 'properties.o'))).toBe('6:15');
    expect(js(prop(st, 'properties.a'))).toBe('a');
    expect(r.evaluations[0]!.evaluation.inputs.find((i) => i.name === 'arr')!.type).toBe('string[]');
  });

  it('10. imports: registry types never fail; a named import of a local variable is evaluated', () => {
    const rs = resources(
      `import { tagsType } from 'br/public:avm/utl/types/avm-common-types:0.5.1'
import { defaults } from './shared.bicep'
resource st 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: defaults.name
}
`,
      { 'shared.bicep': "@export()\nvar defaults = {\n  name: 'shared-st'\n}\n" },
    );
    const st = res(rs, 'st');
    expect(js(st.name)).toBe('shared-st');
    expect(at(st.name)).toBe('3:9');
  });

  it('11. strings: escapes, nested interpolation, braces in literal segments (format doubling)', () => {
    const rs = resources(`var a = 'A'
resource st 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: 'st'
  properties: {
    e: 'it\\'s \\\\ \\$ \\\${x} $5'
    n: '\${'\${a}'}!'
    b: '{\${a}}'
    u: '\\u{1F600}x'
  }
}
`);
    const st = res(rs, 'st');
    expect(js(prop(st, 'properties.e'))).toBe("it's \\ $ ${x} $5");
    expect(js(prop(st, 'properties.n'))).toBe('A!');
    expect(js(prop(st, 'properties.b'))).toBe('{A}');
    expect(js(prop(st, 'properties.u'))).toBe('\u{1F600}x');
    expect(at(prop(st, 'properties.u'))).toBe('8:8');
  });

  it("12. ''' strings: leading newline stripped, ${x} literal", () => {
    const rs = resources(`resource st 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: 'st'
  properties: {
    m: '''
line 'one' \${x}
'''
  }
}
`);
    expect(js(prop(res(rs, 'st'), 'properties.m'))).toBe("line 'one' ${x}\n");
  });

  it('13. spread, .?, [?i], [^i], x!, ?? chains', () => {
    const rs = resources(`var base = { a: 1, b: 2 }
var xs = [10, 20, 30]
var o = { inner: { v: 'deep' } }
resource st 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: 'st'
  properties: {
    s: { ...base, b: 3 }
    l: [...xs, 40]
    q: o.?missing
    q2: o.?inner.v
    i: xs[?5]
    e: xs[^1]
    n: o.inner!.v
    c: o.?missing ?? o.?other ?? 'last'
  }
}
`);
    const st = res(rs, 'st');
    expect(js(prop(st, 'properties.s'))).toEqual({ a: 1, b: 3 });
    expect(js(prop(st, 'properties.l'))).toEqual([10, 20, 30, 40]);
    expect(js(prop(st, 'properties.q'))).toBe(null);
    expect(js(prop(st, 'properties.q2'))).toBe('deep');
    expect(js(prop(st, 'properties.i'))).toBe(null);
    expect(js(prop(st, 'properties.e'))).toBe(30);
    expect(at(prop(st, 'properties.e'))).toBe('2:19');
    expect(js(prop(st, 'properties.n'))).toBe('deep');
    expect(js(prop(st, 'properties.c'))).toBe('last');
  });

  it('15. loops: resource loops, (x, i) with range, formatter style, loop filter, property and variable loops, cap 1,024 → EVAL001', () => {
    const r = project({
      'main.bicep': `var names = ['a', 'b', 'c']
var doubled = [for (n, i) in names: '\${n}\${i}']
resource sts 'Microsoft.Storage/storageAccounts@2023-01-01' = [
  for (n, i) in names: if (n != 'b') {
    name: '\${n}-\${i}'
    properties: {
      rules: [for j in range(0, 2): { idx: j, d: doubled[i] }]
    }
  }
]
resource many 'Microsoft.Storage/storageAccounts@2023-01-01' = [for i in range(0, 1030): {
  name: 'm\${i}'
}]
param unknownList array
resource u 'Microsoft.Storage/storageAccounts@2023-01-01' = [for x in unknownList: {
  name: x.name
}]
`,
    });
    const rs = r.evaluations[0]!.result.resources;
    const sts = rs.filter((x) => x.symbolicName === 'sts');
    expect(sts.map((x) => js(x.name))).toEqual(['a-0', 'c-2']);
    expect(sts.map((x) => x.copyIndex)).toEqual([0, 2]);
    expect(js(prop(sts[1]!, 'properties.rules'))).toEqual([
      { idx: 0, d: 'c2' },
      { idx: 1, d: 'c2' },
    ]);
    expect(rs.filter((x) => x.symbolicName === 'many')).toHaveLength(1024);
    const cap = r.problems.find((p) => /1030 instances/.test(p.message))!;
    expect(cap.code).toBe('EVAL001');
    expect(`${cap.location.range.start.line}:${cap.location.range.start.column}`).toBe('11:74');
    const u = rs.filter((x) => x.symbolicName === 'u');
    expect(u).toHaveLength(1);
    expect(u[0]!.name.kind).toBe('unknown');
  });

  it('16. modules: local .bicep with params flowing in (via), outputs, .json, registry, missing file, omitted name', () => {
    const r = project({
      'main.bicep': `module kv './kv.bicep' = {
  name: 'kv-deploy'
  params: {
    purge: false
  }
}
module arm './arm.json' = {
  name: 'arm-deploy'
  params: {
    size: 'Standard_NC6s_v3'
  }
}
module pe 'br/public:avm/res/network/private-endpoint:0.11.0' = {
  name: 'pe'
}
module missing './nope.bicep' = {
  name: 'missing'
}
module noName './kv.bicep' = {
  params: {
    purge: true
  }
}
resource st 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: kv.outputs.vaultName
}
`,
      'kv.bicep': `param purge bool
resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: 'kv-\${purge}'
  properties: {
    enablePurgeProtection: purge
  }
}
output vaultName string = vault.name
`,
      'arm.json': JSON.stringify({
        $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
        contentVersion: '1.0.0.0',
        parameters: { size: { type: 'string' } },
        resources: [{ type: 'Microsoft.Compute/virtualMachines', apiVersion: '2023-03-01', name: 'vm', properties: { hardwareProfile: { vmSize: "[parameters('size')]" } } }],
      }),
    });
    // kv.bicep is used as a module: not a unit of its own.
    expect(r.evaluations).toHaveLength(1);
    const rs = r.evaluations[0]!.result.resources;
    const vaults = rs.filter((x) => x.type === 'Microsoft.KeyVault/vaults');
    expect(vaults.map((v) => v.deployment)).toEqual([['kv-deploy'], [expect.stringMatching(/^noName-/)]]);
    const purge = prop(vaults[0]!, 'properties.enablePurgeProtection')!;
    expect(js(purge)).toBe(false);
    expect(purge.origin!.file.endsWith('main.bicep')).toBe(true);
    expect(at(purge)).toBe('4:12');
    expect(purge.via!.map((l) => l.label)).toEqual(['module "kv" param "purge"', 'parameter "purge"']);
    expect(js(res(rs, 'st').name)).toBe('kv-False');
    const vm = rs.find((x) => x.type === 'Microsoft.Compute/virtualMachines')!;
    expect(vm.deployment).toEqual(['arm-deploy']);
    expect(js(prop(vm, 'properties.hardwareProfile.vmSize'))).toBe('Standard_NC6s_v3');
    expect(at(prop(vm, 'properties.hardwareProfile.vmSize'))).toBe('10:11');
    expect(rs.filter((x) => x.type === 'Microsoft.Resources/deployments').map((x) => x.symbolicName)).toEqual(['kv', 'arm', 'pe', 'missing', 'noName']);
    const miss = r.problems.find((p) => /nope\.bicep/.test(p.message))!;
    expect(`${miss.location.range.start.line}:${miss.location.range.start.column}`).toBe('16:16');
  });

  it('17. .bicepparam: variants, var, readEnvironmentVariable unknown, using a missing file → EVAL001, using none', () => {
    const r = project({
      'main.bicep': `param env string = 'dev'
param size string = 'Standard_D4s_v3'
param secret string = 'x'
resource st 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: 'st-\${env}'
  properties: {
    size: size
    fromEnv: secret
  }
}
`,
      'prod.bicepparam': `using './main.bicep'
var suffix = 'v5'
param env = 'prod'
param size = 'Standard_D16s_\${suffix}'
param secret = readEnvironmentVariable('SECRET', 'fallback')
`,
      'other/params.bicepparam': "using './main.bicep'\nparam env = 'x'\n",
      'base.bicepparam': 'using none\nparam env = \'y\'\n',
    });
    expect(r.evaluations).toHaveLength(1);
    const e = r.evaluations[0]!;
    expect(e.evaluation.variant).toBe('prod.bicepparam');
    expect(e.evaluation.env).toBe('prod');
    const st = res(e.result.resources, 'st');
    expect(js(st.name)).toBe('st-prod');
    const size = prop(st, 'properties.size')!;
    expect(js(size)).toBe('Standard_D16s_v5');
    expect(size.origin!.file.endsWith('prod.bicepparam')).toBe(true);
    expect(at(size)).toBe('4:14');
    expect(prop(st, 'properties.fromEnv')!.kind).toBe('unknown');
    const missing = r.problems.find((p) => p.location.file.endsWith('params.bicepparam'))!;
    expect(missing.code).toBe('EVAL001');
    expect(missing.message).toMatch(/'\.\/main\.bicep'.*does not exist/);
    expect(`${missing.location.range.start.line}:${missing.location.range.start.column}`).toBe('1:1');
  });

  it('17b. environment class from a param named environment when the .bicepparam name says nothing', () => {
    const r = project({ 'main.bicep': "param environment string = 'production'\nresource st 'Microsoft.Storage/storageAccounts@2023-01-01' = {\n  name: 'st'\n}\n" });
    expect(r.evaluations[0]!.evaluation.env).toBe('prod');
  });

  it('18. load*: relative path, JSON path, escaping the root blocked, symlink blocked, too large → EVAL001', () => {
    const big = 'x'.repeat(131073);
    const r = project({
      'main.bicep': `var cfg = loadJsonContent('cfg/settings.json', '$.a.b')
var txt = loadTextContent('cfg/note.txt')
var outside = loadTextContent('../../etc/passwd')
var large = loadTextContent('cfg/big.txt')
var yml = loadYamlContent('cfg/x.yaml')
resource st 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: 'st'
  properties: {
    cfg: cfg
    txt: txt
    outside: outside
    large: large
    yml: yml.k
  }
}
`,
      'cfg/settings.json': '{"a": {"b": {"tls": "TLS1_0"}}}',
      'cfg/note.txt': 'hello',
      'cfg/big.txt': big,
      'cfg/x.yaml': 'k: v\n',
    });
    const st = res(r.evaluations[0]!.result.resources, 'st');
    expect(js(prop(st, 'properties.cfg'))).toEqual({ tls: 'TLS1_0' });
    // A loaded JSON value is located where it is written, in the JSON file (RULES.md Location).
    expect(at(prop(st, 'properties.cfg.tls'))).toBe('1:21');
    expect(prop(st, 'properties.cfg.tls')!.origin!.file.replace(/\\/g, '/')).toMatch(/cfg\/settings\.json$/);
    expect(js(prop(st, 'properties.txt'))).toBe('hello');
    expect(js(prop(st, 'properties.yml'))).toBe('v');
    expect(prop(st, 'properties.outside')!.kind).toBe('unknown');
    expect(prop(st, 'properties.large')!.kind).toBe('unknown');
    expect(r.problems.some((p) => /outside the scanned folder/.test(p.message) && p.location.range.start.line === 3)).toBe(true);
    expect(r.problems.some((p) => /larger than Bicep's limit/.test(p.message) && p.location.range.start.line === 4)).toBe(true);
  });

  it('18b. a symlink is not followed', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bicep-link-'));
    dirs.push(dir);
    fs.writeFileSync(path.join(dir, 'real.txt'), 'secret');
    fs.symlinkSync(path.join(dir, 'real.txt'), path.join(dir, 'link.txt'));
    const src = "resource st 'Microsoft.Storage/storageAccounts@2023-01-01' = {\n  name: loadTextContent('link.txt')\n}\n";
    fs.writeFileSync(path.join(dir, 'main.bicep'), src);
    const r = evaluateBicep({
      host: createHost(dir),
      bicepFiles: [path.join(dir, 'main.bicep')],
      paramFiles: [],
      parse: (f) => parseBicep(fs.readFileSync(f, 'utf8'), f),
      parseParams: () => undefined,
    });
    expect(r.evaluations[0]!.result.resources[0]!.name.kind).toBe('unknown');
    expect(r.problems[0]!.message).toMatch(/symbolic link/);
  });

  it('19. legacy/experimental syntax never aborts the evaluation', () => {
    const rs = resources(`import 'az@1.0.0'
provider 'kubernetes@1.0.0'
extension microsoftGraphV1
func pre(n string) string => 'p-\${n}'
resource st 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: pre('st')
}
`);
    expect(js(res(rs, 'st').name)).toBe('p-st');
  });

  it('20. a 1,000-line file evaluates in linear time', () => {
    const parts: string[] = [];
    for (let i = 0; i < 100; i++) {
      parts.push(`@description('''
multi ${i}
''')
param p${i} string = 'v${i}'
resource r${i} 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: '\${p${i}}-st'
  properties: {
    minimumTlsVersion: 'TLS1_2'
  }
}`);
    }
    const src = parts.join('\n');
    const t0 = performance.now();
    const rs = resources(src);
    const ms = performance.now() - t0;
    expect(rs).toHaveLength(100);
    expect(ms).toBeLessThan(2000);
  });
});
