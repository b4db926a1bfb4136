/**
 * What the rule tester refuses before running anything: a table that leaves a declared
 * format without a valid and an invalid case, duplicate cases, cases filed under the wrong
 * format, and malformed cases. Returns the problems as text; empty when the table is sound.
 */
import type { Rule } from '../../../src/engine/types.js';
import { caseTree, type CaseTree } from './tree.js';
import type { Format, FormatCases, InvalidCase, RuleTable, ValidCase } from './types.js';

/** A file that makes a tree a case of the format (its path, and a peek at its text). */
const FORMAT_FILES: Record<Format, (file: string, text: string) => boolean> = {
  terraform: (f) => /\.(tf|tfvars|tf\.json|tfvars\.json|tfstate|tfstate(\.\d+)?\.backup)$/.test(f),
  azapi: (f, t) => /\.tf$/.test(f) && t.includes('azapi'),
  arm: (f, t) => /\.json$/.test(f) && /schema\.management\.azure\.com/.test(t),
  'bicep-compiled': (f, t) => /\.json$/.test(f) && /"_generator"/.test(t) && /"bicep"/.test(t),
  bicep: (f) => /\.(bicep|bicepparam)$/.test(f),
  'azureml-yaml': (f, t) => /\.ya?ml$/.test(f) && (/azuremlschemas/i.test(t) || /^type:\s*(amlcompute|computeinstance)/im.test(t)),
  'github-actions': (f) => /\.ya?ml$/.test(f),
  'azure-pipelines': (f) => /\.ya?ml$/.test(f),
  script: (f) => /\.(sh|bash|ps1)$/.test(f),
  k8s: (f, t) => /\.(ya?ml|json)$/.test(f) && /^\s*"?apiVersion"?\s*:/m.test(t) && /^\s*"?kind"?\s*:/m.test(t),
  'azure-cli': (f) => /\.(sh|bash|ps1|ya?ml)$/.test(f),
  'terraform-plan': (f, t) => (/\.json$/.test(f) && /"format_version"/.test(t)) || /(^|\/)tfplan$|\.(tfplan|plan)$/.test(f),
};

export const FORMATS = Object.keys(FORMAT_FILES) as Format[];

export function checkTable(rule: Rule, table: RuleTable): string[] {
  const problems: string[] = [];
  const id = rule.meta.id;
  const declared = rule.meta.formats.includes('any') ? FORMATS : (rule.meta.formats as Format[]);
  for (const f of rule.meta.formats.filter((x): x is Format => x !== 'any')) {
    if (!table[f]?.valid?.length) problems.push(`${id} declares the format ${f} but its table has no valid ${f} case`);
    if (!table[f]?.invalid?.length) problems.push(`${id} declares the format ${f} but its table has no invalid ${f} case`);
  }
  const seen = new Map<string, string>();
  for (const [format, cases] of Object.entries(table) as [Format, FormatCases][]) {
    if (!FORMATS.includes(format)) {
      problems.push(`${id}: "${format}" is not an input format (${FORMATS.join(', ')})`);
      continue;
    }
    if (!declared.includes(format)) problems.push(`${id}: the table has ${format} cases, but meta.formats does not declare ${format}`);
    const names = new Set<string>();
    for (const [kind, list] of [['valid', cases.valid ?? []], ['invalid', cases.invalid ?? []]] as const) {
      for (const c of list) {
        const label = `${id} ${format} ${kind} "${c.name}"`;
        if (!c.name) problems.push(`${id} ${format} ${kind}: a case has no name`);
        if (names.has(`${kind} ${c.name}`)) problems.push(`${label}: the name is used twice among the ${kind} ${format} cases`);
        names.add(`${kind} ${c.name}`);
        const shape = caseShapeProblems(c, kind);
        let tree: CaseTree | undefined;
        if (!shape.length) {
          try {
            tree = caseTree(c);
          } catch (e) {
            shape.push((e as Error).message);
          }
        }
        problems.push(...shape.map((p) => `${label}: ${p}`));
        if (!tree) continue;
        problems.push(...treeProblems(c, kind, tree, format).map((p) => `${label}: ${p}`));
        const key = caseKey(c, tree);
        const twin = seen.get(key);
        if (twin) problems.push(`${label} duplicates ${twin} (same files and options)`);
        else seen.set(key, label);
      }
    }
  }
  return problems;
}

function caseShapeProblems(c: ValidCase | InvalidCase, kind: 'valid' | 'invalid'): string[] {
  const out: string[] = [];
  if ((c.files === undefined) === (c.fixture === undefined)) out.push('give exactly one of files and fixture');
  if (c.files && Object.keys(c.files).length === 0) out.push('files is empty');
  const inv = c as InvalidCase;
  if (kind === 'valid') {
    for (const k of ['level', 'env', 'messageId', 'message', 'messageIncludes', 'mustNotShow', 'related', 'errors'] as const)
      if (inv[k] !== undefined) out.push(`a valid case expects no finding, so it cannot state ${k}`);
    return out;
  }
  if (c.fixture !== undefined) {
    if (!inv.errors?.length) out.push('a fixture case lists its findings with their positions in errors');
    for (const [i, e] of (inv.errors ?? []).entries())
      for (const k of ['file', 'line', 'column', 'endLine', 'endColumn'] as const)
        if (e[k] === undefined) out.push(`errors[${i}] has no ${k} (a fixture case gives positions)`);
  } else {
    for (const [i, e] of (inv.errors ?? []).entries())
      for (const k of ['file', 'line', 'column', 'endLine', 'endColumn'] as const)
        if (e[k] !== undefined) out.push(`errors[${i}] gives ${k}: mark the range in the source with ⟦…⟧ instead`);
  }
  return out;
}

function treeProblems(c: ValidCase | InvalidCase, kind: 'valid' | 'invalid', tree: CaseTree, format: Format): string[] {
  const out: string[] = [];
  if (![...tree.files].some(([f, t]) => FORMAT_FILES[format](f, t))) out.push(`no file of the tree is a ${format} file`);
  if (kind === 'valid') {
    if (tree.ranges.length) out.push('a valid case expects no finding, so it marks no range');
    return out;
  }
  const inv = c as InvalidCase;
  if (c.fixture !== undefined) {
    if (tree.ranges.length) out.push('a fixture case gives positions in errors, not markers in its files');
  } else {
    if (!tree.ranges.length) out.push('an invalid case marks at least one range with ⟦…⟧');
    if (inv.errors && inv.errors.length !== tree.ranges.length)
      out.push(`errors has ${inv.errors.length} entries for ${tree.ranges.length} marked ranges`);
  }
  const n = c.fixture !== undefined ? inv.errors?.length ?? 0 : tree.ranges.length;
  for (let i = 0; i < n; i++) {
    const e = inv.errors?.[i] ?? {};
    if ((e.level ?? inv.level) === undefined) out.push(`finding ${i + 1} has no expected level`);
    if ((e.env ?? inv.env) === undefined) out.push(`finding ${i + 1} has no expected env`);
  }
  for (const file of c.options?.varFiles ?? []) if (!tree.files.has(file)) out.push(`the var-file ${file} is not in the tree`);
  return out;
}

/** Same files (markers aside) and same options: the same input, whatever the case expects. */
function caseKey(c: ValidCase | InvalidCase, tree: CaseTree): string {
  const o = c.options ?? {};
  return stableJson({ files: [...tree.files], ...o, rules: o.rules ? [...o.rules].sort() : undefined });
}

function stableJson(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : 1))) : x,
  );
}
