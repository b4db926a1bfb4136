/**
 * Parses every `.bicep` / `.bicepparam` file of ../shared/corpus (BICEP.md: the grammar parsed
 * all 355 with 0 errors). Skipped, loudly, when the corpus is absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseBicep, parseBicepParam } from '../../src/parse/bicep/index.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const corpusRoot = resolve(repoRoot, '../shared/corpus');
const indexFile = join(corpusRoot, 'INDEX.tsv');
const present = existsSync(indexFile);

if (!present) {
  console.warn(`\n!!! Bicep corpus not found at ${corpusRoot}: the corpus parse test is SKIPPED !!!\n`);
}

function corpusFiles(): { path: string; kind: 'bicep' | 'bicepparam' }[] {
  const lines = readFileSync(indexFile, 'utf8').split('\n').slice(1);
  const out: { path: string; kind: 'bicep' | 'bicepparam' }[] = [];
  for (const line of lines) {
    const [path, kind] = line.split('\t');
    if (path && (kind === 'bicep' || kind === 'bicepparam')) out.push({ path, kind });
  }
  return out;
}

describe.skipIf(!present)('Bicep corpus', () => {
  it('parses every .bicep and .bicepparam file with zero errors', () => {
    const files = corpusFiles();
    expect(files.length).toBeGreaterThan(300);
    const failures: string[] = [];
    let totalMs = 0;
    let totalLines = 0;
    let slowest = { path: '', msPer1k: 0, lines: 0 };
    let bicep = 0;
    let params = 0;
    const texts = files.map((f) => readFileSync(join(corpusRoot, f.path), 'utf8'));
    // Warm up the JIT so that the timings below are steady-state parse times.
    files.forEach((f, i) => (f.kind === 'bicep' ? parseBicep(texts[i]!, f.path) : parseBicepParam(texts[i]!, f.path)));
    for (const [i, f] of files.entries()) {
      const text = texts[i]!;
      const t0 = performance.now();
      const result = f.kind === 'bicep' ? parseBicep(text, f.path) : parseBicepParam(text, f.path);
      const ms = performance.now() - t0;
      if (f.kind === 'bicep') bicep++;
      else params++;
      totalMs += ms;
      const lines = result.lineMap.lineCount;
      totalLines += lines;
      const per1k = (ms / Math.max(lines, 1)) * 1000;
      if (lines >= 50 && per1k > slowest.msPer1k) slowest = { path: f.path, msPer1k: per1k, lines };
      for (const e of result.errors) {
        failures.push(`${f.path}:${e.range.start.line}:${e.range.start.column} ${e.code ?? ''} ${e.message}`);
      }
    }
    console.log(
      `Bicep corpus: ${bicep} .bicep + ${params} .bicepparam files, ${totalLines} lines, parsed in ${totalMs.toFixed(1)} ms ` +
        `(${((totalMs / totalLines) * 1000).toFixed(2)} ms per 1,000 lines); slowest per 1,000 lines: ${slowest.path} ` +
        `(${slowest.lines} lines, ${slowest.msPer1k.toFixed(2)} ms per 1,000 lines)`,
    );
    expect(failures).toEqual([]);
  });
});
