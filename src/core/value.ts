/**
 * The value domain shared by the Terraform, ARM and Bicep evaluators.
 *
 * A value is either known (string, number, bool, null, list, object) or `unknown`.
 * Unknown propagates through every operation and is never reported by a rule
 * (RULES.md "Three-valued facts"). Every value remembers where it was written
 * (`origin`) and the places it flowed through (`via`: variable declaration, module
 * argument, parameter, …) so that a finding can point at the line that set it and list
 * the chain as related locations.
 */
import { MAX_NESTING_DEPTH } from './limits.js';
import { locationContains, sameRange, type Location } from './source.js';

interface ValueBase {
  /** Where the value was written (a literal, a tfvars assignment, a parameter value). */
  origin?: Location;
  /** Places the value passed through on its way to where it is used, oldest first. */
  via?: readonly Location[];
  /**
   * Set on a value chosen by a conditional (`c ? a : b`, ARM `if()`, `coalesce`, `try`) when the
   * chosen branch is written inside the conditional (a literal, `null`, an object literal): where
   * the input that decided the condition was written (a var-file line, a module argument, a
   * parameter-file value, a default). RULES.md "Values chosen by a condition": a finding about
   * the value points here, and the branch (`origin`) is a related location.
   */
  decidedBy?: Location;
  /**
   * The condition that chose this value, for related locations only: the deciding input, the
   * places it flowed through, the condition expression. Kept apart from `via`, which is the
   * value's own flow (rules read `via` to find the inputs a value came from).
   */
  decision?: readonly Location[];
  /**
   * Set on a value an operator or a function computed (`var.env == "prod"`,
   * `equals(parameters('env'), 'prod')`, `lower(var.x)`): where the input it was computed from
   * was written (the last entry), after the places that input flowed through. Used only to find
   * what decided a condition; the computed expression stays the value's `origin` and a
   * finding's location.
   */
  derivedFrom?: readonly Location[];
}

export interface StringValue extends ValueBase {
  kind: 'string';
  value: string;
  /**
   * Set when the string is the whole text of a JSON file, read verbatim (Terraform's
   * `file("acr.json")`): that text decoded, every value located where the file writes it. What
   * decodes the string (an azapi `body`, `jsondecode`, a policy definition's `policy_rule`)
   * takes it, so a finding points at the line of the JSON file, as for `jsondecode(file(…))`.
   * A function that makes a new string drops it.
   */
  document?: Value;
  /**
   * Set on text that is a YAML document written in a file (a heredoc, `yaml_body = <<YAML … YAML`;
   * the text `file("job.yaml")` reads): the document decoded, each value located where the file
   * writes it (a part interpolated into a heredoc is unknown). Read by what decodes YAML text
   * (`yamldecode`, a `kubectl_manifest`'s `yaml_body`), when called: most heredocs are never
   * decoded. A function that makes a new string drops it.
   */
  yaml?: () => Value;
}
export interface NumberValue extends ValueBase {
  kind: 'number';
  value: number;
  /** A copy loop's position with a place of its own (ARM `copyIndex()`): an index read with it walks the list (`itemAt`). */
  loopPosition?: true;
}
export interface BoolValue extends ValueBase { kind: 'bool'; value: boolean }
export interface NullValue extends ValueBase {
  kind: 'null';
  /** Not written: a key a conditional left out of the object it chose (`ObjectValue.leftOut`). */
  leftOut?: true;
}
/**
 * Lists, tuples and sets. `partial`: only the first items are here (a copy loop over the cap,
 * LOOP_INSTANCE_CAP): each item is true, but the list as a whole (its length, its last item) is
 * not known, so a function of it is unknown.
 */
export interface ListValue extends ValueBase {
  kind: 'list';
  items: Value[];
  partial?: true;
  /** As `ObjectValue.yamlText`. */
  yamlText?: true;
  /** A Terraform set (`toset()`, a `set(…)` variable): a dynamic block's iterator key over it is the element, not an index. */
  set?: true;
}
/** Objects and maps; insertion order is kept. */
export interface ObjectValue extends ValueBase {
  kind: 'object';
  entries: Map<string, Value>;
  /**
   * Where each key is written, when the object is written key by key (an HCL object, a JSON
   * or YAML mapping): a key read as a value (Terraform's `each.key`, `for k, v in …`) is
   * located there, not at its entry's value. A key missing here falls back to its value's origin.
   */
  keyOrigins?: ReadonlyMap<string, Location>;
  /**
   * Keys a conditional left out by choosing this object (`c ? { x: 'Disabled' } : {}`, ARM
   * `if(c, createObject('x', 'Disabled'), createObject())`): each the `null` that choice amounts
   * to, decided where the condition was (RULES.md "Values chosen by a condition": an attribute a
   * condition makes absent is located at the input that decided it). Kept through `union()`.
   */
  leftOut?: ReadonlyMap<string, Value>;
  /** Written as YAML text in a Terraform file (a heredoc or template a configuration decodes): a fix there is YAML. */
  yamlText?: true;
  /**
   * A block a Terraform `dynamic` block wrote: where the item of its `for_each` collection that it
   * was written for is (a toleration object in a local or a var file: the place to change).
   */
  dynamicItem?: Location;
}
export interface UnknownValue extends ValueBase {
  kind: 'unknown';
  /** Why it cannot be known statically, for `--verbose`: "depends on data.azurerm_client_config.current". */
  reason: string;
  /**
   * An opaque, stable identity for values that are unknown but the same wherever they
   * appear (an ARM `parameters('name')` without default, `uniqueString(resourceGroup().id)`):
   * used to link resources in the graph. Never compared with known strings.
   */
  token?: string;
  /**
   * A string only partly known (`"gpu-$SUFFIX"`, `"gpu-${var.env}"`): its known text pieces in
   * order, an unknown part between each two (and before the first / after the last when the
   * string starts / ends with one: an empty piece marks it). Says what the text surely holds,
   * never what it equals.
   */
  literals?: readonly string[];
  /**
   * A list only partly known (`concat([systemPool], deployGpu ? [gpuPool] : [])` with an unknown
   * condition, `[a, ...unknownList]`): its first items, which it surely holds in that order,
   * then items not known (maybe none). Says what the list surely begins with, never what it
   * equals: only the reader of a resource's elements (model/normalize.ts) uses it.
   */
  firstItems?: readonly Value[];
  /**
   * An object only partly known: the keys written after every unknown part of a merge
   * (`{ ...extra, enablePurgeProtection: false }`, `union(extra, { adminUserEnabled: true })`
   * with `extra` unknown), which the merged object surely holds, with their values (a member
   * that is itself only partly known, such as an object `union()` merges deeply, is such an
   * unknown too). Says what some keys surely hold, never which keys there are: only readers of
   * a member by its name use it (`knownMember`).
   */
  knownMembers?: ReadonlyMap<string, Value>;
  /**
   * Read out of a known map or list by a key not known (`var.gpu_size[terraform.workspace]`): the
   * collection's chain, the inputs that hold every value it may be. Only the reader of the inputs
   * that feed an attribute uses it (engine/facts.ts `inputsFeeding`: GPU002 judges their guards).
   */
  readOutOf?: readonly Location[];
  /**
   * With `readOutOf`: the members read from the item after the key not known
   * (`var.pools[var.env].vm_size` reads `vm_size` of whichever pool): each item's value there
   * is one the value may be (GPU002 judges them).
   */
  readMember?: readonly string[];
  /**
   * A shell value that is one word whatever it is (`$RANDOM`, `$$`, `$((n + 1))`, or
   * `"kv${RANDOM}"`): digits and known text without blanks or glob characters, so an unquoted
   * expansion cannot split into several words (flags among them).
   */
  oneWord?: true;
  /**
   * A shell variable that every branch of an if/case set to a known text (`ARGS=""` or
   * `ARGS="--enable-managed-gpu=true"`): the texts it may hold, each whole. Says which words an
   * unquoted `$ARGS` may split into (so which flags it may pass), never which text it is: only
   * an az command's flag reader uses it (frontends/azure-cli.ts `parseFlags`).
   */
  texts?: readonly string[];
  /**
   * `token` names a whole resource instance (`locals { ws = azapi_resource.ws }`): its `id`
   * names the instance as `azapi_resource.ws.id` does; any other attribute is unknown.
   */
  instance?: true;
  /**
   * As a string's `yaml`, on YAML text that is not known as a string: a heredoc with an
   * interpolation not known (the part it writes is unknown in the document), or the text of
   * `file("job.yaml")` (a file's text is read only as JSON or decoded YAML).
   */
  yaml?: () => Value;
}

export type Value = StringValue | NumberValue | BoolValue | NullValue | ListValue | ObjectValue | UnknownValue;
export type KnownScalar = StringValue | NumberValue | BoolValue | NullValue;

export const str = (value: string, origin?: Location): StringValue => ({ kind: 'string', value, origin });
export const num = (value: number, origin?: Location): NumberValue => ({ kind: 'number', value, origin });
export const bool = (value: boolean, origin?: Location): BoolValue => ({ kind: 'bool', value, origin });
export const nul = (origin?: Location): NullValue => ({ kind: 'null', origin });
export const list = (items: Value[], origin?: Location): ListValue => ({ kind: 'list', items, origin });
/** The list without the Terraform set marker (`ListValue.set`): a set converted to a list, or given to a list or tuple type. */
export function withoutSetMarker(v: ListValue): ListValue {
  if (!v.set) return v;
  const { set: _set, ...asList } = v;
  return asList;
}
export const obj = (entries: Map<string, Value> | Record<string, Value>, origin?: Location): ObjectValue => ({
  kind: 'object',
  entries: entries instanceof Map ? entries : new Map(Object.entries(entries)),
  origin,
});
export const unknown = (reason: string, origin?: Location, token?: string): UnknownValue => ({
  kind: 'unknown',
  reason,
  origin,
  token,
});

export function isKnown(v: Value | undefined): v is Exclude<Value, UnknownValue> {
  return v !== undefined && v.kind !== 'unknown';
}

/** True when the value or anything inside it is unknown. */
export function containsUnknown(v: Value): boolean {
  switch (v.kind) {
    case 'unknown':
      return true;
    case 'list':
      return v.items.some(containsUnknown);
    case 'object':
      for (const e of v.entries.values()) if (containsUnknown(e)) return true;
      return false;
    default:
      return false;
  }
}

/**
 * A shallow copy of `v` with `key` set to `x`, keys in the order `{ ...v, [key]: x }` gives (a key
 * `v` has stays in place, a new one comes last). Object.assign, not a spread: values come in
 * dozens of shapes (56 pass through `passedThrough` on the corpus), and V8's spread of a source
 * of so many shapes is a runtime call; Object.assign into an empty object copies the source's
 * layout (micro-benchmark over the corpus's value shapes: ~450-1000 ns -> ~100-230 ns a copy).
 */
function copyWith<T extends Value, K extends keyof T>(v: T, key: K, x: T[K]): T {
  const out = Object.assign({}, v);
  out[key] = x;
  return out;
}

/** The same value, remembered as having passed through `loc` (appended to `via`). */
export function passedThrough<T extends Value>(v: T, loc: Location): T {
  const via = v.via;
  if (!via) return copyWith(v, 'via', [loc]);
  if (via.length < MAX_VIA_LINKS) return copyWith(v, 'via', [...via, loc]);
  // A chain longer than any written by hand (a generated script copying a value thousands of
  // times): its first links and its latest are kept, so each copy costs the same (it was
  // quadratic: 20,000 copies took a minute and 2.5 GB).
  return copyWith(v, 'via', [...via.slice(0, MAX_VIA_LINKS / 2), ...via.slice(via.length - MAX_VIA_LINKS / 2 + 1), loc]);
}

/** The links a value's `via` chain keeps, at most (RULES.md: each is a related location). */
export const MAX_VIA_LINKS = 64;

/**
 * A script or CI variable a value is read through (`$GPU_SKU`, `$(gpuSize)`, `${{ env.X }}`), at
 * `at`: a link of its chain that names it, so GPU001 reads `gpu` in the names a size flowed through.
 */
export function variableSite(at: Location, name: string, label = `$${name}`): Location {
  return { ...at, label, symbol: { kind: 'variable', name } };
}

/** A VM size name (`Standard_…`, any case): the only member `memberOf` gives its container's inputs. */
const SIZE_LIKE = /^standard_/i;

/**
 * A member or element read out of `parent` (`var.gpu_pool.vm_size`, `gpuPool.vmSize`,
 * `var.gpu_sizes["train"]`). When it is the container's one VM size, it is what the container's
 * name is about, so the parent's links that declare a named input or variable (`Location.symbol`)
 * are appended to its `via` (RULES.md GPU001: "the size comes from a variable/parameter whose name
 * contains `gpu`"). A container with several sizes (`gpu_cluster = { system_vm_size, gpu_vm_size }`)
 * says nothing about each one, and other members need no chain: both are returned as they are
 * (no copy: the common read).
 */
export function memberOf<T extends Value>(parent: Value, m: T): T {
  const via = parent.via;
  if (!via) return m;
  if (!holdsOnlySizeOf(parent, m)) {
    // A member written in the declaration of the local or template variable that holds the
    // container (`locals { pools = { gpu = { taint = false } } }`): that link, so a condition on it
    // knows a literal the variable holds, not an input (RULES.md "Values chosen by a condition").
    const holder = m.origin ? via.find((l) => l.symbol?.kind === 'variable' && locationContains(l.symbol.declaration ? { file: l.file, range: l.symbol.declaration } : l, m.origin!)) : undefined;
    return holder && !m.via?.some((x) => x === holder || sameRange(x, holder)) ? copyWith(m, 'via', m.via ? [...m.via, holder] : [holder]) : m;
  }
  return withSymbolLinks(via, m);
}

/** `m` with the links of `via` that declare a named input or variable appended to its own (each once; no copy when none is new). */
function withSymbolLinks<T extends Value>(via: readonly Location[], m: T): T {
  let add: Location[] | undefined;
  for (const l of via) if (l.symbol && !m.via?.some((x) => x === l || sameRange(x, l))) (add ??= []).push(l);
  return add ? copyWith(m, 'via', m.via ? [...m.via, ...add] : add) : m;
}

/**
 * An element of a collection a loop iterates (`each.value` of `for_each = var.gpu_pools`, the
 * item of a `for` expression or a Bicep loop): every iteration is one element, in the role the
 * collection's name gives them all, so the
 * collection's links that declare a named input or variable are appended to the element's `via`
 * whatever its kind (an object of pool settings, whose one VM size `memberOf` then gives them:
 * RULES.md GPU001 "the size comes from a variable/parameter whose name contains `gpu`").
 */
export function elementOf<T extends Value>(collection: Value, e: T, loop?: LoopCollection): T {
  let element = collection.via ? withSymbolLinks(collection.via, e) : e;
  // An item made with the collection by a function (`split(",", var.envs)`, Bicep `split(tiers, ',')`):
  // computed from the input the collection was computed from (review 108).
  const flow = collection.derivedFrom;
  if (flow && !element.derivedFrom && !element.decidedBy && element.origin && collection.origin && locationContains(collection.origin, element.origin)) element = copyWith(element, 'derivedFrom', flow);
  return loop ? heldByLoop(element, loop) : element;
}

/** A loop's collection expression as written (`toset(["a100", "t4"])`), and the name its link gets (never one that says GPU). */
export interface LoopCollection {
  at: Location;
  name: string;
}

/**
 * An item (or key) a loop takes from a collection written in the loop itself
 * (`for_each = toset(["a100", "t4"])`, Bicep `[for p in ['a100', 't4']: …]`): a literal that no
 * variable or parameter sets, like a literal a local holds, so a condition on it
 * (`each.key == "a100" ? … : "Standard_D8s_v5"`) points at the chosen value, not at the item
 * (RULES.md "Values chosen by a condition": only an input decides). It gets a link to the
 * collection as a template variable holding it (`heldByTemplateVariableOnly`), which is also
 * its related location; an item written elsewhere (a variable's value, a local) is returned as is.
 */
function heldByLoop<T extends Value>(item: T, loop: LoopCollection): T {
  // Computed there from an input (`[for e in var.envs : lower(e)]`): that input decides (review 108).
  if (item.derivedFrom || item.decidedBy) return item;
  if (!item.origin || !locationContains(loop.at, item.origin) || item.via?.some((l) => sameRange(l, loop.at))) return item;
  const link: Location = { ...loop.at, label: "the loop's collection", symbol: { kind: 'variable', name: loop.name } };
  return copyWith(item, 'via', item.via ? [...item.via, link] : [link]);
}

/**
 * The item of `list` at `position`. A position that carries no origin is a loop's (`count.index`,
 * a `range()` number: no input decides it): reading the item there walks the list as `for_each`
 * walks a collection, so the item is an element of it (`elementOf`: `var.gpu_pools[count.index]`
 * and `element(var.gpu_sizes, count.index)` are in the role the list's name gives every item). A
 * position written in the code or computed (`[0]`, `length(l) - 1`) reads one member (`memberOf`).
 */
export function itemAt<T extends Value>(list: Value, position: Value, item: T): T {
  return position.origin === undefined || (position.kind === 'number' && position.loopPosition) ? elementOf(list, item) : memberOf(list, item);
}

/** Containers holding more values than this (at every depth) are not searched (each read would scan them: quadratic over a big map); none inherits. */
const MAX_SIZE_CONTAINER = 256;

/**
 * A member name that may hold a VM size (`vm_size`, `vmSize`, `gpu_size`, `size`, `node_vm_size`):
 * its value, when not known, may be a VM size, so the container's one known size is not known to
 * be its only one (review 131: `{ system = { vmSize = "Standard_D4s_v3" }, gpu = { vmSize = param }
 * }`). A disk's size (`os_disk_size_gb`, `osDiskSizeGB`), a count or a scale bound (`max_size`) is
 * a number, no VM size (review 132).
 */
const VM_SIZE_KEY = /size|sku|instance_?type|machine_?type|vm_?type|(?:^|_)vm$|pools?$|^(?:gpu|cpu|system|user)$/i;
// (Review 133: a list of VM-size names to match misses `gpu_size`, `vm_size_name`; the names that
// are not a VM's size are the fewer. Reviews 134-135: `sku`, `instance_type`, a pool object (an
// unknown `gpu` may be one: counted, though it may as well be a flag; a lost finding, never a false
// one); not a tier, an OS or IP SKU, a load balancer's pool.)
const NOT_VM_SIZE_KEY = /disk|gb$|mb$|count|pods|volume|batch|(?:^|_)(?:max|min)_?size$|^(?:max|min)Size$|pool_?size$|step|shm|cache|page|limit|target|scale|buffer|heap|queue_size|font|tier|os_?sku|ip_|_ip|public_?ip|lb_|load_?balancer|backend/i;
/** A name that says it is a VM's size or SKU outright (`target_vm_size`, `gpuVmSku`): no exclusion applies (review 135). */
const SAYS_VM_SIZE = /vm_?size$|vm_?sku$|vmsize$|vmsku$/i;

function namesVmSize(key: string): boolean {
  return SAYS_VM_SIZE.test(key) || (VM_SIZE_KEY.test(key) && !NOT_VM_SIZE_KEY.test(key));
}

/** The members of an object (with their names) or the items of a list; none for other values. */
function membersOf(v: Value): Iterable<[string | undefined, Value]> {
  if (v.kind === 'object') return v.entries;
  if (v.kind === 'list') return v.items.map((x): [undefined, Value] => [undefined, x]);
  return [];
}

/**
 * Whether `m` is, or holds, the one VM size of `parent`: a size string that is the only one among
 * its siblings, or an object or list whose members hold exactly one size while its siblings hold
 * none (`var.cluster.gpu_pool.vm_size`: `gpu_pool` carries `cluster`'s links down to its size).
 * A member not known counts as a size when its name says VM size (an item of a list: the list's
 * name; an item of the container itself, a list of sizes: always).
 */
function holdsOnlySizeOf(parent: Value, m: Value): boolean {
  const budget = { nodes: MAX_SIZE_CONTAINER };
  if (m.kind === 'string') {
    if (!SIZE_LIKE.test(m.value)) return false;
  } else if (m.kind !== 'object' && m.kind !== 'list') return false;
  else if (sizesIn(m, '', budget, 2) !== 1) return false;
  for (const [k, x] of membersOf(parent)) if (x !== m && sizesIn(x, k ?? '', budget, 1) !== 0) return false;
  return budget.nodes >= 0;
}

/**
 * How many VM sizes `v` (the member `key` of its container; '' for an item of the container itself)
 * holds or may hold, counting no further than `stop` and reading at most `budget.nodes` values (past
 * it: `stop`, as if too many). A value not known under a name that says VM size may be one or more:
 * `stop`; so may an item of a list of that name, and an item of a list that is the container.
 */
function sizesIn(v: Value, key: string, budget: { nodes: number }, stop: number): number {
  if (--budget.nodes < 0) return stop;
  if (v.kind === 'string') return SIZE_LIKE.test(v.value) ? 1 : 0;
  if (v.kind === 'unknown') return key === '' || namesVmSize(key) ? stop : 0;
  if (v.kind !== 'object' && v.kind !== 'list') return 0;
  let n = 0;
  for (const [k, x] of membersOf(v)) {
    // (A list's items go by the list's name.)
    n += sizesIn(x, k ?? key, budget, stop - n);
    if (n >= stop) return stop;
  }
  return n;
}

/**
 * A default that applies because `null` was given for the input (RULES.md "Null arguments"):
 * the default, with the place the null was written in its chain (a related location).
 */
export function defaultForNull<T extends Value>(def: T, nullGiven: Value | undefined, label = 'null given: the default applies'): T {
  return nullGiven?.origin ? passedThrough(def, { ...nullGiven.origin, label }) : def;
}

/** The label of the place a `null` was given for a nullable input without a default: it is null, as if not given. */
export const NULL_GIVEN_NO_DEFAULT = 'null given: not given, the parameter is null';

/** The same value with a different origin (e.g. a value re-read from a tfvars line). */
export function withOrigin<T extends Value>(v: T, origin: Location): T {
  return copyWith(v, 'origin', origin);
}

// ---- values chosen by a condition (RULES.md "Values chosen by a condition") ------------------

/** `locs` without repeats of one place (the first occurrence is kept). */
function distinct(locs: readonly Location[]): Location[] {
  const out: Location[] = [];
  for (const l of locs) if (!out.some((x) => sameRange(x, l))) out.push(l);
  return out;
}

/**
 * Where the input that determines `v` was written, seen from an expression written at `site`
 * (a condition, an operand, a `coalesce` argument): the input that decided it when it was
 * chosen by a condition, the input it was computed from, else its own origin when that lies
 * outside `site` (a variable, parameter or local whose value is written elsewhere). Undefined
 * when `v` is written inside `site` and depends on no input (`true ? a : b`).
 */
export function decidingInput(v: Value, site: Location): Location | undefined {
  return inputFlow(v, site)?.at(-1);
}

/** The deciding input of `v` (last) after the places it flowed through; undefined when none. */
function inputFlow(v: Value, site: Location): Location[] | undefined {
  if (v.decidedBy) return flowTo([...(v.via ?? []), ...(v.decision ?? [])], v.decidedBy);
  if (v.derivedFrom?.length) return [...v.derivedFrom];
  // Written elsewhere and passed through an input (a variable or parameter: its default, a var
  // file, a parameter file, a module argument). A Terraform local or a template variable that
  // holds a literal is not an input (RULES.md "Values chosen by a condition"): what it decides
  // is located where the chosen value is written.
  if (v.origin && !locationContains(site, v.origin) && !heldByTemplateVariableOnly(v)) return flowTo(v.via ?? [], v.origin);
  return undefined;
}

/**
 * A literal a Terraform local or template variable holds: written inside that variable's own
 * declaration, through no input (`locals { private = false }`); a local that reads an input
 * (`local.x = var.settings.public`) carries the input's value, written elsewhere.
 */
function heldByTemplateVariableOnly(v: Value): boolean {
  const via = v.via ?? [];
  if (!v.origin || via.some((l) => l.symbol?.kind === 'input')) return false;
  return via.some((l) => l.symbol?.kind === 'variable' && locationContains(l.symbol.declaration ? { file: l.file, range: l.symbol.declaration } : l, v.origin!));
}

/** `places` without repeats and without `input`, then `input` last. */
function flowTo(places: readonly Location[], input: Location): Location[] {
  return [...distinct(places).filter((l) => !sameRange(l, input)), input];
}

/** What decided a choice: the deciding input (if any) and the related locations that explain it. */
export interface Decision {
  decider?: Location;
  chain: Location[];
}

/**
 * The decision a condition value makes: its deciding input (`decidingInput`), and as related
 * locations the places the condition's value flowed through, that input and the condition.
 */
export function decisionOf(cond: Value, conditionSite: Location, label = 'condition'): Decision {
  const flow = inputFlow(cond, conditionSite);
  const decider = flow?.at(-1);
  const chain = flow ? flow.slice(0, -1) : [...(cond.via ?? [])];
  if (decider) chain.push({ ...decider, label: decider.label ?? 'decided by this value' });
  chain.push({ ...conditionSite, label });
  return { decider, chain: distinct(chain) };
}

/**
 * A value chosen by a condition. When the chosen branch is written inside the conditional
 * (`branchSite`) — a literal, `null`, an object literal — and an input decided the condition,
 * the value (and every part of it written there) is marked `decidedBy` that input, so a finding
 * points at the input. A branch that passes an input through (`c ? var.a : var.b`) keeps its own
 * origin: it is where the offending value was written; the condition is only related. A value
 * already chosen by an inner conditional keeps the inner decision (the closest one).
 */
export function chosenBy<T extends Value>(v: T, branchSite: Location, d: Decision): T {
  const decision = distinct([...(v.decision ?? []), ...d.chain]);
  if (!d.decider || v.decidedBy) return copyWith(v, 'decision', decision);
  // A literal a template variable or local holds (`var open = 'Enabled'`, `c ? 'Disabled' : open`)
  // is no input: as if written in the branch, the input that decided the condition is the place.
  if (v.origin && !locationContains(branchSite, v.origin) && heldByTemplateVariableOnly(v)) return markDecided(v, undefined, d.decider, decision, true) as T;
  if (v.origin && !locationContains(branchSite, v.origin)) {
    // A branch passing through an input of the conditional's own module (its default) while a
    // caller's module argument decided the condition: the caller's argument is where the value
    // is chosen (RULES.md: "each caller of a module … gets its own finding at its own argument").
    if (!callerArgument(d.decider, branchSite) || !sameModule(v.origin, branchSite)) return copyWith(v, 'decision', decision);
    return markDecided(v, undefined, d.decider, decision) as T;
  }
  return markDecided(v, branchSite, d.decider, decision) as T;
}

/**
 * `chosen`, the object a conditional chose (`chosenBy` marked it), with the keys of the branch it
 * did not choose (`otherKeys`, as written) that it lacks: left out by the decision `d`
 * (`ObjectValue.leftOut`). Only when an input decided the condition: otherwise the absence is
 * located where it is read, as a `null` branch's is.
 */
export function leftOutBy(chosen: Value, otherKeys: readonly string[] | undefined, branchSite: Location, d: Decision): Value {
  if (chosen.kind !== 'object' || !d.decider || !otherKeys?.length) return chosen;
  const have = new Set([...chosen.entries.keys()].map((k) => k.toLowerCase()));
  const left = new Map(chosen.leftOut ?? []);
  const absent: NullValue = { kind: 'null', origin: { ...branchSite, label: 'object chosen by the condition, without this key' }, leftOut: true };
  for (const k of otherKeys) if (!have.has(k.toLowerCase()) && !left.has(k)) left.set(k, chosenBy(absent, branchSite, d));
  return left.size > 0 ? { ...chosen, leftOut: left } : chosen;
}

/**
 * The keys of several objects merged in order (`union()`) that a conditional left out of one of
 * them (`ObjectValue.leftOut`) and no object sets: still left out of the merge.
 */
export function leftOutOfMerge(merged: ObjectValue, parts: readonly Value[]): ObjectValue {
  const left = new Map<string, Value>();
  for (const p of parts) if (p.kind === 'object') for (const [k, v] of p.leftOut ?? []) left.set(k, v);
  if (left.size === 0) return merged;
  const present = new Set([...merged.entries.keys()].map((k) => k.toLowerCase()));
  const kept = [...left].filter(([k]) => !present.has(k.toLowerCase()));
  return kept.length > 0 ? { ...merged, leftOut: new Map(kept) } : merged;
}

/**
 * Whether `at` may be a module call's argument from outside the module of `site`: written in a
 * Terraform or Bicep file (var files and parameter files call no module) of another module
 * (Terraform: another folder; Bicep: another file, each file is a module).
 */
function callerArgument(at: Location, site: Location): boolean {
  return /\.(?:tf|tf\.json|bicep)$/i.test(at.file) && !sameModule(at, site);
}

/** Whether two places are in one module: one Bicep file, else one folder (a Terraform module; an ARM template's own file). */
function sameModule(a: Location, b: Location): boolean {
  if (/\.bicep$/i.test(b.file) || (/\.json$/i.test(b.file) && !/\.tf\.json$/i.test(b.file))) return a.file === b.file;
  return folderOf(a.file) === folderOf(b.file);
}

function folderOf(file: string): string {
  return file.slice(0, Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')));
}

/** `v` and its parts (those written at `site`; every part without a site) marked as decided by `decider`. */
function markDecided(v: Value, site: Location | undefined, decider: Location, decision: Location[], inputsKept = false): Value {
  if (v.decidedBy || (site && v.origin && !locationContains(site, v.origin))) return v;
  // In a branch a template variable holds, a part that passes an input through (`vmSize:
  // parameters('vmSize')` in `if(c, union(base, x), base)`) is where its value is written (review 85).
  if (inputsKept && v.via?.some((l) => l.symbol?.kind === 'input')) return v;
  const out = { ...v, decidedBy: decider, decision };
  if (out.kind === 'list') out.items = out.items.map((i) => markDecided(i, site, decider, decision, inputsKept));
  else if (out.kind === 'object') out.entries = new Map([...out.entries].map(([k, e]) => [k, markDecided(e, site, decider, decision, inputsKept)]));
  return out;
}

/**
 * A boolean negation (`!x`, ARM `not(x)`, Bicep `!x`) written at `site`: its value is fixed by its
 * operand's, so when an input decided the operand (a variable default, a module argument, a
 * parameter file value), that input is where the offending value is written (RULES.md
 * "Location", as for "Values chosen by a condition"): `enable_rbac_authorization =
 * !var.legacy_access_policies_enabled` in a module is reported at each caller's argument, with
 * the negation as a related location.
 */
export function negated(result: BoolValue, operand: Value, site: Location): BoolValue {
  const d = decisionOf(operand, site, 'negated here');
  if (!d.decider) return result;
  // The negation itself is named by its origin's label (a related location when the negated value
  // is the finding's); a condition that reads it adds its own "condition" there.
  return { ...result, origin: { ...site, label: 'negated here' }, decidedBy: d.decider, decision: d.chain.slice(0, -1) };
}

/**
 * An equality test of one input against a value written at the test (`var.environment ==
 * "prod"`, ARM `equals(parameters('env'), 'prod')`, Bicep `env == 'prod'`): its value is fixed by
 * that input, exactly as `var.environment == "prod" ? true : false` would be, so the input is
 * where the offending value is written (RULES.md "Values chosen by a condition"), the test a
 * related location. Two inputs compared, or none: derived as any computed value.
 */
export function compared(result: BoolValue, a: Value, b: Value, site: Location): BoolValue {
  const fromA = inputFlow(a, site) !== undefined;
  const fromB = inputFlow(b, site) !== undefined;
  if (fromA === fromB) return derived(result, site, [a, b]);
  const d = decisionOf(fromA ? a : b, site, 'compared here');
  if (!d.decider) return derived(result, site, [a, b]);
  return { ...result, origin: { ...site, label: 'compared here' }, decidedBy: d.decider, decision: d.chain.slice(0, -1) };
}

/**
 * Records on a freshly computed value (an operator or function result written at `site`) the
 * input it was computed from: the first operand with a deciding input. Values an operation
 * returns unchanged (an argument passed through, an entry read out of a map) are left as they are.
 */
export function derived<T extends Value>(result: T, site: Location, operands: readonly Value[]): T {
  if (result.decidedBy || result.derivedFrom || operands.includes(result)) return result;
  // A value read out of an operand (a map entry, a list element) is not computed here.
  if (!result.origin || !locationContains(site, result.origin)) return result;
  for (const o of operands) {
    const flow = inputFlow(o, site);
    if (flow) return copyWith(result, 'derivedFrom', flow);
  }
  return result;
}

/** `target` with the provenance of `from` (origin, via, decision): a value converted in place (`"true"` → true). */
export function withProvenanceOf<T extends Value>(target: T, from: Value): T {
  const out: T = { ...target, origin: from.origin, via: from.via };
  if (from.decidedBy) out.decidedBy = from.decidedBy;
  if (from.decision) out.decision = from.decision;
  if (from.derivedFrom) out.derivedFrom = from.derivedFrom;
  return out;
}

/** Converts to plain JavaScript; unknown becomes `undefined` at its position. */
export function toJS(v: Value): unknown {
  switch (v.kind) {
    case 'string':
    case 'number':
    case 'bool':
      return v.value;
    case 'null':
      return null;
    case 'list':
      return v.items.map(toJS);
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, e] of v.entries) out[k] = toJS(e);
      return out;
    }
    case 'unknown':
      return undefined;
  }
}

/**
 * Converts plain JSON-like data to a Value, every node with the given origin. Data nested past
 * the parsers' limit (JSON.parse of a string or a file accepts thousands of levels) is unknown
 * from there down, never a stack overflow.
 */
export function fromJS(x: unknown, origin?: Location, depth = 0): Value {
  if (x === null || x === undefined) return nul(origin);
  if (typeof x === 'string') return str(x, origin);
  if (typeof x === 'number') return num(x, origin);
  if (typeof x === 'boolean') return bool(x, origin);
  if (typeof x === 'object' && depth >= MAX_NESTING_DEPTH) return unknown(`the data is nested deeper than ${MAX_NESTING_DEPTH} levels`, origin);
  if (Array.isArray(x)) return list(x.map((e) => fromJS(e, origin, depth + 1)), origin);
  if (typeof x === 'object') {
    const m = new Map<string, Value>();
    for (const [k, e] of Object.entries(x as Record<string, unknown>)) m.set(k, fromJS(e, origin, depth + 1));
    return obj(m, origin);
  }
  return unknown(`unsupported value ${String(x)}`, origin);
}

/**
 * An unknown read out of `collection` by a key or index not known: it records the collection's
 * chain as `readOutOf`, not as its own (a map named `gpu_sizes` that also holds a CPU size says
 * nothing of what was read: GPU001's intent reads `via` only).
 */
export function throughCollection(u: UnknownValue, collection: Value): UnknownValue {
  return collection.via && collection.via.length > 0 ? { ...u, readOutOf: collection.via } : u;
}

/**
 * A member (`name`) read from a value read out of a collection by a key not known: another
 * unknown that still records the collection, and the member path read from its item.
 */
export function memberOfReadOut(u: UnknownValue, name: string, reading: UnknownValue): UnknownValue {
  return u.readOutOf ? { ...reading, readOutOf: u.readOutOf, readMember: [...(u.readMember ?? []), name] } : reading;
}

/** The values a value read out of a collection by a key not known may be: `readMember` of each item; undefined when one item lacks it. */
export function readOutItems(u: UnknownValue, collection: Value): Value[] | undefined {
  const items = collection.kind === 'object' ? [...collection.entries.values()] : collection.kind === 'list' ? collection.items : [];
  const out: Value[] = [];
  for (const item of items) {
    let at: Value | undefined = item;
    for (const key of u.readMember ?? []) at = at?.kind === 'object' ? at.entries.get(key) : undefined;
    if (at === undefined) return undefined;
    out.push(at);
  }
  return out;
}

/** An unknown object that surely holds `members` (none: a plain unknown). */
export function unknownWithMembers(members: ReadonlyMap<string, Value>, u: UnknownValue): UnknownValue {
  return members.size > 0 ? { ...u, knownMembers: members } : u;
}

/**
 * What objects merged after an unknown part surely make (`knownMembers` of the result, `u`): the
 * keys of `later` (in order, the last one winning), over what `u` itself surely holds. A spread
 * (`{ ...extra, k: v }`, ARM `shallowMerge`) replaces a key's value whole, so each is known as
 * written. `union()` merges objects deeply (`deep`; "The union function not only merges the
 * top-level elements but also recursively merges any nested arrays and objects within them",
 * https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-array#union,
 * whose example shows a nested array replaced and a nested object merged): an object written
 * there is itself only partly known (the unknown part may add keys to it), and a `null` is left
 * out (what merging it over an object gives is not documented).
 */
export function mergedAfterUnknown(u: UnknownValue, later: readonly ObjectValue[], deep: boolean): UnknownValue {
  const { knownMembers, ...plain } = u;
  const known = new Map(knownMembers ?? []);
  for (const o of later) mergeKnown(known, o, deep, u.reason);
  return unknownWithMembers(known, plain);
}

function mergeKnown(known: Map<string, Value>, o: ObjectValue, deep: boolean, reason: string): void {
  for (const [k, v] of o.entries) {
    let key = k;
    if (!known.has(k)) {
      const lower = k.toLowerCase();
      for (const ek of known.keys()) if (ek.toLowerCase() === lower) key = ek;
    }
    const prev = known.get(key);
    known.delete(key);
    if (!deep) {
      known.set(key, v);
      continue;
    }
    if (v.kind === 'null') continue;
    if (v.kind !== 'object') {
      known.set(key, v);
      continue;
    }
    // An object merged deeply over a part not known: its own keys are known, any other is not.
    const inner = new Map(prev?.kind === 'unknown' ? (prev.knownMembers ?? []) : []);
    mergeKnown(inner, v, true, reason);
    known.set(key, unknownWithMembers(inner, unknown(reason, v.origin)));
  }
}

/** The member `key` (exact, else in any case) an object only partly known surely holds; undefined when it is not one of its known keys. */
export function knownMember(u: UnknownValue, key: string): Value | undefined {
  const m = u.knownMembers;
  if (!m) return undefined;
  const exact = m.get(key);
  if (exact) return exact;
  const lower = key.toLowerCase();
  for (const [k, e] of m) if (k.toLowerCase() === lower) return e;
  return undefined;
}

/** The items a list surely begins with: all of a known list, the `firstItems` of an unknown one. */
export function knownFirstItems(v: Value): readonly Value[] {
  return v.kind === 'list' ? v.items : v.kind === 'unknown' ? (v.firstItems ?? []) : [];
}

/** An unknown list that surely begins with `first` (none: a plain unknown). */
export function unknownAfter(first: readonly Value[], u: UnknownValue): UnknownValue {
  return first.length > 0 ? { ...u, firstItems: first } : u;
}

/** The member of a list at an index, or of an object at a property name (`member`: exact, else in any case); undefined when not written there. */
export function memberAt(v: Value | undefined, key: string | number): Value | undefined {
  if (typeof key === 'number') return v?.kind === 'list' ? v.items[key] : undefined;
  return member(v, key);
}

/** Object member by exact key, then case-insensitively (ARM property names are case-insensitive). */
export function member(v: Value | undefined, key: string): Value | undefined {
  if (!v || v.kind !== 'object') return undefined;
  const exact = v.entries.get(key);
  if (exact) return exact;
  const lower = key.toLowerCase();
  for (const [k, e] of v.entries) if (k.toLowerCase() === lower) return e;
  return undefined;
}

/**
 * Follows a dotted path through objects (`properties.networkRuleSet.defaultAction`).
 * Returns `undefined` when a segment is absent, or the unknown value when a step is unknown.
 */
export function getPath(v: Value | undefined, path: string | readonly string[]): Value | undefined {
  const parts = typeof path === 'string' ? path.split('.') : path;
  let cur: Value | undefined = v;
  for (const p of parts) {
    if (!cur) return undefined;
    if (cur.kind === 'unknown') return cur;
    cur = member(cur, p);
  }
  return cur;
}

/** Short human text for a value in messages (never used for secrets). */
export function describe(v: Value): string {
  switch (v.kind) {
    case 'string':
      return JSON.stringify(v.value);
    case 'number':
    case 'bool':
      return String(v.value);
    case 'null':
      return 'null';
    case 'list':
      return `[${v.items.map(describe).join(', ')}]`;
    case 'object':
      return `{${[...v.entries.keys()].join(', ')}}`;
    case 'unknown':
      return '(unknown)';
  }
}

/** How deep `agreedParts` compares two branches (values are trees; hostile input may nest deeply). */
const MAX_AGREED_DEPTH = 32;

/**
 * What both branches of a conditional whose condition is not known surely give (`if(c,
 * {…, dnsPrefix: 'win'}, base)`, `c ? [sys, gpu] : [sys]`): a part equal in both as it is (where
 * both write it, else at the conditional), objects of the same keys key by key, lists item by
 * item (of different lengths: the items both have first, then items not known), objects of
 * different keys as an unknown object holding the keys both write, any other difference unknown
 * (`reason`). Undefined when the two have nothing in common at the top (two different scalars,
 * objects with no key in common): the caller's unknown stands.
 */
export function agreedParts(a: Value, b: Value, at: Location, reason: string, depth = 0): Value | undefined {
  if (valuesEqual(a, b) === true) return a.origin && b.origin && sameRange(a.origin, b.origin) ? a : { ...a, origin: at };
  // The same unknown in both (one reference, one parameter): it, with its identity (resource links).
  if (a.kind === 'unknown' && b.kind === 'unknown' && a.token !== undefined && a.token === b.token) return a;
  if (depth >= MAX_AGREED_DEPTH) return undefined;
  const part = (x: Value, y: Value): Value => agreedParts(x, y, at, reason, depth + 1) ?? unknown(reason, at);
  // Objects of the same keys only: a key one branch lacks may be absent, which an unknown member
  // would not say (`length()`, `keys()`, `for_each`, a tag's presence read it as there; self-review 86).
  if (a.kind === 'object' && b.kind === 'object' && sameKeys(a, b)) {
    const m = new Map<string, Value>();
    for (const [k, x] of a.entries) m.set(k, part(x, b.entries.get(k)!));
    return obj(m, at);
  }
  // Objects of different keys (`if(c, union(base, x), base)`): an object not known whole (its
  // length, its keys, a key only one branch has are not known) that surely holds the keys both
  // write, each as both give it (README "a key only one branch has is unknown"; audit 54).
  if (a.kind === 'object' && b.kind === 'object') {
    const m = new Map<string, Value>();
    for (const [k, x] of a.entries) {
      const y = b.entries.get(k);
      if (y !== undefined) m.set(k, part(x, y));
    }
    return m.size > 0 ? unknownWithMembers(m, unknown(reason, at)) : undefined;
  }
  if (a.kind === 'list' && b.kind === 'list' && !a.partial && !b.partial) {
    const n = Math.min(a.items.length, b.items.length);
    const items = a.items.slice(0, n).map((x, i) => part(x, b.items[i]!));
    return a.items.length === b.items.length ? list(items, at) : unknownAfter(items, unknown(reason, at));
  }
  return undefined;
}

/** Whether two objects have the same keys (as written). */
function sameKeys(a: ObjectValue, b: ObjectValue): boolean {
  return a.entries.size === b.entries.size && [...a.entries.keys()].every((k) => b.entries.has(k));
}

/**
 * Deep equality: true/false when both sides are known, undefined when an unknown part
 * decides it. `ignoreKeyCase`: ARM object keys compare case-insensitively.
 */
export function valuesEqual(a: Value, b: Value, opts: { ignoreKeyCase?: boolean } = {}): boolean | undefined {
  if (a.kind === 'unknown' || b.kind === 'unknown') return undefined;
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'string':
    case 'number':
    case 'bool':
      return a.value === (b as typeof a).value;
    case 'null':
      return true;
    case 'list': {
      const bl = b as ListValue;
      if (a.items.length !== bl.items.length) return false;
      let result: boolean | undefined = true;
      for (let i = 0; i < a.items.length; i++) {
        const eq = valuesEqual(a.items[i]!, bl.items[i]!, opts);
        if (eq === false) return false;
        if (eq === undefined) result = undefined;
      }
      return result;
    }
    case 'object': {
      const bo = b as ObjectValue;
      if (a.entries.size !== bo.entries.size) return false;
      let result: boolean | undefined = true;
      for (const [k, x] of a.entries) {
        const y = opts.ignoreKeyCase ? member(bo, k) : bo.entries.get(k);
        if (!y) return false;
        const eq = valuesEqual(x, y, opts);
        if (eq === false) return false;
        if (eq === undefined) result = undefined;
      }
      return result;
    }
  }
}

/** Nodes a function argument may have (walked, shared parts counted each time they are reached). */
export const MAX_ARGUMENT_NODES = 100_000;
/** Characters the string arguments of one function call may have together (twice the largest file read, MAX_TEXT_BYTES). */
export const MAX_ARGUMENT_CHARS = 16_000_000;

/**
 * Whether a function's arguments are too large to evaluate statically. Values share structure (a
 * local or variable used twice is one object), so a few lines can describe a value with billions
 * of nodes, or a string doubled forty times; functions that walk or copy their arguments stop
 * short of that (every evaluator: hostile input never hangs).
 */
export function argumentsTooLarge(args: readonly Value[]): boolean {
  let chars = 0;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.kind === 'string') {
      chars += a.value.length;
      if (chars > MAX_ARGUMENT_CHARS) return true;
    } else if (a.kind === 'list' || a.kind === 'object') {
      if (argumentWork > MAX_ARGUMENT_WORK) return true;
      // The same collection passed again (`string(pools)` in a loop) is counted once, from memory.
      let walked = NODE_COUNTS.get(a);
      if (walked === undefined) {
        walked = nodesUpTo(a, MAX_ARGUMENT_NODES);
        NODE_COUNTS.set(a, walked);
      }
      argumentWork += walked;
      if (walked > MAX_ARGUMENT_NODES || argumentWork > MAX_ARGUMENT_WORK) return true;
    }
  }
  return false;
}

/**
 * Nodes the collection arguments of one unit's function calls may have in total: each call is
 * bounded (MAX_ARGUMENT_NODES), but a loop may call `string(pools)` on a 50,000-item array
 * 24,000 times (a minute). Past it, calls with collection arguments are not evaluated.
 */
export const MAX_ARGUMENT_WORK = 20_000_000;
let argumentWork = 0;
/** Node counts of collections already walked (values are not changed once made). */
const NODE_COUNTS = new WeakMap<Value, number>();

/** A unit of work starts: the argument work budget is whole again (pipeline/unit.ts). */
export function resetArgumentWork(): void {
  argumentWork = 0;
}

/** The nodes of `v`, counted up to `limit + 1` (more than `limit`: stopped there). */
function nodesUpTo(v: Value, limit: number): number {
  let n = 0;
  const stack: Value[] = [v];
  while (stack.length) {
    const x = stack.pop()!;
    if (++n > limit) return n;
    // Lists by index: a for…of makes an iterator object per list in V8's interpreter.
    if (x.kind === 'list') for (let i = 0; i < x.items.length; i++) stack.push(x.items[i]!);
    else if (x.kind === 'object') x.entries.forEach(pushValue, stack);
  }
  return n;
}

function pushValue(this: Value[], v: Value): void {
  this.push(v);
}

/**
 * A `null` literal an input passed on (a variable's `default = null`, a `.tfvars` line, a
 * module argument): written somewhere its chain does not hold. Not an input without a value
 * (Bicep's `param x string?`, whose null is its declaration).
 */
export function passedNull(v: Value): boolean {
  const origin = v.origin;
  return v.kind === 'null' && origin !== undefined && v.via !== undefined && v.via.length > 0 && !v.via.some((l) => sameRange(l, origin));
}

/**
 * A `null` that makes what it stands for absent and is written somewhere else than where it is
 * read: chosen by a conditional (`decidedBy`) or passed through an input (`passedNull`). A finding
 * about the absence points there (RULES.md "Values chosen by a condition", "Location").
 */
export function nullWrittenElsewhere(v: Value): boolean {
  return v.kind === 'null' && (v.decidedBy !== undefined || passedNull(v));
}
