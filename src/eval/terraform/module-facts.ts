/**
 * What the Terraform evaluator reports about each module folder, for the rules that judge a
 * module or a configuration rather than a resource (TF001, TF003, SEC001 on provider blocks).
 */
import path from 'node:path';
import type { Block, Body, Expression, HclFile } from '../../parse/hcl/ast.js';
import type { Location } from '../../core/source.js';
import { list, obj, type ObjectValue, type Value } from '../../core/value.js';
import { attr, blockHeader, childBlocks, isOverrideFile, locOf, type Located, type ModuleSource } from './module-source.js';
import { evaluate, noNames } from './expressions.js';
import type { EvalGuard } from './guard.js';

/** Facts about a Terraform module folder. */
export interface TerraformModuleFacts {
  dir: string;
  /**
   * A root module: no scanned `module` block calls it, and it has a `provider` block, a
   * backend/`cloud` block or its own var files (RULES.md TF001).
   */
  isRoot: boolean;
  /**
   * `terraform {}` blocks: where they are, the backend/cloud they declare (a backend's attributes
   * as written, as a provider's `body`), whether they hold `required_providers`.
   */
  terraformBlocks: { at: Location; backend?: { type: string; at: Location; body: ObjectValue }; cloud?: Location; requiredProviders: boolean }[];
  /**
   * The backend Terraform uses after merging override files (TF001): the `terraform {}` block
   * whose `backend` or `cloud` block is in effect, or undefined when no block declares one.
   */
  effectiveBackend?: TerraformModuleFacts['terraformBlocks'][number];
  /**
   * `provider` blocks. `body` holds the attributes as written, evaluated without variables
   * (a literal is known with its origin, `var.x` is unknown): nested blocks are lists of objects.
   */
  providers: { name: string; at: Location; body: ObjectValue }[];
  /**
   * `locals` written as literals, strings, objects or lists (not a call or a reference), evaluated
   * as `providers` are (SEC001: a secret written in a local value). Where each is named.
   */
  literalLocals: { name: string; at: Location; value: Value }[];
  requiredProviders: { name: string; at: Location; version?: Value }[];
  /**
   * Provider names used by resources and data sources (the type's prefix or the `provider`
   * argument), first use each: where, and the block's address (`random_string.suffix`,
   * `data.external.ip`, `ephemeral.random_password.p`; a `check` block's data source as written).
   */
  usedProviders: { name: string; at: Location; address: string }[];
  /**
   * Files in the folder that hold backend settings given to `terraform init -backend-config`
   * or copied in as the backend at deploy time (TF001): `*.tfbackend` (the extension the
   * Terraform docs name for backend configuration files), `backend.hcl`, `backend.conf`,
   * `backend.azurerm` (the CAF rover convention) and `*.backend.tfvars`.
   */
  backendFiles: string[];
  /**
   * The Terragrunt configurations that run a root (TF001): the `terragrunt.hcl` beside it, and
   * each scanned one whose `terraform { source }` names its folder (`terragruntSourceDir`: the
   * live-configuration layout, `live/prod/aks/terragrunt.hcl` running `modules/aks`). Empty for
   * other folders. One beside a root: Terragrunt runs the folder's own `.tf` files with it and
   * gives them the backend of its `remote_state` block (`-backend-config`, or a backend file it
   * generates) or of a `generate` block whose contents declare a `backend` block; its `include`
   * blocks name a parent configuration (`find_in_parent_folders()`) that may set `remote_state`
   * (TF001). A configuration that does not parse gives nothing.
   */
  terragrunt: TerragruntFacts[];
  /**
   * The header of the folder's first `resource`, `module` or `data` block (file order), else
   * of its first block of any type: where TF001 points when a root (known by its var files)
   * has neither a `terraform {}` nor a `provider` block.
   */
  firstBlock?: Location;
  /**
   * For a root: the modules it calls, transitively, each once (its *configuration* besides
   * itself; RULES.md TF003): local module folders, and for a remote call the copy its module
   * manifest records (FORMATS.md §6(d)), read like a local module. Empty for other folders.
   */
  configuration: TerraformModuleFacts[];
  /**
   * For a root: the `module` blocks of its configuration (its own included) whose module cannot
   * be read: a remote source without a usable copy in the root's module manifest, a source that
   * is not a literal, or a local folder with no readable `.tf` file. Their `required_providers`
   * are unknown (TF003). Empty for other folders.
   */
  opaqueModuleCalls: { source: string; at: Location }[];
  /**
   * A folder read through a root's module manifest (a remote module's copy, or a folder inside
   * one): the remote call in the user's code that leads into it (its name, `source` as written
   * and block header). A finding about it names that call, never a path under `.terraform/`.
   */
  copyOf?: { name: string; source: string; call: Location };
  /** Whether some root calls this module, directly or through other modules. */
  calledByRoot: boolean;
  /**
   * Each `.tf` file of the folder that does not parse (PARSE001 reports its errors), at its first
   * error, with what the text the parser dropped may hold: a `terraform {}` block's backend or
   * `required_providers`, a module call (TF001 and TF003 do not decide then; a dropped `resource`
   * block holds neither). Absent when every file parses.
   */
  unparsed?: DroppedBlock[];
  /**
   * For a module no root calls (a reusable module): the scanned modules that call it,
   * transitively (themselves reusable). Empty otherwise.
   */
  callers: TerraformModuleFacts[];
  /**
   * For a root: the provider types a `.terraform.lock.hcl` beside it locks (lower-case, the
   * last segment of each `provider "registry.terraform.io/<ns>/<type>"` block that has a
   * `version`). Undefined when there is no lock file (or it is not a root).
   */
  lockedProviders?: ReadonlySet<string>;
  /** The version a root's `.terraform.lock.hcl` selects for each provider type it locks (`azurerm` → `3.85.0`). */
  lockedVersions?: ReadonlyMap<string, string>;
}

/** What a root's `terragrunt.hcl` says about its backend (`TerraformModuleFacts.terragrunt`). */
export interface TerragruntFacts {
  file: string;
  /** The backend type it gives (`azurerm`; `local` too), where written; undefined when it gives none it writes literally. */
  backend?: { type: string; at: Location };
  /** A `remote_state` or backend `generate` block whose backend type is not a literal: where. */
  backendNotKnown?: Location;
  /** Its `include` blocks (headers). */
  includes: Location[];
  /** Its `terraform { source }` attribute, when it names a local folder (`terragruntSourceDir`). */
  source?: Location;
}

/**
 * A `source` Terragrunt resolves from the configuration's own folder: a relative path
 * (`"../../modules//aks"`, where `//` only marks the folder copied with it), also after
 * `${get_terragrunt_dir()}/` (Terragrunt's docs: "get_terragrunt_dir() returns the directory
 * where the Terragrunt configuration file lives"). Any other expression (a remote source, a
 * local, `${get_repo_root()}`, `${path_relative_from_include()}`) is not a folder known here.
 */
const TERRAGRUNT_LOCAL_SOURCE = /^"(?:\$\{\s*get_terragrunt_dir\(\s*\)\s*\}\/)?(\.{1,2}(?:\/[^"$%\\]*)?)"$/;

/** The folder a `terragrunt.hcl`'s `terraform { source }` names, when it is local and written so it is known (TERRAGRUNT_LOCAL_SOURCE); where. */
export function terragruntSourceDir(file: string, text: string, body: Body): { dir: string; at: Location } | undefined {
  for (const item of body.items) {
    if (item.type !== 'Block' || item.blockType !== 'terraform') continue;
    const a = attr(item, 'source');
    if (!a) continue;
    const written = TERRAGRUNT_LOCAL_SOURCE.exec(text.slice(a.expr.range.start.offset, a.expr.range.end.offset));
    return written ? { dir: path.resolve(path.dirname(file), written[1]!), at: locOf(a, file) } : undefined;
  }
  return undefined;
}

/** A backend block declared in generated file contents (`generate "backend" { contents = <<EOF … EOF }`). */
const GENERATED_BACKEND = /\bbackend\s+"([^"\r\n]*)"/;

/**
 * The backend facts of a parsed `terragrunt.hcl` (Terragrunt's configuration reference:
 * `remote_state { backend = "azurerm" … }`, `generate` blocks, `include` blocks); a `generate`
 * block's contents as `generatedBackend` reads them.
 */
export function terragruntFacts(file: string, text: string, body: Body, guard: EvalGuard): TerragruntFacts {
  const out: TerragruntFacts = { file, includes: [] };
  for (const item of body.items) {
    if (item.type !== 'Block') continue;
    if (item.blockType === 'include') out.includes.push(blockHeader(item, file));
    if (item.blockType !== 'remote_state' && item.blockType !== 'generate') continue;
    const key = item.blockType === 'remote_state' ? 'backend' : 'contents';
    const a = item.body.items.find((i) => i.type === 'Attribute' && i.name === key);
    if (!a || a.type !== 'Attribute') continue;
    let type: string | undefined;
    if (item.blockType === 'remote_state') {
      const v = evaluate(a.expr, { file, guard, resolveRoot: noNames });
      type = v.kind === 'string' ? v.value.trim() : undefined;
    } else {
      const generated = generatedBackend(a.expr, text, file, guard);
      if (generated === 'none') continue;
      type = generated;
    }
    if (type) out.backend = { type, at: locOf(a, file) };
    else out.backendNotKnown = blockHeader(item, file);
  }
  return out;
}

/**
 * The backend type a `generate` block's `contents` write: `'none'` when they write no backend
 * block (a provider block), undefined when that is not known. Known text is read whole; a
 * template (a heredoc, a quoted string) as written, its `${…}` inside a line being Terragrunt's
 * values (`subscription_id = "${local.sub}"`); one that may write lines of its own — a `%{…}`
 * directive, an interpolation at a line's start — or anything else (`file()`,
 * `templatefile()`, a local) is not known (self-review 93).
 */
function generatedBackend(expr: Expression, text: string, file: string, guard: EvalGuard): string | 'none' | undefined {
  const v = evaluate(expr, { file, guard, resolveRoot: noNames });
  if (v.kind === 'string') return GENERATED_BACKEND.exec(v.value)?.[1] ?? 'none';
  if (expr.type !== 'Template') return undefined;
  const written = text.slice(expr.range.start.offset, expr.range.end.offset);
  if (/%\{|^[ \t]*\$\{/m.test(written)) return undefined;
  const found = /\bbackend\s+\\?"([^"\\\r\n]*)\\?"/.exec(written);
  if (!found) return 'none';
  return found[1]!.includes('${') ? undefined : found[1]!;
}

/** Backend configuration files (see `backendFiles`). */
const BACKEND_FILE = /^(?:.+\.tfbackend|backend\.hcl|backend\.conf|backend\.azurerm|.+\.backend\.tfvars)$/i;

export function isBackendFile(name: string): boolean {
  return BACKEND_FILE.test(name);
}

/**
 * Dropped text that may hold a backend (TF001) or a version constraint (TF003): a block header
 * that declares one (`terraform {`, `backend "azurerm" {`, `cloud {`, `required_providers {`,
 * `module "net" {`), or its JSON key, not the word in a value (`managed_by = "terraform"`,
 * `module.net.id`, `"cloud backend"`; review 133).
 */
const MAY_HOLD_BACKEND = /\bterraform\s*\{|\bbackend\s+"[^"\n]*"\s*\{|(?:^|\n)\s*backend\s+[A-Za-z_][\w-]*\s*\{|\bcloud\s*\{|"(?:terraform|backend|cloud)"\s*:/;
const MAY_HOLD_CONSTRAINTS = /\bterraform\s*\{|\brequired_providers\s*\{|\bmodule\s+"[^"\n]*"\s*\{|(?:^|\n)\s*module\s+[A-Za-z_][\w-]*\s*\{|"(?:terraform|required_providers|module)"\s*:/;

/** A syntax error of a `.tf` file and what the text the parser dropped for it may hold (TerraformModuleFacts.unparsed). */
export interface DroppedBlock extends Location {
  /** The dropped text has a `terraform`, `backend` or `cloud` block header: a backend may be declared in it (TF001). */
  mayHoldBackend: boolean;
  /** The dropped text has a `terraform`, `required_providers` or `module` block header: a version constraint may be in it or in a module it calls (TF003). */
  mayHoldConstraints: boolean;
}

/**
 * The text of a file that no top-level block or comment the parser read covers: what its syntax
 * errors dropped (a block with an error, one an unclosed brace swallowed, a whole `.tf.json`),
 * whatever the layout (review 132: reading the dropped block's type from the line layout missed an
 * indented `terraform {` and a block an unclosed one swallowed).
 */
export function droppedText(f: HclFile): string {
  const spans = [...f.body.items.map((i) => i.range), ...f.comments.map((c) => c.range)].sort((x, y) => x.start.offset - y.start.offset);
  const parts: string[] = [];
  let at = 0;
  for (const r of spans) {
    if (r.start.offset > at) parts.push(f.text.slice(at, r.start.offset));
    at = Math.max(at, r.end.offset);
  }
  parts.push(f.text.slice(at));
  return parts.join('\n');
}

/** The facts of one folder; the links between folders (configuration, callers) are filled by `linkConfigurations`. */
export function buildModuleFacts(src: ModuleSource, isRoot: boolean, guard: EvalGuard, folderFiles: readonly string[]): TerraformModuleFacts {
  const facts: TerraformModuleFacts = {
    dir: src.dir,
    isRoot,
    terraformBlocks: [],
    providers: src.providers.map((p) => ({ name: p.node.labels[0]?.value ?? '', at: blockHeader(p.node, p.file), body: literalBody(p.node.body, p.file, guard) })),
    literalLocals: literalLocals(src, guard),
    requiredProviders: [],
    usedProviders: [],
    backendFiles: folderFiles.filter((f) => isBackendFile(path.basename(f))).sort(),
    terragrunt: [],
    configuration: [],
    opaqueModuleCalls: [],
    calledByRoot: false,
    callers: [],
  };
  const unparsed = src.files
    .filter((f) => f.errors.length > 0)
    .map((f): DroppedBlock => {
      const dropped = droppedText(f);
      return { file: f.file, range: f.errors[0]!.range, mayHoldBackend: MAY_HOLD_BACKEND.test(dropped), mayHoldConstraints: MAY_HOLD_CONSTRAINTS.test(dropped) };
    });
  if (unparsed.length > 0) facts.unparsed = unparsed;
  for (const t of src.terraformBlocks) {
    const backend = childBlocks(t.node, 'backend')[0];
    const cloud = childBlocks(t.node, 'cloud')[0];
    const required = childBlocks(t.node, 'required_providers');
    const block = {
      at: blockHeader(t.node, t.file),
      backend: backend ? { type: backend.labels[0]?.value ?? '', at: blockHeader(backend, t.file), body: literalBody(backend.body, t.file, guard) } : undefined,
      cloud: cloud ? blockHeader(cloud, t.file) : undefined,
      requiredProviders: required.length > 0,
    };
    facts.terraformBlocks.push(block);
    facts.effectiveBackend = mergedBackend(facts.effectiveBackend, block, isOverrideFile(t.file));
    for (const rp of required) {
      for (const item of rp.body.items) {
        if (item.type !== 'Attribute') continue;
        const v = evaluate(item.expr, { file: t.file, guard, resolveRoot: noNames });
        const version = v.kind === 'object' ? v.entries.get('version') : v.kind === 'string' ? v : undefined;
        facts.requiredProviders.push({ name: item.name, at: locOf(item, t.file), version });
      }
    }
  }
  const seen = new Set<string>();
  // Resources, then data sources, each map by forEach (a for…of makes a [key, value] array per entry).
  const use = (r: Located<Block>, key: string, address = key): void => {
    const name = providerOf(beforeFirst(key, '.'), r.node);
    if (seen.has(name)) return;
    seen.add(name);
    facts.usedProviders.push({ name, at: blockHeader(r.node, r.file), address });
  };
  src.resources.forEach((r, key) => use(r, key));
  src.data.forEach((r, key) => use(r, key, `data.${key}`));
  // Ephemeral resources (Terraform 1.10+: `ephemeral "random_password" "p"`) and the data
  // sources scoped to a `check` block come from providers too: `terraform init` installs them.
  for (const f of src.files) {
    for (const item of f.body.items) {
      if (item.type !== 'Block') continue;
      if (item.blockType === 'ephemeral' && item.labels[0] && item.labels[1]) {
        const key = `${item.labels[0].value}.${item.labels[1].value}`;
        use({ node: item, file: f.file }, key, `ephemeral.${key}`);
      }
      if (item.blockType === 'check')
        for (const d of item.body.items)
          if (d.type === 'Block' && d.blockType === 'data' && d.labels[0]) use({ node: d, file: f.file }, `${d.labels[0].value}.`, `data.${d.labels[0].value}.${d.labels[1]?.value ?? ''}`);
    }
  }
  const first = firstBlockOf(src);
  if (first) facts.firstBlock = first;
  return facts;
}

/**
 * The backend in effect after one more `terraform {}` block (blocks come in load order: every
 * normal file, then override files in name order). Terraform docs, Override Files › Merging
 * `terraform` blocks: a `backend` in an override file is used over the original's `backend` or
 * `cloud`; when the original sets a `backend` and the override a `cloud`, "the backend specified
 * by the `backend` block is used upon merging". Normal files can declare only one.
 */
function mergedBackend<T extends { backend?: unknown; cloud?: unknown }>(current: T | undefined, block: T, override: boolean): T | undefined {
  if (!block.backend && !block.cloud) return current;
  if (!override || !current) return block;
  if (block.backend) return block;
  return current.backend ? current : block;
}

/** The first resource/module/data block header of the folder's files, else its first block. */
function firstBlockOf(src: ModuleSource): Location | undefined {
  let any: Location | undefined;
  for (const f of src.files) {
    for (const item of f.body.items) {
      if (item.type !== 'Block') continue;
      if (item.blockType === 'resource' || item.blockType === 'module' || item.blockType === 'data') return blockHeader(item, f.file);
      any ??= blockHeader(item, f.file);
    }
  }
  return any;
}

/** The provider (local name) a resource or data source uses: its `provider` argument, else its type's prefix. */
function providerOf(type: string, node: Block): string {
  const explicit = attr(node, 'provider');
  return explicit && explicit.expr.type === 'ScopeTraversal' ? explicit.expr.root : beforeFirst(type, '_');
}

/** `s` up to its first `sep` (all of it without one): `s.split(sep)[0]` without the array. */
function beforeFirst(s: string, sep: string): string {
  const i = s.indexOf(sep);
  return i < 0 ? s : s.slice(0, i);
}


/** Expressions a local written as a literal value has at its top (`"…"`, `{ … }`, `[ … ]`). */
const LITERAL_TOPS: ReadonlySet<string> = new Set(['Literal', 'Template', 'TemplateWrap', 'Object', 'Tuple']);

/** The module's locals written as literal values, evaluated without variables (see `literalLocals`), in file order. */
function literalLocals(src: ModuleSource, guard: EvalGuard): TerraformModuleFacts['literalLocals'] {
  const out: TerraformModuleFacts['literalLocals'] = [];
  for (const [name, { node, file }] of src.locals) {
    if (!LITERAL_TOPS.has(node.expr.type)) continue;
    out.push({ name, at: { file, range: node.nameRange }, value: evaluate(node.expr, { file, guard, resolveRoot: noNames }) });
  }
  return out;
}

/** A block's attributes evaluated without variables (literals only); nested blocks become lists of objects. */
function literalBody(body: Body, file: string, guard: EvalGuard): ObjectValue {
  const entries = new Map<string, Value>();
  for (let i = 0; i < body.items.length; i++) {
    const item = body.items[i]!;
    if (item.type === 'Attribute') {
      entries.set(item.name, evaluate(item.expr, { file, guard, resolveRoot: noNames }));
      continue;
    }
    const child = literalBody(item.body, file, guard);
    child.origin = blockHeader(item, file, item.blockType);
    const existing = entries.get(item.blockType);
    if (existing?.kind === 'list') existing.items.push(child);
    else entries.set(item.blockType, list([child], child.origin));
  }
  return obj(entries, { file, range: body.range });
}

/** What a root's configuration holds besides the root (see `configuration`, `opaqueModuleCalls`). */
export interface RootConfiguration {
  modules: TerraformModuleFacts[];
  opaque: TerraformModuleFacts['opaqueModuleCalls'];
}

/**
 * Fills `configuration`, `opaqueModuleCalls` and `calledByRoot` of each root from
 * `configurationOf`, and `callers` of the other folders from the call graph (`callees`: the
 * local module folders each folder calls). `factsOf` gives the facts of any folder, also one
 * outside the scanned paths that a scanned module calls.
 */
export function linkConfigurations(
  modules: readonly TerraformModuleFacts[],
  callees: (dir: string) => readonly string[],
  factsOf: (dir: string) => TerraformModuleFacts | undefined,
  configurationOf: (rootDir: string) => RootConfiguration,
): void {
  const reach = (from: string, next: (dir: string) => readonly string[]): TerraformModuleFacts[] => {
    const seen = new Set<string>([from]);
    const out: TerraformModuleFacts[] = [];
    const queue = [from];
    for (let i = 0; i < queue.length; i++) {
      for (const d of next(queue[i]!)) {
        if (seen.has(d)) continue;
        seen.add(d);
        queue.push(d);
        const f = factsOf(d);
        if (f) out.push(f);
      }
    }
    return out;
  };
  for (const root of modules) {
    if (!root.isRoot) continue;
    const c = configurationOf(root.dir);
    root.configuration = c.modules;
    root.opaqueModuleCalls = c.opaque;
    for (const m of root.configuration) m.calledByRoot = true;
  }
  // Reverse edges among the scanned folders, for the callers of reusable modules.
  const callersOf = new Map<string, string[]>();
  for (const m of modules) {
    for (const c of callees(m.dir)) {
      const l = callersOf.get(c);
      if (l) l.push(m.dir);
      else callersOf.set(c, [m.dir]);
    }
  }
  for (const m of modules) {
    if (m.isRoot || m.calledByRoot) continue;
    m.callers = reach(m.dir, (d) => callersOf.get(d) ?? []);
  }
}

/** The version a `.terraform.lock.hcl` selects for each provider type it locks, where it is a literal. */
export function lockedProviderVersions(blocks: readonly Block[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const b of blocks) {
    const version = b.blockType === 'provider' ? attr(b, 'version') : undefined;
    const type = b.labels[0]?.value.split('/').pop()?.toLowerCase();
    if (!version || !type || version.expr.type !== 'Template' || version.expr.parts.length !== 1) continue;
    const part = version.expr.parts[0]!;
    if (part.type === 'TemplateLiteral') out.set(type, part.value);
  }
  return out;
}

/** The provider types a `.terraform.lock.hcl` locks (see `lockedProviders`). */
export function lockedProviderTypes(blocks: readonly Block[]): Set<string> {
  const out = new Set<string>();
  for (const b of blocks) {
    if (b.blockType !== 'provider' || !attr(b, 'version')) continue;
    const address = b.labels[0]?.value ?? '';
    const type = address.split('/').pop();
    if (type) out.add(type.toLowerCase());
  }
  return out;
}
