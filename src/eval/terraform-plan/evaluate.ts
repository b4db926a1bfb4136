/**
 * A Terraform plan JSON as one evaluation (FORMATS.md §5 "Proposal"): each managed resource
 * change whose actions are not only `delete` is a resource with its `after` values
 * (`after_unknown` → unknown, `after_sensitive` → unknown and never read), located in the `.tf`
 * source it came from:
 *
 * - the root module is the plan's own folder when it holds `.tf` files, else the scan root
 *   (the plan does not record where its configuration was; `terraform show -json` is usually
 *   run beside it);
 * - module instances are followed through `configuration.root_module.module_calls[…]` (the
 *   `.tf` `module` block when the plan has no configuration): a local `source` (`./`, `../`)
 *   relative to the calling module's folder, read only inside the scan root;
 * - the resource is the `resource "type" "name"` block of that folder; an attribute written in
 *   it is located at its line, anything else (a provider default, a computed value) at the
 *   resource header; where the static evaluator (run with the plan's variables) gets the same
 *   value, the value keeps the static origin and chain (a literal's own range, the variable
 *   default it came from), so the same finding from the `.tf` run and the plan is one finding;
 * - a registry or git module call is followed into its `terraform init` copy when the root's
 *   module manifest (`.terraform/modules/modules.json`, or under `--tf-data-dir`) has a record
 *   that still matches the call (the static run's rules, `eval/terraform/manifest.ts`); the
 *   resource keeps the call as its `vendored` origin, so a finding never names a path inside
 *   the copy: it points at the caller's argument that supplied the value, else at the call;
 * - a resource inside a registry or git module without a usable copy (no manifest, no record,
 *   a stale one) is located at the user's `module` block it is reached through;
 * - only when no `.tf` is found is it located in the plan JSON itself (`inPlanJson`): each
 *   value `after` writes at that value (`"TLS1_0"`, a security rule's `"22"`), anything else (an
 *   absent attribute, one the plan's `configuration` does not write) at the resource change.
 */
import { normalizeLocation } from '../policy/compare.js';
import path from 'node:path';
import type { HclFile, Body, Block } from '../../parse/hcl/ast.js';
import type { Location, Position } from '../../core/source.js';
import { fromJS, list, nul, obj, passedThrough, unknown, type ObjectValue, type Value } from '../../core/value.js';
import { blockHeader, buildModuleSource, locOf, type ModuleSource } from '../terraform/module-source.js';
import { bodyMemberSites, literalAttr, ModuleInstance, type RemoteModuleResolver, type TfResource } from '../terraform/instance.js';
import { EvalGuard } from '../terraform/guard.js';
import { dataDirPlace, isLocalModuleSource, parseManifest, remoteCopyDir, type ModuleManifest } from '../terraform/manifest.js';
import { isVendoredFile, type VendoredOrigin } from '../types.js';
import { streamJson } from '../../parse/json/stream.js';
import { baseAddress, modulePrefix, parseAddress, type PlanAddress } from './address.js';
import { endOf, forEachResourceChange, isRecord, PlanReadError, readPlanHead, type ChunkSource, type ConfigModule, type ConfigModuleCall, type RawValue, type ResourceChange } from './read.js';

export interface PlanInput {
  /** The plan JSON (absolute). */
  file: string;
  root: string;
  /** Streams the plan's text (through the Host); called once per pass. */
  chunks: ChunkSource;
  parseHcl(file: string): HclFile | undefined;
  /** The `.tf` files of a folder inside the scan root (undefined when none). */
  listTfFiles(dir: string): string[] | undefined;
  insideRoot(dir: string): boolean;
  /** The module manifest of a root module folder (`--tf-data-dir` honoured), read through the Host; none when absent. */
  moduleManifest?(rootDir: string): { file: string; text: string } | undefined;
  /** `--tf-data-dir` as given (the manifest's folder, relative to each root module), for the words of EVAL002. */
  tfDataDir?: string;
  /**
   * The var files of a root module folder with their values: the ones Terraform loads by itself
   * first (`auto`: terraform.tfvars, *.auto.tfvars, in its order), then the other
   * `*.tfvars(.json)` (a `-var-file` the plan may have been made with; backend files excluded), by name.
   */
  varFileValues?(rootDir: string): { file: string; values: ReadonlyMap<string, Value>; auto: boolean }[];
  /**
   * The dotted paths of a resource's values the model reads (numeric segments: any index), or
   * undefined for all. Only these are kept: a 200 MB plan is mostly values no rule reads, and
   * holding them all would not fit the memory budget.
   */
  pathsRead(type: string): string[] | undefined;
  /** The resource cap (default MAX_PLAN_RESOURCES; tests lower it). */
  maxResources?: number;
}

/** A resource of the plan, in the shape the Terraform normalizer reads (`model/from-terraform.ts`). */
export interface PlanResource {
  address: string;
  baseAddress: string;
  type: string;
  name: string;
  header: Location;
  body: ObjectValue;
  /**
   * Where each attribute is written in the `.tf` (`vm_size`, `default_node_pool[0].vm_size`);
   * located in the plan JSON, where each value kept is written in `change.after` (also list
   * items and object members: `tags.env`, `body.properties.x`, `ip_rules[0]`).
   */
  sites: Map<string, Location>;
  /** Extra identities: the Azure resource ID the plan knows (`id:/subscriptions/…`, lower case). */
  ids: string[];
  /** Located in the plan JSON: no `.tf` source was found for it. */
  inPlanJson: boolean;
  /** Its block is in a registry module copy: findings point at the call into it (`engine/run-rules.ts`). */
  vendored?: VendoredOrigin;
  /**
   * Top-level attributes of `after` that the configuration does not write: the provider filled
   * them in (its default, or a computed value). Undefined when that cannot be told (no `.tf`
   * block and no `configuration` expressions for the resource).
   */
  unwritten?: ReadonlySet<string>;
  /**
   * The top-level attributes the provider that made the plan has for the type (of those the model
   * reads): the keys of `after` and `after_unknown`. A plan's `after` holds every attribute of the
   * provider's schema (null when not set, computed ones in `after_unknown`), so a name missing from
   * both is one the provider does not have (an older version): its value is not known, never its default.
   */
  attributes: ReadonlySet<string>;
}

export interface PlanProblem {
  ruleId: 'PARSE001' | 'EVAL001';
  message: string;
  location: Location;
}

export interface PlanEvaluation {
  resources: PlanResource[];
  /** `variables`: the resolved inputs (environment class). */
  variables: Map<string, Value>;
  /** The folder taken as the root module, when it has `.tf` files. */
  rootDir?: string;
  problems: PlanProblem[];
}

/** Plan JSON format versions read: 1.x (Terraform ≥ 1.1) and 0.x (older, the same structure); 2.x is refused. */
const SUPPORTED_MAJOR = new Set(['0', '1']);

const SENSITIVE = 'is sensitive in the plan (its value is never read)';

/**
 * The most resources one plan contributes. A real 200 MB plan has some 25,000; each kept
 * resource costs a few KB, so a hostile plan with millions of tiny changes would exhaust memory.
 * Beyond the cap an EVAL001 note says how many were left out (RULES.md: an evaluation that had
 * to stop).
 */
export const MAX_PLAN_RESOURCES = 100_000;

export function evaluatePlan(input: PlanInput): PlanEvaluation {
  const out: PlanEvaluation = { resources: [], variables: new Map(), problems: [] };
  const at = (p: Position, end?: Position): Location => ({ file: input.file, range: { start: p, end: end ?? { ...p, column: p.column + 1, offset: p.offset + 1 } } });
  try {
    const head = readPlanHead(input.chunks);
    if (!head) return out;
    const major = head.formatVersion?.split('.')[0] ?? '';
    if (!SUPPORTED_MAJOR.has(major)) {
      out.problems.push({
        ruleId: 'PARSE001',
        message: `Terraform plan JSON format_version "${head.formatVersion ?? ''}" is not supported (this linter reads format 1.x); the plan is not linted`,
        location: head.formatAt ? at(head.formatAt) : at({ line: 1, column: 1, offset: 0 }),
      });
      return out;
    }
    if (head.wrongShape) {
      // Hand-written or damaged: a plan whose resources cannot be read is an error, never a silent pass.
      const w = head.wrongShape;
      const a = (k: string): string => (k === 'array' || k === 'object' ? `an ${k}` : `a ${k}`);
      out.problems.push({
        ruleId: 'PARSE001',
        message: `Terraform plan JSON "${w.key}" is ${a(w.kind)}, not ${a(w.expected)} as Terraform writes it; the plan is not linted`,
        location: at(w.at),
      });
      return out;
    }
    if (head.plannedValuesOnly) {
      // Resources are read from `resource_changes` (their actions tell a delete from a create);
      // `terraform show -json` always writes it, so a plan without it was cut down by hand.
      out.problems.push({
        ruleId: 'EVAL001',
        message: 'this plan JSON has "planned_values" but no "resource_changes", so its resources were not linted; lint the full output of `terraform show -json`',
        location: at(head.plannedValuesOnly),
      });
      return out;
    }
    for (const [k, v] of head.variables) out.variables.set(k, fromJS(v));
    const mapper = new SourceMapper(input, head.configuration, head.variables);
    out.rootDir = mapper.rootDir;
    const cap = input.maxResources ?? MAX_PLAN_RESOURCES;
    let skipped = 0;
    let firstSkipped: Location | undefined;
    forEachResourceChange(input.chunks, (c, start, end) => {
      if (out.resources.length >= cap) {
        skipped++;
        firstSkipped ??= at(start);
        return;
      }
      const r = planResource(c, mapper, at(start, end));
      if (r) out.resources.push(r);
    });
    if (firstSkipped) {
      out.problems.push({ ruleId: 'EVAL001', message: `the plan has more than ${cap} resources; the ${skipped} resource changes after them are not linted`, location: firstSkipped });
    }
  } catch (e) {
    if (!(e instanceof PlanReadError)) throw e;
    out.problems.push({ ruleId: 'PARSE001', message: e.message, location: at(e.position) });
    out.resources = [];
  }
  return out;
}

function planResource(c: ResourceChange, mapper: SourceMapper, jsonAt: Location): PlanResource | undefined {
  // Hand-written or damaged plans may have any shape: what is not as Terraform writes it is not a resource.
  if (c.mode !== 'managed' || c.deposed !== undefined || typeof c.address !== 'string' || !isRecord(c.change)) return undefined;
  const actions = c.change.actions;
  if (!Array.isArray(actions) || actions.length === 0 || actions.every((a) => a === 'delete')) return undefined;
  if (!isRecord(c.change.after)) return undefined;
  const addr = parseAddress(c.address);
  if (!addr || addr.mode !== 'managed') return undefined;
  const where = mapper.locate(addr, jsonAt, c.address);
  const refTokens = referenceTokens(where.configExpressions, modulePrefix(addr));
  let after: unknown = c.change.after;
  let { after_unknown: unk, after_sensitive: sens } = c.change;
  const read = mapper.pathsRead(addr.type);
  // azapi v1 writes `body` as a JSON string (jsonencode); v2 as an object: read both as the object.
  if ((addr.type === 'azapi_resource' || addr.type === 'azapi_update_resource') && isRecord(after) && typeof after.body === 'string') {
    try {
      after = { ...after, body: JSON.parse(after.body) as unknown };
    } catch {
      // Not JSON: kept as the string it is.
    }
  }
  if (read) {
    const paths = read.map((p) => p.split('.'));
    after = project(after, paths);
    unk = project(unk, paths);
    sens = project(sens, paths);
  }
  // Without a `.tf` source, a value is located where `after` writes it (RULES.md "Location"): the
  // positions of what is kept, read from the raw text now and not kept with the resource.
  const members = where.inPlanJson && c.change.afterRaw ? planJsonSites(c.change.afterRaw, after, jsonAt.file, where.sites) : undefined;
  const body = objectValue(after, unk, sens, where.sites, refTokens, where.header, where.static?.body, where.vendored, members);
  // Before the unwritten computed values below are taken out: they are the provider's attributes too.
  const attributes = new Set([...body.entries.keys()].map((k) => k.toLowerCase()));
  const unwritten = unwrittenOf(body, where);
  // An attribute the `.tf` block does not write and that the provider computes at apply
  // (`after_unknown`, as every Optional+Computed attribute is in a create plan: azurerm_key_vault
  // `access_policy`) is absent, as in the static run: its documented default applies (RULES.md
  // "absent (not written: the provider/ARM default applies …)"). Only with the `.tf` block: the
  // plan's configuration leaves out `dynamic` blocks, so there an unwritten name may be written.
  if (where.dynamicBlocks !== undefined) for (const k of unwritten.unwritten ?? []) if (body.entries.get(k)?.kind === 'unknown') body.entries.delete(k);
  const id = isRecord(c.change.after) ? c.change.after.id : undefined;
  return {
    address: c.address,
    baseAddress: baseAddress(addr),
    type: addr.type,
    name: addr.name,
    header: where.header,
    body,
    sites: where.sites,
    ids: typeof id === 'string' && id.startsWith('/') ? [`id:${id.toLowerCase()}`] : [],
    inPlanJson: where.inPlanJson,
    ...(where.vendored ? { vendored: where.vendored } : {}),
    ...unwritten,
    attributes,
  };
}

/**
 * RULES.md "absent (not written: the provider/ARM default applies)": a plan's `after` holds the
 * provider's defaults as if they were written (FORMATS.md §5(e)). An attribute is written when
 * its `.tf` block has it (an attribute or a block; a `dynamic` block counts for its name) or,
 * without the `.tf` block, when the plan's `configuration` has an expression for it.
 */
function unwrittenOf(body: ObjectValue, where: Placement): { unwritten?: ReadonlySet<string> } {
  const fromTf = where.dynamicBlocks !== undefined;
  if (!fromTf && where.configExpressions === undefined) return {};
  const out = new Set<string>();
  for (const k of body.entries.keys()) {
    const written = fromTf ? where.sites.has(k) || where.sites.has(`${k}[0]`) || where.dynamicBlocks!.has(k) : Object.hasOwn(where.configExpressions!, k);
    if (!written) out.add(k);
  }
  return { unwritten: out };
}

/**
 * Only the parts of a JSON value on the given paths (segments compared without case, as the
 * model reads ARM properties; a numeric segment stands for every list item); a path that ends
 * keeps its whole subtree.
 */
export function project(v: unknown, paths: readonly (readonly string[])[]): unknown {
  if (paths.some((p) => p.length === 0)) return v;
  if (Array.isArray(v)) {
    const rest = paths.filter((p) => /^\d+$/.test(p[0]!)).map((p) => p.slice(1));
    return rest.length ? v.map((x) => project(x, rest)) : [];
  }
  if (!isRecord(v)) return v;
  const out: Record<string, unknown> = {};
  for (const [k, e] of Object.entries(v)) {
    const lower = k.toLowerCase();
    const sub = paths.filter((p) => p[0]!.toLowerCase() === lower).map((p) => p.slice(1));
    if (sub.length) out[k] = project(e, sub);
  }
  return out;
}

/** Unknown references point at their target resource (`tf:<module prefix>type.name`), as the static evaluator's do (graph edges). */
function referenceTokens(expressions: Record<string, unknown> | undefined, prefix: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, e] of Object.entries(expressions ?? {})) {
    if (!isRecord(e) || !Array.isArray(e.references)) continue;
    for (const ref of e.references) {
      if (typeof ref !== 'string') continue;
      const m = /^([a-z][a-z0-9_-]*)\.([A-Za-z_][\w-]*)/.exec(ref);
      if (!m || ['var', 'local', 'module', 'data', 'each', 'count', 'path', 'self', 'terraform'].includes(m[1]!)) continue;
      out.set(k, `tf:${prefix}${m[1]}.${m[2]}`);
      break;
    }
  }
  return out;
}

/**
 * The `after` object as a Value: each attribute written in the `.tf` has its site as origin (a
 * nested block's attributes their own sites); everything else has none (the resource header).
 * Located in the plan JSON, `members` (the same sites) also places the values inside attributes.
 */
function objectValue(
  after: unknown,
  unk: unknown,
  sens: unknown,
  sites: Map<string, Location>,
  tokens: Map<string, string>,
  header: Location,
  staticBody?: ObjectValue,
  vendored?: VendoredOrigin,
  members?: Map<string, Location>,
): ObjectValue {
  const entries = new Map<string, Value>();
  const a = isRecord(after) ? after : {};
  const u = isRecord(unk) ? unk : {};
  const s = isRecord(sens) ? sens : {};
  for (const k of new Set([...Object.keys(a), ...Object.keys(u)])) {
    if (!(k in a) && u[k] !== true) continue;
    entries.set(k, attrValue(a[k], u[k], s[k], k, sites, tokens.get(k), staticBody?.entries.get(k), vendored, members));
  }
  return obj(entries, header);
}

/** `members`: the sites of values inside attributes too (a resource located in the plan JSON), else undefined. */
function attrValue(after: unknown, unk: unknown, sens: unknown, sitePath: string, sites: Map<string, Location>, token?: string, known?: Value, vendored?: VendoredOrigin, members?: Map<string, Location>): Value {
  const origin = sites.get(sitePath);
  if (sens === true) return unknown(`${sitePath} ${SENSITIVE}`, origin);
  if (unk === true) return unknown(`${sitePath} is known only after apply`, origin, token);
  // A nested block written in the `.tf`: a list of objects, each with its block's sites.
  if (Array.isArray(after) && after.every(isRecord) && sites.has(`${sitePath}[0]`)) {
    const items = after.map((item, i) => {
      const p = `${sitePath}[${i}]`;
      const entries = new Map<string, Value>();
      const u = Array.isArray(unk) && isRecord(unk[i]) ? unk[i] : {};
      const s = Array.isArray(sens) && isRecord(sens[i]) ? sens[i] : {};
      const staticItem = known?.kind === 'list' && known.items[i]?.kind === 'object' ? known.items[i] : undefined;
      for (const k of new Set([...Object.keys(item), ...Object.keys(u)])) {
        if (!(k in item) && u[k] !== true) continue;
        entries.set(k, attrValue(item[k], u[k], s[k], `${p}.${k}`, sites, undefined, staticItem?.kind === 'object' ? staticItem.entries.get(k) : undefined, vendored, members));
      }
      return obj(entries, sites.get(p) ?? origin);
    });
    return list(items, origin);
  }
  // Parts of the value are located where the plan JSON writes them (`members`), else where the
  // `.tf` writes them (an azapi `body` member's line, bodySites), else at the attribute.
  return plainValue(after, unk, sens, origin, sitePath, known, vendored, { sites: members ?? sites, path: sitePath });
}

/** Where the parts of a value are written: `sites` by path, from `path` (the value's own). */
interface MemberSites {
  sites: Map<string, Location>;
  path: string;
}

/**
 * A value inside one attribute: every part has the attribute's site as origin. In a registry
 * module copy, a value the static evaluation does not agree with (a `-var` the plan resolved)
 * still flowed through the caller's argument: that argument joins its chain, so the finding
 * points there rather than at the call header.
 */
function plainValue(v: unknown, unk: unknown, sens: unknown, origin: Location | undefined, where: string, known?: Value, vendored?: VendoredOrigin, members?: MemberSites): Value {
  if (sens === true) return unknown(`${where} ${SENSITIVE}`, origin);
  // A member known only after apply that the `.tf` writes as a reference (an azapi `body` member
  // `containerRegistry = azapi_resource.acr.id`, whose top-level `references` the plan lists): the
  // static value's token keeps the graph edge to that resource, as a top-level reference's does.
  if (unk === true) return unknown(`${where} is known only after apply`, origin, known?.kind === 'unknown' ? known.token : undefined);
  // (A value written in no scanned file, a `-var` the static view was given, is where the `.tf`
  // consumes it: its site here; self-review 72.)
  if (known && (agrees(known, v) || sameLocation(where, known, v))) return known.origin || !origin ? known : { ...known, origin };
  const argument = vendored && known ? callerArgument(known, vendored) : undefined;
  const out = plainValueAt(v, unk, sens, origin, where, known, vendored, members);
  return argument ? passedThrough(out, argument) : out;
}

/** The last place outside the module copy a static value flowed through: the user's argument into the copy. */
function callerArgument(known: Value, vendored: VendoredOrigin): Location | undefined {
  return [...(known.via ?? [])].reverse().find((l) => !isVendoredFile(l.file, vendored));
}

function plainValueAt(v: unknown, unk: unknown, sens: unknown, origin: Location | undefined, where: string, known: Value | undefined, vendored: VendoredOrigin | undefined, members: MemberSites | undefined): Value {
  const at = known && known.kind !== 'unknown' && known.origin ? known.origin : origin;
  // A part (a list item, an object member) is where the plan JSON writes it (`members`), else at the value's origin.
  const originOf = (m: MemberSites | undefined): Location | undefined => (m && m.sites.get(m.path)) ?? origin;
  if (Array.isArray(v)) {
    const items = known?.kind === 'list' ? known.items : [];
    return list(
      v.map((e, i) => {
        const m = members && { sites: members.sites, path: `${members.path}[${i}]` };
        return plainValue(e, Array.isArray(unk) ? unk[i] : undefined, Array.isArray(sens) ? sens[i] : undefined, originOf(m), where, items[i], vendored, m);
      }),
      at,
    );
  }
  if (isRecord(v) || isRecord(unk)) {
    const a = isRecord(v) ? v : {};
    const u = isRecord(unk) ? unk : {};
    const s = isRecord(sens) ? sens : {};
    const entries = new Map<string, Value>();
    for (const k of new Set([...Object.keys(a), ...Object.keys(u)])) {
      if (!(k in a) && u[k] !== true) continue;
      const m = members && { sites: members.sites, path: `${members.path}.${k}` };
      entries.set(k, plainValue(a[k], u[k], s[k], originOf(m), where, known?.kind === 'object' ? known.entries.get(k) : undefined, vendored, m));
    }
    return obj(entries, at);
  }
  if (v === undefined || v === null) return nul(origin);
  return fromJS(v, origin);
}

/** A known static scalar equal to the plan's value: the static value (with its origin and chain) may stand for it. */
function agrees(known: Value, v: unknown): boolean {
  switch (known.kind) {
    case 'string':
    case 'number':
    case 'bool':
      return known.value === v;
    default:
      return false;
  }
}

/**
 * A resource's `location` as written (`"West Europe"`) and as azurerm stores it in the plan
 * (`westeurope`): the same region (the provider normalises it; Azure compares locations without
 * case or blanks), so the written value and its place stand for the plan's (review 82: a finding
 * of both the `.tf` and the plan was reported twice, the plan's at the attribute's key).
 */
function sameLocation(where: string, known: Value, v: unknown): boolean {
  return where === 'location' && known.kind === 'string' && typeof v === 'string' && normalizeLocation(known.value) === normalizeLocation(v);
}

/** A known static value deeply equal to a plan value (JSON). */
function agreesDeep(known: Value, v: unknown): boolean {
  if (known.kind === 'null') return v === null;
  if (known.kind === 'list') return Array.isArray(v) && v.length === known.items.length && known.items.every((k, i) => agreesDeep(k, v[i]));
  if (known.kind === 'object') return isRecord(v) && Object.keys(v).length === known.entries.size && [...known.entries].every(([k, e]) => k in v && agreesDeep(e, v[k]));
  return agrees(known, v);
}

/** Where a plan resource is written. */
interface Placement {
  header: Location;
  sites: Map<string, Location>;
  configExpressions?: Record<string, unknown>;
  inPlanJson: boolean;
  /** The static evaluator's instance of the resource (same address), when it has one. */
  static?: TfResource;
  /** The block is in a registry module copy, reached through this call. */
  vendored?: VendoredOrigin;
  /** The names of the `.tf` block's top-level `dynamic` blocks (not in `sites`), when the block was found. */
  dynamicBlocks?: ReadonlySet<string>;
}

/** Finds module folders and resource blocks for plan addresses; each folder is parsed once. */
class SourceMapper {
  private readonly sources = new Map<string, ModuleSource | undefined>();
  private readonly sitesByBlock = new Map<Block, Map<string, Location>>();
  private staticByAddress: Map<string, TfResource> | undefined;
  private manifest: ModuleManifest | undefined | null = null;
  readonly rootDir: string | undefined;

  constructor(
    private readonly input: PlanInput,
    private readonly configuration: ConfigModule | undefined,
    private readonly variables: ReadonlyMap<string, unknown>,
  ) {
    const planDir = path.dirname(input.file);
    this.rootDir = this.load(planDir) ? planDir : this.load(input.root) ? input.root : undefined;
  }

  /**
   * The static evaluation of the root module with the plan's variables, by resource address
   * (built on first use). A variable whose plan value equals its declared default is left to
   * the default, and one a var file of the folder gives that value is taken from the file, so
   * values keep the line they were written on as their origin.
   */
  private staticResource(address: string): TfResource | undefined {
    if (!this.staticByAddress) {
      this.staticByAddress = new Map();
      const src = this.rootDir ? this.load(this.rootDir) : undefined;
      if (!src) return undefined;
      const loader = (dir: string): ModuleSource | undefined => this.load(dir);
      const guard = new EvalGuard();
      try {
        const defaults = new ModuleInstance(src, { prefix: '', inputs: new Map(), loader, problems: [], guard });
        const inputs = new Map<string, Value>();
        const varFiles = this.input.varFileValues?.(this.rootDir!) ?? [];
        for (const [name, v] of this.variables) {
          if (!src.variables.has(name)) continue;
          const d = defaults.variable(name);
          if (agreesDeep(d, v)) continue;
          // The folder's var file that gave the plan this value: its line is the origin, as in the
          // static run, so the two findings are one. Of the files Terraform loads by itself the last
          // that sets the name wins (terraform.tfvars, then *.auto.tfvars in order); a value none
          // of them gives came from a -var-file: another var file of the folder that writes it.
          const auto = varFiles.filter((f) => f.auto && f.values.has(name)).at(-1)?.values.get(name);
          const written = auto !== undefined && agreesDeep(auto, v) ? auto : varFiles.filter((f) => !f.auto).map((f) => f.values.get(name)).find((w) => w !== undefined && agreesDeep(w, v));
          inputs.set(name, written ?? fromJS(v));
        }
        const root = new ModuleInstance(src, { prefix: '', inputs, loader, problems: [], guard, moduleKey: '', remote: this.remote });
        for (const r of root.allResources()) this.staticByAddress.set(r.address, r);
      } catch {
        // The static view only lends origins; without it every value is located at its attribute.
      }
    }
    return this.staticByAddress.get(address);
  }

  /** The root module's manifest (parsed on first use; none without a root or a manifest). */
  private moduleManifest(): ModuleManifest | undefined {
    if (this.manifest === null) {
      const m = this.rootDir ? this.input.moduleManifest?.(this.rootDir) : undefined;
      this.manifest = m && this.rootDir ? parseManifest(m.file, m.text, this.rootDir) : undefined;
    }
    return this.manifest;
  }

  /** A remote call's copy, by the static run's rules (same record, same staleness, inside the scan root). */
  private readonly remote: RemoteModuleResolver = (key, source, version) => remoteCopyDir(this.moduleManifest(), key, source, version, (d) => this.input.insideRoot(d), this.input.root, dataDirPlace(this.input.root, this.rootDir, this.input.tfDataDir));

  pathsRead(type: string): string[] | undefined {
    return this.input.pathsRead(type);
  }

  load(dir: string): ModuleSource | undefined {
    if (this.sources.has(dir)) return this.sources.get(dir);
    const files = this.input.insideRoot(dir) ? this.input.listTfFiles(dir) : undefined;
    const parsed = (files ?? []).map((f) => this.input.parseHcl(f)).filter((x): x is HclFile => x !== undefined);
    const src = parsed.length ? buildModuleSource(dir, parsed.sort((a, b) => (a.file < b.file ? -1 : 1))) : undefined;
    this.sources.set(dir, src);
    return src;
  }

  locate(addr: PlanAddress, jsonAt: Location, address: string): Placement {
    let dir = this.rootDir;
    let src = dir ? this.load(dir) : undefined;
    let cfg = this.configuration;
    /** The user's `module` block the resource is reached through (never one inside a module copy). */
    let callHeader: Location | undefined;
    /** The user's `module` block when the resource sits directly in the module it calls. */
    let directCall: { node: Block; file: string } | undefined;
    let vendored: VendoredOrigin | undefined;
    const key: string[] = [];
    for (const step of addr.modules) {
      key.push(step.name);
      const calls = cfg?.module_calls;
      const callCfg = isRecord(calls) && isRecord(calls[step.name]) ? (calls[step.name] as ConfigModuleCall) : undefined;
      const hclCall = src?.moduleCalls.get(step.name);
      if (hclCall && !vendored) callHeader = { ...blockHeader(hclCall.node, hclCall.file), label: `module "${step.name}"` };
      directCall = hclCall && !vendored && key.length === addr.modules.length ? hclCall : undefined;
      // The plan's configuration is what Terraform ran (its copy then matched the call); the `.tf` otherwise.
      const source = typeof callCfg?.source === 'string' ? callCfg.source : hclCall ? literalAttr(hclCall.node, 'source') : undefined;
      cfg = isRecord(callCfg?.module) ? callCfg.module : undefined;
      let next: string | undefined;
      let remote = false;
      if (source !== undefined && isLocalModuleSource(source)) next = dir ? path.resolve(dir, source) : undefined;
      else if (source !== undefined && hclCall) {
        const version = typeof callCfg?.version_constraint === 'string' ? callCfg.version_constraint : literalAttr(hclCall.node, 'version');
        const copy = this.remote(key.join('.'), source, version);
        if ('dir' in copy) {
          next = copy.dir;
          remote = true;
        }
      }
      src = next ? this.load(next) : undefined;
      dir = src ? next : undefined;
      if (src && remote && hclCall) vendored = vendored ? { ...vendored, dirs: [...vendored.dirs, next!] } : { call: blockHeader(hclCall.node, hclCall.file), source: source!, dirs: [next!] };
    }
    const type = `${addr.type}.${addr.name}`;
    const declared = Array.isArray(cfg?.resources) ? cfg.resources.find((r) => isRecord(r) && r.address === type && (r.mode ?? 'managed') === 'managed') : undefined;
    const configExpressions = isRecord(declared?.expressions) ? declared.expressions : undefined;
    const decl = src?.resources.get(type);
    if (decl) {
      return {
        header: blockHeader(decl.node, decl.file), sites: this.sitesOf(decl.node, decl.file), configExpressions, inPlanJson: false, static: this.staticResource(address),
        dynamicBlocks: dynamicBlockNames(decl.node),
        ...(vendored ? { vendored } : {}),
      };
    }
    if (callHeader) return { header: callHeader, sites: directCall ? callArgumentSites(directCall, configExpressions) : new Map(), configExpressions, inPlanJson: false };
    return { header: jsonAt, sites: new Map(), configExpressions, inPlanJson: true };
  }

  private sitesOf(block: Block, file: string): Map<string, Location> {
    let sites = this.sitesByBlock.get(block);
    if (!sites) {
      sites = new Map();
      bodySites(block.body, file, '', sites, block.labels[0]?.value);
      this.sitesByBlock.set(block, sites);
    }
    return sites;
  }
}

/**
 * A resource of a module without a `.tf` copy, directly inside the user's `module` block: an
 * attribute whose configuration expression reads one input variable (`var.purge_protection_enabled`)
 * got its value from the call's argument of that name, where the user wrote it (RULES.md
 * "Location": "the module call argument … when the value came from there").
 */
function callArgumentSites(call: { node: Block; file: string }, expressions: Record<string, unknown> | undefined): Map<string, Location> {
  const out = new Map<string, Location>();
  for (const [attr, e] of Object.entries(expressions ?? {})) {
    if (!isRecord(e) || !Array.isArray(e.references)) continue;
    const vars = new Set(e.references.map((r) => (typeof r === 'string' ? /^var\.([A-Za-z_][\w-]*)$/.exec(r)?.[1] : undefined)).filter((v) => v !== undefined));
    if (vars.size !== 1 || e.references.some((r) => typeof r !== 'string' || !r.startsWith('var.'))) continue;
    const name = [...vars][0]!;
    const arg = call.node.body.items.find((i) => i.type === 'Attribute' && i.name === name);
    // The argument's value, where it is written (as the static run locates a module argument).
    if (arg?.type === 'Attribute') out.set(attr, locOf(arg.expr, call.file));
  }
  return out;
}

/** The labels of a block's top-level `dynamic "x" {}` blocks. */
function dynamicBlockNames(block: Block): Set<string> {
  const out = new Set<string>();
  for (const item of block.body.items) if (item.type === 'Block' && item.blockType === 'dynamic' && item.labels[0]) out.add(item.labels[0].value);
  return out;
}

/**
 * Attribute and nested-block sites of a body, by the paths the evaluator uses, and the members
 * of an azapi resource's `body` object (`body.properties.x`, as the static evaluator records
 * them). `dynamic` blocks are left to the header.
 */
function bodySites(body: Body, file: string, prefix: string, out: Map<string, Location>, resourceType?: string): void {
  const counts = new Map<string, number>();
  for (const item of body.items) {
    if (item.type === 'Attribute') {
      out.set(prefix + item.name, locOf(item, file));
      if (!prefix && item.name === 'body' && resourceType?.startsWith('azapi_')) bodyMemberSites(item.expr, file, 'body', out);
      continue;
    }
    if (item.type !== 'Block' || item.blockType === 'dynamic') continue;
    const i = counts.get(item.blockType) ?? 0;
    counts.set(item.blockType, i + 1);
    const p = `${prefix}${item.blockType}[${i}]`;
    out.set(p, blockHeader(item, file, item.blockType));
    bodySites(item.body, file, `${p}.`, out);
  }
}

/**
 * Where the values `after` keeps are written in the plan JSON, by the paths the `.tf` sites use
 * (`min_tls_version`, `security_rule[0].destination_port_range`) and below them (`tags.env`,
 * `ip_rules[1]`, `body.properties.x`): each at its value (a string with its quotes, an object
 * from `{` to `}`), never its key. The raw text is read with the project's JSON stream
 * (parse/json/stream.ts: lines end at `\n`, so a CRLF plan's `\r` ends its line's text), into
 * the values kept (`kept`, after projection) and past the rest, with no tree; its positions are
 * moved to where the text starts in the plan. A value the plan writes as a JSON string but
 * `after` holds parsed (azapi v1 `body`) is located as the whole string.
 */
function planJsonSites(raw: RawValue, kept: unknown, file: string, out: Map<string, Location>): Map<string, Location> {
  const { start } = raw;
  const shift = (p: Position): Position => ({ line: start.line + p.line - 1, column: p.line === 1 ? start.column + p.column - 1 : p.column, offset: start.offset + p.offset });
  // By depth along the current path: the kept value, its site's path, where it starts.
  const values: unknown[] = [kept];
  const sitePaths: string[] = [];
  const starts: Position[] = [];
  // A key read by the stream is a slice of the plan's text: a site's path is built from the
  // name as `after` has it, so it does not hold that text (and its chunk) alive.
  const ownNames = new WeakMap<object, Map<string, string>>();
  const ownName = (o: Record<string, unknown>, k: string): string | undefined => {
    let names = ownNames.get(o);
    if (!names) ownNames.set(o, (names = new Map(Object.keys(o).map((n) => [n, n]))));
    return names.get(k);
  };
  const site = (depth: number, range: { start: Position; end: Position }): void => {
    out.set(sitePaths[depth]!, { file, range: { start: shift(range.start), end: shift(range.end) } });
  };
  streamJson([raw.text][Symbol.iterator](), {
    at(p, at, kind) {
      const depth = p.length;
      if (depth === 0) return 'enter';
      const parent = values[depth - 1];
      const seg = p[depth - 1]!;
      const above = sitePaths[depth - 1];
      let v: unknown;
      if (typeof seg === 'number') {
        if (!Array.isArray(parent) || seg >= parent.length) return 'skip';
        v = parent[seg];
        sitePaths[depth] = `${above}[${seg}]`;
      } else {
        const name = isRecord(parent) ? ownName(parent, seg) : undefined;
        if (name === undefined) return 'skip';
        v = (parent as Record<string, unknown>)[name];
        sitePaths[depth] = above === undefined ? name : `${above}.${name}`;
      }
      values[depth] = v;
      starts[depth] = at;
      return (kind === 'object' && isRecord(v)) || (kind === 'array' && Array.isArray(v)) ? 'enter' : 'raw';
    },
    raw(p, text, at) {
      site(p.length, { start: at, end: endOf(at, text) });
    },
    end(p, end) {
      if (p.length > 0) site(p.length, { start: starts[p.length]!, end });
    },
  });
  return out;
}
