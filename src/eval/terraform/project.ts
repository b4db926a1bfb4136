/**
 * Terraform across a scan: groups `.tf` files into module folders, finds the root
 * modules (folders no scanned `module` block uses), pairs var files with them as
 * variants (RULES.md "Variants") and evaluates each root once per variant.
 */
import path from 'node:path';
import type { HclFile } from '../../parse/hcl/ast.js';
import type { EnvClass } from '../../core/env.js';
import type { Evaluation } from '../types.js';
import type { TerraformModuleFacts } from './module-facts.js';
import { classifyPath, classifyValue, ENV_VARIABLE_NAMES } from '../../core/env.js';
import type { Value } from '../../core/value.js';
import { attr, blockHeader, buildModuleSource, childBlocks, locOf, type ModuleSource } from './module-source.js';
import { evaluate } from './expressions.js';
import { localModuleSource, ModuleInstance, type EvalProblem, type TfResource } from './instance.js';
import { tfvarsJsonValues, tfvarsValues } from './tfvars.js';

export interface TerraformInput {
  root: string;
  /** Absolute paths of the `.tf` files in the scan. */
  tfFiles: string[];
  /** Absolute paths of `.tfvars` / `.tfvars.json` files in the scan. */
  varFiles: string[];
  /** `--var-file` arguments (absolute): when given, roots are evaluated with these only. */
  cliVarFiles: string[];
  parseHcl(file: string): HclFile | undefined;
  readText(file: string): string | undefined;
  /** `--env` */
  envOverride?: EnvClass;
  /** The config file's `environments` glob map, applied to a root-relative path. */
  envForPath?(relPath: string): EnvClass | undefined;
  /** True when a folder is inside the scan root (modules outside are not read). */
  insideRoot(dir: string): boolean;
  /** The `.tf` files of a folder that was not among the scanned paths (undefined if none). */
  listTfFiles(dir: string): string[] | undefined;
}

export interface TerraformEvaluation {
  evaluation: Evaluation;
  resources: TfResource[];
}

export interface TerraformProject {
  evaluations: TerraformEvaluation[];
  modules: TerraformModuleFacts[];
  problems: EvalProblem[];
}

/**
 * Folders evaluated through their callers: used as a local module source by another
 * scanned folder that is itself reached from a folder nobody calls. A folder that calls
 * itself, or sits in a cycle no root reaches, is evaluated as a root of its own, so its
 * findings never vanish (the cycle is reported at the call).
 */
function calledModules(dirs: readonly string[], loader: (dir: string) => ModuleSource | undefined): Set<string> {
  const callees = new Map<string, Set<string>>();
  const hasCaller = new Set<string>();
  for (const dir of dirs) {
    const targets = new Set<string>();
    for (const call of loader(dir)?.moduleCalls.values() ?? []) {
      const s = localModuleSource(call.node);
      if (!s) continue;
      const target = path.resolve(dir, s);
      if (target === dir) continue;
      targets.add(target);
      hasCaller.add(target);
    }
    callees.set(dir, targets);
  }
  const reached = new Set<string>();
  const queue = dirs.filter((d) => !hasCaller.has(d));
  for (let i = 0; i < queue.length; i++) {
    for (const t of callees.get(queue[i]!) ?? []) {
      if (reached.has(t)) continue;
      reached.add(t);
      if (!callees.has(t)) callees.set(t, new Set([...(loader(t)?.moduleCalls.values() ?? [])].map((c) => localModuleSource(c.node)).filter((x): x is string => !!x).map((x) => path.resolve(t, x)).filter((x) => x !== t)));
      queue.push(t);
    }
  }
  return reached;
}

const AUTO_VARFILE = /^(terraform\.tfvars(\.json)?|.*\.auto\.tfvars(\.json)?)$/;

export function evaluateTerraform(input: TerraformInput): TerraformProject {
  const byDir = new Map<string, string[]>();
  for (const f of input.tfFiles) {
    const d = path.dirname(f);
    byDir.set(d, [...(byDir.get(d) ?? []), f]);
  }
  const sources = new Map<string, ModuleSource | undefined>();
  const loader = (dir: string): ModuleSource | undefined => {
    if (sources.has(dir)) return sources.get(dir);
    // A module folder outside the scanned paths is read from disk when it is inside the root.
    const files = byDir.get(dir) ?? (input.insideRoot(dir) ? input.listTfFiles(dir) : undefined);
    const parsed = (files ?? []).map((f) => input.parseHcl(f)).filter((x): x is HclFile => x !== undefined);
    const src = files ? buildModuleSource(dir, parsed.sort((a, b) => (a.file < b.file ? -1 : 1))) : undefined;
    sources.set(dir, src);
    return src;
  };

  const called = calledModules([...byDir.keys()], loader);

  // Each var file belongs to the nearest folder (itself or an ancestor) with .tf files.
  const varFilesByDir = new Map<string, string[]>();
  for (const vf of input.varFiles) {
    let d = path.dirname(vf);
    while (!byDir.has(d)) {
      const up = path.dirname(d);
      if (up === d || !isInside(input.root, up)) break;
      d = up;
    }
    if (byDir.has(d)) varFilesByDir.set(d, [...(varFilesByDir.get(d) ?? []), vf]);
  }

  const problems: EvalProblem[] = [];
  const evaluations: TerraformEvaluation[] = [];
  const modules: TerraformModuleFacts[] = [];
  for (const dir of [...byDir.keys()].sort()) {
    const src = loader(dir)!;
    const ownVarFiles = (varFilesByDir.get(dir) ?? []).sort();
    const isRoot = !called.has(dir) && (src.providers.length > 0 || hasBackend(src) || ownVarFiles.length > 0);
    modules.push(moduleFacts(src, isRoot));
    if (called.has(dir)) continue; // evaluated through its callers, with their arguments

    const auto = ownVarFiles.filter((f) => path.dirname(f) === dir && AUTO_VARFILE.test(path.basename(f)));
    const variantFiles = input.cliVarFiles.length
      ? input.cliVarFiles
      : ownVarFiles.filter((f) => !auto.includes(f) && classifyPath(path.relative(dir, f)) !== undefined);
    const variants: (string | undefined)[] = variantFiles.length ? variantFiles : [undefined];
    for (const variantFile of variants) {
      const inputs = new Map<string, Value>();
      for (const f of [...auto.sort(autoOrder), ...(variantFile ? [variantFile] : [])]) {
        for (const [k, v] of readVarFile(f, input)) inputs.set(k, v);
      }
      const instance = new ModuleInstance(src, { prefix: '', inputs, loader, problems });
      const rel = variantFile ? path.relative(input.root, variantFile) : path.relative(input.root, dir) || '.';
      const env = input.envOverride ?? input.envForPath?.(rel.split(path.sep).join('/')) ?? (variantFile ? classifyPath(path.relative(dir, variantFile))?.env : undefined) ?? envFromVariables(instance) ?? 'unknown';
      const evaluation: Evaluation = {
        variant: variantFile ? path.relative(dir, variantFile).split(path.sep).join('/') : 'default',
        variantFile,
        env,
        unit: dir,
        inputs: instance.inputDecls(),
      };
      evaluations.push({ evaluation, resources: instance.allResources() });
    }
  }
  return { evaluations, modules, problems };
}

/** terraform.tfvars first, then *.auto.tfvars in lexical order (Terraform's precedence). */
function autoOrder(a: string, b: string): number {
  const ra = path.basename(a).startsWith('terraform.tfvars') ? 0 : 1;
  const rb = path.basename(b).startsWith('terraform.tfvars') ? 0 : 1;
  return ra - rb || (a < b ? -1 : 1);
}

function readVarFile(file: string, input: TerraformInput): Map<string, Value> {
  if (file.endsWith('.json')) {
    const text = input.readText(file);
    return text === undefined ? new Map() : tfvarsJsonValues(file, text);
  }
  const parsed = input.parseHcl(file);
  return parsed ? tfvarsValues(parsed) : new Map();
}

function envFromVariables(instance: ModuleInstance): EnvClass | undefined {
  for (const name of ENV_VARIABLE_NAMES) {
    if (!instance.src.variables.has(name)) continue;
    const v = instance.variable(name);
    if (v.kind === 'string') {
      const env = classifyValue(v.value);
      if (env) return env;
    }
  }
  return undefined;
}

function hasBackend(src: ModuleSource): boolean {
  return src.terraformBlocks.some((t) => childBlocks(t.node, 'backend').length > 0 || childBlocks(t.node, 'cloud').length > 0);
}

function moduleFacts(src: ModuleSource, isRoot: boolean): TerraformModuleFacts {
  const facts: TerraformModuleFacts = {
    dir: src.dir,
    isRoot,
    terraformBlocks: [],
    providers: src.providers.map((p) => ({ name: p.node.labels[0]?.value ?? '', at: blockHeader(p.node, p.file) })),
    requiredProviders: [],
    usedProviders: [],
  };
  for (const t of src.terraformBlocks) {
    const backend = childBlocks(t.node, 'backend')[0];
    const cloud = childBlocks(t.node, 'cloud')[0];
    facts.terraformBlocks.push({
      at: blockHeader(t.node, t.file),
      backend: backend ? { type: backend.labels[0]?.value ?? '', at: blockHeader(backend, t.file) } : undefined,
      cloud: cloud ? blockHeader(cloud, t.file) : undefined,
    });
    for (const rp of childBlocks(t.node, 'required_providers')) {
      for (const item of rp.body.items) {
        if (item.type !== 'Attribute') continue;
        const v = evaluate(item.expr, { file: t.file, resolveRoot: () => undefined });
        const version = v.kind === 'object' ? v.entries.get('version') : v.kind === 'string' ? v : undefined;
        facts.requiredProviders.push({ name: item.name, at: locOf(item, t.file), version });
      }
    }
  }
  const seen = new Set<string>();
  for (const [key, r] of [...src.resources, ...src.data]) {
    const type = key.split('.')[0]!;
    const explicit = attr(r.node, 'provider');
    const name = explicit && explicit.expr.type === 'ScopeTraversal' ? explicit.expr.root : type.split('_')[0]!;
    if (seen.has(name)) continue;
    seen.add(name);
    facts.usedProviders.push({ name, at: blockHeader(r.node, r.file) });
  }
  return facts;
}

function isInside(root: string, p: string): boolean {
  const rel = path.relative(root, p);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}
