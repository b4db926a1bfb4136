/**
 * Evaluation of one module instance: a module folder with concrete input values (from
 * var files for a root module, from module arguments for a child). Everything is lazy and
 * memoized: locals, variables, resource attributes and module outputs are evaluated when
 * something refers to them, with cycle guards (a cycle is unknown, never a crash).
 */
import path from 'node:path';
import { EXPANSION_BUDGET, LOOP_INSTANCE_CAP, loopCountText, takeExpansions } from '../../core/limits.js';
import type { Block, Body, Expression, TraversalStep } from '../../parse/hcl/ast.js';
import type { Location } from '../../core/source.js';
import { envFromVariables, readIgnoringCase, type EnvClass } from '../../core/env.js';
import type { InputDecl, InputValidation, OpaqueModuleCall, VendoredOrigin } from '../types.js';
import { isVendoredFile } from '../types.js';
import {
  list, elementOf, obj, passedThrough, str, unknown, num, nul, defaultForNull,
  type ObjectValue, type Value,
} from '../../core/value.js';
import { evaluate, iterate, literalKey, loc as exprLoc, noNames, type EvalContext, type RootResolution } from './expressions.js';
import { asString } from './functions.js';
import { tryCompileRegex } from './regex.js';
import { decodeJsonBody } from './json-body.js';
import { heredocYamlReader, type DecodedHeredoc, type HeredocYamlReader } from './heredoc-yaml.js';
import { loadedYamlReader, type DataFileRead } from './data-files.js';
import { applyTypeConstraint } from './type-defaults.js';
import { attr, blockHeader, childBlocks, declaredTwice, expansionAttrs, fileText, itemFile, localDir, locOf, sourceText, type Located, type ModuleSource } from './module-source.js';
import type { EvalGuard} from './guard.js';
import { BUDGET_REASON, BudgetExceeded, type EvalProblem } from './guard.js';

export type { EvalProblem };

/** Upper bound on instances of one `count`/`for_each` resource (EVAL001 when hit). */
/** `count`/`for_each` instances of one resource (RULES.md: 1,024). */
export const MAX_INSTANCES = LOOP_INSTANCE_CAP;
const MAX_MODULE_DEPTH = 12;
/** Upper bound on instances of one `count`/`for_each` module call (modules multiply resources). */
/** Instances of one module call (RULES.md: 1,024; each is a whole module evaluation). */
export const MAX_MODULE_INSTANCES = LOOP_INSTANCE_CAP;

/** One instance of a module call, with its address key (`[0]`, `["k"]`, or '' when not expanded). */
interface ChildInstance {
  key: string;
  instance: ModuleInstance;
}
/** Meta-arguments and blocks that are not part of a resource's configuration body. */
const META = new Set(['count', 'for_each', 'depends_on', 'lifecycle', 'provider', 'provisioner', 'connection']);

export interface TfResource {
  /** `module.a.azurerm_x.y["k"]` */
  address: string;
  /** Address without instance keys, for references (`module.a.azurerm_x.y`). */
  baseAddress: string;
  type: string;
  name: string;
  file: string;
  header: Location;
  /** Evaluated body: attributes, and nested blocks as lists of objects whose origin is the block header. */
  body: ObjectValue;
  /** Location of each attribute (`name = expr`), by path: `vm_size`, `default_node_pool[0].vm_size`. */
  sites: Map<string, Location>;
  block: Block;
  /** Set when the resource comes from a registry module copy (`terraform init`'s cache). */
  vendored?: VendoredOrigin;
  /** For a resource of a module instance: the header of the root module's call it came through (`module "kv_models" {`). */
  calledAt?: Location;
  /** The class its module instance's `environment`/`env`… variable decides (that of the nearest module that decides one). */
moduleEnv?: EnvClass;
  /**
   * azapi_resource: the provider's `default_tags`/`default_location` it would get (`AzapiDefaults`;
   * unknown when which provider block it uses is not read). The model applies them where the ARM
   * type takes them and the resource sets none.
   */
  azapiDefaults?: { tags?: Value; location?: Value };
}

/** Loads a local module folder (inside the scan root) or returns undefined. */
export type ModuleLoader = (dir: string) => ModuleSource | undefined;

/**
 * Finds the local copy of a remote module call (the root's module manifest): its folder, or
 * why there is none. `key` is the call path (`a.b`), `source`/`version` as written.
 */
export type RemoteModuleResolver = (key: string, source: string, version: string | undefined) => { dir: string; version?: string } | { reason: string };

export interface InstanceOptions {
  /** Address prefix: '' for a root, `module.a.` for a child. */
  prefix: string;
  /** Input values by variable name; each already carries its origin and via chain. */
  inputs: Map<string, Value>;
  loader: ModuleLoader;
  problems: EvalProblem[];
  /** Failure containment and the per-file time budget, shared by the whole project. */
  guard: EvalGuard;
  depth?: number;
  /** Module folders being evaluated above this one (a call back into one of them is a cycle). */
  ancestors?: readonly string[];
  /** The module call path of this instance (`''` for a root, `a`, `a.b`): the manifest's key. */
  moduleKey?: string;
  /** Remote calls: their copy from the root's module manifest. Without it every remote call is opaque. */
  remote?: RemoteModuleResolver;
  /** This instance reads a registry module copy (or is nested in one). */
  vendored?: VendoredOrigin;
  /** Remote calls without a copy are recorded here (EVAL002, GPU005). */
  opaque?: OpaqueModuleCall[];
  /** The header of the root module's call this instance is (or is nested in): where one caller of a shared module is named. */
  calledAt?: Location;
  /** Reads a data file for `yamldecode(file(…))`/`jsondecode(file(…))` (the project's reader: inside the scan root only). */
  readDataFile?: DataFileRead;
  /** Told each heredoc decoded as YAML (the front end reads its comments for inline suppressions). */
  onHeredoc?: (decoded: DecodedHeredoc) => void;
  /** The root's `provider "azapi"` defaults (`AzapiDefaults`), inherited by every module of the configuration. */
  azapiDefaults?: AzapiDefaults;
}

/**
 * The root module's `provider "azapi"` blocks' `default_tags` and `default_location`, by alias
 * (`''`: the default configuration). The azapi provider sends them for an `azapi_resource` that
 * sets no `tags` (`location`) of its own, neither as an argument nor in its `body` (azapi's
 * `tagsWithDefaultTags`: no merge). Read in the root, with the root's variables.
 */
export interface AzapiDefaults {
  byAlias: Map<string, { tags?: Value; location?: Value }>;
  /** The number of `provider "azapi"` blocks: a child module with several to choose from cannot tell which it gets. */
  blocks: number;
}

const CYCLE = Symbol('cycle');

/** The literals a call passes, and where each is written, as a key (bounded: past it, every call is its own). */
function argumentsKey(args: ReadonlyMap<string, Value>): string {
  let out = '';
  const add = (v: Value): void => {
    if (out.length > 4000) return;
    if (v.kind === 'string') out += `s${v.value.length}:${v.value}@${v.origin ? `${v.origin.file}:${v.origin.range.start.offset}` : ''};`;
    else if (v.kind === 'number' || v.kind === 'bool') out += `${v.kind[0]}${String(v.value)};`;
    else if (v.kind === 'object') {
      out += '{';
      for (const [k, x] of v.entries) {
        out += `${k}=`;
        add(x);
      }
      out += '}';
    } else if (v.kind === 'list') {
      out += '[';
      for (const x of v.items) add(x);
      out += ']';
    } else out += `${v.kind};`;
  };
  for (const [k, v] of args) {
    out += `${k}=`;
    add(v);
  }
  return out.length > 4000 ? `${out.slice(0, 64)}…${++longKeys}` : out;
}
let longKeys = 0;

/** Whether `seen` did not hold this declaration yet (by its file and place, and `extra`); records it. */
function firstTime(seen: Set<string>, decl: Located<Block>, extra = ''): boolean {
  const key = `${decl.file}\u0000${decl.node.range.start.offset}\u0000${extra}`;
  if (seen.has(key)) return false;
  seen.add(key);
  return true;
}

export class ModuleInstance {
  private readonly varCache = new Map<string, Value>();
  private readonly localCache = new Map<string, Value | typeof CYCLE>();
  private readonly resourceCache = new Map<string, TfResource[] | typeof CYCLE>();
  /** The addresses whose count/for_each expanded to more than the cap (only the first were made). */
  private readonly cappedExpansions = new Set<string>();
  /** Addresses whose count/for_each gives no instance in this evaluation (`count = 0`, an empty for_each): `inertDeclarations`. */
  private readonly noInstances = new Set<string>();
  private readonly children = new Map<string, ChildInstance[] | null>();
  private readonly outputCache = new Map<string, Value | typeof CYCLE>();
  /** Contexts without iteration variables, by file: one per file instead of one per expression (contexts are never changed). */
  private readonly fileContexts = new Map<string, EvalContext>();
  private readonly constantContexts = new Map<string, EvalContext>();
  /** The name resolver of this instance, made once (every context of the instance shares it). */
  private readonly resolver = (root: string, steps: TraversalStep[], at: Location): RootResolution | undefined => this.resolveRoot(root, steps, at);

  constructor(
    readonly src: ModuleSource,
    readonly opts: InstanceOptions,
  ) {}

  get prefix(): string {
    return this.opts.prefix;
  }

  /** The root's `provider "azapi"` defaults (`AzapiDefaults`), read with its variables; undefined when no block sets one. */
  azapiDefaultsOfRoot(): AzapiDefaults | undefined {
    const blocks = this.src.providers.filter((p) => p.node.labels[0]?.value === 'azapi');
    const byAlias = new Map<string, { tags?: Value; location?: Value }>();
    let declares = false;
    for (const p of blocks) {
      const aliasAttr = attr(p.node, 'alias');
      const alias = aliasAttr ? evaluate(aliasAttr.expr, this.context(p.file)) : str('');
      const d: { tags?: Value; location?: Value } = {};
      for (const [key, name] of [['tags', 'default_tags'], ['location', 'default_location']] as const) {
        const a = attr(p.node, name);
        if (!a) continue;
        declares = true;
        d[key] = evaluate(a.expr, this.context(p.file));
      }
      if (alias.kind === 'string') byAlias.set(alias.value, d);
    }
    return declares ? { byAlias, blocks: blocks.length } : undefined;
  }

  // ---- names -------------------------------------------------------------------------

  private heredocs: HeredocYamlReader | undefined;
  /** Decodes this module's heredocs as YAML, from its files' texts. */
  private heredocReader(): HeredocYamlReader {
    const src = this.src;
    return (this.heredocs ??= heredocYamlReader((file) => fileText(src, file), loadedYamlReader, this.opts.onHeredoc));
  }

  private context(file: string, iteration?: Map<string, Value>): EvalContext {
    const readDataFile = this.opts.readDataFile;
    const readers = { ...(readDataFile ? { readDataFile } : {}), heredocYaml: this.heredocReader() };
    if (iteration) return { file, iteration, guard: this.opts.guard, resolveRoot: this.resolver, ...readers };
    let ctx = this.fileContexts.get(file);
    if (!ctx) {
      ctx = { file, iteration, guard: this.opts.guard, resolveRoot: this.resolver, ...readers };
      this.fileContexts.set(file, ctx);
    }
    return ctx;
  }

  private resolveRoot(root: string, steps: TraversalStep[], at: Location): RootResolution | undefined {
    const first = steps[0];
    const firstName = first?.type === 'GetAttr' ? first.name : undefined;
    switch (root) {
      case 'var':
        return firstName ? { value: this.variable(firstName, at), consumed: 1 } : undefined;
      case 'local':
        return firstName ? { value: this.local(firstName, at), consumed: 1 } : undefined;
      case 'module':
        return firstName ? this.moduleRef(firstName, steps, at) : undefined;
      case 'data': {
        const second = steps[1];
        if (!firstName || second?.type !== 'GetAttr') return undefined;
        const addr = `${this.prefix}data.${firstName}.${second.name}`;
        return { value: unknown(`depends on ${addr}`, at, `tf:${addr}`), consumed: 2 };
      }
      case 'path':
        if (firstName === 'module' || firstName === 'root' || firstName === 'cwd')
          return { value: str(this.src.dir, at), consumed: 1 };
        return undefined;
      case 'terraform':
        return { value: unknown('terraform.workspace is chosen at run time', at), consumed: steps.length > 0 ? 1 : 0 };
      case 'count':
      case 'each':
      case 'self':
        return { value: unknown(`${root} is not known here`, at), consumed: 0 };
      default:
        if (firstName && (this.src.resources.has(`${root}.${firstName}`) || /^[a-z0-9]+_[a-z0-9_]+$/.test(root)))
          return this.resourceRef(root, firstName, steps, at);
        return undefined;
    }
  }

  variable(name: string, at?: Location): Value {
    const cached = this.varCache.get(name);
    if (cached) return cached;
    const decl = this.src.variables.get(name);
    let v: Value;
    if (!decl) v = unknown(`variable "${name}" is not declared`, at);
    else if (declaredTwice(this.src, 'variable', name)) v = unknown(`variable "${name}" is declared twice, which Terraform refuses`, at);
    else {
      const header = variableHeader(decl, name);
      const given = this.opts.inputs.get(name);
      const def = this.defaultOf(decl);
      // A null argument replaces the default unless the variable says `nullable = false`
      // (Terraform docs, Input Variables › "Disallowing null input values": "If nullable is
      // false and the variable has a default value, then Terraform uses the default when a
      // module input argument is null"; nullable defaults to true, and then "passing a null
      // value as a module input argument will override any default value").
      const nullTakesDefault = given?.kind === 'null' && def !== undefined && !this.nullable(decl);
      if (given && !nullTakesDefault) v = passedThrough(this.typed(given, decl), header);
      else if (def) v = passedThrough(defaultForNull(this.typed(def, decl), nullTakesDefault ? given : undefined), header);
      else v = unknown(`variable "${name}" has no value`, header);
    }
    this.varCache.set(name, v);
    return v;
  }

  /** The value converted to the variable's `type` (optional attribute defaults filled in). */
  private typed(v: Value, decl: Located<Block>): Value {
    const t = attr(decl.node, 'type');
    if (!t) return v;
    const constants = this.constants(itemFile(t, decl.file));
    return applyTypeConstraint(v, t.expr, (e) => evaluate(e, constants));
  }

  /** `nullable` of a variable block: true unless written `nullable = false`. */
  private nullable(decl: Located<Block>): boolean {
    const n = attr(decl.node, 'nullable');
    if (!n) return true;
    const v = evaluate(n.expr, this.constants(decl.file));
    return !(v.kind === 'bool' && !v.value);
  }

  /** A context for constant expressions (defaults, `sensitive`): no names resolve. */
  private constants(file: string): EvalContext {
    let ctx = this.constantContexts.get(file);
    if (!ctx) {
      ctx = { file, guard: this.opts.guard, resolveRoot: noNames, heredocYaml: this.heredocReader() };
      this.constantContexts.set(file, ctx);
    }
    return ctx;
  }

  private defaultOf(decl: Located<Block>): Value | undefined {
    const d = attr(decl.node, 'default');
    if (!d) return undefined;
    // Defaults are constants: no references allowed.
    return evaluate(d.expr, this.constants(itemFile(d, decl.file)));
  }

  local(name: string, at?: Location): Value {
    const cached = this.localCache.get(name);
    if (cached === CYCLE) return unknown(`local "${name}" refers to itself`, at);
    if (cached) return cached;
    const decl = this.src.locals.get(name);
    if (!decl) return unknown(`local "${name}" is not declared`, at);
    if (declaredTwice(this.src, 'local value', name)) return unknown(`local "${name}" is defined twice, which Terraform refuses`, at);
    this.localCache.set(name, CYCLE);
    // The local's name travels with the value as a template variable's does (ARM `variables`,
    // Bicep `var`): GPU001's "the size comes from a variable whose name contains gpu" reads it.
    const site: Location = { ...locOf(decl.node, decl.file, `local "${name}"`), symbol: { kind: 'variable', name } };
    const v = this.abandonable(this.localCache, name, unknown(BUDGET_REASON) as Value, () => passedThrough(evaluate(decl.node.expr, this.context(decl.file)), site));
    this.localCache.set(name, v);
    return v;
  }

  /**
   * Runs a memoized computation that the time budget may abandon midway (the guard unwinds
   * to the outermost expression): the cache entry then says so, instead of "refers to itself".
   */
  private abandonable<K, T>(cache: Map<K, unknown>, key: K, abandoned: T, f: () => T): T {
    try {
      return f();
    } catch (err) {
      if (err instanceof BudgetExceeded) cache.set(key, abandoned);
      throw err;
    }
  }

  // ---- resources ---------------------------------------------------------------------

  private resourceRef(type: string, name: string, steps: TraversalStep[], at: Location): RootResolution {
    const key = `${type}.${name}`;
    const baseAddress = `${this.prefix}${key}`;
    const token = `tf:${baseAddress}`;
    const decl = this.src.resources.get(key);
    if (!decl) return { value: unknown(`depends on ${baseAddress}`, at, token), consumed: 1 };
    if (declaredTwice(this.src, 'resource', key)) return { value: unknown(`resource ${key} is declared twice, which Terraform refuses`, at, token), consumed: 1 };
    const instances = this.resourceInstances(key);
    // A reference to an expanded resource indexes it: `x.y[0].name`, `x.y["k"].id`.
    let consumed = 1;
    let chosen: TfResource | undefined;
    const { count, forEach } = expansionAttrs(decl.node);
    const hasExpansion = count || forEach;
    const next = steps[1];
    if (hasExpansion) {
      if (next?.type === 'Index') {
        consumed = 2;
        const k = evaluate(next.key, this.context(at.file));
        const ks = asString(k);
        if (Array.isArray(instances) && ks !== undefined)
          chosen = instances.find((r) => r.address === `${baseAddress}${instanceKey(k, ks)}`);
      } else if (next === undefined && this.cappedExpansions.has(baseAddress)) {
        // Only the first MAX_INSTANCES are expanded (EVAL001): the whole collection (its length,
        // its last instance) is not known.
        return { value: unknown(`${baseAddress} has more instances than the ${MAX_INSTANCES} the linter expands`, at, token), consumed: 1 };
      } else if (next === undefined && Array.isArray(instances)) {
        // The whole expanded resource (`for_each = azurerm_x.this`, `values(azurerm_x.this)`):
        // Terraform's value is a map of instance key → instance (a list for count), each with
        // its configured attributes and an `id` known after apply that still names the resource
        // (Terraform docs, "Chaining for_each between resources").
        return { value: wholeResource(instances, baseAddress, token, forEach !== undefined, at), consumed: 1 };
      } else {
        return { value: unknown(`depends on all instances of ${baseAddress}`, at, token), consumed: 1 };
      }
    } else if (Array.isArray(instances)) chosen = instances[0];
    const attrStep = steps[consumed];
    // An indexed instance's id names that instance (`x.y["b"].id` is instance "b", not the first).
    const target = chosen && hasExpansion ? `tf:${chosen.address}` : token;
    // The instance itself (`locals { ws = azapi_resource.ws }`, `azapi_resource.this[0]`):
    // unknown, its `id` naming it, so `local.ws.id` links as `….ws.id` does (an attribute it
    // does not configure is unknown then, never absent: `try(local.ws.x, …)` is not decided).
    if (attrStep === undefined && chosen) return { value: { ...unknown(`depends on ${chosen.address}`, at, target), instance: true }, consumed };
    if (attrStep?.type !== 'GetAttr') return { value: unknown(`depends on ${baseAddress}`, at, token), consumed };
    consumed++;
    const attrName = attrStep.name;
    if (attrName === 'id' || !chosen) {
      return { value: unknown(`${baseAddress}.${attrName} is known only after apply`, at, `${target}${attrName === 'id' ? '' : '.' + attrName}`), consumed };
    }
    const configured = chosen.body.entries.get(attrName);
    if (configured) return { value: configured, consumed };
    return { value: unknown(`${baseAddress}.${attrName} is known only after apply`, at, `${token}.${attrName}`), consumed };
  }

  /** All instances of one resource declaration (`type.name`), expanded by count/for_each. */
  resourceInstances(key: string): TfResource[] | typeof CYCLE {
    const cached = this.resourceCache.get(key);
    if (cached) return cached;
    const decl = this.src.resources.get(key);
    if (!decl) return [];
    this.resourceCache.set(key, CYCLE);
    const result = this.abandonable(this.resourceCache, key, [] as TfResource[], () => this.expandResource(key, decl));
    this.resourceCache.set(key, result);
    return result;
  }

  private expandResource(key: string, decl: Located<Block>): TfResource[] {
    const baseAddress = `${this.prefix}${key}`;
    const header = blockHeader(decl.node, decl.file);
    return this.expansion(decl, baseAddress, MAX_INSTANCES, 'instances').map(({ key: instance, vars }) => {
      const r = this.resourceOf(decl, header, baseAddress, instance, vars);
      if (r.type === 'azapi_resource' && this.opts.azapiDefaults) {
        const defaults = this.azapiDefaultsFor(decl, this.opts.azapiDefaults);
        if (defaults) r.azapiDefaults = defaults;
      }
      return r;
    });
  }

  /** One instance of a resource block (`instance`: its key, `vars`: its `count.index`/`each`), its body evaluated (the provider's azapi defaults not applied). */
  private resourceOf(decl: Located<Block>, header: Location, baseAddress: string, instance: string, vars: Map<string, Value>): TfResource {
    const [type, name] = [decl.node.labels[0]!.value, decl.node.labels[1]!.value];
    const sites = new Map<string, Location>();
    const body = this.evalBody(decl.node.body, decl.file, vars, sites, '', type);
    const r: TfResource = { address: `${baseAddress}${instance}`, baseAddress, type, name, file: decl.file, header, body, sites, block: decl.node };
    if (this.opts.vendored) r.vendored = this.opts.vendored;
    if (this.opts.calledAt) r.calledAt = this.opts.calledAt;
    return r;
  }

  /**
   * The `default_tags`/`default_location` of the provider block an `azapi_resource` uses
   * (`AzapiDefaults`): its `provider = azapi.<alias>` in the root; in a module, the one block
   * there is (with several, which it gets is not read here: unknown).
   */
  private azapiDefaultsFor(decl: Located<Block>, defaults: AzapiDefaults): { tags?: Value; location?: Value } | undefined {
    const ref = attr(decl.node, 'provider');
    const alias = ref?.expr.type === 'ScopeTraversal' && ref.expr.root === 'azapi' && ref.expr.steps[0]?.type === 'GetAttr' ? ref.expr.steps[0].name : ref ? undefined : '';
    const chosen = this.prefix === '' && alias !== undefined ? defaults.byAlias.get(alias) : defaults.blocks === 1 ? [...defaults.byAlias.values()][0] : undefined;
    if (chosen) return chosen;
    const which = this.prefix !== '' || alias === undefined;
    if (!which) return undefined;
    const out: { tags?: Value; location?: Value } = {};
    for (const key of ['tags', 'location'] as const) {
      if ([...defaults.byAlias.values()].some((d) => d[key] !== undefined)) out[key] = unknown(`the azapi provider's default_${key} may set it (which provider configuration this resource uses is not read)`, blockHeader(decl.node, decl.file));
    }
    return out;
  }

  /**
   * The instances a `count`/`for_each` block (resource or module call) expands to: the
   * address key (`[0]`, `["k"]`) and the iteration variables of each, at most `max` (EVAL001
   * beyond). No meta-argument: one instance with key ''. An unknown count/for_each: one
   * instance with key '' whose `count.index`/`each` are unknown (it may exist).
   */
  private expansion(decl: Located<Block>, address: string, max: number, noun: string): { key: string; vars: Map<string, Value> }[] {
    const ctx = this.context(decl.file);
    const { count, forEach } = expansionAttrs(decl.node);
    const cap = (n: number, at: { range: Location['range'] }): void => {
      if (n <= max) return;
      this.cappedExpansions.add(address);
      this.opts.problems.push({ message: `'${address}' expands to ${loopCountText(n, max)} ${noun}; only the first ${max} are linted`, location: locOf(at, decl.file) });
    };
    if (count) {
      const c = evaluate(count.expr, ctx);
      if (c.kind !== 'number') return [{ key: '', vars: new Map([['count', obj({ index: unknown(`count.index of an unknown count${whyUnknown(c)}`) })]]) }];
      const n = Math.max(0, Math.trunc(c.value));
      if (n === 0) this.noInstances.add(address);
      cap(n, count.expr);
      const length = this.withinBudget(Math.min(n, max), address, count, decl.file);
      return Array.from({ length }, (_, i) => ({ key: `[${i}]`, vars: new Map([['count', obj({ index: num(i) })]]) }));
    }
    if (forEach) {
      const fe = evaluate(forEach.expr, ctx);
      const pairs = fe.kind === 'list' || fe.kind === 'object' ? iterate(fe) : undefined;
      if (!pairs) {
        // The loop's own reason (`function file() is not evaluated statically`) tells --verbose what to fix.
        const why = whyUnknown(fe);
        return [{ key: '', vars: new Map([['each', obj({ key: unknown(`each.key of an unknown for_each${why}`), value: unknown(`each.value of an unknown for_each${why}`) })]]) }];
      }
      if (pairs.length === 0) this.noInstances.add(address);
      cap(pairs.length, forEach.expr);
      return pairs.slice(0, this.withinBudget(Math.min(pairs.length, max), address, forEach, decl.file)).map(([k, v]) => {
        // for_each over a set of strings: each.key == each.value.
        const keyStr = fe.kind === 'list' ? (asString(v) ?? String(asString(k))) : asString(k)!;
        // each.value is an element of the collection (its chain, as `local.pools["gpu"]` reads it,
        // and the collection's named inputs whatever the element is: value.ts elementOf).
        // each.key of a set is its element, with the element's provenance (an input it was computed
        // from: `toset([for e in var.envs : lower(e)])`), a map's the key as written; both are
        // elements of the collection (a local's, an input's links) and held by the loop when
        // written in its own collection (value.ts elementOf, heldByLoop; review 108).
        const loop = { at: locOf(forEach.expr, decl.file), name: 'for_each' };
        const keyValue = fe.kind === 'list' && v.kind === 'string' ? v : str(keyStr, k.origin);
        return { key: `[${JSON.stringify(keyStr)}]`, vars: new Map([['each', obj({ key: elementOf(fe, keyValue, loop), value: elementOf(fe, v, loop) })]]) };
      });
    }
    return [{ key: '', vars: new Map() }];
  }

  /**
   * How many of `n` loop instances the project's expansion budget still allows (core/limits.ts
   * EXPANSION_BUDGET: nested loops multiply). The first loop it cuts gets an EVAL001 note and
   * is treated as capped (its whole collection is unknown).
   */
  private withinBudget(n: number, address: string, at: { range: Location['range'] }, file: string): number {
    // The note names the loop where the linter stopped (the shared wording does not).
    const allowed = takeExpansions(this.opts.guard.expansions, n, () =>
      this.opts.problems.push({ message: `loops inside loops expand to more than ${EXPANSION_BUDGET.toLocaleString('en-US')} instances in this configuration ('${address}' is where the linter stopped); the instances past that are not linted`, location: locOf(at, file) }),
    );
    if (allowed < n) this.cappedExpansions.add(address);
    return allowed;
  }

  /** Evaluates a block body into an object; nested blocks become lists of objects. */
  private evalBody(
    body: Body,
    file: string,
    iteration: Map<string, Value> | undefined,
    sites: Map<string, Location>,
    pathPrefix: string,
    resourceType: string,
  ): ObjectValue {
    const entries = new Map<string, Value>();
    const ctx = this.context(file, iteration);
    // By index: see the note on loops in expressions.ts.
    for (let i = 0; i < body.items.length; i++) {
      const item = body.items[i]!;
      // An item merged in from an override file is located (and evaluated) in that file.
      const f = itemFile(item, file);
      if (item.type === 'Attribute') {
        if (!pathPrefix && META.has(item.name)) continue;
        sites.set(pathPrefix + item.name, locOf(item, f));
        if (isAzapiBody(item.name, pathPrefix, resourceType)) bodyMemberSites(item.expr, f, 'body', sites);
        entries.set(item.name, this.evalAttribute(item.name, item.expr, f === file ? ctx : this.context(f, iteration), resourceType, pathPrefix, sites));
        continue;
      }
      if (!pathPrefix && META.has(item.blockType)) continue;
      if (item.blockType === 'dynamic') {
        const blockName = item.labels[0]?.value;
        if (!blockName) continue;
        const before = entries.get(blockName);
        const start = before?.kind === 'list' ? before.items.length : 0;
        const dynamic = this.expandDynamic(item, f, iteration, sites, pathPrefix, resourceType, blockName, start);
        entries.set(blockName, before === undefined ? dynamic : joinBlocks(before, dynamic));
        continue;
      }
      const existing = entries.get(item.blockType);
      const index = existing?.kind === 'list' ? existing.items.length : 0;
      const childPath = `${pathPrefix}${item.blockType}[${index}].`;
      const child = this.evalBody(item.body, f, iteration, sites, childPath, resourceType);
      child.origin = blockHeader(item, f, item.blockType);
      sites.set(`${pathPrefix}${item.blockType}[${index}]`, child.origin);
      if (existing?.kind === 'list') existing.items.push(child);
      else if (existing) entries.set(item.blockType, joinBlocks(existing, list([child], child.origin)));
      else entries.set(item.blockType, list([child], child.origin));
    }
    return obj(entries, pathPrefix ? undefined : { file, range: body.range });
  }

  private evalAttribute(name: string, expr: Expression, ctx: EvalContext, resourceType: string, pathPrefix: string, sites: Map<string, Location>): Value {
    if (isAzapiBody(name, pathPrefix, resourceType)) {
      // azapi's `body = jsonencode({...})` (azapi v1): lint the object, not the JSON text.
      if (expr.type === 'FunctionCall' && expr.name === 'jsonencode' && expr.args[0]) return evaluate(expr.args[0], ctx);
      // azapi v1's `body` as a JSON string (a heredoc, a file's text): the provider decodes it.
      // A heredoc's members are where the body writes its properties (as bodyMemberSites).
      return decodeJsonBody(expr, { file: exprLoc(ctx, expr).file, evaluate: (e) => evaluate(e, ctx), member: (path, at) => sites.set(path, at) });
    }
    const v = evaluate(expr, ctx);
    // azapi's `type = "Microsoft.X/y@${var.api}"` with an unknown API version: the ARM type is
    // still known. Keep it with an empty version (the model then reads the version as not known,
    // so only API-dependent defaults stay undecided) instead of losing the whole resource.
    if (!pathPrefix && name === 'type' && resourceType.startsWith('azapi_') && v.kind === 'unknown' && expr.type === 'Template') {
      const first = expr.parts[0];
      const at = first?.type === 'TemplateLiteral' ? first.value.indexOf('@') : -1;
      if (first?.type === 'TemplateLiteral' && at > 0) return str(first.value.slice(0, at + 1), exprLoc(ctx, expr));
    }
    return v;
  }

  private expandDynamic(
    block: Block,
    file: string,
    iteration: Map<string, Value> | undefined,
    sites: Map<string, Location>,
    pathPrefix: string,
    resourceType: string,
    blockName: string,
    start = 0,
  ): Value {
    const header = blockHeader(block, file, `dynamic "${blockName}"`);
    const forEach = attr(block, 'for_each');
    const content = childBlocks(block, 'content')[0];
    if (!forEach || !content) return unknown('dynamic block without for_each/content', header);
    const fe = evaluate(forEach.expr, this.context(file, iteration));
    const pairs = iterate(fe);
    if (!pairs) return unknown(`dynamic "${blockName}" iterates over an unknown collection`, header);
    const iterName = (() => {
      const it = attr(block, 'iterator');
      return it && it.expr.type === 'ScopeTraversal' ? it.expr.root : blockName;
    })();
    const items: Value[] = [];
    const wanted = Math.min(pairs.length, MAX_INSTANCES);
    // RULES.md: loops expand up to 1,024 instances, EVAL001 beyond (audit 54: a dynamic block was cut silently).
    if (pairs.length > MAX_INSTANCES) this.opts.problems.push({ message: `dynamic block "${blockName}" makes ${loopCountText(pairs.length, MAX_INSTANCES)} blocks; only the first ${MAX_INSTANCES} are linted`, location: locOf(forEach.expr, file) });
    const allowed = this.withinBudget(wanted, `${pathPrefix}${blockName}`, block, file);
    // Cut by the expansion budget: the blocks are not known (not absent, nor only some of them).
    if (allowed < wanted) return unknown(`dynamic "${blockName}" is past the expansion budget`, header);
    pairs.slice(0, allowed).forEach(([k, v], i) => {
      const inner = new Map(iteration ?? []);
      // Over a set the key is the element itself (Terraform "dynamic Blocks": "If the for_each
      // expression produces a set value then key is identical to value"); over a list, the index.
      inner.set(iterName, obj({ key: fe.kind === 'list' && fe.set ? v : k, value: v }));
      const child = this.evalBody(content.body, file, inner, sites, `${pathPrefix}${blockName}[${start + i}].`, resourceType);
      child.origin = header;
      if (v.origin && child.kind === 'object') child.dynamicItem = v.origin;
      // Switched on by a condition an input decided (`for_each = var.gpu ? [1] : []`): each block
      // it writes was chosen there (RULES.md "Values chosen by a condition": a finding about the
      // block points at the deciding input, a module caller's argument; external review 97).
      if (fe.decidedBy) {
        child.decidedBy = fe.decidedBy;
        if (fe.decision) child.decision = fe.decision;
      }
      items.push(child);
    });
    return list(items, header);
  }

  /**
   * What this instance's tree declares but makes no instance of in this evaluation, for SEC001
   * alone (a literal secret is in the repository whether or not a plan creates the block; review
   * 130): each resource block whose `count`/`for_each` gives no instance, evaluated once with
   * `count.index`/`each` unknown; and every resource and variable of a local module that a call
   * makes no instance of, evaluated with that call's arguments (their literals are its variables'
   * values). A registry module's copy is not the user's code (as `collectInputDecls`). Asked after
   * the evaluation: what it evaluates counts against nothing the evaluation reports. `seen`: the
   * blocks and calls already collected (by their place), shared by the variants of a unit so that
   * each is evaluated once, however many var files there are (review 131: 6 variants cost 5×).
   */
  inertDeclarations(seen: Set<string> = new Set()): { resources: TfResource[]; inputs: InputDecl[] } {
    const out = { resources: [] as TfResource[], inputs: [] as InputDecl[] };
    this.collectInert(out, seen);
    return out;
  }

  private collectInert(out: { resources: TfResource[]; inputs: InputDecl[] }, seen: Set<string>): void {
    if (this.opts.vendored) return;
    for (const [key, decl] of this.src.resources) {
      const baseAddress = `${this.prefix}${key}`;
      if (!this.noInstances.has(baseAddress) || this.cappedExpansions.has(baseAddress) || !firstTime(seen, decl)) continue;
      // (Evaluated as a block whose count/for_each is not known.)
      out.resources.push(this.resourceOf(decl, blockHeader(decl.node, decl.file), `${this.prefix}${key}`, '', ModuleInstance.NO_INSTANCE_VARS));
    }
    for (const [name, call] of this.src.moduleCalls) {
      const instances = this.childInstances(name);
      for (const c of instances) c.instance.collectInert(out, seen);
      if (instances.length > 0 || !this.noInstances.has(`${this.prefix}module.${name}`)) continue;
      // Once per call and the values it passes: another variant may pass another literal (review 132).
      const args = this.callArguments(name, call, ModuleInstance.NO_INSTANCE_VARS);
      if (!firstTime(seen, call, argumentsKey(args))) continue;
      const phantom = this.instanceWithoutInstances(name, call, args);
      if (!phantom) continue;
      phantom.collectResources(out.resources);
      phantom.collectInputDecls(out.inputs);
      phantom.collectInert(out, seen);
    }
  }

  /** `count.index` and `each` of a block that has no instance: not known. */
  private static readonly NO_INSTANCE_VARS = ((): Map<string, Value> => {
    const why = 'this block has no instance in this evaluation';
    return new Map<string, Value>([
      ['count', obj({ index: unknown(why) })],
      ['each', obj({ key: unknown(why), value: unknown(why) })],
    ]);
  })();

  /** A module call's arguments (its module's inputs) in one iteration (`vars`: its `count.index`/`each`), each linked to where it is written. */
  private callArguments(name: string, call: Located<Block>, vars: Map<string, Value>): Map<string, Value> {
    const inputs = new Map<string, Value>();
    const argCtx = this.context(call.file, vars);
    for (const item of call.node.body.items) {
      if (item.type !== 'Attribute' || item.name === 'source' || item.name === 'version' || item.name === 'providers' || META.has(item.name)) continue;
      const f = itemFile(item, call.file);
      const v = evaluate(item.expr, f === call.file ? argCtx : this.context(f, vars));
      inputs.set(item.name, passedThrough(v, locOf(item, f, `module "${name}" argument "${item.name}"`)));
    }
    return inputs;
  }

  /** The local module of a call that makes no instance, instantiated once with the call's arguments (`inputs`); not a registry module. */
  private instanceWithoutInstances(name: string, call: Located<Block>, inputs: Map<string, Value>): ModuleInstance | undefined {
    const source = localModuleSource(call.node);
    const depth = (this.opts.depth ?? 0) + 1;
    if (source === undefined || depth > MAX_MODULE_DEPTH) return undefined;
    const dir = localDir(this.src, source);
    const ancestors = [...(this.opts.ancestors ?? []), this.src.dir];
    if (ancestors.includes(dir)) return undefined;
    const childSrc = this.opts.loader(dir);
    if (!childSrc) return undefined;
    const childKey = this.opts.moduleKey ? `${this.opts.moduleKey}.${name}` : name;
    return new ModuleInstance(childSrc, {
      prefix: `${this.prefix}module.${name}.`, inputs, loader: this.opts.loader, problems: [], guard: this.opts.guard, depth, ancestors,
      moduleKey: childKey, readDataFile: this.opts.readDataFile,
      calledAt: this.opts.calledAt ?? blockHeader(call.node, call.file, `module "${name}"`),
    });
  }

  /** The `.tf` files of this instance's tree that do not parse (each once): what they declare after their first error is not known (Evaluation.incomplete). */
  unparsedFiles(out = new Set<string>()): Set<string> {
    for (const f of this.src.files) if (f.errors.length > 0) out.add(f.file);
    for (const name of this.src.moduleCalls.keys()) for (const c of this.childInstances(name)) c.instance.unparsedFiles(out);
    return out;
  }

  /** Every managed resource of this instance and of its local child modules. */
  allResources(): TfResource[] {
    const out: TfResource[] = [];
    this.collectResources(out);
    return out;
  }

  /**
   * Appends this instance's resources, then its children's, to `out`: one array for the whole
   * tree, not one per module spread into its caller's (a spread passes every element as an
   * argument, and a large module tree has more resources than a call can take).
   */
  private collectResources(out: TfResource[], inherited?: EnvClass): void {
    // RULES.md "Environments": the resolved value of a variable named `environment`, `env`… — in a
    // module instance, its own (`module "kv" { environment = "dev" }`); the root's is the evaluation's.
    const env = (this.prefix ? this.ownEnvClass() : undefined) ?? inherited;
    for (const key of this.src.resources.keys()) {
      const r = this.resourceInstances(key);
      if (Array.isArray(r)) {
        for (let i = 0; i < r.length; i++) {
          if (env) r[i]!.moduleEnv = env;
          out.push(r[i]!);
        }
      }
    }
    for (const name of this.src.moduleCalls.keys()) for (const c of this.childInstances(name)) c.instance.collectResources(out, env);
  }

  /** The class this instance's own `environment`/`env`… variable decides, when it has one with a known value. */
  private ownEnvClass(): EnvClass | undefined {
    return envFromVariables(readIgnoringCase(this.src.variables.keys(), (k) => this.variable(k)));
  }

  // ---- modules -----------------------------------------------------------------------

  /**
   * The instances of a local module call: one, one per `count` index or `for_each` key
   * (addressed `module.m[0]` / `module.m["k"]`, like resources), or none when the call is
   * remote, missing or disabled. An unknown count/for_each gives one instance whose
   * `count.index`/`each` are unknown.
   */
  childInstances(name: string): ChildInstance[] {
    if (this.children.has(name)) return this.children.get(name) ?? [];
    this.children.set(name, null); // cycle guard
    const call = this.src.moduleCalls.get(name)!;
    const result = this.abandonable(this.children, name, [] as ChildInstance[], () => this.instantiate(name, call));
    this.children.set(name, result);
    return result;
  }

  private instantiate(name: string, call: Located<Block>): ChildInstance[] {
    const depth = (this.opts.depth ?? 0) + 1;
    if (depth > MAX_MODULE_DEPTH) return [];
    const source = localModuleSource(call.node);
    const childKey = this.opts.moduleKey ? `${this.opts.moduleKey}.${name}` : name;
    let childDir: string;
    let vendored = this.opts.vendored;
    if (source) childDir = localDir(this.src, source);
    else {
      const written = literalAttr(call.node, 'source');
      if (written === undefined) return [];
      const version = literalAttr(call.node, 'version');
      const found = this.opts.remote?.(childKey, written, version) ?? { reason: 'remote modules are not read in this run' };
      if ('reason' in found) {
        this.recordOpaque(name, call, written, found.reason);
        return [];
      }
      childDir = found.dir;
      const at = blockHeader(call.node, call.file);
      const copy = { dir: childDir, name: childKey, source: written, ...(found.version ? { version: found.version } : {}) };
      vendored = vendored
        ? { ...vendored, dirs: [...vendored.dirs, childDir], copies: [...(vendored.copies ?? []), copy] }
        : { call: at, source: written, dirs: [childDir], copies: [copy] };
    }
    const ancestors = [...(this.opts.ancestors ?? []), this.src.dir];
    if (ancestors.includes(childDir)) {
      // Terraform rejects a module cycle; say so at the call instead of recursing until the depth cap.
      const cycle = [...ancestors.slice(ancestors.indexOf(childDir)), childDir].map((d) => path.basename(d) || d).join(' → ');
      this.opts.problems.push({ message: `module "${name}" calls a module that is already being evaluated (cycle ${cycle}); the cycle is not followed`, location: locOf(call.node, call.file) });
      return [];
    }
    const childSrc = this.opts.loader(childDir);
    if (!childSrc) {
      // A manifest entry whose folder holds no readable `.tf` file: no copy after all.
      if (!source) this.recordOpaque(name, call, literalAttr(call.node, 'source') ?? '', `the module manifest's folder ${path.basename(childDir)} has no readable .tf file inside the scanned folder`);
      // A local module that is missing (RULES.md EVAL001): its resources are not checked.
      else {
        const at = attr(call.node, 'source') ?? call.node;
        this.opts.problems.push({ message: `module "${name}": the local module "${source}" has no readable .tf file inside the scanned folder, so the resources it creates are not checked`, location: locOf(at, call.file) });
      }
      return [];
    }
    const base = `${this.prefix}module.${name}`;
    const iterations = this.expansion(call, base, MAX_MODULE_INSTANCES, 'module instances');
    return iterations.map(({ key, vars }) => {
      const inputs = this.callArguments(name, call, vars);
      const instance = new ModuleInstance(childSrc, {
        prefix: `${base}${key}.`, inputs, loader: this.opts.loader, problems: this.opts.problems, guard: this.opts.guard, depth, ancestors,
        moduleKey: childKey, remote: this.opts.remote, vendored, opaque: this.opts.opaque, readDataFile: this.opts.readDataFile, onHeredoc: this.opts.onHeredoc,
        ...(this.opts.azapiDefaults ? { azapiDefaults: this.opts.azapiDefaults } : {}),
        calledAt: this.opts.calledAt ?? blockHeader(call.node, call.file, `module "${name}"`),
      });
      return { key, instance };
    });
  }

  /**
   * A remote call without a copy: its arguments evaluated in this instance (one record per
   * `count`/`for_each` instance), for EVAL002 and GPU005. Inside a copied module, the call
   * is reported at the user's outer call.
   */
  private recordOpaque(name: string, call: Located<Block>, source: string, reason: string): void {
    const sink = this.opts.opaque;
    if (!sink) return;
    const srcAttr = attr(call.node, 'source');
    const outer = this.opts.vendored;
    const inside = (l: Location): Location => (outer && isVendoredFile(l.file, outer) ? outer.call : l);
    const sourceAt = inside(srcAttr ? locOf(srcAttr.expr, call.file) : blockHeader(call.node, call.file));
    const base = `${this.prefix}module.${name}`;
    const iterations = this.expansion(call, base, MAX_MODULE_INSTANCES, 'module instances');
    // A call with no instance in this variant (an empty for_each) is still a call that is not
    // evaluated: EVAL002 is about the call, and another variant may give it instances.
    if (iterations.length === 0) sink.push({ format: 'terraform', name, address: base, source, sourceAt, reason, args: new Map(), argSites: new Map() });
    for (const { key, vars } of iterations) {
      const args = new Map<string, Value>();
      const argSites = new Map<string, Location>();
      const argCtx = this.context(call.file, vars);
      for (const item of call.node.body.items) {
        if (item.type !== 'Attribute' || item.name === 'source' || item.name === 'version' || item.name === 'providers' || META.has(item.name)) continue;
        args.set(item.name, evaluate(item.expr, argCtx));
        argSites.set(item.name, inside(locOf(item, call.file)));
      }
      sink.push({ format: 'terraform', name, address: `${base}${key}`, source, sourceAt, reason, args, argSites, ...(outer ? { vendored: outer } : {}) });
    }
  }

  private moduleRef(name: string, steps: TraversalStep[], at: Location): RootResolution {
    const call = this.src.moduleCalls.get(name);
    const token = `tf:${this.prefix}module.${name}`;
    if (!call) return { value: unknown(`module "${name}" is not declared`, at, token), consumed: 1 };
    if (declaredTwice(this.src, 'module call', name)) return { value: unknown(`module "${name}" is declared twice, which Terraform refuses`, at, token), consumed: 1 };
    const instances = this.childInstances(name);
    let consumed = 1;
    let chosen: ChildInstance | undefined;
    const { count, forEach } = expansionAttrs(call.node);
    if (count || forEach) {
      const next = steps[1];
      // The whole expanded call (`one(module.acr[*].id)`, `values(module.kv)`): Terraform's value
      // is a list (count) or a map (for_each) of its instances' outputs.
      // Not when only some instances are expanded (the cap, the budget) or none is evaluated (a
      // remote call without a copy): then the collection is not known.
      const whole = next === undefined && !this.cappedExpansions.has(`${this.prefix}module.${name}`) ? wholeModule(instances, forEach !== undefined, at) : undefined;
      if (next === undefined) return { value: whole ?? unknown(`depends on all instances of module.${name}`, at, token), consumed: 1 };
      if (next?.type !== 'Index') return { value: unknown(`depends on all instances of module.${name}`, at, token), consumed: 1 };
      consumed = 2;
      const k = evaluate(next.key, this.context(at.file));
      const ks = asString(k);
      chosen = ks === undefined ? undefined : instances.find((i) => i.key === instanceKey(k, ks));
    } else chosen = instances[0];
    const outStep = steps[consumed];
    if (outStep?.type !== 'GetAttr') return { value: unknown(`depends on module.${name}`, at, token), consumed };
    if (!chosen) return { value: unknown(`module.${name}.${outStep.name} comes from a module that is not evaluated`, at, `${token}.${outStep.name}`), consumed: consumed + 1 };
    const out = chosen.instance.src.outputs.has(outStep.name) ? chosen.instance.output(outStep.name, at) : unknown(`module "${name}" declares no output "${outStep.name}" (Terraform: "Unsupported attribute")`, at);
    return { value: out, consumed: consumed + 1 };
  }

  /** Every declared output of this instance, as the object a reference to the whole instance gives. */
  outputsObject(at: Location): Value {
    return obj(new Map([...this.src.outputs.keys()].map((n) => [n, this.output(n, at)])), at);
  }

  output(name: string, at?: Location): Value {
    const cached = this.outputCache.get(name);
    if (cached === CYCLE) return unknown(`output "${name}" refers to itself`, at);
    if (cached) return cached;
    const decl = this.src.outputs.get(name);
    const value = decl && attr(decl.node, 'value');
    if (!decl || !value) return unknown(`output "${name}" is not declared`, at);
    if (declaredTwice(this.src, 'output', name)) return unknown(`output "${name}" is defined twice, which Terraform refuses`, at);
    this.outputCache.set(name, CYCLE);
    const v = this.abandonable(this.outputCache, name, unknown(BUDGET_REASON) as Value, () => evaluate(value.expr, this.context(itemFile(value, decl.file))));
    this.outputCache.set(name, v);
    return v;
  }

  // ---- inputs ------------------------------------------------------------------------

  /** Declared variables of this instance (and its children), for GPU002 and SEC001. */
  inputDecls(): InputDecl[] {
    const out: InputDecl[] = [];
    this.collectInputDecls(out);
    return out;
  }

  /** Appends this instance's declared variables, then its children's, to `out` (one array for the tree, as collectResources). */
  private collectInputDecls(out: InputDecl[]): void {
    for (const [name, decl] of this.src.variables) {
      const text = fileText(this.src, decl.file);
      const typeAttr = attr(decl.node, 'type');
      const sensitive = attr(decl.node, 'sensitive');
      const header = variableHeader(decl, name);
      out.push({
        name,
        kind: 'tf-variable',
        header,
        type: typeAttr ? sourceText(text, typeAttr.expr.range) : undefined,
        ...(typeAttr ? { typeAt: locOf(typeAttr.expr, decl.file) } : {}),
        secure: sensitive ? isTrue(evaluate(sensitive.expr, this.constants(decl.file))) : false,
        defaultValue: this.defaultOf(decl),
        assigned: this.opts.inputs.get(name),
        typed: (v: Value) => this.typed(v, decl),
        validations: childBlocks(decl.node, 'validation').map((v) => this.validationOf(v, decl.file, text, name)),
      });
    }
    // The variables of a registry module copy are not the user's to validate or to keep free
    // of secrets (GPU002, SEC001): its inputs are the arguments of the user's call.
    for (const name of this.src.moduleCalls.keys()) for (const c of this.childInstances(name)) if (!c.instance.opts.vendored) c.instance.collectInputDecls(out);
  }

  private validationOf(block: Block, file: string, text: string, variable: string): InputValidation {
    const cond = attr(block, 'condition');
    const at = cond ? locOf(cond.expr, file, 'validation condition') : blockHeader(block, file);
    const regexes: InputValidation['regexes'] = [];
    const allowed: Value[] = [];
    const visit = (e: Expression): void => {
      if (e.type === 'FunctionCall') {
        if ((e.name === 'regex' || e.name === 'regexall') && e.args[0]) {
          const p = evaluate(e.args[0], this.context(file));
          const re = p.kind === 'string' ? tryCompileRegex(p.value) : undefined;
          if (p.kind === 'string') regexes.push({ pattern: p.value, at: exprLoc({ file, resolveRoot: noNames }, e.args[0]), ...(re ? { matches: (s: string) => re.test(s) } : {}) });
        }
        if (e.name === 'contains' && e.args[0]) {
          const l = evaluate(e.args[0], this.context(file));
          if (l.kind === 'list') allowed.push(...l.items);
        }
      }
      forEachChild(e, visit);
    };
    if (cond) visit(cond.expr);
    const only = cond ? this.requiredAmong(cond.expr, file, variable) : undefined;
    return {
      at,
      text: cond ? sourceText(text, cond.expr.range) : '',
      regexes,
      allowed,
      ...(cond && !readsVariable(cond.expr, variable) ? { ignoresVariable: true as const } : {}),
      ...(only ? { requiredAmong: only } : {}),
      ...(cond ? { admits: (value: string) => this.conditionAdmits(cond.expr, file, variable, value), admitsValue: (value: Value) => this.conditionAdmits(cond.expr, file, variable, value) } : {}),
    };
  }

  /**
   * The list a condition requires `var.<variable>` to be in: one of the conditions it requires all
   * of (its top-level `&&` operands, in parentheses or compared `== true`) is
   * `contains(<list>, var.<variable>)`, the variable as it is or with its case changed
   * (`lower()`, `upper()`), the list written out, in `toset()` or held by a local. Not under a
   * top-level `||`, `!` or `?:`, which admit more (review 129). Undefined when there is none or
   * the list is not known.
   */
  private requiredAmong(e: Expression, file: string, variable: string): Value[] | undefined {
    if (e.type === 'Parentheses') return this.requiredAmong(e.expr, file, variable);
    if (e.type === 'BinaryOp' && e.op === '&&') return this.requiredAmong(e.left, file, variable) ?? this.requiredAmong(e.right, file, variable);
    if (e.type === 'BinaryOp' && e.op === '==' && e.right.type === 'Literal' && e.right.value === true) return this.requiredAmong(e.left, file, variable);
    if (e.type !== 'FunctionCall' || e.name !== 'contains' || e.args.length !== 2) return undefined;
    const [collection, subject] = e.args as [Expression, Expression];
    const own = (x: Expression): boolean => x.type === 'ScopeTraversal' && isVariable(x, variable) && x.steps.length === 1;
    const read = subject.type === 'FunctionCall' && (subject.name === 'lower' || subject.name === 'upper') && subject.args.length === 1 ? subject.args[0]! : subject;
    if (!own(read)) return undefined;
    const list = evaluate(collection, this.context(file));
    return list.kind === 'list' && list.items.every((i) => i.kind !== 'unknown') ? list.items : undefined;
  }

  /**
   * A validation condition evaluated as Terraform would for `var.<variable> = value` (any
   * other name resolves as in the module: Terraform 1.9+ conditions may read other variables).
   */
  private conditionAdmits(condition: Expression, file: string, variable: string, value: string | Value): boolean | undefined {
    // Terraform converts the value to the variable's type (optional() attribute defaults filled
    // in) before it runs a validation: `p.nodes >= 0` reads `optional(number, 0)`'s 0.
    const decl = typeof value === 'string' ? undefined : this.src.variables.get(variable);
    const typedValue = decl && typeof value !== 'string' ? this.typed(value, decl) : value;
    const probe: EvalContext = {
      file,
      guard: this.opts.guard,
      resolveRoot: (root, steps, at) => {
        const first = steps[0];
        if (root === 'var' && first?.type === 'GetAttr' && first.name === variable) return { value: typeof typedValue === 'string' ? str(typedValue, at) : typedValue, consumed: 1 };
        return this.resolveRoot(root, steps, at);
      },
    };
    const r = evaluate(condition, probe);
    return r.kind === 'bool' ? r.value : undefined;
  }
}

/** ` (<reason>)` of an unknown loop collection, for the instance variables' reasons; empty otherwise. */
function whyUnknown(v: Value): string {
  return v.kind === 'unknown' && v.reason ? ` (${v.reason})` : '';
}

const variableHeaders = new WeakMap<Block, Location>();

/**
 * A variable block's header, naming the input (its `symbol`). Made once per block (locations
 * are never changed): every instance of a module asks for each of its variables twice (its
 * value, its declaration).
 */
function variableHeader(decl: Located<Block>, name: string): Location {
  const block = decl.node;
  let header = variableHeaders.get(block);
  if (!header) {
    header = blockHeader(block, decl.file, `variable "${name}"`, { kind: 'input', name });
    variableHeaders.set(block, header);
  }
  return header;
}

/** The address key an index expression selects: `[0]` for a number, `["k"]` for a string. */
function instanceKey(k: Value, text: string): string {
  return `[${k.kind === 'number' ? text : JSON.stringify(text)}]`;
}

/** The value of `name = "literal"` in a block, when it is a plain string. */
export function literalAttr(block: Block, name: string): string | undefined {
  const s = attr(block, name);
  if (!s || s.expr.type !== 'Template' || s.expr.parts.length !== 1) return undefined;
  const part = s.expr.parts[0]!;
  return part.type === 'TemplateLiteral' ? part.value : undefined;
}

/** `source = "./x"` or `"../x"`: a local module path; anything else is remote. */
export function localModuleSource(call: Block): string | undefined {
  const s = attr(call, 'source');
  if (!s || s.expr.type !== 'Template' || s.expr.parts.length !== 1) return undefined;
  const part = s.expr.parts[0]!;
  if (part.type !== 'TemplateLiteral') return undefined;
  return part.value.startsWith('./') || part.value.startsWith('../') ? part.value : undefined;
}

/** `var.<variable>` (and what follows it): a reference to the variable. */
function isVariable(e: Extract<Expression, { type: 'ScopeTraversal' }>, variable: string): boolean {
  const first = e.steps[0];
  return e.root === 'var' && first?.type === 'GetAttr' && first.name === variable;
}

/**
 * Whether an expression refers to `var.<variable>` anywhere (Terraform's own reading of a
 * validation's references; text in strings or comments does not count).
 */
function readsVariable(e: Expression, variable: string): boolean {
  if (e.type === 'ScopeTraversal' && isVariable(e, variable)) return true;
  let found = false;
  forEachChild(e, (c) => {
    if (!found && readsVariable(c, variable)) found = true;
  });
  return found;
}

function isTrue(v: Value): boolean {
  return v.kind === 'bool' && v.value;
}

/** Calls `f` on each direct child expression. */
export function forEachChild(e: Expression, f: (c: Expression) => void): void {
  switch (e.type) {
    case 'Template':
      for (const p of e.parts) if (p.type === 'TemplateInterpolation') f(p.expr);
      break;
    case 'TemplateWrap':
      f(e.wrapped);
      break;
    case 'Tuple':
      e.items.forEach(f);
      break;
    case 'Object':
      for (const i of e.items) {
        f(i.key);
        f(i.value);
      }
      break;
    case 'RelativeTraversal':
      f(e.source);
      break;
    case 'Index':
      f(e.collection);
      f(e.key);
      break;
    case 'Splat':
      f(e.source);
      break;
    case 'FunctionCall':
      e.args.forEach(f);
      break;
    case 'Conditional':
      f(e.condition);
      f(e.trueExpr);
      f(e.falseExpr);
      break;
    case 'BinaryOp':
      f(e.left);
      f(e.right);
      break;
    case 'UnaryOp':
      f(e.operand);
      break;
    case 'For':
      f(e.collection);
      if (e.keyExpr) f(e.keyExpr);
      f(e.valueExpr);
      if (e.condition) f(e.condition);
      break;
    case 'Parentheses':
      f(e.expr);
      break;
    default:
      break;
  }
}

export { nul };

/** The top-level `body` argument of an azapi resource (the ARM body, read as an object). */
function isAzapiBody(name: string, pathPrefix: string, resourceType: string): boolean {
  return !pathPrefix && name === 'body' && resourceType.startsWith('azapi_');
}

/**
 * The members of an azapi `body` written as an object literal (also inside `jsonencode(…)`) are
 * where their properties are written: `body.properties.adminUserEnabled` is the line
 * `adminUserEnabled = local.on`, so a value that comes from elsewhere lists that member as the
 * consuming attribute (a related location, and where an inline suppression covers it), as a
 * top-level attribute is (RULES.md "Location": "The resource attribute that consumed it is a
 * relatedLocation"). Keys that are not literal are skipped.
 */
export function bodyMemberSites(expr: Expression, file: string, path: string, sites: Map<string, Location>): void {
  if (expr.type === 'Parentheses') return bodyMemberSites(expr.expr, file, path, sites);
  if (expr.type === 'FunctionCall' && expr.name === 'jsonencode' && expr.args.length === 1) return bodyMemberSites(expr.args[0]!, file, path, sites);
  if (expr.type === 'Tuple') {
    expr.items.forEach((e, i) => {
      sites.set(`${path}[${i}]`, locOf(e, file));
      bodyMemberSites(e, file, `${path}[${i}]`, sites);
    });
    return;
  }
  if (expr.type !== 'Object') return;
  for (const item of expr.items) {
    const key = literalKey(item.key, item.bareKey);
    if (key === undefined) continue;
    sites.set(`${path}.${key}`, locOf(item, file));
    bodyMemberSites(item.value, file, `${path}.${key}`, sites);
  }
}

/**
 * An expanded module call referenced as a whole: a list of its instances' outputs by index
 * (count), or a map by key (for_each); undefined when the instances are not all known (an
 * unknown count/for_each is one instance with key '').
 */
function wholeModule(instances: readonly ChildInstance[], byKey: boolean, at: Location): Value | undefined {
  if (instances.length === 0 || instances.some((i) => !/^\[.*\]$/.test(i.key))) return undefined;
  if (!byKey) return list(instances.map((i) => i.instance.outputsObject(at)), at);
  const entries = new Map<string, Value>();
  for (const i of instances) {
    let k: unknown;
    try {
      k = JSON.parse(i.key.slice(1, -1));
    } catch {
      return undefined;
    }
    if (typeof k !== 'string') return undefined;
    entries.set(k, i.instance.outputsObject(at));
  }
  return obj(entries, at);
}

/**
 * An expanded resource referenced as a whole: for_each → an object by instance key, count → a
 * list by index; each instance is its configured attributes plus `id` (unknown until apply,
 * with the resource's token, as `x.y["k"].id` has). Undefined keys (an address that does not
 * end in a key) make the whole value unknown.
 */
function wholeResource(instances: readonly TfResource[], baseAddress: string, token: string, byKey: boolean, at: Location): Value {
  const entries = new Map<string, Value>();
  const items: Value[] = [];
  for (const r of instances) {
    const suffix = r.address.slice(baseAddress.length);
    const m = /^\[(.*)\]$/.exec(suffix);
    if (!r.address.startsWith(baseAddress) || !m) return unknown(`depends on all instances of ${baseAddress}`, at, token);
    const attrs = new Map(r.body.entries);
    attrs.set('id', unknown(`${r.address}.id is known only after apply`, at, `tf:${r.address}`));
    const instance = obj(attrs, r.header);
    if (!byKey) items.push(instance);
    else {
      let k: unknown;
      try {
        k = JSON.parse(m[1]!);
      } catch {
        return unknown(`depends on all instances of ${baseAddress}`, at, token);
      }
      if (typeof k !== 'string') return unknown(`depends on all instances of ${baseAddress}`, at, token);
      entries.set(k, instance);
    }
  }
  return byKey ? obj(entries, at) : list(items, at);
}

/**
 * The blocks of one type written as several `dynamic` and static blocks, in order. A dynamic
 * block over an unknown collection is one unknown element among the known blocks, so the
 * blocks written out (an open SSH `security_rule`) are still judged and the unknown ones are
 * undecided; before, a dynamic block replaced the static blocks before it, and a static block
 * replaced an unknown dynamic one.
 */
function joinBlocks(before: Value, after: Value): Value {
  const items = (v: Value): Value[] => (v.kind === 'list' ? v.items : [v]);
  return list([...items(before), ...items(after)], before.origin ?? after.origin);
}

