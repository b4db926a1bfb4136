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
import { parseYamlFile } from '../parse/yaml/document.js';
import { valueOf } from '../parse/yaml/tree.js';
import type { FrontEndContext } from './types.js';

/** Variable templates including variable templates deeper than this are not followed (a cycle, hostile input). */
const MAX_INCLUDE_DEPTH = 8;

/** Reads the variable templates every `variables:` list of the pipeline files includes, once per file. */
export function resolveVariableTemplates(ciFiles: readonly CiFile[], ctx: Pick<FrontEndContext, 'host' | 'root'>): void {
  for (const file of ciFiles) {
    if (file.format !== 'azure-pipelines') continue;
    const lists = [file.env, ...file.stages.map((s) => s.env), ...file.jobs.map((j) => j.env)];
    for (const list of lists) includeInto(list, file.file, ctx, [path.resolve(file.file)]);
  }
}

function includeInto(list: readonly CiVariable[], from: string, ctx: Pick<FrontEndContext, 'host' | 'root'>, chain: readonly string[]): void {
  for (const v of list) {
    if (v.kind !== 'template' || v.included !== undefined) continue;
    const target = templatePath(v.name, from, ctx.root);
    if (target === undefined || chain.includes(target) || chain.length > MAX_INCLUDE_DEPTH) continue;
    if (!ctx.host.isFile(target)) continue;
    const text = ctx.host.readText(target);
    if (text === undefined) continue;
    const parsed = parseYamlFile(text);
    if (parsed.errors.length > 0) continue;
    const root = parsed.roots[0];
    const variables = variablesOf(valueOf(root, 'variables'), v.scope).map((x) => writtenIn(x, target));
    includeInto(variables, target, ctx, [...chain, target]);
    v.included = { file: target, variables };
  }
}

/** The file a `template:` path names: relative to the including file, or to the repository root (the scan root) with a leading `/`. */
function templatePath(ref: string, from: string, root: string): string | undefined {
  const p = ref.trim();
  if (p === '' || p.includes('@') || /\$[{([]/.test(p)) return undefined;
  return p.startsWith('/') ? path.resolve(root, `.${p}`) : path.resolve(path.dirname(path.resolve(from)), p);
}

/** A template's variable, with the file it is written in; a value written from the template's own parameters is not known here (they are not applied). */
function writtenIn(v: CiVariable, file: string): CiVariable {
  if (v.kind !== 'value' || !v.value || !/\$\{\{[^}]*\bparameters\b/.test(v.value.text)) return { ...v, file };
  return { ...v, file, unreadable: `${v.name} is set from a parameter of the variables template ${path.basename(file)}` };
}
