/**
 * The rule fixture harness. Layout: `fixtures/<ID>/<format>/{bad,good}/<case>/…`.
 * A bad case has `expect.json`:
 *   { "findings": [{ "file": "main.tf", "line": 3, "column": 5, "endLine"?: 3, "endColumn"?: 9, "level"?: "error" }],
 *     "options"?: { "env"?: "prod", "varFiles"?: ["prod.tfvars"], "ruleOptions"?: {…} } }
 * and must produce exactly those findings of rule <ID>; a good case must produce none.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Rule } from '../../src/engine/types.js';
import type { EnvClass } from '../../src/model/resource.js';
import { ALL_RULES } from '../../rules/index.js';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const FIXTURES = path.join(REPO_ROOT, 'fixtures');
export const CORPUS = path.resolve(REPO_ROOT, '../shared/corpus');

export interface ExpectedFinding {
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  level?: 'error' | 'warning' | 'note';
}

export interface FixtureCase {
  ruleId: string;
  format: string;
  kind: 'bad' | 'good';
  name: string;
  dir: string;
  expected: ExpectedFinding[];
  /** `rules`: run these rules too (SUP002 needs the rule its directive names to run). */
  options: { env?: EnvClass; varFiles?: string[]; ruleOptions?: Record<string, unknown>; rules?: string[] };
}

export function fixtureCases(): FixtureCase[] {
  const out: FixtureCase[] = [];
  if (!fs.existsSync(FIXTURES)) return out;
  for (const ruleId of fs.readdirSync(FIXTURES).sort()) {
    const ruleDir = path.join(FIXTURES, ruleId);
    if (!fs.statSync(ruleDir).isDirectory()) continue;
    for (const format of fs.readdirSync(ruleDir).sort()) {
      for (const kind of ['bad', 'good'] as const) {
        const kindDir = path.join(ruleDir, format, kind);
        if (!fs.existsSync(kindDir)) continue;
        for (const name of fs.readdirSync(kindDir).sort()) {
          const dir = path.join(kindDir, name);
          if (!fs.statSync(dir).isDirectory()) continue;
          const expectFile = path.join(dir, 'expect.json');
          const spec = fs.existsSync(expectFile) ? JSON.parse(fs.readFileSync(expectFile, 'utf8')) : {};
          out.push({ ruleId, format, kind, name, dir, expected: spec.findings ?? [], options: spec.options ?? {} });
        }
      }
    }
  }
  return out;
}

/** The rule module for an ID: from the registry, else loaded from `rules/<category>/<ID>-*.ts`. */
export async function loadRule(id: string): Promise<Rule | undefined> {
  const registered = ALL_RULES.find((r) => r.meta.id === id);
  if (registered) return registered;
  const rulesDir = path.join(REPO_ROOT, 'rules');
  for (const cat of fs.readdirSync(rulesDir)) {
    const catDir = path.join(rulesDir, cat);
    if (!fs.statSync(catDir).isDirectory()) continue;
    const file = fs.readdirSync(catDir).find((f) => f.startsWith(`${id}-`) && f.endsWith('.ts'));
    if (file) return ((await import(pathToFileURL(path.join(catDir, file)).href)) as { default: Rule }).default;
  }
  return undefined;
}

/** Fixture files name options the old way (`requiredTags`); options are now per rule. */
export function legacyRuleOptions(o: Record<string, unknown> | undefined): Record<string, Record<string, unknown>> | undefined {
  if (!o) return undefined;
  const map: Record<string, [string, string]> = { requiredTags: ['TAG001', 'required'], costCenterTag: ['TAG002', 'costCenter'], gpuTaint: ['AKS001', 'taint'], allowedLocations: ['GOV001', 'allowedLocations'] };
  const out: Record<string, Record<string, unknown>> = {};
  for (const [k, v] of Object.entries(o)) {
    const [id, name] = map[k]!;
    out[id] = { ...out[id], [name]: v };
  }
  return out;
}
