/**
 * Walks every ARM template and parameter file of ../shared/corpus: no throw, no JSON parse
 * error, and every paired template/parameter-file combination evaluates without a throw.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { nodeToJS, parseJsonc } from '../../src/parse/json/index.js';
import type { ParsedJson } from '../../src/parse/json/index.js';
import { isArmParameterFile, isArmTemplate, pairParameterFiles } from '../../src/eval/arm/detect.js';
import { evaluateArmTemplate } from '../../src/eval/arm/template.js';
import { expectCorpusSnapshot } from '../support/corpus-snapshot.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const corpus = path.resolve(repoRoot, '../shared/corpus');
const index = path.join(corpus, 'INDEX.tsv');
const present = fs.existsSync(index);
if (!present) console.warn(`[arm-corpus] SKIPPED: ${index} not found`);

describe.skipIf(!present)('ARM corpus', () => {
  it('parses, detects, pairs and evaluates every ARM template and parameter file', async () => {
    const t0 = performance.now();
    const rows = fs
      .readFileSync(index, 'utf8')
      .split(/\r?\n/)
      .slice(1)
      .map((l) => l.split('\t'))
      .filter((r) => r[1] === 'arm' || r[1] === 'arm-params' || r[1] === 'arm-resources');
    const parsed = new Map<string, ParsedJson>();
    const templates: string[] = [];
    const paramFiles: string[] = [];
    const parseErrors: string[] = [];
    let withComments = 0;
    for (const [rel, kind] of rows) {
      const file = path.join(corpus, rel!);
      const p = parseJsonc(fs.readFileSync(file, 'utf8'), file);
      parsed.set(file, p);
      if (p.errors.length) parseErrors.push(`${rel}: ${p.errors[0]!.message} at ${p.errors[0]!.range.start.line}:${p.errors[0]!.range.start.column}`);
      if (p.comments.length) withComments++;
      const js = nodeToJS(p.root);
      if (kind === 'arm') {
        expect(isArmTemplate(js), rel).toBe(true);
        templates.push(file);
      } else if (kind === 'arm-params') {
        expect(isArmParameterFile(js), rel).toBe(true);
        paramFiles.push(file);
      } else expect(isArmTemplate(js), rel).toBe(false);
    }
    expect(parseErrors).toEqual([]);
    const tParse = performance.now();

    let resources = 0;
    let problems = 0;
    let unknownNames = 0;
    for (const t of templates) {
      const e = evaluateArmTemplate({ file: t, parsed: parsed.get(t)! });
      resources += e.resources.length;
      problems += e.problems.filter((p) => /Internal error/.test(p.message)).length;
      unknownNames += e.resources.filter((r) => r.name.kind === 'unknown').length;
    }
    const pairs = pairParameterFiles(templates, paramFiles, (pf) => {
      const v = (nodeToJS(parsed.get(pf)?.root) as { metadata?: { template?: unknown } } | undefined)?.metadata?.template;
      return typeof v === 'string' ? v : undefined;
    });
    let combos = 0;
    let paired = 0;
    for (const [t, pfs] of pairs) {
      for (const pf of pfs) {
        paired++;
        combos++;
        const e = evaluateArmTemplate({ file: t, parsed: parsed.get(t)!, parameterFile: { file: pf, parsed: parsed.get(pf)! } });
        problems += e.problems.filter((p) => /Internal error/.test(p.message)).length;
        resources += e.resources.length;
      }
    }
    const t1 = performance.now();
    console.log(
      `[arm-corpus] ${rows.length} files (${templates.length} templates, ${paramFiles.length} parameter files, ${withComments} with comments); ` +
        `${paired} parameter files paired; ${templates.length + combos} evaluations, ${resources} resource instances (${unknownNames} with unknown names in default evaluations); ` +
        `parse ${(tParse - t0).toFixed(0)} ms, evaluate ${(t1 - tParse).toFixed(0)} ms, total ${(t1 - t0).toFixed(0)} ms`,
    );
    await expectCorpusSnapshot('arm-files', { templates: templates.length, parameterFiles: paramFiles.length, pairedParameterFiles: paired });
    expect(problems).toBe(0);
  });
});
