/**
 * Azure Pipelines variable templates: `variables: - template: config-infra-prod.yml` includes the
 * `variables:` of another file at that place ("Variable reuse", Microsoft Learn, "Template usage
 * reference": a variables template's variables are inserted where it is referenced). MLOps
 * accelerators keep an environment's settings (`environment: prod`, the compute sizes) in such
 * files, one per environment. The file is read here (through the unit's Host, so a changed
 * template re-lints the pipeline under `--cache`) and its entries are attached to the `template`
 * entry (`CiVariable.included`); the script context inserts them in order (azcli/context.ts).
 *
 * Not followed: a template in another repository (`@repo`) or whose path is an expression, a file
 * outside the scan root or not there (the entry stays a hidden source of variables, as a variable
 * group is); values built from the template's own `${{ parameters.x }}` are unknown (the include's
 * `parameters:` are not applied).
 */
import path from 'node:path';
import type { CiFile, CiVariable } from '../model/ci.js';
import { variablesOf } from '../eval/ci/common.js';
import { MAX_INCLUDE_DEPTH } from '../eval/azcli/context.js';
import { parseYamlFile } from '../parse/yaml/document.js';
import { valueOf } from '../parse/yaml/tree.js';
import type { FrontEndContext, SuppressionSource } from './types.js';
import { fromRepositoryTop } from './shared.js';

/**
 * Reads the variable templates every `variables:` list of the pipeline files includes. Returns
 * each file's comments and blocks: findings are placed in these files (where a value is
 * written), so their suppression directives count too.
 */
export function resolveVariableTemplates(ciFiles: readonly CiFile[], ctx: Pick<FrontEndContext, 'host' | 'root'>): SuppressionSource[] {
  // Each file is read and parsed once: every include of it shares its (resolved) variables, so a
  // file included many times by many others costs one read, not one per path to it.
  const read = new Map<string, CiVariable[] | null>();
  const sources: SuppressionSource[] = [];
  for (const file of ciFiles) {
    if (file.format !== 'azure-pipelines') continue;
    for (const list of variableListsOf(file)) includeInto(list, file.file, ctx, [path.resolve(file.file)], read, sources);
  }
  return sources;
}

/** A pipeline file's `variables:` lists as written in it: the pipeline's, each stage's, each job's. */
export function variableListsOf(file: CiFile): (readonly CiVariable[])[] {
  return [file.env, ...file.stages.map((s) => s.env), ...file.jobs.map((j) => j.env)];
}

function includeInto(
  list: readonly CiVariable[],
  from: string,
  ctx: Pick<FrontEndContext, 'host' | 'root'>,
  chain: readonly string[],
  read: Map<string, CiVariable[] | null>,
  sources: SuppressionSource[],
): void {
  for (const v of list) {
    if (v.kind !== 'template' || v.included !== undefined) continue;
    const target = variablesTemplatePath(v.name, from, ctx.root, (f) => ctx.host.isFile(f));
    // A template that includes one already being included (a cycle, which Azure Pipelines
    // rejects) adds nothing: the values before it stay read.
    if (target !== undefined && chain.includes(target)) {
      v.included = { file: target, variables: [] };
      continue;
    }
    if (target === undefined || chain.length > MAX_INCLUDE_DEPTH) continue;
    let variables = read.get(target);
    if (variables === undefined) {
      // Each file is read once, so the reads are bounded by the files under the root; Azure's
      // 100-file limit is each pipeline's, applied where the variables are inserted (context.ts).
      variables = readTemplate(target, v.scope, ctx, sources);
      read.set(target, variables);
      if (variables) includeInto(variables, target, ctx, [...chain, target], read, sources);
    }
    if (variables) v.included = { file: target, variables };
  }
}

/** The `variables:` of a template file, each with the file it is written in; null when it is not there or does not parse. */
function readTemplate(target: string, scope: CiVariable['scope'], ctx: Pick<FrontEndContext, 'host'>, sources: SuppressionSource[]): CiVariable[] | null {
  if (!ctx.host.isFile(target)) return null;
  const text = ctx.host.readText(target);
  if (text === undefined) return null;
  const parsed = parseYamlFile(text);
  if (parsed.errors.length > 0) return null;
  if (parsed.comments.length > 0) sources.push({ file: target, comments: parsed.comments, blocks: parsed.blocks });
  return variablesOf(valueOf(parsed.roots[0], 'variables'), scope).map((x) => writtenIn(x, target));
}

/**
 * The file a variables template entry names: relative to the including file, or with a leading `/`
 * from the repository's top (shared.ts fromRepositoryTop: the scan root, or the folder of it that
 * holds the file for a repository linted from above); undefined for another repository's or an expression.
 */
export function variablesTemplatePath(ref: string, from: string, root: string, isFile: (file: string) => boolean): string | undefined {
  const p = ref.trim();
  if (p === '' || p.includes('@') || /\$[{([]/.test(p)) return undefined;
  return p.startsWith('/') ? (fromRepositoryTop(p, from, root, isFile) ?? path.resolve(root, `.${p}`)) : path.resolve(path.dirname(path.resolve(from)), p);
}

/** A template's variable, with the file it is written in; a value written from the template's own parameters is not known here (they are not applied). */
function writtenIn(v: CiVariable, file: string): CiVariable {
  if (v.kind !== 'value' || !v.value || !/\$\{\{[^}]*\bparameters\b/.test(v.value.text)) return { ...v, file };
  return { ...v, file, unreadable: `${v.name} is set from a parameter of the variables template ${path.basename(file)}` };
}
