/**
 * BICEP.md §6.3 group 21 at parse level: the 48 `.bicep` files with a compiled twin (§5.2) parse
 * without errors and declare the documented number of resources (nested children included),
 * existing resources and modules. Graph equality against the twins is the evaluator's test.
 * Plus one synthetic file with the constructs the twins lack.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseBicep } from '../../src/parse/bicep/index.js';
import type { ResourceDecl } from '../../src/parse/bicep/index.js';
import { as, at, ok, prop } from './helpers.js';
import { DIFFERENTIAL_PAIRS } from './pairs.js';

const corpusRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/corpus');
const present = existsSync(corpusRoot);
if (!present) console.warn(`\n!!! Bicep corpus not found at ${corpusRoot}: the differential-pair parse test is SKIPPED !!!\n`);

describe.skipIf(!present)('21. the 48 differential pairs (parse level)', () => {
  it.each(DIFFERENTIAL_PAIRS)('%s declares %i resources (%i existing) and %i modules', (path, resources, existing, modules) => {
    const f = parseBicep(readFileSync(resolve(corpusRoot, path), 'utf8'), path);
    expect(f.errors).toEqual([]);
    const all: ResourceDecl[] = [];
    const walk = (d: ResourceDecl): void => {
      all.push(d);
      d.children.forEach(walk);
    };
    f.statements.forEach((s) => s.kind === 'ResourceDecl' && walk(s));
    expect(all.length).toBe(resources);
    expect(all.filter((d) => d.existing).length).toBe(existing);
    expect(f.statements.filter((s) => s.kind === 'ModuleDecl').length).toBe(modules);
  });
});

describe('21. synthetic constructs absent from the twins', () => {
  it('func, extension, typed var, $\'\'\', [^], spread, optional module name, nested children under conditions', () => {
    const r = ok(`extension microsoftGraphV1
func prefixed(name string) string => 'p-\${name}'
var names string[] = ['a', 'b']
var script = $'''
echo \${names[^1]}
'''
var merged = { ...base, extra: true }
module noName './m.bicep' = {
  params: { items: [...names, 'c'] }
}
resource parent 'Microsoft.Network/virtualNetworks@2023-04-01' = if (deploy) {
  name: prefixed('vnet')
  resource child 'subnets' = if (withSubnet) {
    name: 'default'
  }
}
`);
    as(r.statements[0], 'ExtensionDecl');
    expect(as(r.statements[1], 'FuncDecl').name.name).toBe('prefixed');
    expect(as(as(r.statements[2], 'VarDecl').type, 'ArrayType').range.start.column).toBe(11);
    const script = as(as(r.statements[3], 'VarDecl').value, 'String');
    const idx = as(script.expressions[0], 'IndexAccess');
    expect(idx.fromEnd).toBe(true);
    expect(at(idx.range)).toBe('5:8');
    as(as(as(r.statements[4], 'VarDecl').value, 'Object').members[0], 'Spread');
    const m = as(r.statements[5], 'ModuleDecl');
    expect(m.body!.members.map((x) => (x.kind === 'ObjectProperty' ? x.keyName : x.kind))).toEqual(['params']);
    as(as(prop(prop(m.body, 'params'), 'items'), 'Array').items[0], 'Spread');
    const p = as(r.statements[6], 'ResourceDecl');
    expect(as(p.condition, 'Variable').name).toBe('deploy');
    expect(as(p.children[0]!.condition, 'Variable').name).toBe('withSubnet');
    expect(at(p.children[0]!.range)).toBe('13:3');
  });
});
