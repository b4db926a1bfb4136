/** Test helpers for the CI rules: run a rule's `create` with a stub context over a parsed file. */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ReportDescriptor as Report, Rule } from '../../src/engine/types.js';
import { classifyCiFile } from '../../src/frontends/ci-classify.js';
import { parseCiDocument } from '../../src/parse/yaml/ci.js';
import type { CiDocument, CiKind } from '../../src/parse/yaml/ci.js';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const FIXTURES = join(REPO_ROOT, 'fixtures');

const OPTIONS = {};

export function runRule(rule: Rule, doc: CiDocument): Report[] {
  const reports: Report[] = [];
  const visitor = rule.create({ options: OPTIONS, fact: () => { throw new Error('not used'); }, undecided: () => undefined, report: (r) => reports.push(r) });
  visitor.ciDocument?.(doc);
  return reports;
}

/** Parses a file, classifying it by its path relative to `root` (or by `kind`). */
export function parseFile(path: string, root = FIXTURES, kind?: CiKind): CiDocument {
  const text = readFileSync(path, 'utf8');
  const rel = path.startsWith(root) ? path.slice(root.length + 1) : path;
  const k = kind ?? classifyCiFile(rel, text);
  if (!k) throw new Error(`not a CI file: ${rel}`);
  return parseCiDocument(path, text, k);
}

/** `line:col-endLine:endCol` of a report, for compact assertions. */
export function at(r: Report): string {
  const { start, end } = r.location!.range;
  return `${start.line}:${start.column}-${end.line}:${end.column}`;
}
