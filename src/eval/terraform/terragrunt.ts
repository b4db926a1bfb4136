/**
 * Terragrunt configurations (`terragrunt.hcl`) as a root module sees them: the backend they give
 * it (TF001) and the values their `inputs` give its variables (a variant). Terragrunt's own
 * reference (terragrunt.gruntwork.io, "Configuration Blocks and Attributes"):
 * - `include` merges a parent configuration into the child: its `remote_state`, `generate` blocks
 *   and `inputs` (the child's inputs win on a key both set; `merge_strategy = "no_merge"` merges
 *   nothing). Its `path` is usually `find_in_parent_folders()` (the first `terragrunt.hcl` in a
 *   folder above the configuration's) or `find_in_parent_folders("root.hcl")`.
 * - `inputs` reach Terraform as `TF_VAR_` environment variables: any var file Terraform loads
 *   (the module's `terraform.tfvars`/`*.auto.tfvars`, those in the configuration's folder, which
 *   Terragrunt copies into the working directory, and the var files of `extra_arguments`)
 *   overrides them.
 * A path, value or parent this reads not as written is not known; nothing is guessed.
 */
import path from 'node:path';
import type { Block, HclFile } from '../../parse/hcl/ast.js';
import type { Location } from '../../core/source.js';
import { obj, type Value } from '../../core/value.js';
import { evaluate, noNames, type EvalContext } from './expressions.js';
import { defaultMsPerFile, EvalGuard } from './guard.js';
import { attr, blockHeader, childBlocks } from './module-source.js';
import { literalAttr } from './instance.js';
import { terragruntFacts, type TerragruntFacts } from './module-facts.js';

/** A Terragrunt configuration that runs a root: its backend facts (its parents' merged in) and its inputs. */
export interface TerragruntRun {
  file: string;
  /** `includes`: only the `include` blocks whose parent could not be read (what they give is not known). */
  facts: TerragruntFacts;
  /** The values its inputs (and its parents') give, or why they are not known as a whole. */
  inputs: Map<string, Value> | string;
  /** Why every variable its inputs do not set may still be set by it (an unread parent, `extra_arguments` var files); undefined: none is. */
  othersNotKnown?: string;
}

/** Reads the configurations a run needs besides the one it is given (its parents), parsed; undefined when absent, outside the root or not HCL. */
export type HclReader = (file: string) => HclFile | undefined;

/** The run of configuration `parsed`, its `include`s resolved through `read` (one level: Terragrunt's). */
export function terragruntRun(parsed: HclFile, read: HclReader, guard: EvalGuard, source?: Location): TerragruntRun {
  const own = terragruntFacts(parsed.file, parsed.text, parsed.body, guard);
  const facts: TerragruntFacts = { ...own, includes: [], ...(source ? { source } : {}) };
  const name = configName(parsed.file);
  // The parents' inputs merged in include order, or why they are not known (the child's own still are: it wins).
  let parentInputs: Map<string, Value> | string = new Map();
  let othersNotKnown: string | undefined;
  // Var files passed by `extra_arguments` override every input (var files come after TF_VAR_ variables).
  let allNotKnown = extraVarFiles(parsed) ? `the extra_arguments of ${name} pass var files or -var arguments to terraform, which may set it` : undefined;
  const deep = new Set<string>();
  for (const include of blocksOf(parsed, 'include')) {
    const at = blockHeader(include, parsed.file);
    const strategy = literalAttr(include, 'merge_strategy');
    if (strategy === 'no_merge') continue;
    const target = includePath(include, parsed, read, guard);
    const parent = typeof target === 'string' ? read(target) : undefined;
    // A parent that includes another is beyond Terragrunt's one level as this reads it: not known.
    if (!parent || parent.errors.length > 0 || blocksOf(parent, 'include').length > 0) {
      facts.includes.push(at);
      const why = parent
        ? parent.errors.length > 0
          ? `${path.basename(parent.file)}, which does not parse`
          : `${path.basename(parent.file)}, which includes another in turn`
        : typeof target === 'object'
          ? `no ${target.notFound} in the scanned folders above it`
          : target === undefined
            ? 'whose path is not written literally'
            : `${path.basename(target)}, which cannot be read`;
      othersNotKnown ??= `${name} includes another configuration (${why}), whose inputs may set it`;
      continue;
    }
    const pf = terragruntFacts(parent.file, parent.text, parent.body, guard);
    if (!facts.backend && !facts.backendNotKnown) {
      if (pf.backend) facts.backend = pf.backend;
      else if (pf.backendNotKnown) facts.backendNotKnown = pf.backendNotKnown;
    }
    if (extraVarFiles(parent)) allNotKnown ??= `the extra_arguments of ${configName(parent.file)}, which ${name} includes, pass var files or -var arguments to terraform, which may set it`;
    const pi = terragruntInputs(parent, guard);
    if (typeof parentInputs === 'string') continue;
    if (typeof pi === 'string') parentInputs = pi;
    else {
      for (const [k, v] of pi) parentInputs.set(k, v);
      if (strategy === 'deep') for (const k of pi.keys()) deep.add(k);
    }
  }
  const mine = terragruntInputs(parsed, guard);
  let inputs: Map<string, Value> | string;
  if (allNotKnown !== undefined) inputs = allNotKnown;
  else if (typeof mine === 'string') inputs = mine;
  else if (typeof parentInputs === 'string') {
    // The child's own inputs win over whatever the parents give: they are known; the rest is not.
    inputs = mine;
    othersNotKnown ??= parentInputs;
  } else {
    inputs = new Map(parentInputs);
    // `merge_strategy = "deep"`: maps merged key by key, lists concatenated (Terragrunt's deep merge); else the child's value replaces.
    for (const [k, v] of mine) inputs.set(k, deep.has(k) && parentInputs.has(k) ? deepMerged(parentInputs.get(k)!, v) : v);
  }
  return { file: parsed.file, facts, inputs, ...(othersNotKnown ? { othersNotKnown } : {}) };
}

/** Terragrunt's deep merge of a parent's value and a child's: maps key by key, lists concatenated, anything else the child's. */
function deepMerged(parent: Value, child: Value): Value {
  if (parent.kind === 'object' && child.kind === 'object') {
    const m = new Map(parent.entries);
    for (const [k, v] of child.entries) m.set(k, m.has(k) ? deepMerged(m.get(k)!, v) : v);
    return { ...child, entries: m };
  }
  if (parent.kind === 'list' && child.kind === 'list') return { ...child, items: [...parent.items, ...child.items] };
  // A collection merged with what is not known is not known; a child's scalar replaces whatever the parent had.
  if (parent.kind === 'unknown' && (child.kind === 'object' || child.kind === 'list')) return parent;
  return child;
}

/** `live/prod/aks/terragrunt.hcl` → `aks/terragrunt.hcl`: enough to tell configurations apart in a reason. */
function configName(file: string): string {
  return `${path.basename(path.dirname(file))}/${path.basename(file)}`;
}

function blocksOf(file: HclFile, type: string): Block[] {
  return file.body.items.filter((i): i is Block => i.type === 'Block' && i.blockType === type);
}

/**
 * The file an `include` names: `find_in_parent_folders()` / `find_in_parent_folders("root.hcl")`
 * (the first such file in a folder above the configuration's: `read` says whether one is there),
 * or a literal path from the configuration's folder. Anything else is not known.
 */
function includePath(include: Block, file: HclFile, read: HclReader, guard: EvalGuard): string | { notFound: string } | undefined {
  const a = attr(include, 'path');
  if (!a) return undefined;
  const dir = path.dirname(file.file);
  const e = a.expr;
  if (e.type === 'FunctionCall' && e.name === 'find_in_parent_folders' && e.args.length <= 1) {
    const arg = e.args[0] ? evaluate(e.args[0], { file: file.file, guard, resolveRoot: noNames }) : undefined;
    if (arg !== undefined && arg.kind !== 'string') return undefined;
    const name = arg?.value ?? 'terragrunt.hcl';
    // A name with a folder in it (`find_in_parent_folders("envs/common.hcl")`) is looked up the same way.
    for (let d = path.dirname(dir); ; d = path.dirname(d)) {
      const candidate = path.join(d, name);
      if (read(candidate)) return candidate;
      if (path.dirname(d) === d) return { notFound: name };
    }
  }
  // `"${get_terragrunt_dir()}/../../_common/aks.hcl"`: the configuration's own folder.
  const fromDir = INCLUDE_FROM_DIR.exec(file.text.slice(e.range.start.offset, e.range.end.offset));
  if (fromDir) return path.resolve(dir, fromDir[1]!);
  const v = evaluate(e, { file: file.file, guard, resolveRoot: noNames });
  return v.kind === 'string' ? path.resolve(dir, v.value) : undefined;
}

/** An include path written from `get_terragrunt_dir()` (Terragrunt: "the directory where the Terragrunt configuration file lives"). */
const INCLUDE_FROM_DIR = /^"\$\{\s*get_terragrunt_dir\(\s*\)\s*\}\/([^"$%\\]+)"$/;

/** Whether a configuration's `terraform` block passes var files or arguments to terraform (`extra_arguments`). */
function extraVarFiles(file: HclFile): boolean {
  return blocksOf(file, 'terraform').some((t) => childBlocks(t, 'extra_arguments').some((x) => attr(x, 'required_var_files') || attr(x, 'optional_var_files') || attr(x, 'arguments')));
}

/**
 * What a configuration's `inputs = { … }` gives a module's variables: each value as written, with
 * the configuration's own `locals` that are written as literals (or from one another); a
 * reference to what Terragrunt resolves (`dependency.vnet.outputs.id`, `include.env.inputs.tags`,
 * a function of the run) unknown. A string: why the inputs as a whole are not known.
 */
export function terragruntInputs(file: HclFile, guard: EvalGuard = new EvalGuard(undefined, defaultMsPerFile())): Map<string, Value> | string {
  const a = file.body.items.find((i) => i.type === 'Attribute' && i.name === 'inputs');
  if (!a || a.type !== 'Attribute') return new Map();
  const v = evaluate(a.expr, { file: file.file, guard, resolveRoot: localsResolver(file, guard) });
  if (v.kind === 'object') return new Map(v.entries);
  return `the inputs of ${configName(file.file)} are not known (${v.kind === 'unknown' ? v.reason : 'not an object'})`;
}

/** `local.x` of a configuration's `locals` blocks (two passes: a local may read one written after it). */
function localsResolver(file: HclFile, guard: EvalGuard): EvalContext['resolveRoot'] {
  const items = blocksOf(file, 'locals').flatMap((b) => b.body.items.filter((i) => i.type === 'Attribute'));
  if (items.length === 0) return noNames;
  const locals = new Map<string, Value>();
  const resolve: EvalContext['resolveRoot'] = (root) => (root === 'local' ? { value: obj(locals), consumed: 0 } : undefined);
  for (let pass = 0; pass < 2; pass++) {
    for (const i of items) if (i.type === 'Attribute') locals.set(i.name, evaluate(i.expr, { file: file.file, guard, resolveRoot: resolve }));
  }
  return resolve;
}
