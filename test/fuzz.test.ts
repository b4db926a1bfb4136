/**
 * The fuzzer (scripts/fuzz.ts): its mutations are deterministic, and a fixed-seed sample of
 * mutated corpus files lints without a crash, an internal error or a hang (issue #12).
 * The sample needs ../shared/corpus; without it, it is skipped with one loud line.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { INTERNAL, makeRng, mutate, MUTATIONS, type FuzzReport, type runFuzz } from '../scripts/fuzz.js';

const repo = path.resolve(import.meta.dirname, '..');
const corpus = path.resolve(repo, '../shared/corpus');
const hasCorpus = fs.existsSync(corpus);
if (!hasCorpus) console.warn(`!!! SKIPPED: the fuzz sample needs ${corpus}, which is absent`);

describe('mutations', () => {
  const input = Buffer.from('resource "a" "b" {\n  x = "${var.y}"\n}\n');

  it('are the same for the same seed', () => {
    for (const kind of MUTATIONS) {
      expect(mutate(input, kind, makeRng(7)).equals(mutate(input, kind, makeRng(7))), kind).toBe(true);
    }
  });

  it('truncate, delete or duplicate a line, flip bits, insert structure tokens', () => {
    const rng = makeRng(3);
    expect(input.subarray(0, mutate(input, 'truncate', rng).length).equals(mutate(input, 'truncate', makeRng(3)))).toBe(true);
    expect(mutate(input, 'delete-line', rng).toString().split('\n').length).toBe(input.toString().split('\n').length - 1);
    expect(mutate(input, 'duplicate-line', rng).toString().split('\n').length).toBe(input.toString().split('\n').length + 1);
    const flipped = mutate(input, 'flip-bytes', rng);
    expect(flipped.length).toBe(input.length);
    expect(flipped.equals(input)).toBe(false);
    const inserted = mutate(input, 'insert', rng).toString();
    expect(['{', '}', '"', '${', "'''"].some((t) => inserted.length === input.length + t.length)).toBe(true);
  });

  it('an internal error or a stack trace in a message is a failure', () => {
    expect(INTERNAL.test('Internal error in the Bicep parser: x')).toBe(true);
    expect(INTERNAL.test('TypeError: x\n    at f (file.js:1:2)')).toBe(true);
    expect(INTERNAL.test("Expected a comma or '}' here")).toBe(false);
  });
});

describe.skipIf(!hasCorpus)('fixed-seed sample of the corpus', () => {
  it('300 mutated files: no crash, no internal error, no hang', async () => {
    // Workers load the bundled fuzzer (TypeScript sources cannot be loaded by a worker thread).
    const { bundleFuzzer } = (await import(pathToFileURL(path.join(repo, 'scripts/fuzz-run.mjs')).href)) as { bundleFuzzer(out: string): Promise<string> };
    const bundle = await bundleFuzzer(path.join(repo, 'build/fuzz-test.mjs'));
    const fuzz = (await import(pathToFileURL(bundle).href)) as { runFuzz: typeof runFuzz };
    const outDir = path.join(repo, 'build/fuzz-failures');
    const report: FuzzReport = await fuzz.runFuzz({ corpus, seed: 12, count: 300, timeoutMs: 20_000, outDir, workerFile: bundle });
    expect(report.failures.map((f) => `${f.source} (${f.mutations.join(', ')}): ${f.reason.split('\n')[0]} → ${f.saved}`)).toEqual([]);
    expect(report.cases).toBe(300);
  }, 180_000);
});
