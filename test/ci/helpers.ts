/** Test helpers for the CI rules: parse a file, build its CI model and run registered rules over it through the engine. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Finding, Rule } from '../../src/engine/types.js';
import { runRules } from '../../src/engine/run-rules.js';
import { classifyCiFile } from '../../src/frontends/ci-classify.js';
import { parseCiDocument } from '../../src/parse/yaml/ci.js';
import type { CiDocument, CiKind } from '../../src/parse/yaml/ci.js';
import { buildCiModel } from '../../src/eval/ci/build.js';
import type { CiFile } from '../../src/model/ci.js';
import { ruleById } from '../../rules/index.js';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const FIXTURES = join(REPO_ROOT, 'fixtures');
/** The shared corpus beside the repository (absent on a fresh clone: corpus tests skip). */
export const CORPUS = resolve(REPO_ROOT, '../shared/corpus');
export const HAVE_CORPUS = existsSync(join(CORPUS, 'INDEX.tsv'));

/** The corpus's CI files by its index: `[path under the corpus, kind the index gives]` (workflows, pipelines, scripts). */
export function corpusCiFiles(): [path: string, kind: CiKind][] {
  return readFileSync(join(CORPUS, 'INDEX.tsv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split('\t') as [string, CiKind, string])
    .filter(([, kind]) => kind === 'github-workflow' || kind === 'azure-pipeline' || kind === 'script')
    .map(([path, kind]) => [path, kind]);
}

export const CI_RULE_IDS = ['CI001', 'CI002', 'CI003', 'CI004', 'CI005'] as const;

/** The registered CI rules (with their derived `docPath` and `formats`). */
export const CI_RULES: Rule[] = CI_RULE_IDS.map((id) => {
  const r = ruleById(id);
  if (!r) throw new Error(`${id} is not registered`);
  return r;
});

/** Runs one rule over one CI file through the engine (formats, messages, levels and fingerprints as in `lint()`). */
export function runRule(rule: Rule, file: CiFile, root = REPO_ROOT): Finding[] {
  return runRules({ root, rules: [rule], options: new Map(), graphs: [], terraformModules: [], files: [], ciFiles: [file] });
}

/** Parses a file, classifying it by its path relative to `root` (or by `kind`). */
export function parseFile(path: string, root = FIXTURES, kind?: CiKind): CiDocument {
  const text = readFileSync(path, 'utf8');
  const rel = path.startsWith(root) ? path.slice(root.length + 1) : path;
  const k = kind ?? classifyCiFile(rel, text);
  if (!k) throw new Error(`not a CI file: ${rel}`);
  return parseCiDocument(path, text, k);
}

export { buildCiModel };

/** `line:col-endLine:endCol` of a finding, for compact assertions. */
export function at(r: Pick<Finding, 'location'>): string {
  const { start, end } = r.location.range;
  return `${start.line}:${start.column}-${end.line}:${end.column}`;
}
