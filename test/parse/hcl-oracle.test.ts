/**
 * Oracle test: every .tf / .tfvars file of the shared corpus is parsed by our parser and by
 * HashiCorp's Go parser (`@cdktf/hcl2json`, WebAssembly); our AST, converted to hcl2json's
 * JSON shape, must be identical.
 */
import { readFileSync, existsSync } from 'node:fs';
import { basename, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse as hcl2json } from '@cdktf/hcl2json';
import { parseHcl } from '../../src/parse/hcl/parser.js';
import { firstDifference, toHcl2JsonShape } from '../support/hcl2json-shape.js';
import type { Json } from '../support/hcl2json-shape.js';
import { expectCorpusSnapshot } from '../support/corpus-snapshot.js';
import { filesUnder } from '../support/fixtures.js';

const CORPUS = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../shared/corpus');
const HAVE_CORPUS = existsSync(CORPUS);

/** Files that HashiCorp's parser rejects too (they contain a bare relative path: git symlinks stored as text). */
const REJECTED = new Set([
  'Azure__terraform-azurerm-aks/unit-test-fixture/locals.tf',
  'Azure__terraform-azurerm-aks/unit-test-fixture/variables.tf',
]);

if (!HAVE_CORPUS) {
  console.warn(
    `\n!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n` +
      `!! HCL ORACLE TEST SKIPPED: corpus not found at ${CORPUS}\n` +
      `!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n`,
  );
}

const listHclFiles = (dir: string): string[] => filesUnder(dir, /\.(tf|tfvars)$/).sort();

describe.skipIf(!HAVE_CORPUS)('HCL parser vs HashiCorp hcl2json on the corpus', () => {
  const files = HAVE_CORPUS ? listHclFiles(CORPUS) : [];

  it('finds the corpus files', async () => {
    expect(files.length).toBeGreaterThan(0);
    await expectCorpusSnapshot('hcl-files', { tfAndTfvarsFiles: files.length });
  });

  it('produces the same JSON shape as hcl2json for every file', async () => {
    const started = performance.now();
    const mismatches: string[] = [];
    let matched = 0;
    for (const path of files) {
      const rel = relative(CORPUS, path).split('\\').join('/');
      const text = readFileSync(path, 'utf8');
      const ours = parseHcl(text, path);
      if (REJECTED.has(rel)) {
        const atLine1 = ours.errors.some((e) => e.range.start.line === 1);
        if (atLine1) matched++;
        else mismatches.push(`${rel}: expected a syntax error at line 1 (HashiCorp's parser rejects this file)`);
        continue;
      }
      let theirs: Json;
      try {
        theirs = (await hcl2json(basename(path), text)) as Json;
      } catch (e) {
        mismatches.push(`${rel}: hcl2json rejected the file: ${e instanceof Error ? e.message : String(e)}`);
        continue;
      }
      if (ours.errors.length > 0) {
        const e = ours.errors[0]!;
        mismatches.push(`${rel}:${e.range.start.line}:${e.range.start.column}: our parser reported: ${e.message}`);
        continue;
      }
      const diff = firstDifference(toHcl2JsonShape(ours), theirs);
      if (diff !== null) mismatches.push(`${rel}: first difference at ${diff}`);
      else matched++;
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`HCL oracle: ${matched}/${files.length} files match hcl2json (${seconds} s)`);
    expect(mismatches).toEqual([]);
    expect(matched).toBe(files.length);
  });
});
