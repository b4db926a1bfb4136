/**
 * The CLI tunes V8's optimizing compiler for a folder scan and leaves it alone for named files
 * (src/core/jit.ts): a fresh build runs with a preload that writes down every
 * `v8.setFlagsFromString` call.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jitFlagsFor } from '../../src/core/jit.js';
import { buildTo, REPO_ROOT, run, tempDir } from './helpers.js';

let work: string;
let dist: string;

beforeAll(() => {
  work = tempDir('jit');
  dist = path.join(work, 'dist');
  buildTo(dist);
  fs.writeFileSync(
    path.join(work, 'record-flags.mjs'),
    `import fs from 'node:fs';\nimport v8 from 'node:v8';\nconst set = v8.setFlagsFromString;\nv8.setFlagsFromString = (f) => { fs.appendFileSync(process.env.MIL_FLAGS, f + '\\n'); return set(f); };\n`,
  );
  const dir = path.join(work, 'tree');
  fs.mkdirSync(dir);
  fs.copyFileSync(path.join(REPO_ROOT, 'fixtures/AML001/terraform/bad/explicit-true/main.tf'), path.join(dir, 'main.tf'));
}, 120_000);

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/** The flags a CLI run set, and its output. */
function flagsSet(args: string[], nodeArgs: string[] = []): { flags: string[]; stdout: string } {
  const record = path.join(work, `flags-${Math.random().toString(36).slice(2)}.txt`);
  fs.writeFileSync(record, '');
  const p = run(process.execPath, [...nodeArgs, '--import', path.join(work, 'record-flags.mjs'), path.join(dist, 'cli.js'), ...args, '--format', 'json', '--fail-on', 'none'], {
    cwd: path.join(work, 'tree'),
    env: { ...process.env, MIL_FLAGS: record },
  });
  expect(p.status, p.stderr).toBe(0);
  return { flags: fs.readFileSync(record, 'utf8').split('\n').filter(Boolean), stdout: p.stdout };
}

describe('CLI: V8 flags for a long run', () => {
  it('a folder scan sets the measured flags (on the V8 they were measured on), and finds the same', () => {
    const folder = flagsSet(['.']);
    expect(folder.flags).toEqual(jitFlagsFor(process.versions.v8, []));
    const file = flagsSet(['main.tf']);
    expect(file.flags).toEqual([]);
    expect(JSON.parse(folder.stdout).findings).toEqual(JSON.parse(file.stdout).findings);
  });

  it('a flag the user gave node stays the user’s', () => {
    const { flags } = flagsSet(['.'], ['--interrupt-budget=100000']);
    expect(flags).toEqual(jitFlagsFor(process.versions.v8, ['--interrupt-budget=100000']));
    expect(flags).not.toContain('--interrupt-budget=400000');
  });
});
