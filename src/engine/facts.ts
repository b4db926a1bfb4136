/**
 * Helpers rules use to read facts and build locations (RULES.md "Location").
 */
import type { Location } from '../core/source.js';
import type { Fact, Resource } from '../model/resource.js';
import type { Value } from '../core/value.js';
import { isGpuSize, mentionsGpu } from '../model/gpu.js';
import { computeTypeFromArm, computeTypeFromCanonical, type AmlComputeType } from '../model/facts/aml.js';
import { deniesByDefault, isRegistryGroup } from '../model/facts/acr.js';
import type { ResourceKind } from '../model/kinds.js';
import type { Graph, RuleContext } from './types.js';

export function fact(r: Resource, name: string): Fact | undefined {
  return r.attrs.get(name);
}

/** The canonical value of an attribute when it is known (written or defaulted), else undefined. */
export function known(r: Resource, name: string): Value | undefined {
  const v = r.attrs.get(name)?.value;
  return v && v.kind !== 'unknown' ? v : undefined;
}

export function knownStringOf(v: Value | undefined): string | undefined {
  return v?.kind === 'string' ? v.value : undefined;
}

/** A boolean, or its string spelling (`"true"`, as ARM parameters and CLI flags write it). */
export function knownBoolOf(v: Value | undefined): boolean | undefined {
  if (v?.kind === 'bool') return v.value;
  if (v?.kind === 'string' && /^(true|false)$/i.test(v.value)) return v.value.toLowerCase() === 'true';
  return undefined;
}

/** A number, or a string of digits (ARM parameters, CLI flags). */
export function knownNumberOf(v: Value | undefined): number | undefined {
  if (v?.kind === 'number') return v.value;
  if (v?.kind === 'string' && /^\d+$/.test(v.value)) return Number(v.value);
  return undefined;
}

export function knownString(r: Resource, name: string): string | undefined {
  return knownStringOf(known(r, name));
}

export function knownBool(r: Resource, name: string): boolean | undefined {
  return knownBoolOf(known(r, name));
}

export function knownNumber(r: Resource, name: string): number | undefined {
  return knownNumberOf(known(r, name));
}

/** A value as messages show it: strings bare, booleans and numbers as written. */
export function showValue(v: Value | undefined): string {
  if (!v) return 'unset';
  switch (v.kind) {
    case 'string':
      return v.value;
    case 'bool':
    case 'number':
      return String(v.value);
    case 'null':
      return 'null';
    case 'list':
      return `[${v.items.map(showValue).join(', ')}]`;
    default:
      return v.kind;
  }
}

/**
 * The one phrase messages use for an attribute's state: "`x` is not set (defaults to
 * false)" for an absent attribute with a documented default, "`x` is not set" without one,
 * and "`x` is false" when written.
 */
export function describeFact(f: Fact | undefined, attr: string): string {
  const name = f?.sourcePath ?? attr;
  if (!f || f.value === undefined) return `${name} is not set`;
  if (f.defaulted) return `${name} is not set (defaults to ${f.written ?? showValue(f.value)})`;
  return `${name} is ${f.written ?? showValue(f.value)}`;
}

export function isUnknown(r: Resource, name: string): boolean {
  return r.attrs.get(name)?.value?.kind === 'unknown';
}

/**
 * Where a finding about an attribute points: the place the value was written (a literal,
 * a var-file line, a variable default, a parameter value), else — for an absent attribute
 * — the resource header. The chain it flowed through and the consuming attribute are
 * related locations.
 */
export function factLocations(r: Resource, name: string): { location: Location; related: Location[] } {
  const f = r.attrs.get(name);
  if (!f || f.defaulted || !f.value) return { location: r.header, related: [] };
  const location = f.value.origin ?? f.at ?? r.header;
  const related: Location[] = [];
  const add = (l: Location): void => {
    if (sameRange(l, location) || related.some((x) => sameRange(x, l))) return;
    related.push(l);
  };
  for (const l of f.value.via ?? []) add(l);
  // The consuming attribute, unless the literal is written right there.
  if (f.at && !contains(f.at, location)) add({ ...f.at, label: `attribute ${f.sourcePath}` });
  return { location, related };
}

export function sameRange(a: Location, b: Location): boolean {
  return a.file === b.file && a.range.start.offset === b.range.start.offset && a.range.end.offset === b.range.end.offset;
}

function contains(outer: Location, inner: Location): boolean {
  return outer.file === inner.file && outer.range.start.offset <= inner.range.start.offset && outer.range.end.offset >= inner.range.end.offset;
}

/**
 * A display name for messages: the resource's known name (a parameter's value when it is
 * known); an ARM/Bicep name with unknown parts written with `<…>` placeholders — a parameter
 * or variable by its name (`<keyVaultName>`, `<settings.keyVaultName>`), another expression
 * as written (`kv<uniqueString(resourceGroup().id)>`); otherwise the last segment of its
 * address (the Terraform label or the symbolic name).
 */
export function displayName(r: Resource): string {
  const n = r.name;
  if (n?.kind === 'string') return n.value;
  if (n?.kind === 'unknown' && n.token && !n.token.startsWith('tf:')) {
    const readable = (n as { tpl?: boolean }).tpl ? readableTemplate(n.token) : placeholder(n.token);
    if (readable !== undefined && readable.length <= 80) return readable;
  }
  const last = r.address.replace(/\[[^\]]*\]$/, '').split(/[/.]/).pop();
  return last || r.address;
}

/** `<x>` for an unknown part of a name: `parameters('x')`/`variables('x')` by name (with any property path), else the expression. */
export function placeholder(token: string): string {
  const m = /^(?:parameters|variables)\('([^']+)'\)((?:\.[A-Za-z_$][\w$]*|\[\d+\])*)$/.exec(token);
  if (m) return `<${m[1]! + m[2]!}>`;
  // Inside an expression a parameter or variable reads as its name, as in Bicep (`uniqueString(rg, workspaceName)`).
  return `<${token.replace(/(?:parameters|variables)\(('{1,2})([^']+)\1\)/g, '$2')}>`;
}

/**
 * An ARM template token (literal text with `{token}` holes, `{{`/`}}` for literal braces;
 * see `src/eval/arm/resourceid.ts`) with each hole as a placeholder. Undefined when the
 * braces do not balance.
 */
function readableTemplate(t: string): string | undefined {
  let out = '';
  for (let i = 0; i < t.length; i++) {
    const c = t[i]!;
    if ((c === '{' || c === '}') && t[i + 1] === c) {
      out += c;
      i++;
      continue;
    }
    if (c === '}') return undefined;
    if (c !== '{') {
      out += c;
      continue;
    }
    // A hole: up to the matching brace (a token may hold balanced braces of its own).
    let depth = 1;
    let j = i + 1;
    for (; j < t.length && depth > 0; j++) {
      if (t[j] === '{') depth++;
      else if (t[j] === '}') depth--;
    }
    if (depth !== 0) return undefined;
    out += placeholder(t.slice(i + 1, j - 1));
    i = j - 1;
  }
  return out;
}

function textsOf(v: Value | undefined): string[] {
  if (!v) return [];
  if (v.kind === 'string') return [v.value];
  if (v.kind === 'list') return v.items.flatMap(textsOf);
  if (v.kind === 'object') return [...v.entries].flatMap(([k, e]) => [k, ...textsOf(e)]);
  return [];
}

/**
 * RULES.md GPU001 "meant for GPU": the name says gpu; a label, tag or taint key or value
 * mentions gpu (`nvidia.com/gpu` included); or the size comes from a variable/parameter
 * whose name contains gpu. Returns the reason, for the message.
 */
export function gpuIntent(r: Resource): string | undefined {
  const label = r.address.split(/[.[\]"]/).filter(Boolean);
  if (r.name?.kind === 'string' && mentionsGpu(r.name.value)) return `its name "${r.name.value}" says GPU`;
  if (label.length && mentionsGpu(label[label.length - 1]!)) return `its name "${label[label.length - 1]}" says GPU`;
  for (const attr of ['labels', 'tags', 'taints']) {
    const hit = textsOf(known(r, attr)).find(mentionsGpu);
    if (hit) return `its ${attr === 'taints' ? 'taint' : attr === 'labels' ? 'label' : 'tag'} "${hit}" mentions GPU`;
  }
  const via = r.attrs.get('vmSize')?.value?.via ?? [];
  for (const l of via) {
    const m = /^(?:variable|parameter|param) "([^"]+)"/.exec(l.label ?? '');
    if (m && mentionsGpu(m[1]!)) return `its size comes from "${m[1]}"`;
  }
  return undefined;
}

export function hasGpuSize(r: Resource): boolean {
  const s = knownString(r, 'vmSize');
  return s !== undefined && isGpuSize(s);
}

/** Case-insensitive lookup of a tag; undefined when the tag map itself is unknown. */
export function tagState(r: Resource, tag: string): 'present' | 'missing' | 'unknown' {
  const f = r.attrs.get('tags');
  const v = f?.value;
  if (!v) return 'missing';
  if (v.kind === 'unknown') return 'unknown';
  if (v.kind !== 'object') return v.kind === 'null' ? 'missing' : 'unknown';
  for (const k of v.entries.keys()) if (k.toLowerCase() === tag.toLowerCase()) return 'present';
  return 'missing';
}

/**
 * The AML compute type of an `ml.compute` resource (the names: `src/model/facts/aml.ts`).
 * Undefined when not known. Rules on the new contract use `amlComputeTypeOf(ctx, c)`.
 */
export function amlComputeType(r: Resource): AmlComputeType | undefined {
  const fixed = knownString(r, 'computeType');
  if (fixed !== undefined) return computeTypeFromCanonical(fixed);
  const raw = knownString(r, 'computeTypeRaw');
  return raw === undefined ? undefined : computeTypeFromArm(raw);
}

/** The last segment of a resource's known name (`ws/cpu-cluster` → `cpu-cluster`), else undefined. */
export function leafName(r: Resource): string | undefined {
  const n = r.name?.kind === 'string' ? r.name.value : knownString(r, 'name');
  return n === undefined ? undefined : n.split('/').pop();
}

/** Narrows a resource to one kind (`g.target(…)` returns a resource of any kind). */
export function isKind<K extends ResourceKind>(r: Resource | undefined, kind: K): r is Resource<K> {
  return r?.kind === kind;
}

/**
 * Where an attribute's value was written (else the resource header): for a related location
 * on another resource than the one reported (`ctx.report` places the primary one itself).
 */
export function whereWritten(r: Resource, attr: string): Location {
  return factLocations(r, attr).location;
}

/**
 * Where a finding about one entry of a list attribute points (NET001: the port `22` in a
 * list of ranges): the entry as written, else the attribute's value; the chain the attribute
 * flowed through and the consuming attribute are related locations.
 */
export function entryLocations(r: Resource, attr: string, entry: Value): { location: Location; related: Location[] } {
  const at = factLocations(r, attr);
  const location = entry.origin ?? at.location;
  return { location, related: at.related.filter((l) => !sameRange(l, location)) };
}

/** The rule-context reads the helpers below need. */
type Reads = Pick<RuleContext, 'fact' | 'undecided'>;

/**
 * The AML compute type of an `ml.compute` (see `src/model/facts/aml.ts`): the canonical
 * `computeType` fixed by the azurerm type, else ARM/azapi `properties.computeType`. Read
 * through the rule context, so an unknown type is recorded as "could not decide".
 */
export function amlComputeTypeOf(ctx: Reads, c: Resource<'ml.compute'>): AmlComputeType | undefined {
  const fixed = ctx.fact(c, 'computeType').string();
  if (fixed !== undefined) return computeTypeFromCanonical(fixed);
  const raw = ctx.fact(c, 'computeTypeRaw').string();
  return raw === undefined ? undefined : computeTypeFromArm(raw);
}

/** Why a registry is network-restricted, and the place that restricts it. */
export interface RegistryRestriction {
  why: string;
  at: Location;
}

/**
 * Whether a container registry is network-restricted (RULES.md AML002, ACR002): public
 * network access disabled, a network rule set that denies by default, or a private endpoint
 * with group `registry` that targets it — checked in that order. Undefined when it is not
 * (or not known: the unknown reads are recorded as "could not decide").
 */
export function registryRestriction(ctx: Reads, g: Graph, acr: Resource<'acr'>): RegistryRestriction | undefined {
  if (ctx.fact(acr, 'publicNetworkAccess').bool() === false) return { why: 'public network access is disabled', at: whereWritten(acr, 'publicNetworkAccess') };
  const action = ctx.fact(acr, 'networkDefaultAction').string();
  if (action !== undefined && deniesByDefault(action)) return { why: 'its network rule set denies by default', at: whereWritten(acr, 'networkDefaultAction') };
  for (const pe of g.ofKind('private-endpoint')) {
    if (g.target(pe, 'target') !== acr) continue;
    const groups = ctx.fact(pe, 'groupIds').value;
    if (groups?.kind === 'list' && groups.items.some((x) => x.kind === 'string' && isRegistryGroup(x.value)))
      return { why: `private endpoint "${displayName(pe)}" (group registry) targets it`, at: { ...pe.header, label: 'private endpoint' } };
  }
  return undefined;
}
