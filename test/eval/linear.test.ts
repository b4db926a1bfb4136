/**
 * Work that grows with the square of the input (issue #12), each case measured where it
 * used to be quadratic. The bounds are loose (a loaded CI machine); before the fixes each of
 * these took from 20 s to several minutes.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCiDocument } from '../../src/parse/yaml/ci.js';
import { parseHcl } from '../../src/parse/hcl/parser.js';
import { evaluateTerraform } from '../../src/eval/terraform/project.js';
import { buildGraph } from '../../src/engine/graph.js';
import { terraformRefKeys as tokenKeys } from '../../src/model/from-terraform.js';
import type { Resource } from '../../src/model/resource.js';
import type { Evaluation } from '../../src/eval/types.js';
import { str, unknown } from '../../src/core/value.js';
import { matchGlob } from '../../src/config/glob.js';
import { lint } from '../../src/api.js';

function timed<T>(f: () => T): { value: T; ms: number } {
  const t0 = performance.now();
  const value = f();
  return { value, ms: performance.now() - t0 };
}

const BLANKS = ' '.repeat(256_000);

describe('a 256,000-character script line', () => {
  it.each([
    ['blanks then a word', `echo hi${BLANKS}x\necho done\n`],
    ['blanks then a line continuation', `echo hi${BLANKS}\\\necho done\n`],
    ['blanks then a pipe', `az ml job list${BLANKS}|\njq .\n`],
    ['128,000 "#" inside a word', `echo ${'a#'.repeat(128_000)}\necho done\n`],
    ['85,000 substitutions opened inside double quotes, none closed', `echo ${'"$('.repeat(85_000)}\necho done\n`],
    ['64,000 substitutions nested inside double quotes, all closed', `echo ${'"$('.repeat(64_000)}${')"'.repeat(64_000)}\necho done\n`],
    ['64,000 CI expressions never closed', `echo ${'${{ '.repeat(64_000)}\necho done\n`],
    ["51,000 CI expressions with a string, never closed", `echo ${"${{ ' ".repeat(51_000)}\necho done\n`],
    ['85,000 parameter expansions, never closed', `echo ${'${ '.repeat(85_000)}\necho done\n`],
  ])('%s: a shell script, and the same line in a workflow run: block', (_name, script) => {
    const sh = timed(() => parseCiDocument('deploy.sh', script, 'script'));
    expect(sh.ms).toBeLessThan(3000);
    expect(sh.value.scripts[0]!.commands.length).toBeGreaterThan(0);
    const workflow = `on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n${script.split('\n').map((l) => `          ${l}`).join('\n')}\n`;
    const wf = timed(() => parseCiDocument('deploy.yml', workflow, 'github-workflow'));
    expect(wf.ms).toBeLessThan(3000);
    expect(wf.value.errors).toEqual([]);
    expect(wf.value.scripts.length).toBe(1);
  });

  it('a multi-line plain YAML scalar whose line has 256,000 inner blanks', () => {
    const yaml = `on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - name: first${BLANKS}word\n          second line\n        run: echo\n`;
    const r = timed(() => parseCiDocument('ci.yml', yaml, 'github-workflow'));
    expect(r.ms).toBeLessThan(3000);
    expect(r.value.errors).toEqual([]);
  });
});

describe('grouping', () => {
  it('100,000 .tf files in one folder are grouped in linear time', () => {
    const dir = '/scan/big';
    const tfFiles = Array.from({ length: 100_000 }, (_, i) => path.join(dir, `f${i}.tf`));
    const empty = parseHcl('', 'x.tf');
    const r = timed(() =>
      evaluateTerraform({
        root: '/scan', tfFiles, varFiles: [], cliVarFiles: [],
        parseHcl: (file) => ({ ...empty, file }),
        readText: () => undefined,
        insideRoot: () => true,
        listTfFiles: () => undefined,
      }),
    );
    expect(r.ms).toBeLessThan(5000);
    expect(r.value.modules).toHaveLength(1);
  });

  it('a graph of 200,000 resources of one kind is built, and asked for referrers, in linear time', () => {
    const evaluation: Evaluation = { variant: 'default', env: 'unknown', unit: 'x', inputs: [] };
    const at = { file: 'x', range: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } } };
    const nsgs: Resource[] = [];
    const rules: Resource[] = [];
    for (let i = 0; i < 100_000; i++) {
      nsgs.push({ address: `nsg${i}`, kind: 'nsg', sourceType: 't', format: 'arm', header: at, attrs: new Map(), identity: [`id:nsg${i}`], refs: new Map(), evaluation, name: str(`nsg${i}`) });
      rules.push({ address: `rule${i}`, kind: 'nsg.rule', sourceType: 't', format: 'arm', header: at, attrs: new Map(), identity: [`id:rule${i}`], refs: new Map([['nsg', unknown('ref', undefined, `id:nsg${i}`)]]), evaluation });
    }
    const r = timed(() => {
      const g = buildGraph([...nsgs, ...rules], evaluation, tokenKeys);
      return nsgs.map((n) => g.referrers(n, 'nsg.rule', 'nsg').length);
    });
    expect(r.ms).toBeLessThan(5000);
    expect(r.value.every((n) => n === 1)).toBe(true);
    expect(rules[7]!.parent).toBe(nsgs[7]);
  });
});

describe('patterns from the scanned repository run on RE2', () => {
  it('a config glob with many stars against a long path (a backtracking RegExp took seconds, doubling per star)', () => {
    const p = 'a'.repeat(30) + '/' + 'a/'.repeat(25) + 'a'.repeat(30);
    const r = timed(() => [matchGlob('*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b', p), matchGlob('**/**/**/**/**/**/**/**/**/x', p), matchGlob('**/a/**', p)]);
    expect(r.ms).toBeLessThan(1000);
    expect(r.value).toEqual([false, false, true]);
  });
});

describe('PowerShell words of brackets', () => {
  it('a chain of 1,000 shell functions, each calling the one before, and 1,000 calls (review 115: cubic, 31 s for the definitions alone)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mil-linear-'));
    try {
      const defs = Array.from({ length: 1000 }, (_, i) => (i === 0 ? 'f0() { X0=a; }' : `f${i}() { X${i}=a; f${i - 1}; }`));
      const calls = Array.from({ length: 1000 }, (_, i) => `f${i}`);
      fs.writeFileSync(path.join(dir, 'deploy.sh'), `${defs.join('\n')}\n${calls.join('\n')}\naz acr create -n r -g g --sku Basic --admin-enabled true\n`);
      const t0 = performance.now();
      const r = await lint({ paths: [dir] });
      expect(performance.now() - t0).toBeLessThan(8000);
      expect(r.findings.map((f) => f.ruleId)).toContain('ACR001');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a branch assigning a word of 30 [] pairs is read in linear time (a (?:\\[.*\\])* pattern took 31 s, doubling per pair)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mil-linear-'));
    try {
      fs.writeFileSync(path.join(dir, 'deploy.ps1'), `if ($x) { $a = 1 } else { ${'[]'.repeat(30)}x = 1 }\naz acr create -n r -g g --sku Basic --admin-enabled true\n`);
      const t0 = performance.now();
      const r = await lint({ paths: [dir] });
      expect(performance.now() - t0).toBeLessThan(5000);
      expect(r.findings.map((f) => f.ruleId)).toContain('ACR001');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
